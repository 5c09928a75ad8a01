// Worker thread: one of two that read and parse a library's files for an
// answer from memory (parallel-load.ts). Files are taken one at a time from a
// shared counter, so a thread that draws long files does fewer of them.
import {createHash} from 'node:crypto';
import {parentPort, workerData} from 'node:worker_threads';
import {loadFile} from '../model/input/load.js';
import type {FileEntry} from '../model/library/scan.js';
import {parseOne} from '../model/store/store.js';
import {toPortable} from '../model/store/portable.js';
import {readParseCache} from './load-store.js';

const data = workerData as {files: FileEntry[]; cache: string; next: SharedArrayBuffer; withTurns: boolean; hashed: boolean[]};
const cache = readParseCache(new URL(data.cache));
const next = new Int32Array(data.next);
// Results go in batches: a message has a fixed cost, and one a call was ~120 ms
// of each thread's 1.4 s over 1,000 calls (profiled).
const BATCH = 16;
let batch: object[] = [];
const post = (result: object) => {
	batch.push(result);
	if (batch.length >= BATCH) {
		parentPort!.postMessage(batch);
		batch = [];
	}
};
for (let i = Atomics.add(next, 0, 1); i < data.files.length; i = Atomics.add(next, 0, 1)) {
	const file = data.files[i]!;
	const loaded = loadFile(file.path);
	if (!loaded.ok) {
		post({i, skipped: loaded.skipped});
		continue;
	}
	// Two files can be one text only when their sizes agree: only those are hashed, for the main thread to compare.
	const hash = data.hashed[i] ? createHash('sha1').update(loaded.source.text).digest('hex') : `#${i}`;
	const one = parseOne({source: loaded.source, known: file.known, bundled: file.bundled}, cache);
	post(one.call ? {i, hash, call: toPortable(one.call, data.withTurns)} : {i, hash, skipped: one.skipped});
}
if (batch.length) parentPort!.postMessage(batch);
parentPort!.postMessage({end: true});
