// After the first frame, one step at a time so that keys are answered
// between them: the open call's metrics (hedging, tone, terms …), then conf
// and the settings file (importing conf is ~25 ms), the other calls'
// metrics, and the search index. True once the open call's report is ready.
import {useEffect, useState, type MutableRefObject} from 'react';
import {callReport, reportSteps} from '../../model/metrics/report.js';
import {prepareSearch} from '../../model/search/search.js';
import {metricScope} from '../../model/store/scope.js';
import type {Store} from '../../model/store/store.js';
import type {Call} from '../../model/types.js';
import type {Settings} from '../settings/settings.js';
import type {Action} from '../state.js';
import type {Latest} from './use-settings.js';

/** The calls whose metrics are worked out after the first frame, the open company's first. */
function backgroundCalls(store: Store, open: Call): Call[] {
	const own = metricScope(store, open).calls.filter(c => c !== open);
	if (!store.indexSearch || store.calls.length <= 100) return [...own, ...store.calls.filter(c => c !== open && !own.includes(c))];
	return own.slice(-60);
}

export function useReport(store: Store, settings: Settings, latest: Latest, lastKey: MutableRefObject<number>, dispatch: (action: Action) => void): boolean {
	const [ready, setReady] = useState(false);
	useEffect(() => {
		const open = store.calls[latest.current.open]!;
		let live = true;
		const scope = metricScope(store, open);
		const steps: (() => void)[] = [
			// In steps of about a call each (reportSteps), so that a key typed as the reader opens is not held up.
			...reportSteps(scope, open),
			() => {
				callReport(scope, open);
				setReady(true);
			},
			() => {
				settings.start().then(notice => live && notice && dispatch({type: 'notice', text: notice}), () => {});
			},
			// A library read from the index has its turns on disk: the open company's calls are worked
			// out (what the sidebar's charts, trends and compare read first), and the rest only in a small library.
			...backgroundCalls(store, open).map(c => () => void callReport(metricScope(store, c), c)),
			() => prepareSearch(store),
		];
		let timer: NodeJS.Timeout | undefined;
		const next = () => {
			if (!live || steps.length === 0) return;
			timer = setTimeout(() => {
				if (!live) return;
				// The reader is typing or moving: the background work waits for a pause,
				// so that no key waits behind a call being measured (a step is up to ~20 ms).
				if (Date.now() - lastKey.current < 150) return next();
				steps.shift()!();
				next();
			}, Date.now() - lastKey.current < 150 ? 60 : 0);
		};
		next();
		return () => {
			live = false;
			clearTimeout(timer);
		};
	}, [store, settings]);
	return ready;
}
