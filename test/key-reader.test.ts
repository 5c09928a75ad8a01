// Terminal input → keys: what one read can hold, and what must never be typed.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {createKeyReader} from '../source/ui/input/key-reader.ts';
import {isPrintable} from '../source/model/input/sanitize.ts';

const keys = (...chunks: string[]) => {
	const reader = createKeyReader();
	return chunks.flatMap(c => reader.push(c));
};

describe('key reader', () => {
	it('splits one read into its keys', () => {
		assert.deepEqual(keys('kk\r'), ['k', 'k', 'return']);
		assert.deepEqual(keys('\u001B[B\u001B[A j'), ['down', 'up', 'space', 'j']);
		assert.deepEqual(keys('\u001B[5~\u001B[6~\u001B[H\u001B[F\u001BOA'), ['pageup', 'pagedown', 'home', 'end', 'up']);
		assert.deepEqual(keys('\t\u001B[Z\u0003'), ['tab', 'shift+tab', 'ctrl+c']);
	});

	it('two DEL bytes after letters are two Backspaces, never typed', () => {
		assert.deepEqual(keys('teslaabc\u007F\u007F'), ['t', 'e', 's', 'l', 'a', 'a', 'b', 'c', 'backspace', 'backspace']);
		assert.deepEqual(keys('a\b'), ['a', 'backspace']);
	});

	it('Esc then a key in one read is both (Esc ? no longer loses the Esc)', () => {
		assert.deepEqual(keys('\u001B?'), ['escape', '?']);
		assert.deepEqual(keys('\u001Bq'), ['escape', 'q']);
		assert.deepEqual(keys('\u001B'), ['escape']);
		assert.deepEqual(keys('\u001B\u001B[A'), ['escape', 'up']);
	});

	it('terminal replies are no keys: focus, mouse, cursor report, colour reply', () => {
		assert.deepEqual(keys('\u001B[I'), []);
		assert.deepEqual(keys('\u001B[O'), []);
		assert.deepEqual(keys('\u001B[<0;10;10M\u001B[<0;10;10m'), []);
		assert.deepEqual(keys('\u001B[M !!'), [], 'X10 mouse report');
		assert.deepEqual(keys('\u001B[12;40R'), []);
		assert.deepEqual(keys('\u001B]11;rgb:ffff/ffff/ffff\u001B\\'), []);
		assert.deepEqual(keys('\u001B]11;rgb:0000/0000/0000\u0007j'), ['j']);
		assert.deepEqual(keys('\u001BP1$r0m\u001B\\'), [], 'DCS reply');
		// Ink splits a reply at its escapes: the pieces arrive one by one.
		assert.deepEqual(keys('\u001B]', '11;rgb:ffff/ffff/ffff', '\u001B\\', 'k'), ['k']);
	});

	it('a string sequence left open ends with the read', () => {
		const reader = createKeyReader();
		assert.deepEqual(reader.push('\u001B]0;broken'), []);
		reader.end();
		assert.deepEqual(reader.push('jk'), ['j', 'k']);
	});

	it('C1 controls, bidi marks and other non-text are never keys', () => {
		assert.deepEqual(keys('\u009B31m\u0085a\u202Eb\u2066c\uFEFF'), ['a', 'b', 'c']);
		assert.deepEqual(keys('\u009D0;PWNED\u0007x'), ['x']);
		assert.deepEqual(keys('\u0000\u001C'), []);
	});

	it('a bracketed paste is text: its line ends are spaces, not Enter', () => {
		assert.deepEqual(keys('\u001B[200~a\nb\u001B[201~\r'), ['a', 'space', 'b', 'return']);
	});

	it('keeps letters beyond ASCII and astral characters whole', () => {
		assert.deepEqual(keys('é日👍'), ['é', '日', '👍']);
	});

	it('property: whatever arrives, every key is a name or one printable character', () => {
		const anything = fc.string({unit: fc.oneof(fc.constantFrom('\u001B', '[', ']', '\u0007', '\\', 'O', '~', ';', '\u009B', '\u009D', '\u007F', '\r', '\u202E', '200', '201'), fc.integer({min: 0, max: 0x2100}).map(c => String.fromCharCode(c)))});
		fc.assert(
			fc.property(fc.array(anything, {maxLength: 4}), chunks => {
				for (const name of keys(...chunks)) assert.ok(isPrintable(name) || /^(?:[a-z]+|shift\+tab|ctrl\+[a-z])$/.test(name) && name.length > 1, JSON.stringify(name));
			}),
			{numRuns: 2000},
		);
	});
});
