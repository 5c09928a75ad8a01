// Build step (build.mjs): runs dist/main.cjs once as `list` over the bundled
// calls (no index, settings in a scratch folder, output to nowhere), then saves
// V8's compiled code for the script, which now holds the functions a command
// runs, as dist/main.cache.
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {cliScript, runCli} from './cli-script.js';

const [path, out, entry] = process.argv.slice(2) as [string, string, string];
const file = resolve(path);
process.env['EARNINGS_READER_NO_INDEX'] = '1';
process.env['EARNINGS_READER_CONFIG_DIR'] = mkdtempSync(join(tmpdir(), 'earnings-reader-cache-step-'));
process.argv = [process.argv[0]!, fileURLToPath(entry), 'list'];
const script = cliScript(file);
process.once('beforeExit', () => {
	writeFileSync(out, script.createCachedData());
});
runCli(script, file, entry, () => import('yoga-layout'));
