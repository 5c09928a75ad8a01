// What the build does to start faster: dependency patches and the reader as a
// script with V8's cached code. These check that neither changes an answer.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {describe, it} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {Script} from 'node:vm';
import fc from 'fast-check';
// @ts-expect-error: a plain .mjs build helper, no types.
import {applyPatch, TOKENIZE_BY_CODE_UNIT} from '../source/build/dependency-patches.mjs';

type Tokenize = (s: string) => unknown[];

/** Ink's tokenizer as the bundle has it: the patched file, its imports pointed back at node_modules. */
async function patchedTokenize(): Promise<Tokenize> {
	const file = fileURLToPath(import.meta.resolve('@alcalzone/ansi-tokenize')).replace(/index\.js$/, 'tokenize.js');
	const dir = pathToFileURL(dirname(file)).href;
	const source = (applyPatch('test', file, TOKENIZE_BY_CODE_UNIT) as string)
		.replace('from "is-fullwidth-code-point"', `from ${JSON.stringify(import.meta.resolve('is-fullwidth-code-point'))}`)
		.replace('from "./ansiCodes.js"', `from ${JSON.stringify(`${dir}/ansiCodes.js`)}`)
		// A relative source map cannot be found from a data: URL.
		.replace(/\/\/# sourceMappingURL=.*/, '');
	const module = (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as {tokenize: Tokenize};
	return module.tokenize;
}

describe('build', () => {
	it('the patched tokenizer (one code unit a grapheme where none can join) answers as the original', async () => {
		const patched = await patchedTokenize();
		const {tokenize: original} = (await import(import.meta.resolve('@alcalzone/ansi-tokenize'))) as {tokenize: Tokenize};
		const pieces = ['a', ' ', '·', '…', '—', '█', '│', '→', '日', 'e\u0301', '\u20DD', '\u2122\uFE0F', '👍', '🇫🇷', '\r\n', '\r', '\n', '\u00AD', '\u200D', '\u001B[31m', '\u001B[0m', '\u001B]8;;http://x\u0007', 'x\u001B]8;;\u0007'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 10}), parts => {
				const s = parts.join('');
				assert.deepEqual(patched(s), original(s), JSON.stringify(s));
			}),
			{numRuns: 3000},
		);
	});

	it('dist/ui.cjs starts from its cache: V8 takes the cached code the build wrote', () => {
		const file = join(import.meta.dirname, '..', 'dist', 'ui.cjs');
		const source = readFileSync(file, 'utf8');
		// The same wrapper cli/load-ui.ts compiles; a cache V8 rejects would still work, only slower.
		const script = new Script(`(function (exports, require, module, __ui_url) {${source}\n})`, {filename: file, cachedData: readFileSync(join(import.meta.dirname, '..', 'dist', 'ui.cache'))});
		assert.equal(script.cachedDataRejected, false);
	});
});
