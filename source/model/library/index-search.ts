// Search through the library's index: FTS5 finds the sentences that may
// match, in date order; each is then judged on its own text by the same
// judgement as the in-memory search (search.ts), so tiers, phrases, marks and
// filters are exactly the same. Only the calls holding the first page of hits
// are read, so a keystroke costs the page, not the library.
import type {Store} from '../store/store.js';
import {callFilter, fuzzyWords, hitOrder, parseQuery, searchPeople, sentenceJudge, type Hit, type Query, type SearchOptions, type Tier} from '../search/search.js';
import {callSentences, callTokens} from '../text/text-match.js';
import type {Call} from '../types.js';
import type {Db} from './index-db.js';
import {rowidOf} from './index-store.js';
import {callOfSentence} from './sync.js';

const SENTENCE_BITS = 2 ** 20;
const PER_DAY = 4096;

/** The index's words, sorted and by length, for near spellings; read once per index. */
interface Vocabulary {
	vocabulary: string[];
	byLength: Map<number, string[]>;
	fuzzy: Map<string, string[]>;
}
const vocabularies = new WeakMap<Db, Vocabulary>();
export function vocabularyOf(db: Db): Vocabulary {
	let v = vocabularies.get(db);
	if (!v) {
		const vocabulary = db.prepare('SELECT word FROM words ORDER BY word').pluck().all() as string[];
		// SQLite orders by bytes, JavaScript by UTF-16 code units: sorted again to agree with the binary search.
		vocabulary.sort();
		const byLength = new Map<number, string[]>();
		for (const w of vocabulary) {
			const list = byLength.get(w.length);
			if (list) list.push(w);
			else byLength.set(w.length, [w]);
		}
		v = {vocabulary, byLength, fuzzy: new Map()};
		vocabularies.set(db, v);
	}
	return v;
}

/** The FTS5 words of one of our words: its letter-and-digit runs ("don't" → don, t), each quoted. */
function ftsTokens(word: string): string[] {
	return word.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(t => `"${t.replaceAll('"', '""')}"`);
}

/** All of a word's FTS5 tokens: a superset of the sentences holding the word, as the judge decides. */
const ftsWord = (word: string) => {
	const tokens = ftsTokens(word);
	return tokens.length === 0 ? null : tokens.length === 1 ? tokens[0]! : `(${tokens.join(' AND ')})`;
};

