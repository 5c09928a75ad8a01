// Search through the library's index: FTS5 finds the sentences that may
// match, in date order; each is then judged on its own text by the same
// judgement as the in-memory search (search.ts), so tiers, phrases, marks and
// filters are exactly the same. Only the calls holding the first page of hits
// are read, so a keystroke costs the page, not the library.
import type {Store} from '../store/store.js';
import {callFilter, dateOrder, fuzzyWords, guidanceHits, hitOrder, parseQuery, searchPeople, sentenceJudge, vocabularyOf, type Hit, type SearchOptions, type Tier, type Vocabulary} from '../search/search.js';
import {callSentences, paragraphTokens, type Span} from '../text/text-match.js';
import type {Call} from '../types.js';
import type {Db} from './index-db.js';
import {rowidOf} from './index-store.js';
import {callOfSentence} from './sync.js';

const SENTENCE_BITS = 2 ** 20;
const PER_DAY = 4096;

/** The index's words, for near spellings; read once per index. */
const vocabularies = new WeakMap<Db, Vocabulary>();
function indexVocabulary(db: Db): Vocabulary {
	let v = vocabularies.get(db);
	// SQLite would order by bytes, JavaScript by UTF-16 code units: sorted in JavaScript, to agree with the binary search.
	if (!v) vocabularies.set(db, (v = vocabularyOf(db.prepare('SELECT word FROM words').pluck().all() as string[])));
	return v;
}

/** The FTS5 words of one of our words: its letter-and-digit runs ("don't" → don, t), each quoted. */
function ftsTokens(word: string): string[] {
	return word.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(t => `"${t.replaceAll('"', '""')}"`);
}

/** A word's FTS5 tokens as a phrase ("1.5" → "1 5", side by side): a superset of the sentences holding the word, as the judge decides. */
const ftsWord = (word: string) => {
	const tokens = ftsTokens(word);
	return tokens.length === 0 ? null : tokens.length === 1 ? tokens[0]! : `"${tokens.map(t => t.slice(1, -1)).join(' ')}"`;
};

export interface IndexSearch {
	/** The first `limit` hits (all, without a limit), in the in-memory search's order. */
	hits: Hit[];
	/** Sentences the index holds as candidates (an upper bound on the hits), with `count`; else -1. */
	candidates: number;
	/** The page was cut short: the work allowed one keystroke was spent (never without a limit). */
	partial?: boolean;
}

/** Each call's rowid range in the index, for the calls a filter lets through (or all). */
function callsByRowid(store: Store): Map<number, Call> {
	const map = new Map<number, Call>();
	for (const call of store.calls) {
		const rowid = rowidOf.get(call);
		if (rowid !== undefined) map.set(rowid, call);
	}
	return map;
}
const rowMaps = new WeakMap<Store, Map<number, Call>>();
const positionMaps = new WeakMap<Store, Map<Call, number>>();
/** Each call's place in the store's order. */
function positions(store: Store): Map<Call, number> {
	let map = positionMaps.get(store);
	if (!map) positionMaps.set(store, (map = new Map(store.calls.map((c, i) => [c, i]))));
	return map;
}

/** The calls a query's call-level fields and speaker filter let through, and their rows (null: every call). */
function callsLetThrough(store: Store, byRowid: Map<number, Call>, q: ReturnType<typeof parseQuery>, options: SearchOptions) {
	const allowed = callFilter(q);
	const people = searchPeople(store, q, options);
	const callOk = (c: Call) => (!allowed || allowed(c)) && people.every(p => store.person(p)?.calls.includes(c.id) ?? false);
	const filtered = allowed !== null || people.length > 0;
	const callRows = filtered ? [...byRowid].filter(([, c]) => callOk(c)).map(([r]) => r).sort((a, b) => a - b) : null;
	return {callOk, filtered, callRows};
}

