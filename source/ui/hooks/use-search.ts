// Through the index, a keystroke shows the first hits; then the search reads on
// (search-hits.ts), a slice at a time between keys: the counts, trend and
// n / N grow, and the view is redrawn a few times a second. On its own it reads
// the first AUTO_HITS (most searches end before); past them it reads as the
// reader goes there (the cursor near the last hit read, End), so that a common
// phrase of 85,000 hits does not read every call of the library into memory
// unasked, and every hit is still reached.
import {useEffect, useState, type MutableRefObject} from 'react';
import type {Store} from '../../model/store/store.js';
import {deepenHits, hitSet} from './search-hits.js';
import type {Action, State} from '../state.js';
import type {Latest} from './use-settings.js';

/** The query as searched: with Ctrl+O, limited to the open call by its own call: field. */
export const searchText = (store: Store, s: State) => (s.search.onlyCall && s.search.query.trim() ? `${s.search.query} call:${store.calls[s.open]!.id}` : s.search.query);
export const searchPersonOf = (s: State) => (s.search.onlyPerson && s.filter ? s.filter.person : null);

export const AUTO_HITS = 2000;
/** The cursor this near the last hit read asks for more. */
const NEAR_END = 50;

export function useSearch(store: Store, state: State, latest: Latest, lastKey: MutableRefObject<number>, dispatch: (action: Action) => void): void {
	const [, setDeepened] = useState(0);
	const person = searchPersonOf(state);
	const query = searchText(store, state);
	const order = state.search.order;
	// Moving near the end of what is read (or End) starts the reading again.
	const wanted = state.search.followEnd || state.search.readAll || state.search.cursor >= hitSet(store, query, person, order).hits.length - NEAR_END;
	useEffect(() => {
		if (!store.indexPage || !query.trim()) return;
		let timer: ReturnType<typeof setTimeout>;
		let shown = Date.now();
		const step = () => {
			// A key a moment ago: it goes first (the next keystroke's page is what the reader waits for).
			if (Date.now() - lastKey.current < 120) return void (timer = setTimeout(step, 60));
			// Small slices while keys come (a key waits at most one), larger ones once the reader rests.
			const grew = deepenHits(store, query, person, order, Date.now() - lastKey.current < 1500 ? 12 : 40);
			const set = hitSet(store, query, person, order);
			if (grew && (!set.more || Date.now() - shown > 250)) {
				shown = Date.now();
				if (latest.current.search.followEnd) dispatch({type: 'searchCursor', index: set.hits.length - 1, shown: false, followEnd: set.more});
				setDeepened(n => n + 1);
			}
			const s = latest.current;
			const goOn = set.hits.length < AUTO_HITS || s.search.followEnd || s.search.readAll || s.search.cursor >= set.hits.length - NEAR_END;
			if (set.more && goOn) timer = setTimeout(step, 0);
			else if (set.more) setDeepened(n => n + 1);
		};
		timer = setTimeout(step, 30);
		return () => clearTimeout(timer);
	}, [store, query, person, order, wanted]);
}
