// The CLI as one classic script (dist/main.cjs), run by the command's entry
// module (bin.ts) and, at build time, by the step that caches its code
// (write-main-cache.ts).
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {Script} from 'node:vm';

type Run = (exports: object, require: NodeJS.Require, module: object, url: string, importYoga: () => Promise<unknown>) => void;

/** Compiles the CLI's script at `file`, with V8's cached code for it if given. */
export function cliScript(file: string, cachedData?: Buffer): Script {
	return new Script(`(function (exports, require, module, __main_url, __import_yoga) {${readFileSync(file, 'utf8')}\n})`, {filename: file, cachedData});
}

/**
 * Runs it as the CLI at `url` (dist/cli.js): its workers, the reader and the
 * bundled calls are found from there. `importYoga` is the entry module's
 * import(), which a classic script has not.
 */
export function runCli(script: Script, file: string, url: string, importYoga: () => Promise<unknown>): void {
	(script.runInThisContext() as Run)({}, createRequire(file), {exports: {}}, url, importYoga);
}
