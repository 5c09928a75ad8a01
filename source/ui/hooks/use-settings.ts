// The settings kept in step with the reader: the open call, places, filter,
// sidebar and bookmarks saved (debounced) as they change, and `initial` kept
// current so that an app started again on a new store (run.tsx, after
// indexing) opens where this one is.
import {useCallback, useEffect, useRef, type MutableRefObject} from 'react';
import type {Store} from '../../model/store/store.js';
import type {SavedSettings, Settings} from '../settings/settings.js';
import type {State} from '../state.js';

/**
 * What the settings keep. `waiting`: the saved call when this store does not
 * hold it yet (the first index still running) and the reader has opened no
 * other: it stays the saved call, so a quit meanwhile does not lose it.
 */
function toSaved(state: State, store: Store, waiting: {call: string; open: number} | null): SavedSettings {
	const call = waiting && state.open === waiting.open ? waiting.call : store.calls[state.open]?.id;
	return {call, scroll: state.scroll, filter: state.filter, sidebar: state.sidebar, bookmarks: state.bookmarks};
}

/** Keeps the settings in step with `state`; returns `save(state)`, for a save now (quit, a bookmark, suspend). */
export function useSettings(settings: Settings, store: Store, state: State): (s: State) => void {
	const firstSave = useRef(true);
	// The saved call, while the store does not hold it (and nothing else was opened).
	const waiting = useRef(settings.initial.call && !store.calls.some(c => c.id === settings.initial.call) ? {call: settings.initial.call, open: state.open} : null);
	if (waiting.current && state.open !== waiting.current.open) waiting.current = null;
	useEffect(() => {
		settings.initial = toSaved(state, store, waiting.current);
		if (firstSave.current) {
			firstSave.current = false;
			return;
		}
		settings.save(toSaved(state, store, waiting.current));
	}, [state.open, state.scroll, state.filter, state.sidebar, state.bookmarks]);
	return useCallback((s: State) => settings.save(toSaved(s, store, waiting.current)), [settings, store]);
}

export type SaveNow = (s: State) => void;
export type Latest = MutableRefObject<State>;
