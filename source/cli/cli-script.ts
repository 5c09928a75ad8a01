// The CLI as one classic script (dist/main.cjs), run by the command's entry
// module (bin.ts) and, at build time, by the step that caches its code
// (write-main-cache.ts); and the wrapper the reader's script is run in too
// (load-ui.ts).
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {Script} from 'node:vm';

type Run = (exports: object, require: NodeJS.Require, module: object, url: string, importYoga: () => Promise<unknown>) => void;

/**
 * A bundle of build.mjs's classicScript as a function of `params` (its
 * CommonJS names, then the names it was built to take), compiled with V8's
 * cached code for it if given. The CLI's and the reader's scripts both.
 */
export function wrappedScript(file: string, source: string, params: readonly string[], cachedData?: Buffer): Script {
	return new Script(`(function (${params.join(', ')}) {${source}\n})`, {filename: file, cachedData});
}

/** Compiles the CLI's script at `file`, with V8's cached code for it if given. */
export function cliScript(file: string, cachedData?: Buffer): Script {
	return wrappedScript(file, readFileSync(file, 'utf8'), ['exports', 'require', 'module', '__main_url', '__import_yoga'], cachedData);
}

/**
 * Runs it as the CLI at `url` (dist/cli.js): its workers, the reader and the
 * bundled calls are found from there. `importYoga` is the entry module's
 * import(), which a classic script has not.
 */
export function runCli(script: Script, file: string, url: string, importYoga: () => Promise<unknown>): void {
	(script.runInThisContext() as Run)({}, createRequire(file), {exports: {}}, url, importYoga);
}
