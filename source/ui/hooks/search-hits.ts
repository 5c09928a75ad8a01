// The reader's search: the hits of the active query, made once per (query,
// person, order) and shared by the results, the call list's counts, the
// sidebar's trend, the transcript's highlights and n / N.
//
// Every hit is reachable, in date order (newest first unless flipped): through
// the library's index a keystroke reads the first FIRST hits (~10 ms of work,
// a call's judging more at most), then `deepenHits` reads on a slice at a time, between keys, until
// the last hit is in and the count is true.
import {dateOrder, hitsPerCall, searchStore, type Hit} from '../../model/search/search.js';
import type {Store} from '../../model/store/store.js';

export type Order = 'newest' | 'oldest';

export interface HitSet {
	query: string;
	order: Order;
	hits: Hit[];
	/** Hits not yet read remain (through the index, until deepening ends). */
	more: boolean;
	/** Hits per call, in the store's order. */
	perCall: number[];
	/** A call's matched words: `turn:paragraph` → offsets in that paragraph's text. */
	marks(callId: string): ReadonlyMap<string, [number, number][]>;
}

const EMPTY: HitSet = {query: '', order: 'newest', hits: [], more: false, perCall: [], marks: () => new Map()};

/** A keystroke's page: more than the results pane shows at once, found within a frame's budget. */
export const FIRST = 20;
const FIRST_MS = 10;
/** A slice of deepening: short enough that a key pressed meanwhile waits no longer than a frame or two. */
export const SLICE_MS = 12;

interface Current {
	store: Store;
	key: string;
	set: HitSet;
	/** Where the index's next page starts, or null when all are read. */
	next: number | null;
	person: string | null;
}
let last: Current | null = null;

const keyOf = (query: string, person: string | null, order: Order) => `${person ?? ''}\u0000${order}\u0000${query}`;

export function hitSet(store: Store, query: string, person: string | null, order: Order = 'newest'): HitSet {
	if (!query.trim()) return EMPTY;
	const key = keyOf(query, person, order);
	if (last?.store === store && last.key === key) return last.set;
	if (store.indexPage) {
		const page = store.indexPage(query, {person, order, limit: FIRST, budgetMs: FIRST_MS});
		last = {store, key, person, next: page.next, set: makeSet(store, query, order, page.hits, page.next !== null)};
	} else {
		const {hits} = searchStore(store, query, {person});
		hits.sort(dateOrder(store, order));
		last = {store, key, person, next: null, set: makeSet(store, query, order, hits, false)};
	}
	return last.set;
}

/**
 * Reads on past what the current query has read, for about `budgetMs`; true
 * if hits were added. The reader calls it between keys until `more` is false.
 */
export function deepenHits(store: Store, query: string, person: string | null, order: Order = 'newest', budgetMs = SLICE_MS): boolean {
	const current = last;
	if (!store.indexPage || current?.store !== store || current.key !== keyOf(query, person, order) || current.next === null) return false;
	const page = store.indexPage(query, {person, order, from: current.next, limit: Number.MAX_SAFE_INTEGER, budgetMs});
	current.next = page.next;
	// The same array, grown in place (a copy a slice was quadratic in the hits: 66,000 of them slowed to a crawl);
	// a new set around it, so that what shows them draws again.
	const hits = current.set.hits;
	for (const h of page.hits) hits.push(h);
	current.set = makeSet(store, query, order, hits, page.next !== null);
	return page.hits.length > 0 || page.next === null;
}

function makeSet(store: Store, query: string, order: Order, hits: Hit[], more: boolean): HitSet {
	const byCall = new Map<string, Map<string, [number, number][]>>();
	let perCall: number[] | null = null;
	return {
		query,
		order,
		hits,
		more,
		// Counted when first asked for (a slice of deepening does not pay for it).
		get perCall() {
			return (perCall ??= hitsPerCall(store, hits));
		},
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
}
