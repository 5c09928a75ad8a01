// Run in a fresh process by bench/run.ts: times computing every metric
// (callReport) for the five bundled calls — cold, as the reader pays right
// after its first frame, and warm, on freshly loaded calls in the same process
// (the per-call caches empty). The calls come from the build's parse cache, as
// in the reader.
import {readFileSync} from 'node:fs';
import {loadLibrary} from '../source/model/library.js';
import {callReport} from '../source/model/report.js';

const cache = JSON.parse(readFileSync('dist/parsed-calls.json', 'utf8'));
const time = () => {
	const store = loadLibrary({cache: structuredClone(cache)});
	const t = performance.now();
	for (const call of store.calls) callReport(store, call);
	return performance.now() - t;
};
const cold = time();
const warm: number[] = [];
for (let i = 0; i < 9; i++) warm.push(time());
warm.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({cold, warm: warm[4]}));
