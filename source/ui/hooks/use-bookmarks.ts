// Bookmarks are the reader's own work: written at once (a new file renamed
// over the old, so a crash mid-write loses nothing), merged with what another
// reader wrote meanwhile. A failed write is said at once and tried again
// until it goes through; the bookmarks stay in memory meanwhile.
import {useCallback, useEffect, useRef, useState} from 'react';
import {sameBookmarks} from '../settings/settings-values.js';
import type {Settings} from '../settings/settings.js';
import type {Action, State} from '../state.js';
import type {Latest, SaveNow} from './use-settings.js';

/** Returns why the bookmarks are not saved, while they are not (the bookmark list says so). */
export function useBookmarks(settings: Settings, state: State, latest: Latest, dispatch: (action: Action) => void, save: SaveNow): string | null {
	const firstBookmarks = useRef(true);
	const fromDisk = useRef(false);
	const [unsaved, setUnsaved] = useState<string | null>(null);
	const writeBookmarks = useCallback(
		(retry: boolean) => {
			const result = settings.flush();
			if (result.error) {
				// Short enough for 80 columns; the bookmark list names the file.
				if (!retry) dispatch({type: 'notice', text: `Not saved: ${result.error.replace(/ \(.*\)$/, '')}. Kept and retried; ' then E writes them out.`});
				setUnsaved(result.error);
				return;
			}
			if (retry) dispatch({type: 'notice', text: 'Bookmarks saved now.'});
			setUnsaved(null);
			const merged = result.bookmarks;
			const now = latest.current.bookmarks;
			if (merged && !sameBookmarks(merged, now)) {
				// Another reader's bookmarks, merged in: shown, not written again.
				fromDisk.current = true;
				dispatch({type: 'bookmarks', bookmarks: merged});
			}
		},
		[settings, dispatch],
	);
	useEffect(() => {
		if (firstBookmarks.current || fromDisk.current) {
			firstBookmarks.current = false;
			fromDisk.current = false;
			return;
		}
		save(latest.current);
		writeBookmarks(false);
	}, [state.bookmarks]);
	useEffect(() => {
		if (!unsaved) return;
		const timer = setInterval(() => {
			save(latest.current);
			writeBookmarks(true);
		}, 10_000);
		timer.unref?.();
		return () => clearInterval(timer);
	}, [unsaved, writeBookmarks]);
	return unsaved;
}
