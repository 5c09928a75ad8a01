// Worker thread: parses the library's new and changed files and hands each,
// ready to write, to the thread that writes the index — so that on two cores
// parsing and SQLite's work overlap (index-pipeline.ts).
import {parentPort, workerData} from 'node:worker_threads';
import {prepareFile, type FileEntry} from '../model/library/sync.js';
import {readParseCache} from './load-store.js';

const data = workerData as {files: FileEntry[]; cache: string; inFlight: SharedArrayBuffer};
const cache = readParseCache(new URL(data.cache));
const inFlight = new Int32Array(data.inFlight);
/** At most this many files wait to be written: the writer may be slower than the parser, and a parsed call is ~100 KB. */
const AHEAD = 16;
for (const file of data.files) {
	while (Atomics.load(inFlight, 0) >= AHEAD) Atomics.wait(inFlight, 0, Atomics.load(inFlight, 0), 1000);
	Atomics.add(inFlight, 0, 1);
	parentPort!.postMessage(prepareFile(file, cache));
}
