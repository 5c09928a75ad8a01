// Run in a fresh process by bench/run.ts: times computing every metric
// (callReport) for the five bundled calls — cold, as the first open pays, and
// warm, on freshly loaded calls in the same process (the per-call caches empty).
import {loadLibrary} from '../source/model/library.js';
import {callReport} from '../source/model/report.js';

const time = () => {
	const store = loadLibrary();
	const t = performance.now();
	for (const call of store.calls) callReport(store, call);
	return performance.now() - t;
};
const cold = time();
const warm: number[] = [];
for (let i = 0; i < 9; i++) warm.push(time());
warm.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({cold, warm: warm[4]}));
