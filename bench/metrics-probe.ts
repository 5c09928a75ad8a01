// Run in a fresh process by bench/run.ts: times computing every metric
// (callReport) for the five bundled calls, on freshly loaded calls each time
// (the per-call caches empty). The calls come from the build's parse cache,
// as in the reader.
// - cold: the first pass in the process, before V8 has compiled or optimised
//   any of it: what the reader pays once, in the background after its first
//   frame.
// - warm: the steady state, the computation itself: the median of 9 passes
//   after 5 unmeasured ones (V8 takes several passes to optimise all of it:
//   passes 2 to 6 still ran 1.5-3x slower, measured).
import {readFileSync} from 'node:fs';
import {loadLibrary} from '../source/model/input/library.js';
import {callReport} from '../source/model/metrics/report.js';

const cache = JSON.parse(readFileSync('dist/parsed-calls.json', 'utf8'));
const time = () => {
	const store = loadLibrary({cache: structuredClone(cache)});
	const t = performance.now();
	for (const call of store.calls) callReport(store, call);
	return performance.now() - t;
};
const cold = time();
for (let i = 0; i < 5; i++) time();
const warm: number[] = [];
for (let i = 0; i < 9; i++) warm.push(time());
warm.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({cold, warm: warm[4]}));
