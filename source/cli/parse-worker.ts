// Worker thread: reads and parses the transcripts while the main thread
// imports Ink and React — the two take similar time and these machines have
// two cores. Posts plain data; the main thread indexes it (store.ts).
import {parentPort, workerData} from 'node:worker_threads';
import {collectInputs} from '../model/input/library.js';
import {parseInputs} from '../model/store/store.js';
import {readParseCache} from './load-store.js';

const data = workerData as {dirs: string[]; cache: string; noBundled?: boolean};
const {inputs, skipped} = collectInputs({dirs: data.dirs, noBundled: data.noBundled});
const parsed = parseInputs(inputs, readParseCache(new URL(data.cache)));
parentPort!.postMessage({calls: parsed.calls, skipped: [...skipped, ...parsed.skipped]});
