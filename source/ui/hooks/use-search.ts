// Through the index, a keystroke shows the first hits; then the search reads on
// (search-hits.ts), a slice at a time between keys, until every hit is in: the
// counts, trend and n / N grow, and the view is redrawn a few times a second.
import {useEffect, useState, type MutableRefObject} from 'react';
import type {Store} from '../../model/store/store.js';
import {deepenHits, hitSet} from './search-hits.js';
import type {Action, State} from '../state.js';
import type {Latest} from './use-settings.js';

/** The query as searched: with Ctrl+O, limited to the open call by its own call: field. */
export const searchText = (store: Store, s: State) => (s.search.onlyCall && s.search.query.trim() ? `${s.search.query} call:${store.calls[s.open]!.id}` : s.search.query);
export const searchPersonOf = (s: State) => (s.search.onlyPerson && s.filter ? s.filter.person : null);

export function useSearch(store: Store, state: State, latest: Latest, lastKey: MutableRefObject<number>, dispatch: (action: Action) => void): void {
	const [, setDeepened] = useState(0);
	const person = searchPersonOf(state);
	const query = searchText(store, state);
	const order = state.search.order;
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
			if (set.more) timer = setTimeout(step, 0);
		};
		timer = setTimeout(step, 30);
		return () => clearTimeout(timer);
	}, [store, query, person, order]);
}
