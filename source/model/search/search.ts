// Search across every loaded call, sentence by sentence. An inverted index
// (word → sentences) is built once; a query is answered by intersecting
// postings, so each keystroke costs little whatever the calls' length.
//
// Query syntax: words (all must match, any order), "a phrase", speaker:musk,
// call:2017, -word (must not appear). Case and punctuation are ignored:
// "model 3" finds "Model 3" and "Model-3". Ranked: the whole query as an exact
// phrase, then all words, then fuzzy (a word's prefix, or one letter off).
import type {Store} from '../store/store.js';
import {callTokens, sentences, tokenWords} from '../text/text-match.js';
import {wordOf} from '../text/vocabulary.js';
import type {Call, Section} from '../types.js';

export interface Query {
	words: string[];
	phrases: string[][];
	exclude: string[];
	speaker: string | null;
	call: string | null;
}

/** Split a query into its parts; quotes left open close at the end. */
export function parseQuery(text: string): Query {
	const q: Query = {words: [], phrases: [], exclude: [], speaker: null, call: null};
	const re = /(-?)"([^"]*)"?|(\S+)/g;
	for (const m of text.matchAll(re)) {
		if (m[2] !== undefined) {
			const words = tokenWords(m[2]);
			if (words.length === 0) continue;
			if (m[1]) q.exclude.push(...words);
			else q.phrases.push(words);
			continue;
		}
		const part = m[3]!;
		const field = /^(speaker|call):(.*)$/i.exec(part);
		if (field) {
			if (field[1]!.toLowerCase() === 'speaker') q.speaker = field[2] || null;
			else q.call = field[2] || null;
		} else if (part.startsWith('-') && part.length > 1) q.exclude.push(...tokenWords(part.slice(1)));
		else q.words.push(...tokenWords(part));
	}
	return q;
}

export type Tier = 'phrase' | 'all' | 'fuzzy';
const TIER_ORDER: Record<Tier, number> = {phrase: 0, all: 1, fuzzy: 2};

export interface Hit {
	call: string;
	turn: number;
	paragraph: number;
	/** The sentence, as offsets in the paragraph's text. */
	start: number;
	end: number;
	/** The matched words, as offsets in the paragraph's text. */
	marks: [number, number][];
	tier: Tier;
	speaker: number | null;
	section: Section;
}

interface Sentence {
	call: number;
	turn: number;
	paragraph: number;
	start: number;
	end: number;
	/** Token range [from, to) in the paragraph's tokens. */
	from: number;
	to: number;
}

export interface SearchIndex {
	sentences: Sentence[];
	postings: Map<string, number[]>;
	/** Every word, sorted (a prefix is a range of it), for fuzzy matching. */
	vocabulary: string[];
	/** Every word by its length: a word one edit away is one letter longer, shorter or as long. */
	byLength: Map<number, string[]>;
	/** Fuzzy matches already worked out: typing a query asks for the same words again and again. */
	fuzzy: Map<string, string[]>;
}

const indexes = new WeakMap<Store, SearchIndex>();

/** The index of all the store's calls; built on first use and kept. */
export function searchIndex(store: Store): SearchIndex {
	let index = indexes.get(store);
	if (index) return index;
	const all: Sentence[] = [];
	const postings = new Map<string, number[]>();
	store.calls.forEach((call, c) => {
		const tokens = callTokens(call);
		call.turns.forEach((turn, t) =>
			turn.paragraphs.forEach((p, pi) => {
				const {ids, starts} = tokens[t]![pi]!;
				let k = 0;
				for (const [start, end] of sentences(p.text)) {
					const from = k;
					while (k < ids.length && starts[k]! < end) k++;
					const id = all.length;
					all.push({call: c, turn: t, paragraph: pi, start, end, from, to: k});
					for (let i = from; i < k; i++) {
						const word = wordOf(ids[i]!);
						const list = postings.get(word);
						if (!list) postings.set(word, [id]);
						else if (list[list.length - 1] !== id) list.push(id);
					}
				}
			}),
		);
	});
	const vocabulary = [...postings.keys()].sort();
	const byLength = new Map<number, string[]>();
	for (const w of vocabulary) {
		const list = byLength.get(w.length);
		if (list) list.push(w);
		else byLength.set(w.length, [w]);
	}
	index = {sentences: all, postings, vocabulary, byLength, fuzzy: new Map()};
	indexes.set(store, index);
	return index;
}

