// Run in a fresh process by bench/run.ts: times what the reader pays at start-up
// to have its store — reading the five bundled calls, taking their parses from
// the build's cache, indexing — step by step, cold.
import {readFileSync} from 'node:fs';
import {collectInputs} from '../source/model/input/library.js';
import {indexCalls, parseInputs, type ParseCache} from '../source/model/store/store.js';

const t0 = performance.now();
const cache = JSON.parse(readFileSync('dist/parsed-calls.json', 'utf8')) as ParseCache;
const t1 = performance.now();
const {inputs, skipped} = collectInputs({});
const t2 = performance.now();
const parsed = parseInputs(inputs, cache);
const t3 = performance.now();
indexCalls(parsed.calls, skipped);
const t4 = performance.now();
process.stdout.write(JSON.stringify({cache: t1 - t0, read: t2 - t1, parse: t3 - t2, index: t4 - t3, total: t4 - t0}));
