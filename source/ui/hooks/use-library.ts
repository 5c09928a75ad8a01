// What the library says to the reader: a word from outside the app (the index
// set aside, indexing done, folders changed) said once; the files that were
// not loaded, and why, said once at the start and listed in the help.
import {useEffect, useMemo} from 'react';
import type {Store} from '../../model/store/store.js';
import type {Group} from '../overlays/HelpOverlay.js';
import type {Action} from '../state.js';

export function useLibrary(store: Store, notice: string | null | undefined, dispatch: (action: Action) => void): Group[] {
	useEffect(() => {
		if (notice) dispatch({type: 'notice', text: notice});
	}, [notice]);
	const notLoaded = useMemo<Group[]>(
		() => (store.skipped.length ? [{title: `Not loaded: ${store.skipped.length} ${store.skipped.length === 1 ? 'file' : 'files'}`, rows: store.skipped.map(s => `  ${s.path}: ${s.reason}`)}] : []),
		[store],
	);
	useEffect(() => {
		const n = store.skipped.length;
		if (n) dispatch({type: 'notice', text: n === 1 ? `Not loaded: ${store.skipped[0]!.path} (${store.skipped[0]!.reason}); ? lists it.` : `${n} files not loaded (not transcripts, or unreadable); ? lists them.`});
	}, [store]);
	return notLoaded;
}