/** Words within one edit (for words of 5+ letters) or that start with the query word (3+ letters). */
function fuzzyWords(word: string, index: SearchIndex): string[] {
	if (word.length < 3) return [];
	const known = index.fuzzy.get(word);
	if (known) return known;
	const out = new Set<string>();
	// The words starting with `word` follow it in sorted order.
	const {vocabulary} = index;
	let lo = 0;
	let hi = vocabulary.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (vocabulary[mid]! < word) lo = mid + 1;
		else hi = mid;
	}
	for (let i = lo; i < vocabulary.length && vocabulary[i]!.startsWith(word); i++) if (vocabulary[i] !== word) out.add(vocabulary[i]!);
	if (word.length >= 5) {
		for (const length of [word.length - 1, word.length, word.length + 1]) {
			for (const v of index.byLength.get(length) ?? []) if (v !== word && withinOneEdit(word, v)) out.add(v);
		}
	}
	const list = [...out];
	if (index.fuzzy.size > 5000) index.fuzzy.clear();
	index.fuzzy.set(word, list);
	return list;
}

function withinOneEdit(a: string, b: string): boolean {
	if (Math.abs(a.length - b.length) > 1) return false;
	let i = 0;
	let j = 0;
	let edits = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			i++;
			j++;
			continue;
		}
		if (++edits > 1) return false;
		if (a.length > b.length) i++;
		else if (b.length > a.length) j++;
		else {
			i++;
			j++;
		}
	}
	return edits + (a.length - i) + (b.length - j) <= 1;
}

const union = (lists: (number[] | undefined)[]) => [...new Set(lists.flatMap(l => l ?? []))].sort((a, b) => a - b);
function intersect(a: number[], b: number[]): number[] {
	const out: number[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		if (a[i]! < b[j]!) i++;
		else if (a[i]! > b[j]!) j++;
		else {
			out.push(a[i]!);
			i++;
			j++;
		}
	}
	return out;
}

/** Where `phrase` occurs in tokens [from, to): the start indexes. */
function phraseAt(words: (i: number) => string, from: number, to: number, phrase: readonly string[], accept: (w: string, q: string) => boolean): number[] {
	const at: number[] = [];
	for (let i = from; i + phrase.length <= to; i++) if (phrase.every((q, k) => accept(words(i + k), q))) at.push(i);
	return at;
}

export interface SearchOptions {
	/** Person id: only their sentences (the reader's "limit to this speaker" toggle). */
	person?: string | null;
	limit?: number;
}

