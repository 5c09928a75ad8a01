// The reader's search: the hits of the active query, made once per (query,
// person) and shared by the results, the call list's counts, the sidebar's
// trend, the transcript's highlights and n / N.
import {hitsPerCall, searchStore, type Hit} from '../model/search/search.js';
import type {Store} from '../model/store/store.js';

export interface HitSet {
	query: string;
	hits: Hit[];
	/** Through the library's index, the first PAGE hits only: then, the sentences that may match (an upper bound). */
	upTo: number | null;
	/** Hits per call, in the store's order. */
	perCall: number[];
	/** A call's matched words: `turn:paragraph` → offsets in that paragraph's text. */
	marks(callId: string): ReadonlyMap<string, [number, number][]>;
}

const EMPTY: HitSet = {query: '', hits: [], upTo: null, perCall: [], marks: () => new Map()};

/** Through the index, the hits read at once: the rest are never read unless asked for (the CLI reads them all). */
export const PAGE = 1000;
let last: {store: Store; key: string; set: HitSet} | null = null;

export function hitSet(store: Store, query: string, person: string | null): HitSet {
	if (!query.trim()) return EMPTY;
	const key = `${person ?? ''}\u0000${query}`;
	if (last?.store === store && last.key === key) return last.set;
	const found = searchStore(store, query, {person, limit: store.indexSearch ? PAGE : undefined});
	const {hits} = found;
	const byCall = new Map<string, Map<string, [number, number][]>>();
	const set: HitSet = {
		query,
		hits,
		upTo: found.candidates !== null && hits.length >= PAGE && found.candidates > hits.length ? found.candidates : null,
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
	last = {store, key, set};
	return set;
}
