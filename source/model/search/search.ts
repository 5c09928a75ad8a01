// Search across every loaded call, sentence by sentence. An inverted index
// (word → sentences) is built once; a query is answered by intersecting
// postings, so each keystroke costs little whatever the calls' length.
//
// Query syntax: words (all must match, any order), "a phrase", speaker:musk,
// call:2017, -word (must not appear). Case and punctuation are ignored:
// "model 3" finds "Model 3" and "Model-3". Ranked: the whole query as an exact
// phrase, then all words, then fuzzy (a word's prefix, or one letter off).
import {callGuidance, type Direction} from '../metrics/guidance.js';
import type {Store} from '../store/store.js';
import {callTokens, paragraphTokens, sentences, tokenWords} from '../text/text-match.js';
import {wordOf} from '../text/vocabulary.js';
import type {Call, Role, Section} from '../types.js';

export interface Query {
	words: string[];
	phrases: string[][];
	exclude: string[];
	speaker: string | null;
	call: string | null;
	/** company:NAME — a fragment of the company's name, or its ticker. */
	company?: string | null;
	/** ticker:AAPL — the ticker itself. */
	ticker?: string | null;
	/** section:qa | section:prepared (the prepared remarks). */
	section?: Section | null;
	/** role:analyst | role:executive — who says the sentence. */
	role?: Role | null;
	/** after:2019 — calls on or after the start of 2019; before:2020-06 — calls before June 2020 (a year, a month or a day; an undated call by its fiscal quarter, see dateOf). */
	after?: string | null;
	before?: string | null;
	/** guidance:raised (lowered, maintained, introduced, withdrawn, any) — only management's outlook sentences of that direction (guidance.ts). */
	guidance?: Direction | 'any' | 'none' | null;
}

const FIELDS = /^(speaker|call|company|ticker|section|role|after|before|guidance):(.*)$/i;
const GUIDANCE: Record<string, Direction | 'any'> = {raised: 'raised', raise: 'raised', up: 'raised', lowered: 'lowered', lower: 'lowered', cut: 'lowered', down: 'lowered', maintained: 'maintained', reaffirmed: 'maintained', kept: 'maintained', introduced: 'introduced', new: 'introduced', withdrawn: 'withdrawn', withdrew: 'withdrawn', any: 'any', all: 'any'};
const SECTIONS: Record<string, Section> = {qa: 'qa', 'q&a': 'qa', questions: 'qa', prepared: 'presentation', presentation: 'presentation', remarks: 'presentation', summary: 'summary'};
const ROLES: Record<string, Role> = {analyst: 'analyst', analysts: 'analyst', executive: 'executive', executives: 'executive', management: 'executive', operator: 'operator'};