/** Hits for a query over all calls: ranked by tier, then in call (date) and text order. */
export function search(store: Store, text: string, options: SearchOptions = {}): Hit[] {
	const q = parseQuery(text);
	const terms = [...q.words, ...q.phrases.flat()];
	if (terms.length === 0) return [];
	const index = searchIndex(store);
	const exact = (w: string) => index.postings.get(w);

	// Which calls and which speaker in each.
	// call: matches the id, the quarter, the date or the ticker, punctuation aside ("2017", "q2-2017", "2017q2", "aapl").
	const bare = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
	const callOk = q.call ? store.calls.map(c => [c.id, c.meta.quarter ?? '', c.meta.date ?? ''].some(x => bare(x).includes(bare(q.call!))) || (c.meta.ticker !== null && bare(c.meta.ticker) === bare(q.call!))) : null;
	const personIds = [q.speaker ? (store.findPerson(q.speaker)?.id ?? '\u0000none') : null, options.person ?? null].filter((p): p is string => p !== null);
	const speakerIn = personIds.length ? store.calls.map(c => personIds.map(p => store.speakerIndex(c, p))) : null;

	// Candidates: every term exactly, or, failing that, fuzzily.
	const fuzzy = new Map(terms.map(w => [w, new Set(fuzzyWords(w, index))]));
	let exactSet: number[] | null = null;
	let anySet: number[] | null = null;
	for (const w of terms) {
		const e = exact(w) ?? [];
		const any = union([e, ...[...fuzzy.get(w)!].map(exact)]);
		exactSet = exactSet === null ? e : intersect(exactSet, e);
		anySet = anySet === null ? any : intersect(anySet, any);
	}
	const termSet = new Set(terms);
	const nearSet = new Set([...terms, ...[...fuzzy.values()].flatMap(f => [...f])]);
	const excluded = new Set(q.exclude.flatMap(w => exact(w) ?? []));
	const whole = [...q.words, ...q.phrases.flat()];
	const hits: Hit[] = [];
	const exactIds = new Set(exactSet);
	for (const id of anySet ?? []) {
		if (excluded.has(id)) continue;
		const s = index.sentences[id]!;
		if (callOk && !callOk[s.call]) continue;
		const call = store.calls[s.call]!;
		const turn = call.turns[s.turn]!;
		if (speakerIn && !speakerIn[s.call]!.every(i => i >= 0 && turn.speaker === i)) continue;
		const {ids, starts, ends} = callTokens(call)[s.turn]![s.paragraph]!;
		const words = (i: number) => wordOf(ids[i]!);
		const isExact = exactIds.has(id);
		const accept = isExact ? (w: string, x: string) => w === x : (w: string, x: string) => w === x || fuzzy.get(x)!.has(w);
		// Quoted phrases must stand as written: never fuzzy.
		if (!q.phrases.every(p => phraseAt(words, s.from, s.to, p, (w, x) => w === x).length > 0)) continue;
		const tier: Tier = !isExact ? 'fuzzy' : whole.length > 1 && phraseAt(words, s.from, s.to, whole, accept).length > 0 ? 'phrase' : whole.length === 1 ? 'phrase' : 'all';
		// The words to mark, as one set (measured: a test per word and term was most of a keystroke's time).
		const marked = isExact ? termSet : nearSet;
		const marks: [number, number][] = [];
		for (let i = s.from; i < s.to; i++) if (marked.has(words(i))) marks.push([starts[i]!, ends[i]!]);
		hits.push({call: call.id, turn: s.turn, paragraph: s.paragraph, start: s.start, end: s.end, marks, tier, speaker: turn.speaker, section: turn.section});
	}
	const order = new Map(store.calls.map((c, i) => [c.id, i]));
	hits.sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || order.get(a.call)! - order.get(b.call)! || a.turn - b.turn || a.paragraph - b.paragraph || a.start - b.start);
	return options.limit ? hits.slice(0, options.limit) : hits;
}

/**
 * What the reader does after its first frame: build the index, then answer one
 * query that takes every path (a phrase, a near spelling, speaker:, call:,
 * -word), so the first keystrokes do not pay for code never run before
 * (measured: 3-5 ms on the first phrase or speaker: typed, 1-2 after).
 */
export function prepareSearch(store: Store): void {
	searchIndex(store);
	search(store, '"the quarter" revenu speaker:a call:2 -not');
}

/** Hits per call, in the store's order (the call list's counts, the sidebar's keyword trend). */
export function hitsPerCall(store: Store, hits: readonly Hit[]): number[] {
	const counts = store.calls.map(() => 0);
	const order = new Map(store.calls.map((c, i) => [c.id, i]));
	for (const h of hits) counts[order.get(h.call)!]!++;
	return counts;
}

export const hitText = (call: Call, hit: Hit) => call.turns[hit.turn]!.paragraphs[hit.paragraph]!.text.slice(hit.start, hit.end);
