// Words, sentences and phrase lists over a call's text, with character offsets,
// so every count can be traced back to the exact words behind it (drill-down).
import type {Call, Paragraph} from '../types.js';
import {wordId, wordOf} from './vocabulary.js';

/** A stretch of one paragraph's text: `text.slice(start, end)`. */
export interface Span {
	turn: number;
	paragraph: number;
	start: number;
	end: number;
}

/**
 * A paragraph's words as parallel arrays (not an object per word: a call has
 * ~10,000 words and every metric walks them; measured 3x faster this way).
 * `ids[i]` is the word's number in the vocabulary (vocabulary.ts; `wordOf`
 * gives the word: lower case, curly apostrophes made straight); it stood at
 * `text.slice(starts[i], ends[i])`. No array of the words themselves: the
 * metrics compare numbers, and building it was a sixth of tokenizing (measured).
 */
export interface Tokens {
	ids: number[];
	starts: number[];
	ends: number[];
}

/** The words of a text, as tokenize finds them (a query, a phrase of a list). */
export const tokenWords = (text: string): string[] => tokenize(text).ids.map(wordOf);

const LETTER = /\p{L}|\p{N}/u;
const isAsciiWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
/** Whether the character at `i` is a letter or a digit (any script). */
export function isWordChar(text: string, i: number): boolean {
	const c = text.charCodeAt(i);
	if (c < 128) return isAsciiWordChar(c);
	// General punctuation (’ “ ” — …) is common and never a letter: answered
	// here, the Unicode-class regex is not compiled for it (~9 ms, measured,
	// on the reader's start-up path, where the lexicon tokenizes "don’t").
	if (c >= 0x2000 && c <= 0x206f) return false;
	return LETTER.test(text[i]!);
}

/**
 * Letters and digits, keeping an inner apostrophe (don't, we'll) and the
 * decimal point or thousands comma inside a number (1.5, 5,000) as one word.
 * Hyphens split, so "Model-3" and "Model 3" give the same words. One regular
 * expression: its engine runs as machine code from the first call, where a
 * loop over characters in JavaScript ran ~2x slower in a fresh process
 * (measured; the reader tokenizes every call once, right after start-up).
 */
