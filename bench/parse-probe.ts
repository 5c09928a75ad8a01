// Run in a fresh process by bench/run.ts: times loading, parsing and indexing
// the five bundled calls — once cold (what start-up pays) and then warm.
import {loadLibrary} from '../source/model/input/library.js';

const t0 = performance.now();
const store = loadLibrary();
const cold = performance.now() - t0;
const warm: number[] = [];
for (let i = 0; i < 20; i++) {
	const t = performance.now();
	loadLibrary();
	warm.push(performance.now() - t);
}
warm.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({cold, warm: warm[10], turns: store.calls.reduce((n, c) => n + c.turns.length, 0)}));
