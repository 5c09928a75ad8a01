// Loads the interactive path. The build ships it as one classic script,
// dist/ui.cjs, with a V8 code cache made at build time, dist/ui.cache (see
// build.mjs and write-ui-cache.ts). Node 20 keeps no compiled code for ES
// modules, and compiling Ink, React and the app was much of the first frame.
// A cache V8 rejects (another Node version) costs only the compile it would
// have saved. Run from source, there is no script: the ES module is imported.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {fileURLToPath, pathToFileURL} from 'node:url';
import type {Script} from 'node:vm';
import {wrappedScript} from './cli-script.js';
import {importYoga} from './yoga-import.js';

export type Ui = typeof import('../ui/script-entry.js');

/** The reader's script's wrapper: the build defines import.meta.url as __ui_url in it. */
export const UI_PARAMS = ['exports', 'require', 'module', '__ui_url'] as const;

/** Runs the script at `file`, with V8's cached code for it if given. */
export async function runUiScript(file: string, source: string, cachedData?: Buffer): Promise<{ui: Ui; script: Script}> {
	// Yoga starts with a top-level await, which a classic script cannot hold: it stays an ES module, loaded first.
	const {default: yoga} = await importYoga();
	const script = wrappedScript(file, source, UI_PARAMS, cachedData);
	const nodeRequire = createRequire(file);
	const module = {exports: {} as Ui};
	const run = script.runInThisContext() as (e: object, r: (id: string) => unknown, m: object, url: string) => void;
	// The build defines import.meta.url as __ui_url in the script.
	run(module.exports, (id: string) => (id === 'yoga-layout' ? yoga : nodeRequire(id)), module, pathToFileURL(file).href);
	return {ui: module.exports, script};
}

export async function loadUi(entry: string): Promise<Ui> {
	const file = fileURLToPath(new URL('./ui.cjs', entry));
	let source: string;
	try {
		source = readFileSync(file, 'utf8');
	} catch {
		// Not built: from source (tsx). A name esbuild cannot follow, so the bundle holds the UI once, in ui.cjs.
		const module = '../ui/script-entry.js';
		return import(module) as Promise<Ui>;
	}
	let cachedData: Buffer | undefined;
	try {
		cachedData = readFileSync(fileURLToPath(new URL('./ui.cache', entry)));
	} catch {}
	return (await runUiScript(file, source, cachedData)).ui;
}
