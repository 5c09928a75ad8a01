// Run in a fresh process by bench/run.ts: opens a library through its index
// (already made), warms the search as the reader does after its first frame,
// then answers each keystroke of a few queries typed a letter at a time as the
// reader does (ui/hooks/search-hits.ts): the first page of hits, newest call
// first, from the index.
import {openLibrary} from '../source/model/library/open-library.js';
import {prepareSearch} from '../source/model/search/search.js';
import {FIRST, hitSet} from '../source/ui/hooks/search-hits.js';

const [dir, indexDir] = process.argv.slice(2);
const t0 = performance.now();
const {store} = openLibrary({dirs: [dir!], indexDir});
const open = performance.now() - t0;
const t1 = performance.now();
prepareSearch(store);
const warm = performance.now() - t1;
const keystrokes: number[] = [];
let hits = 0;
for (const query of ['gross margin', '"supply chain"', 'guidance raised', 'demand company:apple', 'inventory role:analyst', 'pricing section:qa after:2019', 'margn', 'free cash flow before:2018']) {
	for (let i = 1; i <= query.length; i++) {
		const t = performance.now();
		hits += hitSet(store, query.slice(0, i), null, 'newest').hits.length;
		keystrokes.push(performance.now() - t);
	}
}
const sorted = [...keystrokes].sort((a, b) => a - b);
process.stdout.write(JSON.stringify({first: FIRST, calls: store.calls.length, open, warm, hits, median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)], max: sorted[sorted.length - 1], n: sorted.length}));