/** The query's words with their near spellings, as one FTS5 query (words inside quotes stand as written). */
function nearExpression(terms: readonly string[], q: ReturnType<typeof parseQuery>, fuzzy: ReadonlyMap<string, ReadonlySet<string>>): string {
	const quoted = new Set(q.phrases.flat());
	return terms
		.map(t => {
			const variants = [t, ...(quoted.has(t) && !q.words.includes(t) ? [] : fuzzy.get(t)!)].map(ftsWord).filter((x): x is string => x !== null);
			return variants.length === 1 ? variants[0]! : `(${variants.join(' OR ')})`;
		})
		.join(' AND ');
}

/**
 * Hits for a query, through the index. Calls not in the index (a transcript
 * piped on stdin) are searched in memory and merged in.
 */
export function searchIndexed(store: Store, db: Db, text: string, options: SearchOptions & {count?: boolean; budgetMs?: number} = {}): IndexSearch {
	const q = parseQuery(text);
	const limit = options.limit ?? Infinity;
	const vocabulary = indexVocabulary(db);
	const {terms, fuzzy, judge} = sentenceJudge(store, q, options, w => fuzzyWords(w, vocabulary));
	// guidance:raised alone: no word to look up in the index; the calls' outlook sentences, read call by call.
	if (terms.length === 0 && q.guidance) {
		const deadline = options.budgetMs === undefined ? Infinity : Date.now() + options.budgetMs;
		const hits = guidanceHits(store, q, options, deadline);
		return {hits, candidates: hits.length, ...(Date.now() > deadline ? {partial: true} : {})};
	}
	if (terms.length === 0) return {hits: [], candidates: 0};
	// A field value the query language does not know (section:q, role:a) matches nothing: said at once.
	if ((q.section as string) === 'none' || (q.role as string) === 'none') return {hits: [], candidates: 0};
	let byRowid = rowMaps.get(store);
	if (!byRowid) rowMaps.set(store, (byRowid = callsByRowid(store)));

	// Which calls: the call-level fields and the speaker filter, as rowid ranges when they are few.
	const {callOk, filtered, callRows} = callsLetThrough(store, byRowid, q, options);
	const ranges: [number, number][] = callRows === null ? [[0, Number.MAX_SAFE_INTEGER]] : callRows.length > 400 ? [[callRows[0]! * SENTENCE_BITS, (callRows[callRows.length - 1]! + 1) * SENTENCE_BITS - 1]] : callRows.map(r => [r * SENTENCE_BITS, (r + 1) * SENTENCE_BITS - 1]);

	// Words inside quotes must stand as written: only the others have near spellings.
	const quoted = new Set(q.phrases.flat());
	// The tiers, each an FTS5 query: the whole query as a phrase, all its words,
	// then their near spellings (a superset of what the judge accepts: a word
	// such as "don't" is two FTS5 tokens).
	const phraseExpr = `"${terms.flatMap(ftsTokens).map(t => t.slice(1, -1)).join(' ')}"`;
	const allExpr = terms.map(ftsWord).filter(Boolean).join(' AND ');
	const nearExpr = nearExpression(terms, q, fuzzy);
	const fuzzyPossible = terms.some(t => (!quoted.has(t) || q.words.includes(t)) && fuzzy.get(t)!.size > 0);
	const statement = db.prepare('SELECT rowid FROM sentences WHERE sentences MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid').pluck();
	const count = db.prepare('SELECT count(*) FROM sentences WHERE sentences MATCH ? AND rowid BETWEEN ? AND ?').pluck();
	const position = positions(store);

	const hits: Hit[] = [];
	const seen = new Set<number>();
	// With a page to fill, the work of one keystroke is bounded: past ~35 ms of
	// judging, the page so far is the answer, marked partial (a word whose FTS5
	// tokens are common but which is itself rare: "m", of "I'm"). Without a
	// limit (the CLI) every candidate is judged.
	const deadline = limit === Infinity ? Infinity : performance.now() + (options.budgetMs ?? 35);
	let partial = false;
	const judgeOne = (call: Call, span: Span) => judgeSpan(judge, call, span);
	/** Judges one call's candidates (in text order); a hit of a tier in `counted` is kept. */
	const judgeCall = (call: Call, rowids: number[], counted: readonly Tier[]) => {
		const base = callOfSentence(rowids[0]!) * SENTENCE_BITS;
		const spans = callSentences(call);
		for (const rowid of rowids) {
			if (seen.has(rowid)) continue;
			const span = spans[rowid - base];
			if (!span) continue;
			const hit = judgeOne(call, span);
			if (!hit || !counted.includes(hit.tier)) continue;
			seen.add(rowid);
			hits.push(hit);
		}
	};
	/**
	 * One tier's candidates in date order. A day's candidates are gathered
	 * (rowids only), then judged a call at a time in the store's order, so the
	 * page fills as the in-memory search's would, and stops as soon as it is full.
	 */
	const readTier = (expr: string, counted: readonly Tier[]) => {
		let day: number | null = null;
		let byCall = new Map<number, number[]>();
		const flush = (): boolean => {
			const calls = [...byCall.keys()].map(r => byRowid.get(r)).filter((c): c is Call => c !== undefined && (!filtered || callOk(c)));
			calls.sort((a, b) => position.get(a)! - position.get(b)!);
			for (const call of calls) {
				if (performance.now() > deadline) {
					partial = true;
					return true;
				}
				judgeCall(call, byCall.get(rowidOf.get(call)!)!, counted);
				if (hits.length >= limit) return true;
			}
			byCall = new Map();
			return false;
		};
		for (const [lo, hi] of ranges) {
			for (const rowid of statement.iterate(expr, lo, hi) as IterableIterator<number>) {
				const callRow = callOfSentence(rowid);
				const d = Math.floor(callRow / PER_DAY);
				if (day !== null && d !== day && flush()) return;
				day = d;
				const list = byCall.get(callRow);
				if (list) list.push(rowid);
				else byCall.set(callRow, [rowid]);
			}
		}
		flush();
	};
	if (terms.length > 1) readTier(phraseExpr, ['phrase']);
	if (hits.length < limit && !partial) readTier(allExpr, ['phrase', 'all']);
	if (hits.length < limit && !partial && fuzzyPossible) readTier(nearExpr, ['phrase', 'all', 'fuzzy']);
	// Counting every candidate reads every posting of the query's words (for a
	// near spelling of a common word, over a second at 10,000 calls): only on request.
	let candidates = -1;
	if (options.count) {
		candidates = 0;
		for (const [lo, hi] of ranges) candidates += count.get(fuzzyPossible ? nearExpr : allExpr, lo, hi) as number;
	}

	// Calls not in the index (stdin): judged in memory, merged into the order.
	for (const call of store.calls) {
		if (rowidOf.has(call) || (filtered && !callOk(call))) continue;
		for (const span of callSentences(call)) {
			const hit = judgeOne(call, span);
			if (hit) hits.push(hit);
		}
	}
	hits.sort(hitOrder(store));
	return {hits: hits.slice(0, limit), candidates, partial};
}