const WORD = /[\p{L}\p{N}]+(?:(?:['\u2019](?!\d)|(?<=\d)[.,](?=\d))[\p{L}\p{N}]+)*/gu;
// The same on lower-case text with no letter or digit beyond ASCII (most
// paragraphs: the general punctuation block, ’ “ ” — …, has none): a
// pattern without Unicode classes runs ~25% faster (measured).
const ASCII_WORD = /[a-z0-9]+(?:(?:'(?![0-9])|(?<=[0-9])[.,](?=[0-9]))[a-z0-9]+)*/g;
const BEYOND_ASCII = /[^\x00-\x7f\u2000-\u206f]/;

export function tokenize(text: string): Tokens {
	const ids: number[] = [];
	const starts: number[] = [];
	const ends: number[] = [];
	// Lower case and straight apostrophes once for the paragraph, not per word,
	// where that gives the same words: unless a letter such as "İ" lower-cases
	// to two (the offsets would move), or a capital sigma is there (its lower
	// case depends on what follows: "Σ." is final in a word, not in the text).
	let lower = text.toLowerCase();
	const inPlace = lower.length === text.length && !text.includes('\u03a3');
	if (!inPlace) lower = text;
	else if (lower.includes('\u2019')) lower = lower.replaceAll('\u2019', "'");
	const pattern = inPlace && !BEYOND_ASCII.test(lower) ? ASCII_WORD : WORD;
	pattern.lastIndex = 0;
	for (let m = pattern.exec(lower); m !== null; m = pattern.exec(lower)) {
		let word = m[0];
		if (!inPlace) {
			word = word.toLowerCase();
			if (word.includes('\u2019')) word = word.replaceAll('\u2019', "'");
		}
		ids.push(wordId(word));
		starts.push(m.index);
		ends.push(m.index + m[0].length);
	}
	return {ids, starts, ends};
}

// Sentence ends: . ! ? (and a closing quote or bracket after them) followed by
// a space. Not after a title or a common abbreviation, nor after a single
// capital (J.B. Straubel, A.M. Sacconaghi, U.S.).
/**
 * The distinct words of a text as `tokenize` finds them (lower case, curly
 * apostrophes straight), without their places: the index's vocabulary. One
 * `match` over the text, not a word id for every word (measured: tokenizing
 * was a third of preparing a call for the index).
 */
export function wordSet(text: string, into: Set<string>): void {
	let lower = text.toLowerCase();
	if (lower.length !== text.length || text.includes('\u03a3')) {
		for (const id of tokenize(text).ids) into.add(wordOf(id));
		return;
	}
	if (lower.includes('\u2019')) lower = lower.replaceAll('\u2019', "'");
	const found = lower.match(BEYOND_ASCII.test(lower) ? WORD : ASCII_WORD);
	if (found) for (const w of found) into.add(w);
}

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'inc', 'co', 'corp', 'ltd', 'vs', 'etc', 'e.g', 'i.e', 'no', 'approx', 'dept']);

const isUpper = (ch: string) => ch !== ch.toLowerCase() && ch === ch.toUpperCase();

/** The letters-and-dots word that ends just before `i` ("Mr", "J.B", "U.S"). */
function wordBefore(text: string, i: number, floor: number): string {
	let j = i;
	while (j > floor && (text[j - 1] === '.' || isWordChar(text, j - 1))) j--;
	return text.slice(j, i);
}

// A capital after these is a product's letter ("Model X. We have…"), not an initial.
const LETTER_NAMES = new Set(['model', 'series', 'class', 'type', 'plan', 'version', 'gen', 'option', 'phase', 'tier', 'grade']);

/** The word before `i`, skipping spaces. */
function previousWord(text: string, i: number): string {
	let j = i;
	while (j > 0 && text[j - 1] === ' ') j--;
	let k = j;
	while (k > 0 && isWordChar(text, k - 1)) k--;
	return text.slice(k, j).toLowerCase();
}

const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS].map(a => a.length));

/** A title, a common abbreviation or initials ("J.B", "A", "U.S"): its period ends no sentence. */
function isAbbreviation(word: string): boolean {
	const n = word.length;
	if (n <= LONGEST_ABBREVIATION && ABBREVIATIONS.has(word.toLowerCase())) return true;
	// Single capitals with dots between: J, J.B, A.M, U.S
	if (n % 2 === 0) return false;
	for (let k = 0; k < n; k += 2) {
		const c = word.charCodeAt(k);
		if (c < 128 ? c < 65 || c > 90 : !isUpper(word[k]!)) return false;
		if (k + 1 < n && word.charCodeAt(k + 1) !== 46) return false;
	}
	return true;
}

/**
 * Where a sentence may end: . ! ? and any closing quotes or brackets, before
 * a space or the end of the text. The regex engine finds them, skipping the
 * stops inside "1.5" or "U.S.A": JavaScript looks only at these.
 */
const END = /[.!?][)\]"'\u201d\u2019]*(?= |$)/g;

/** [start, end) of each sentence in a paragraph's text. */
export function sentences(text: string): [number, number][] {
	const out: [number, number][] = [];
	let start = 0;
	END.lastIndex = 0;
	for (let m = END.exec(text); m !== null; m = END.exec(text)) {
		const i = m.index;
		const end = i + m[0].length;
		if (text.charCodeAt(i) === 46) {
			const before = wordBefore(text, i, start);
			if (isAbbreviation(before) && !(before.length === 1 && LETTER_NAMES.has(previousWord(text, i - 1)))) continue;
		}
		if (end > start) out.push([start, end]);
		start = end;
		while (start < text.length && text.charCodeAt(start) === 32) start++;
		END.lastIndex = start;
	}
	if (start < text.length) out.push([start, text.length]);
	return out;
}

