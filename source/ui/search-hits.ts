// The reader's search: the hits of the active query, made once per (query,
// person) and shared by the results, the call list's counts, the sidebar's
// trend, the transcript's highlights and n / N.
import {hitsPerCall, search, type Hit} from '../model/search/search.js';
import type {Store} from '../model/store/store.js';

export interface HitSet {
	query: string;
	hits: Hit[];
	/** Hits per call, in the store's order. */
	perCall: number[];
	/** A call's matched words: `turn:paragraph` → offsets in that paragraph's text. */
	marks(callId: string): ReadonlyMap<string, [number, number][]>;
}

const EMPTY: HitSet = {query: '', hits: [], perCall: [], marks: () => new Map()};
let last: {store: Store; key: string; set: HitSet} | null = null;

export function hitSet(store: Store, query: string, person: string | null): HitSet {
	if (!query.trim()) return EMPTY;
	const key = `${person ?? ''}\u0000${query}`;
	if (last?.store === store && last.key === key) return last.set;
	const hits = search(store, query, {person});
	const byCall = new Map<string, Map<string, [number, number][]>>();
	const set: HitSet = {
		query,
		hits,
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
