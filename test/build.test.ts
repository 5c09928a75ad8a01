// What the build does to start faster: dependency patches and the reader as a
// script with V8's cached code. These check that neither changes an answer.
import assert from 'node:assert/strict';
import {readFileSync, statSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {describe, it} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';
import fc from 'fast-check';
import {cliScript, wrappedScript} from '../source/cli/cli-script.ts';
import {UI_PARAMS} from '../source/cli/load-ui.ts';
// @ts-expect-error: a plain .mjs build helper, no types.
import {applyPatch, STYLED_CHARS_SAME_STYLE, TOKENIZE_BY_CODE_UNIT} from '../source/build/dependency-patches.mjs';

type Tokenize = (s: string) => {type: string}[];
type StyledChar = {type: string; value: string; fullWidth: boolean; styles: {code: string; endCode: string}[]};
const TOKENIZER = fileURLToPath(import.meta.resolve('@alcalzone/ansi-tokenize')).replace(/index\.js$/, '');

/** One of Ink's tokenizer's files as the bundle has it: patched, its imports pointed back at node_modules. */
async function patched<T>(name: string, replacements: unknown): Promise<T> {
	const file = `${TOKENIZER}${name}`;
	const source = (applyPatch('test', file, replacements) as string)
		.replace(/from "(\.\/[^"]+)"/g, (_, path: string) => `from ${JSON.stringify(pathToFileURL(`${TOKENIZER}${path.slice(2)}`).href)}`)
		.replace(/from "([^".][^"]*)"/g, (_, bare: string) => `from ${JSON.stringify(import.meta.resolve(bare))}`)
		// A relative source map cannot be found from a data: URL.
		.replace(/\/\/# sourceMappingURL=.*/, '');
	return (await import(`data:text/javascript,${encodeURIComponent(source)}`)) as T;
}

const original = async <T>(name: string) => (await import(pathToFileURL(`${TOKENIZER}${name}`).href)) as T;

describe('build', () => {
	it('the patched tokenizer (one code unit a grapheme where none can join) answers as the original', async () => {
		const {tokenize: fast} = await patched<{tokenize: Tokenize}>('tokenize.js', TOKENIZE_BY_CODE_UNIT);
		const {tokenize: slow} = await original<{tokenize: Tokenize}>('tokenize.js');
		const pieces = ['a', ' ', '·', '…', '—', '█', '│', '→', '日', 'e\u0301', '\u20DD', '\u2122\uFE0F', '👍', '🇫🇷', '\r\n', '\r', '\n', '\u00AD', '\u200D', '\u001B[31m', '\u001B[0m', '\u001B]8;;http://x\u0007', 'x\u001B]8;;\u0007'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 10}), parts => {
				const s = parts.join('');
				assert.deepEqual(fast(s), slow(s), JSON.stringify(s));
			}),
			{numRuns: 3000},
		);
	});

	it('the patched styled-chars-to-string (no diff between cells of one style) writes what the original writes', async () => {
		type Module = {styledCharsFromTokens: (t: unknown[]) => StyledChar[]; styledCharsToString: (c: StyledChar[]) => string};
		const fast = await patched<Module>('styledChars.js', STYLED_CHARS_SAME_STYLE);
		const slow = await original<Module>('styledChars.js');
		const {tokenize} = await original<{tokenize: Tokenize}>('tokenize.js');
		const pieces = ['a', 'b', ' ', '\u001B[1m', '\u001B[2m', '\u001B[22m', '\u001B[31m', '\u001B[39m', '\u001B[38;5;12m', '\u001B[48;2;1;2;3m', '\u001B[7m', '\u001B[27m', '\u001B[0m', '\u001B]8;;http://x\u0007', '\u001B]8;;\u0007'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 14}), parts => {
				const chars = slow.styledCharsFromTokens(tokenize(parts.join('')));
				// The patched tokens to cells: the same cells, their style arrays shared.
				assert.deepEqual(fast.styledCharsFromTokens(tokenize(parts.join(''))), chars, JSON.stringify(parts));
				// Cells as Ink's output grid holds them: each with its own copy of its styles.
				const copies = chars.map(c => ({...c, styles: c.styles.map(code => ({...code}))}));
				assert.equal(fast.styledCharsToString(copies), slow.styledCharsToString(chars), JSON.stringify(parts));
				assert.equal(fast.styledCharsToString(fast.styledCharsFromTokens(tokenize(parts.join('')))), slow.styledCharsToString(chars), JSON.stringify(parts));
			}),
			{numRuns: 3000},
		);
	});

	it('dist/cli.js, the command npm links, keeps its run bit after a build (npm test builds)', () => {
		const mode = statSync(join(import.meta.dirname, '..', 'dist', 'cli.js')).mode;
		assert.equal(mode & 0o111, 0o111, `mode ${(mode & 0o777).toString(8)}`);
		assert.match(readFileSync(join(import.meta.dirname, '..', 'dist', 'cli.js'), 'utf8'), /^#!\/usr\/bin\/env node\n/);
	});

	it('dist/ui.cjs starts from its cache: V8 takes the cached code the build wrote', () => {
		const file = join(import.meta.dirname, '..', 'dist', 'ui.cjs');
		const source = readFileSync(file, 'utf8');
		// The wrapper cli/load-ui.ts compiles; a cache V8 rejects would still work, only slower.
		const script = wrappedScript(file, source, UI_PARAMS, readFileSync(join(import.meta.dirname, '..', 'dist', 'ui.cache')));
		assert.equal(script.cachedDataRejected, false);
	});

	it('dist/main.cjs, the CLI, starts from its cache too, and holds what a command runs', () => {
		const dist = join(import.meta.dirname, '..', 'dist');
		const cache = readFileSync(join(dist, 'main.cache'));
		assert.equal(cliScript(join(dist, 'main.cjs'), cache).cachedDataRejected, false);
		// Made after a run of `list`, not before one: more than the top level alone.
		const topLevel = cliScript(join(dist, 'main.cjs')).createCachedData().length;
		assert.ok(cache.length > topLevel * 1.2, `${cache.length} bytes against ${topLevel} for the top level`);
	});
});
