// Run in a fresh process by bench/run.ts: builds the search index over the five
// bundled calls and warms the search as the reader does after its first frame
// (prepareSearch), then answers each keystroke of a few queries typed a letter
// at a time, timing every answer.
import {readFileSync} from 'node:fs';
import {loadLibrary} from '../source/model/input/library.js';
import {prepareSearch, search} from '../source/model/search/search.js';

const store = loadLibrary({cache: JSON.parse(readFileSync('dist/parsed-calls.json', 'utf8'))});
const t0 = performance.now();
prepareSearch(store);
const index = performance.now() - t0;
const keystrokes: number[] = [];
for (const query of ['gigafactory', '"gross margin"', 'speaker:musk model 3', 'battery -cost call:2017', 'gigafactry']) {
	for (let i = 1; i <= query.length; i++) {
		const t = performance.now();
		search(store, query.slice(0, i));
		keystrokes.push(performance.now() - t);
	}
}
const sorted = [...keystrokes].sort((a, b) => a - b);
process.stdout.write(JSON.stringify({index, median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)], max: sorted[sorted.length - 1], n: sorted.length}));
