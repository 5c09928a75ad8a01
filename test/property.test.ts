// The loader and parser never throw and never hang, whatever the bytes.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {loadBytes} from '../source/model/input/load.ts';
import {parseTranscript} from '../source/model/parse/parse.ts';
import {isClean} from '../source/model/input/sanitize.ts';
import {transcript} from './helpers.ts';

const seeds = ['tesla-2012-q1', 'tesla-2017-q2'].map(id => readFileSync(transcript(`${id}.txt`)));

/** Load and parse; returns the time taken. Throws only if the code under test does. */
function run(bytes: Uint8Array): number {
	const start = performance.now();
	const loaded = loadBytes(bytes, 'p.txt');
	if (loaded.ok) {
		assert.ok(isClean(loaded.source.text));
		const {call} = parseTranscript(loaded.source.text);
		for (const t of call.turns) for (const p of t.paragraphs) assert.ok(isClean(p.text));
	}
	return performance.now() - start;
}

describe('property: loader and parser', () => {
	it('random bytes never throw', () => {
		fc.assert(fc.property(fc.uint8Array({maxLength: 4000}), bytes => void run(bytes)), {numRuns: 300});
	});

	it('random text (any code points, controls, escapes) never throws and loads clean', () => {
		const piece = fc.oneof(
			fc.string({unit: 'binary', maxLength: 80}),
			fc.constantFrom('\n', '\r\n', '\n\n', 'Operator', 'Elon Musk', 'Adam Jonas - Morgan Stanley', 'Question-and-Answer Session', '\u001B]52;c;eA==\u0007', '\u001B[2J', '\u009B31m', '\u202E', 'Name: text', '=====', '--------------------', 'Jane Roe [3]', '\\$', '(12:34)'),
		);
		fc.assert(
			fc.property(fc.array(piece, {maxLength: 120}), parts => void run(Buffer.from(parts.join(''), 'utf8'))),
			{numRuns: 300},
		);
	});

	it('mutated seeds (bytes flipped, lines cut, deleted, duplicated) never throw', () => {
		const mutation = fc.record({
			seed: fc.integer({min: 0, max: seeds.length - 1}),
			edits: fc.array(fc.record({at: fc.nat(), kind: fc.integer({min: 0, max: 3}), len: fc.integer({min: 1, max: 400}), byte: fc.integer({min: 0, max: 255})}), {maxLength: 20}),
		});
		fc.assert(
			fc.property(mutation, ({seed, edits}) => {
				let bytes = Buffer.from(seeds[seed]!);
				for (const e of edits) {
					const at = e.at % Math.max(1, bytes.length);
					if (e.kind === 0) bytes[at] = e.byte;
					else if (e.kind === 1) bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + e.len)]);
					else if (e.kind === 2) bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + e.len), bytes.subarray(at)]);
					else bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([e.byte, 0x0a]), bytes.subarray(at)]);
				}
				run(bytes);
			}),
			{numRuns: 60},
		);
	});

	it('pathological text: only labels, 100k blank lines, one 5 MB line — each well under a second', () => {
		const onlyLabels = Array.from({length: 20000}, (_, i) => (i % 3 ? `Person Number${i % 50} - Firm ${i % 7}` : 'Operator')).join('\n');
		const blanks = '\n'.repeat(100_000);
		const longLine = 'word '.repeat(1_000_000);
		const longLabels = `${'Elon Musk - '.repeat(400_000)}\n`;
		const escapes = '\u001B['.repeat(1_000_000);
		for (const [name, text] of Object.entries({onlyLabels, blanks, longLine, longLabels, escapes})) {
			const ms = run(Buffer.from(text, 'utf8'));
			assert.ok(ms < 3000, `${name} took ${ms.toFixed(0)} ms`);
		}
	});
});