/** `2019` → `2019-01-01`, `2020-06` → `2020-06-01`, `2020-06-15` as it is; anything else null. */
function dateBound(value: string): string | null {
	const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(value);
	if (!m) return null;
	const pad = (x: string | undefined) => (x ?? '1').padStart(2, '0');
	return `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
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
		const field = FIELDS.exec(part);
		if (field) {
			const name = field[1]!.toLowerCase();
			const value = field[2] || null;
			if (name === 'speaker') q.speaker = value;
			else if (name === 'call') q.call = value;
			else if (name === 'company') q.company = value;
			else if (name === 'ticker') q.ticker = value;
			// A value the field does not know matches nothing, never everything.
			else if (name === 'section') q.section = value ? (SECTIONS[value.toLowerCase()] ?? ('none' as Section)) : null;
			else if (name === 'role') q.role = value ? (ROLES[value.toLowerCase()] ?? ('none' as Role)) : null;
			else if (name === 'guidance') q.guidance = value ? (GUIDANCE[value.toLowerCase()] ?? 'none') : 'any';
			else if (name === 'after') q.after = value ? (dateBound(value) ?? '9999-99-99') : null;
			else q.before = value ? (dateBound(value) ?? '0000-00-00') : null;
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

/** The words a search may spell nearly: sorted, and by length. */
export type Vocabulary = Pick<SearchIndex, 'vocabulary' | 'byLength' | 'fuzzy'>;

/** A vocabulary of these words (sorted here). */
export function vocabularyOf(words: string[]): Vocabulary {
	const vocabulary = words.sort();
	const byLength = new Map<number, string[]>();
	for (const w of vocabulary) {
		const list = byLength.get(w.length);
		if (list) list.push(w);
		else byLength.set(w.length, [w]);
	}
	return {vocabulary, byLength, fuzzy: new Map()};
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
	index = {sentences: all, postings, ...vocabularyOf([...postings.keys()])};
	indexes.set(store, index);
	return index;
}

/** Words within one edit (for words of 5+ letters) or that start with the query word (3+ letters). */
export function fuzzyWords(word: string, index: Vocabulary): string[] {
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
export function phraseAt(words: (i: number) => string, from: number, to: number, phrase: readonly string[], accept: (w: string, q: string) => boolean): number[] {
	const at: number[] = [];
	for (let i = from; i + phrase.length <= to; i++) if (phrase.every((q, k) => accept(words(i + k), q))) at.push(i);
	return at;
}

export interface SearchOptions {
	/** Person id: only their sentences (the reader's "limit to this speaker" toggle). */
	person?: string | null;
	limit?: number;
}

const bare = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** A call's date for after: and before: — its own, else the day after its fiscal quarter ends (Q1 2021 → 2021-04-01). */
export function dateOf(call: Call): string | null {
	if (call.meta.date) return call.meta.date;
	const m = /^Q([1-4]) (\d{4})$/.exec(call.meta.quarter ?? '');
	if (!m) return null;
	const q = Number(m[1]);
	const year = Number(m[2]);
	return q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
}

/** Which calls the query's call-level fields let through (call:, company:, ticker:, after:, before:), or null for all. */
export function callFilter(q: Query): ((c: Call) => boolean) | null {
	const tests: ((c: Call) => boolean)[] = [];
	// call: matches the id, the quarter, the date or the ticker, punctuation aside ("2017", "q2-2017", "2017q2", "aapl").
	if (q.call) {
		const want = bare(q.call);
		tests.push(c => [c.id, c.meta.quarter ?? '', c.meta.date ?? ''].some(x => bare(x).includes(want)) || (c.meta.ticker !== null && bare(c.meta.ticker) === want));
	}
	if (q.company) {
		const want = bare(q.company);
		tests.push(c => (c.meta.company !== null && bare(c.meta.company).includes(want)) || (c.meta.ticker !== null && bare(c.meta.ticker) === want));
	}
	if (q.ticker) {
		const want = bare(q.ticker);
		tests.push(c => c.meta.ticker !== null && bare(c.meta.ticker) === want);
	}
	// A call with no date is placed by its fiscal quarter (the day after the
	// quarter ends, about when such calls are held); with neither, it is outside every range.
	if (q.after) tests.push(c => (dateOf(c) ?? '') >= q.after!);
	if (q.before) tests.push(c => {
		const d = dateOf(c);
		return d !== null && d < q.before!;
	});
	return tests.length ? c => tests.every(t => t(c)) : null;
}

/** The person ids a search is limited to: speaker: in the query, and the reader's own filter. */
export function searchPeople(store: Store, q: Query, options: SearchOptions): string[] {
	return [q.speaker ? (store.findPerson(q.speaker)?.id ?? '\u0000none') : null, options.person ?? null].filter((p): p is string => p !== null);
}

/**
 * Whether one sentence answers the query, and how (its tier and marked
 * words): the one judgement of both searches, in memory (below) and in the
 * library's index (library/index-search.ts), so the two can never disagree.
 */
export function sentenceJudge(store: Store, q: Query, options: SearchOptions, fuzzyOf: (word: string) => readonly string[]) {
	const terms = [...q.words, ...q.phrases.flat()];
	const fuzzy = new Map(terms.map(w => [w, new Set(fuzzyOf(w))]));
	const termSet = new Set(terms);
	const nearSet = new Set([...terms, ...[...fuzzy.values()].flatMap(f => [...f])]);
	const excluded = new Set(q.exclude);
	const personIds = searchPeople(store, q, options);
	const speakerIn = new Map<Call, number[]>();
	return {
		terms,
		fuzzy,
		judge(call: Call, turnIndex: number, paragraph: number, start: number, end: number, from: number, to: number): Hit | null {
			const turn = call.turns[turnIndex]!;
			if (q.section && turn.section !== q.section) return null;
			if (q.guidance && !guidanceAt(call, turnIndex, paragraph, start, q.guidance)) return null;
			if (q.role && (turn.speaker === null ? 'unknown' : call.speakers[turn.speaker]!.role) !== q.role) return null;
			if (personIds.length) {
				let at = speakerIn.get(call);
				if (!at) speakerIn.set(call, (at = personIds.map(p => store.speakerIndex(call, p))));
				if (!at.every(i => i >= 0 && turn.speaker === i)) return null;
			}
			const {ids, starts, ends} = paragraphTokens(turn.paragraphs[paragraph]!);
			const words = (i: number) => wordOf(ids[i]!);
			const present = new Set<string>();
			for (let i = from; i < to; i++) present.add(words(i));
			for (const w of excluded) if (present.has(w)) return null;
			let isExact = true;
			for (const t of terms) {
				if (present.has(t)) continue;
				isExact = false;
				let near = false;
				for (const f of fuzzy.get(t)!) if (present.has(f)) near = true;
				if (!near) return null;
			}
			const accept = isExact ? (w: string, x: string) => w === x : (w: string, x: string) => w === x || fuzzy.get(x)!.has(w);
			// Quoted phrases must stand as written: never fuzzy.
			if (!q.phrases.every(p => phraseAt(words, from, to, p, (w, x) => w === x).length > 0)) return null;
			const tier: Tier = !isExact ? 'fuzzy' : terms.length > 1 && phraseAt(words, from, to, terms, accept).length > 0 ? 'phrase' : terms.length === 1 ? 'phrase' : 'all';
			// The words to mark, as one set (measured: a test per word and term was most of a keystroke's time).
			const marked = isExact ? termSet : nearSet;
			const marks: [number, number][] = [];
			for (let i = from; i < to; i++) if (marked.has(words(i))) marks.push([starts[i]!, ends[i]!]);
			return {call: call.id, turn: turnIndex, paragraph, start, end, marks, tier, speaker: turn.speaker, section: turn.section};
		},
	};
}

/** Tier, then call (date) order, then text order. */
export function hitOrder(store: Store): (a: Hit, b: Hit) => number {
	const order = new Map(store.calls.map((c, i) => [c.id, i]));
	return (a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || order.get(a.call)! - order.get(b.call)! || a.turn - b.turn || a.paragraph - b.paragraph || a.start - b.start;
}

/** Hits in date order, the newest call first (or the oldest), each call's in reading order: the reader's and `search`'s order. */
const callPositions = new WeakMap<Store, Map<string, number>>();
export function dateOrder(store: Store, order: 'newest' | 'oldest'): (a: Hit, b: Hit) => number {
	// Made once per store: a keystroke's page asks for it, and 10,000 calls are a map of 10,000.
	let position = callPositions.get(store);
	if (!position) callPositions.set(store, (position = new Map(store.calls.map((c, i) => [c.id, i]))));
	const sign = order === 'newest' ? -1 : 1;
	const at = position;
	return (a, b) => sign * (at.get(a.call)! - at.get(b.call)!) || a.turn - b.turn || a.paragraph - b.paragraph || a.start - b.start;
}

/** Hits for a query over all calls: ranked by tier, then in call (date) and text order. */
export function search(store: Store, text: string, options: SearchOptions = {}): Hit[] {
	const q = parseQuery(text);
	const terms = [...q.words, ...q.phrases.flat()];
	// guidance:raised alone: every such sentence of the calls let through (no word to look up).
	if (terms.length === 0 && q.guidance) return guidanceHits(store, q, options);
	if (terms.length === 0) return [];
	const index = searchIndex(store);
	const exact = (w: string) => index.postings.get(w);
	const {fuzzy, judge} = sentenceJudge(store, q, options, w => fuzzyWords(w, index));
	const allowed = callFilter(q);
	const callOk = allowed ? store.calls.map(allowed) : null;

	// Candidates: every term exactly, or, failing that, fuzzily.
	let anySet: number[] | null = null;
	for (const w of terms) {
		const any = union([exact(w) ?? [], ...[...fuzzy.get(w)!].map(exact)]);
		anySet = anySet === null ? any : intersect(anySet, any);
	}
	const hits: Hit[] = [];
	for (const id of anySet ?? []) {
		const s = index.sentences[id]!;
		if (callOk && !callOk[s.call]) continue;
		const hit = judge(store.calls[s.call]!, s.turn, s.paragraph, s.start, s.end, s.from, s.to);
		if (hit) hits.push(hit);
	}
	hits.sort(hitOrder(store));
	return options.limit ? hits.slice(0, options.limit) : hits;
}

/** Whether the sentence at (turn, paragraph, start) is guidance of `want`'s direction. */
function guidanceAt(call: Call, turn: number, paragraph: number, start: number, want: Direction | 'any' | 'none'): boolean {
	if (want === 'none') return false;
	return callGuidance(call).some(g => g.turn === turn && g.paragraph === paragraph && g.start === start && (want === 'any' || g.direction === want));
}

/** A guidance-only query: its sentences, each a hit with its cue and figure marked. */
export function guidanceHits(store: Store, q: Query, options: SearchOptions, deadline = Infinity): Hit[] {
	const allowed = callFilter(q);
	const people = searchPeople(store, q, options);
	const hits: Hit[] = [];
	for (const call of store.calls) {
		// Through the index, each call's text is read from disk: as many as the time allows (the rest when typing pauses).
		if (Date.now() > deadline || (options.limit && hits.length >= options.limit)) break;
		if (allowed && !allowed(call)) continue;
		const speakers = people.map(p => store.speakerIndex(call, p));
		for (const g of callGuidance(call)) {
			if (q.guidance !== 'any' && g.direction !== q.guidance) continue;
			if (q.section && g.section !== q.section) continue;
			if (speakers.some(i => i !== g.speaker)) continue;
			hits.push({call: call.id, turn: g.turn, paragraph: g.paragraph, start: g.start, end: g.end, marks: g.marks, tier: 'all', speaker: g.speaker, section: g.section});
		}
	}
	hits.sort(hitOrder(store));
	return options.limit ? hits.slice(0, options.limit) : hits;
}

/** The store's search: through its index when it has one, else in memory. `limit`: the first hits only (the index then reads no further). */
export function searchStore(store: Store, text: string, options: SearchOptions = {}): {hits: Hit[]; candidates: number | null} {
	if (store.indexSearch) return store.indexSearch(text, options);
	const hits = search(store, text, options);
	return {hits, candidates: null};
}

/**
 * What the reader does after its first frame: build the index, then answer one
 * query that takes every path (a phrase, a near spelling, speaker:, call:,
 * -word), so the first keystrokes do not pay for code never run before
 * (measured: 3-5 ms on the first phrase or speaker: typed, 1-2 after).
 */
export function prepareSearch(store: Store): void {
	// Through the index: its words are read, and the code paths run once.
	if (store.indexSearch) {
		store.indexSearch('"the quarter" revenu -not section:qa', {limit: 20, budgetMs: 60});
		return;
	}
	searchIndex(store);
	search(store, '"the quarter" revenu speaker:a call:2 -not company:t ticker:t section:qa role:analyst after:2011 before:2030');
}

/** Hits per call, in the store's order (the call list's counts, the sidebar's keyword trend). */
export function hitsPerCall(store: Store, hits: readonly Hit[]): number[] {
	const counts = store.calls.map(() => 0);
	const order = new Map(store.calls.map((c, i) => [c.id, i]));
	for (const h of hits) counts[order.get(h.call)!]!++;
	return counts;
}

export const hitText = (call: Call, hit: Hit) => call.turns[hit.turn]!.paragraphs[hit.paragraph]!.text.slice(hit.start, hit.end);
