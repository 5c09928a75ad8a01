// Worker thread: reads and parses the transcripts while the main thread
// imports Ink and React — the two take similar time and these machines have
// two cores. Posts plain data; the main thread indexes it (store.ts).
import {parentPort, workerData} from 'node:worker_threads';
import {collectInputs} from '../model/library.js';
import {parseInputs} from '../model/store.js';

const {inputs, skipped} = collectInputs({dirs: (workerData as {dirs: string[]}).dirs});
const parsed = parseInputs(inputs);
parentPort!.postMessage({calls: parsed.calls, skipped: [...skipped, ...parsed.skipped]});