export interface IndexSearch {
	/** The first `limit` hits (all, without a limit), in the in-memory search's order. */
	hits: Hit[];
	/** Sentences the index holds as candidates: an upper bound on the hits, known at once. */
	candidates: number;
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

/**
 * Hits for a query, through the index. Calls not in the index (a transcript
 * piped on stdin) are searched in memory and merged in.
 */
export function searchIndexed(store: Store, db: Db, text: string, options: SearchOptions = {}): IndexSearch {
	const q = parseQuery(text);
	const limit = options.limit ?? Infinity;
	const vocabulary = vocabularyOf(db);
	const {terms, fuzzy, judge} = sentenceJudge(store, q, options, w => fuzzyWords(w, vocabulary));
	if (terms.length === 0) return {hits: [], candidates: 0};
	let byRowid = rowMaps.get(store);
	if (!byRowid) rowMaps.set(store, (byRowid = callsByRowid(store)));

	// Which calls: the call-level fields and the speaker filter, as rowid ranges when they are few.
	const allowed = callFilter(q);
	const people = searchPeople(store, q, options);
	const callOk = (c: Call) => (!allowed || allowed(c)) && people.every(p => store.person(p)?.calls.includes(c.id) ?? false);
	const filtered = allowed !== null || people.length > 0;
	const callRows = filtered ? [...byRowid].filter(([, c]) => callOk(c)).map(([r]) => r).sort((a, b) => a - b) : null;
	const ranges: [number, number][] = callRows === null ? [[0, Number.MAX_SAFE_INTEGER]] : callRows.length > 400 ? [[callRows[0]! * SENTENCE_BITS, (callRows[callRows.length - 1]! + 1) * SENTENCE_BITS - 1]] : callRows.map(r => [r * SENTENCE_BITS, (r + 1) * SENTENCE_BITS - 1]);

	// The tiers, each an FTS5 query: the whole query as a phrase, all its words,
	// then their near spellings (a superset of what the judge accepts: a word
	// such as "don't" is two FTS5 tokens).
	const phraseExpr = `"${terms.flatMap(ftsTokens).map(t => t.slice(1, -1)).join(' ')}"`;
	const allExpr = terms.map(ftsWord).filter(Boolean).join(' AND ');
	const nearExpr = terms
		.map(t => {
			const variants = [t, ...fuzzy.get(t)!].map(ftsWord).filter((x): x is string => x !== null);
			return variants.length === 1 ? variants[0]! : `(${variants.join(' OR ')})`;
		})
		.join(' AND ');
	const fuzzyPossible = [...fuzzy.values()].some(f => f.size > 0);
	const statement = db.prepare('SELECT rowid FROM sentences WHERE sentences MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid').pluck();
	const count = db.prepare('SELECT count(*) FROM sentences WHERE sentences MATCH ? AND rowid BETWEEN ? AND ?').pluck();

	const hits: Hit[] = [];
	const seen = new Set<number>();
	/**
	 * One tier's candidates in date order, judged; a hit of the tiers in
	 * `counted` is kept. Once the page is full, the rest of that day is still
	 * read, so that the page sorts as the in-memory search's does.
	 */
	const readTier = (expr: string, counted: readonly Tier[]) => {
		let kept = hits.length;
		let stopDay: number | null = null;
		for (const [lo, hi] of ranges) {
			if (stopDay !== null && Math.floor(callOfSentence(lo) / PER_DAY) > stopDay) return;
			for (const rowid of statement.iterate(expr, lo, hi) as IterableIterator<number>) {
				const callRow = callOfSentence(rowid);
				const day = Math.floor(callRow / PER_DAY);
				if (stopDay !== null && day !== stopDay) return;
				if (seen.has(rowid)) continue;
				const call = byRowid.get(callRow);
				if (!call || (filtered && !callOk(call))) continue;
				const span = callSentences(call)[rowid - callRow * SENTENCE_BITS];
				if (!span) continue;
				const {starts} = callTokens(call)[span.turn]![span.paragraph]!;
				let from = 0;
				while (from < starts.length && starts[from]! < span.start) from++;
				let to = from;
				while (to < starts.length && starts[to]! < span.end) to++;
				const hit = judge(call, span.turn, span.paragraph, span.start, span.end, from, to);
				if (!hit || !counted.includes(hit.tier)) continue;
				seen.add(rowid);
				hits.push(hit);
				kept++;
				if (stopDay === null && kept >= limit) stopDay = day;
			}
		}
	};
	if (terms.length > 1) readTier(phraseExpr, ['phrase']);
	if (hits.length < limit) readTier(allExpr, ['phrase', 'all']);
	if (hits.length < limit && fuzzyPossible) readTier(nearExpr, ['phrase', 'all', 'fuzzy']);
	let candidates = 0;
	for (const [lo, hi] of ranges) candidates += count.get(fuzzyPossible ? nearExpr : allExpr, lo, hi) as number;

	// Calls not in the index (stdin): judged in memory, merged into the order.
	for (const call of store.calls) {
		if (rowidOf.has(call) || (filtered && !callOk(call))) continue;
		call.turns.forEach((_, t) =>
			callTokens(call)[t]!.forEach((tokens, p) => {
				for (const span of callSentences(call)) {
					if (span.turn !== t || span.paragraph !== p) continue;
					let from = 0;
					while (from < tokens.starts.length && tokens.starts[from]! < span.start) from++;
					let to = from;
					while (to < tokens.starts.length && tokens.starts[to]! < span.end) to++;
					const hit = judge(call, t, p, span.start, span.end, from, to);
					if (hit) hits.push(hit);
				}
			}),
		);
	}
	hits.sort(hitOrder(store));
	return {hits: hits.slice(0, limit), candidates};
}
