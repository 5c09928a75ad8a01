// The reader's search: the hits of the active query, made once per (query,
// person) and shared by the results, the call list's counts, the sidebar's
// trend, the transcript's highlights and n / N.
import {hitsPerCall, searchStore, type Hit} from '../model/search/search.js';
import type {Store} from '../model/store/store.js';

export interface HitSet {
	query: string;
	hits: Hit[];
	/** Through the library's index, the first PAGE hits only: true when there may be more. */
	more: boolean;
	/** Hits per call, in the store's order. */
	perCall: number[];
	/** A call's matched words: `turn:paragraph` → offsets in that paragraph's text. */
	marks(callId: string): ReadonlyMap<string, [number, number][]>;
}

const EMPTY: HitSet = {query: '', hits: [], more: false, perCall: [], marks: () => new Map()};

/**
 * Through the index, a keystroke reads the first FIRST hits (at most ~35 ms of
 * work); once typing pauses, `deepenHits` reads on to PAGE in the background,
 * so the counts, the trend and n / N cover more. The CLI reads them all.
 */
export const FIRST = 50;
export const PAGE = 1000;
let last: {store: Store; key: string; set: HitSet; deep: boolean} | null = null;

export function hitSet(store: Store, query: string, person: string | null): HitSet {
	if (!query.trim()) return EMPTY;
	const key = `${person ?? ''}\u0000${query}`;
	if (last?.store === store && last.key === key) return last.set;
	const set = makeSet(store, query, person, store.indexSearch ? FIRST : undefined);
	last = {store, key, set, deep: !set.more};
	return set;
}

/** Reads on past the first page of the current query (the reader calls it when typing pauses); true if the hits grew. */
export function deepenHits(store: Store, query: string, person: string | null): boolean {
	const key = `${person ?? ''}\u0000${query}`;
	if (!store.indexSearch || last?.store !== store || last.key !== key || last.deep) return false;
	const set = makeSet(store, query, person, PAGE, 400);
	const grew = set.hits.length > last.set.hits.length;
	last = {store, key, set: grew ? set : last.set, deep: true};
	return grew;
}

function makeSet(store: Store, query: string, person: string | null, limit: number | undefined, budgetMs?: number): HitSet {
	const found = store.indexSearch ? store.indexSearch(query, {person, limit, budgetMs}) : searchStore(store, query, {person});
	const {hits} = found;
	const byCall = new Map<string, Map<string, [number, number][]>>();
	const set: HitSet = {
		query,
		hits,
		more: limit !== undefined && (('partial' in found && found.partial === true) || hits.length >= limit),
		perCall: hitsPerCall(store, hits),
		marks(callId) {
			let marks = byCall.get(callId);
			if (!marks) {
				marks = new Map();
				for (const h of hits) {
					if (h.call !== callId) continue;
					const k = `${h.turn}:${h.paragraph}`;
					marks.set(k, [...(marks.get(k) ?? []), ...h.marks].sort((a, b) => a[0] - b[0]));
				}
				byCall.set(callId, marks);
			}
			return marks;
		},
	};
	return set;
}