// The caches are keyed by the call's turns, not the call: a call read from the
// library's index drops its turns from memory when others are read
// (library/index-store.ts), and what was worked out of them goes with them.
type Turns = Call['turns'];

/** A call's sentences, each as a span; computed once per call. */
const sentenceCache = new WeakMap<Turns, Span[]>();
export function callSentences(call: Call): Span[] {
	let spans = sentenceCache.get(call.turns);
	if (!spans) {
		spans = [];
		call.turns.forEach((turn, t) =>
			turn.paragraphs.forEach((p, pi) => {
				for (const [start, end] of sentences(p.text)) spans!.push({turn: t, paragraph: pi, start, end});
			}),
		);
		sentenceCache.set(call.turns, spans);
	}
	return spans;
}

/** Words per paragraph of a call; computed once per call. */
const tokenCache = new WeakMap<Turns, Tokens[][]>();
export function callTokens(call: Call): Tokens[][] {
	let tokens = tokenCache.get(call.turns);
	if (!tokens) {
		tokens = call.turns.map(turn => turn.paragraphs.map(paragraphTokens));
		tokenCache.set(call.turns, tokens);
	}
	return tokens;
}

/** One paragraph's words, made once: a search through the index tokenizes only the paragraphs it judges. */
const paragraphCache = new WeakMap<Paragraph, Tokens>();
export function paragraphTokens(paragraph: Paragraph): Tokens {
	let tokens = paragraphCache.get(paragraph);
	if (!tokens) paragraphCache.set(paragraph, (tokens = tokenize(paragraph.text)));
	return tokens;
}

export interface Phrase {
	/** As written in the list, for display ("we don't disclose"). */
	text: string;
	/** Its words' numbers (vocabulary.ts). */
	ids: number[];
	/** Words that, just before the phrase, make it something else ("what kind of" is not a hedge). */
	notAfter?: ReadonlySet<number>;
}

export interface PhraseHit {
	phrase: string;
	/** Token indexes [first, last] in the paragraph. */
	from: number;
	to: number;
}

/** A phrase list, indexed by first word for one pass over the tokens. */
export class PhraseList {
	private readonly byFirst = new Map<number, Phrase[]>();
	constructor(entries: readonly (string | {text: string; notAfter: readonly string[]})[]) {
		for (const entry of entries) {
			const text = typeof entry === 'string' ? entry : entry.text;
			const {ids} = tokenize(text);
			const notAfter = typeof entry === 'string' ? undefined : new Set(entry.notAfter.map(w => wordId(w)));
			const phrase: Phrase = {text, ids, notAfter};
			const list = this.byFirst.get(ids[0]!) ?? [];
			list.push(phrase);
			// Longest first, so "i don't think" wins over "i don't" at the same place.
			list.sort((a, b) => b.ids.length - a.ids.length);
			this.byFirst.set(ids[0]!, list);
		}
	}

	/** Words a phrase of the list starts with (to build a one-lookup-per-word index over several lists). */
	firstWords(): string[] {
		return [...this.byFirst.keys()].map(wordOf);
	}

	/** The longest phrase of the list starting at word `i` of `ids`, if any. */
	matchAt(ids: readonly number[], i: number): Phrase | undefined {
		const candidates = this.byFirst.get(ids[i]!);
		if (!candidates) return undefined;
		for (const p of candidates) {
			let k = 1;
			while (k < p.ids.length && ids[i + k] === p.ids[k]) k++;
			if (k < p.ids.length) continue;
			if (p.notAfter && i > 0 && p.notAfter.has(ids[i - 1]!)) continue;
			return p;
		}
		return undefined;
	}

	/** Non-overlapping hits, left to right, longest phrase first at each place. */
	find(tokens: Tokens): PhraseHit[] {
		const hits: PhraseHit[] = [];
		const {ids} = tokens;
		for (let i = 0; i < ids.length; i++) {
			const p = this.matchAt(ids, i);
			if (!p) continue;
			hits.push({phrase: p.text, from: i, to: i + p.ids.length - 1});
			i += p.ids.length - 1;
		}
		return hits;
	}
}