/** Which end of the library a date-ordered search starts from. */
export type HitOrderName = 'newest' | 'oldest';

export interface SearchPage {
	/** Hits of every tier, a call at a time in date order, each call's in reading order. */
	hits: Hit[];
	/** The call row the next page starts at (pass it as `from`), or null: no more. */
	next: number | null;
}

/**
 * One page of a query's hits in date order (the reader's results, so that
 * every hit is reachable however many there are): the broadest FTS5 reading of
 * the query (near spellings included) from `from` on, each call's candidates
 * judged as the ranked search judges them, until `limit` hits or `budgetMs`
 * of work; whole calls only, so the next page starts where this one stopped.
 */
export function searchPage(store: Store, db: Db, text: string, options: SearchOptions & {order: HitOrderName; from?: number | null; limit: number; budgetMs: number; stream?: boolean}): SearchPage {
	const q = parseQuery(text);
	const newest = options.order === 'newest';
	const deadline = performance.now() + options.budgetMs;
	const vocabulary = indexVocabulary(db);
	const {terms, fuzzy, judge} = sentenceJudge(store, q, options, w => fuzzyWords(w, vocabulary));
	const byDate = dateOrder(store, options.order);
	if (terms.length === 0) {
		// guidance:raised alone: the calls' outlook sentences, all at once (they are few).
		const hits = q.guidance && !options.from ? guidanceHits(store, q, options) : [];
		return {hits: hits.sort(byDate), next: null};
	}
	if ((q.section as string) === 'none' || (q.role as string) === 'none') return {hits: [], next: null};
	let byRowid = rowMaps.get(store);
	if (!byRowid) rowMaps.set(store, (byRowid = callsByRowid(store)));
	const {callOk, callRows} = callsLetThrough(store, byRowid, q, options);
	const expr = nearExpression(terms, q, fuzzy);
	const from = options.from ?? null;
	// The calls a filter lets through, as rowid ranges when they are few (company:apple: 19 of 10,000).
	// (Each range is an FTS5 query of its own: past a few dozen calls one pass over all, skipping the others, is quicker.)
	const callRanges: [number, number][] | null = callRows === null || callRows.length > 32 ? null : callRows.map(r => [r * SENTENCE_BITS, (r + 1) * SENTENCE_BITS - 1]);
	let ranges: [number, number][] = callRanges ?? [[0, Number.MAX_SAFE_INTEGER]];
	if (from !== null) ranges = ranges.map(([lo, hi]): [number, number] => (newest ? [lo, Math.min(hi, (from + 1) * SENTENCE_BITS - 1)] : [Math.max(lo, from * SENTENCE_BITS), hi])).filter(([lo, hi]) => lo <= hi);
	if (newest) ranges.reverse();
	const statement = db.prepare(`SELECT rowid FROM sentences WHERE sentences MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid ${newest ? 'DESC' : 'ASC'}`).pluck();

	const hits: Hit[] = [];
	// Calls not in the index (a transcript on stdin): judged in memory, on the first page.
	if (from === null) {
		for (const call of store.calls) {
			if (rowidOf.has(call) || !callOk(call)) continue;
			for (const span of callSentences(call)) {
				const hit = judgeSpan(judge, call, span);
				if (hit) hits.push(hit);
			}
		}
		hits.sort(byDate);
	}
	let current: number | null = null;
	let rows: number[] = [];
	const judgeCurrent = () => {
		const call = byRowid.get(current!);
		if (!call || !callOk(call)) return;
		const spans = callSentences(call);
		const base = current! * SENTENCE_BITS;
		for (const rowid of newest ? rows.reverse() : rows) {
			const span = spans[rowid - base];
			const hit = span && judgeSpan(judge, call, span);
			if (hit) hits.push(hit);
		}
	};
	/** One candidate: judged with its call's others when the call changes; true when the page is full. */
	const take = (rowid: number): number | null => {
		const callRow = callOfSentence(rowid);
		if (current !== null && callRow !== current) {
			judgeCurrent();
			if (hits.length >= options.limit || performance.now() > deadline) return callRow;
			rows = [];
		}
		current = callRow;
		rows.push(rowid);
		return null;
	};
	if (from === null) {
		// A keystroke's page: the query streamed, stopped as soon as the page is full.
		for (const [lo, hi] of ranges) {
			// A range is a call a filter lets through: its FTS5 query costs even when it finds nothing.
			if (ranges.length > 1 && performance.now() > deadline) {
				if (current !== null) judgeCurrent();
				return {hits, next: callOfSentence(newest ? hi : lo)};
			}
			for (const rowid of statement.iterate(expr, lo, hi) as IterableIterator<number>) {
				const next = take(rowid);
				if (next !== null) return {hits, next};
			}
		}
	} else {
		// Reading on: FTS5 reads a term's whole list whatever the rowid bounds (measured: a page
		// from the middle cost as much as all), so the candidates are read once, in order, and each
		// page goes on from its place in them (a page a query was quadratic: 66,000 hits crawled).
		const all = candidateList(db, expr, newest, callRanges, options.stream === true);
		let i = lowerBound(all.rows, from, newest);
		// A list still being read: on to the first candidate of `from` or later.
		while (all.has(i) && (newest ? callOfSentence(all.rows[i]!) > from : callOfSentence(all.rows[i]!) < from)) i++;
		for (; all.has(i); i++) {
			const next = take(all.rows[i]!);
			if (next !== null) return {hits, next};
		}
	}
	if (current !== null) judgeCurrent();
	return {hits, next: null};
}

