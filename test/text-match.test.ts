// The tokenizer and the sentence splitter run on regular expressions (fast in
// a fresh process); these check them against the plain definitions, written
// here as loops over characters, on random text made of the hard cases.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {sentences, tokenize} from '../source/model/text/text-match.ts';
import {wordOf} from '../source/model/text/vocabulary.ts';

const isWordChar = (ch: string | undefined) => ch !== undefined && /\p{L}|\p{N}/u.test(ch);
const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';

/** Letters and digits; an apostrophe inside a word (not before a digit); . or , between digits. */
function referenceTokenize(text: string) {
	const words: string[] = [];
	const starts: number[] = [];
	const ends: number[] = [];
	let i = 0;
	while (i < text.length) {
		if (!isWordChar(text[i])) {
			i++;
			continue;
		}
		const start = i;
		while (i < text.length) {
			if (isWordChar(text[i])) i++;
			else if ((text[i] === "'" || text[i] === '\u2019') && isWordChar(text[i + 1]) && !isDigit(text[i + 1])) i++;
			else if ((text[i] === '.' || text[i] === ',') && isDigit(text[i - 1]) && isDigit(text[i + 1])) i++;
			else break;
		}
		words.push(text.slice(start, i).toLowerCase().replaceAll('\u2019', "'"));
		starts.push(start);
		ends.push(i);
	}
	return {words, starts, ends};
}

// Sentence ends as first written: at each . ! ? in turn, closers skipped, a
// space (or the end) after them; a period after a title, an abbreviation or
// initials ends nothing, unless the capital names a product ("Model X.").
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'inc', 'co', 'corp', 'ltd', 'vs', 'etc', 'e.g', 'i.e', 'no', 'approx', 'dept']);
const LETTER_NAMES = new Set(['model', 'series', 'class', 'type', 'plan', 'version', 'gen', 'option', 'phase', 'tier', 'grade']);
const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', ')', ']']);
const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();
function referenceSentences(text: string): [number, number][] {
	const wordBefore = (i: number, floor: number) => {
		let j = i;
		while (j > floor && (text[j - 1] === '.' || isWordChar(text[j - 1]))) j--;
		return text.slice(j, i);
	};
	const previousWord = (i: number) => {
		let j = i;
		while (j > 0 && text[j - 1] === ' ') j--;
		let k = j;
		while (k > 0 && isWordChar(text[k - 1])) k--;
		return text.slice(k, j).toLowerCase();
	};
	const isAbbreviation = (word: string) => {
		if (ABBREVIATIONS.has(word.toLowerCase())) return true;
		for (let k = 0; k < word.length; k++) if (k % 2 === 0 ? !isUpper(word[k]!) : word[k] !== '.') return false;
		return word.length % 2 === 1;
	};
	const out: [number, number][] = [];
	let start = 0;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (ch !== '.' && ch !== '!' && ch !== '?') continue;
		let end = i + 1;
		while (end < text.length && CLOSERS.has(text[end]!)) end++;
		if (end < text.length && text[end] !== ' ') continue;
		if (ch === '.') {
			const before = wordBefore(i, start);
			if (isAbbreviation(before) && !(before.length === 1 && LETTER_NAMES.has(previousWord(i - 1)))) continue;
		}
		if (end > start) out.push([start, end]);
		start = end;
		while (start < text.length && text[start] === ' ') start++;
		i = start - 1;
	}
	if (start < text.length) out.push([start, text.length]);
	return out;
}

const pieces = ['a', 'B', 'é', 'Ü', '日', '3', '0', ' ', '  ', '.', ',', "'", '\u2019', '-', '!', '?', '"', '”', ')', 'Mr', 'J', 'U.S', 'Model', 'X', 'we', 'll', '5,000', '1.5x', '$', '%', '—', '…', '\u0301', 'Σ', 'İ', 'ǅ', 'e.g', 'no', 'A', 'series', 'É'];
const texts = fc.array(fc.constantFrom(...pieces), {maxLength: 30}).map(p => p.join(''));

// Fewer pieces, mostly stops, closers and what comes before a period, so each meets the others often.
const sentenceTexts = fc
	.array(fc.constantFrom('.', '!', '?', ' ', ' ', "'", '"', '\u201d', '\u2019', ')', ']', 'Mr', 'mr', 'J', 'U.S', 'Model', 'X', 'e.g', 'approx', 'A', 'É', 'series', 'word', '5', '-', '\u00a0', 'AB', 'C'), {maxLength: 24})
	.map(p => p.join(''));

describe('text matching', () => {
	it('tokenize answers as the character-by-character definition', () => {
		fc.assert(
			fc.property(texts, text => {
				// Each word by its number: "İ" lower-cases to two characters and "Σ" by what follows, so such text is taken word by word.
				const {ids, starts, ends} = tokenize(text);
				assert.deepEqual({words: ids.map(wordOf), starts, ends}, referenceTokenize(text), JSON.stringify(text));
			}),
			{numRuns: 5000},
		);
	});

	it('sentences answer as the definition: the same spans on random text', () => {
		fc.assert(
			fc.property(sentenceTexts, text => assert.deepEqual(sentences(text), referenceSentences(text), JSON.stringify(text))),
			{numRuns: 5000},
		);
	});

	it('sentences split where they did before the regex: after . ! ? and closers, not after titles or initials', () => {
		assert.deepEqual(sentences('Mr. Musk said so. J.B. Straubel agreed! Model X. We ship. Done?'), [[0, 17], [18, 39], [40, 48], [49, 57], [58, 63]]);
		fc.assert(
			fc.property(texts, text => {
				const spans = sentences(text);
				// In order, not overlapping, each ending at the end or before a space, covering every non-space character.
				let at = 0;
				for (const [s, e] of spans) {
					assert.ok(s >= at && e > s && (e === text.length || text[e] === ' '), JSON.stringify([text, spans]));
					assert.ok(/^ *$/.test(text.slice(at, s)), JSON.stringify([text, spans]));
					at = e;
				}
				assert.ok(/^ *$/.test(text.slice(at)), JSON.stringify([text, spans]));
			}),
			{numRuns: 5000},
		);
	});
});
