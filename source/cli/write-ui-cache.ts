// Build step (build.mjs): runs dist/ui.cjs, renders the app once into a
// terminal that goes nowhere, then saves V8's compiled code for the script,
// which now holds every function the first frame runs, as dist/ui.cache.
import {readFileSync, writeFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {loadStore, parseCacheUrl} from './load-store.js';
import {runUiScript} from './load-ui.js';

const [path, out, entry] = process.argv.slice(2) as [string, string, string];
const file = resolve(path);
const {ui, script} = await runUiScript(file, readFileSync(file, 'utf8'));
await ui.warmUp(loadStore({}, parseCacheUrl(entry)));
writeFileSync(out, script.createCachedData());
process.exit(0);