/** A query's candidate rowids in date order, read all at once or (streamed) as far as asked. */
class Candidates {
	readonly rows: number[] = [];
	constructor(private source: Iterator<number> | null) {}
	/** Whether place `i` holds a candidate, reading on to it if the list is streamed. */
	has(i: number): boolean {
		while (i >= this.rows.length && this.source) {
			const next = this.source.next();
			if (next.done) this.source = null;
			else this.rows.push(next.value);
		}
		return i < this.rows.length;
	}
}

const candidateCache = new WeakMap<Db, {key: string; list: Candidates}>();

/**
 * Every candidate rowid of `expr` (within `ranges`, when a filter gave them), in date order; the last list is kept.
 * `stream`: read as far as a page needs, the query left open between pages (the command line's search, whose
 * second page would otherwise read every candidate before `| head` is heard to have closed: 100 ms for 'gross
 * margin' at 10,000 calls). Never in the reader: an open query holds the connection, which the reader writes on.
 */
function candidateList(db: Db, expr: string, newest: boolean, ranges: readonly [number, number][] | null, stream = false): Candidates {
	const key = `${newest}\u0000${stream}\u0000${expr}\u0000${ranges?.map(r => r.join('-')).join(',') ?? ''}`;
	const known = candidateCache.get(db);
	if (known?.key === key) return known.list;
	const statement = db.prepare(`SELECT rowid FROM sentences WHERE sentences MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid ${newest ? 'DESC' : 'ASC'}`).pluck();
	const spans = ranges ? (newest ? [...ranges].sort((a, b) => b[0] - a[0]) : [...ranges].sort((a, b) => a[0] - b[0])) : [[0, Number.MAX_SAFE_INTEGER] as [number, number]];
	let list: Candidates;
	if (stream) {
		list = new Candidates(
			(function* () {
				for (const [lo, hi] of spans) yield* statement.iterate(expr, lo, hi) as IterableIterator<number>;
			})(),
		);
	} else {
		list = new Candidates(null);
		for (const [lo, hi] of spans) for (const rowid of statement.all(expr, lo, hi) as number[]) list.rows.push(rowid);
	}
	candidateCache.set(db, {key, list});
	return list;
}

/** The first place in `rows` (date order) whose call row is `from` or later in that order. */
function lowerBound(rows: readonly number[], from: number, newest: boolean): number {
	let lo = 0;
	let hi = rows.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		const callRow = callOfSentence(rows[mid]!);
		if (newest ? callRow > from : callRow < from) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The judgement of one sentence, its words found in its paragraph's tokens. */
function judgeSpan(judge: ReturnType<typeof sentenceJudge>['judge'], call: Call, span: Span): Hit | null {
	const {starts} = paragraphTokens(call.turns[span.turn]!.paragraphs[span.paragraph]!);
	let from = 0;
	while (from < starts.length && starts[from]! < span.start) from++;
	let to = from;
	while (to < starts.length && starts[to]! < span.end) to++;
	return judge(call, span.turn, span.paragraph, span.start, span.end, from, to);
}
