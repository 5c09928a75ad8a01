// The command, as installed (dist/cli.js): runs the CLI, dist/main.cjs, as one
// classic script with V8's code for it cached at build time (dist/main.cache;
// build.mjs, write-main-cache.ts). Why: Node 20 keeps no compiled code for ES
// modules, and loading the CLI as ten of them was ~45 ms before any command
// ran (`--version`, measured), much of it compiling. A cache V8 rejects
// (another Node version) costs only the compile it would have saved.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {cliScript, runCli} from './cli-script.js';

const main = fileURLToPath(new URL('./main.cjs', import.meta.url));
let cachedData: Buffer | undefined;
try {
	cachedData = readFileSync(fileURLToPath(new URL('./main.cache', import.meta.url)));
} catch {}
runCli(cliScript(main, cachedData), main, import.meta.url, () => import('yoga-layout'));
