// The trends view's figures, made a call at a time off the input path: the
// columns in view first, then outward from the open call, in slices of a few
// milliseconds between keys. Across every call of a large library (Tab) the
// view opens at once and fills; Esc closes it and the work stops with it.
// A typed term's row is kept apart, so typing re-measures only the term.
import {useEffect, useRef, useState, type MutableRefObject} from 'react';
import {trendColumn, trendRowsFrom, trendTermValue, type TrendColumn, type TrendRow} from '../../model/metrics/trends.js';
import type {Store} from '../../model/store/store.js';

/** Work of one slice: a key pressed meanwhile waits no longer than about a frame. */
const SLICE_MS = 12;
/** Measured as the view is drawn, before its first frame: the columns in view of a company's few calls come at once. */
const FIRST_MS = 40;

export interface TrendsView {
	rows: TrendRow[];
	/** Columns measured so far, and of how many. */
	done: number;
	total: number;
}

interface Cache {
	scope: Store;
	person: string | null;
	columns: (TrendColumn | undefined)[];
	term: string;
	/** undefined: not measured yet. */
	terms: (number | null | undefined)[];
}

/** Measures the next of `order` not yet measured until `until`; false when none is left. */
function measure(c: Cache, order: readonly number[], until: number): boolean {
	for (const i of order) {
		if (performance.now() > until) return true;
		const call = c.scope.calls[i]!;
		if (!c.columns[i]) c.columns[i] = trendColumn(c.scope, call, c.person);
		if (c.term.trim() && c.terms[i] === undefined) c.terms[i] = trendTermValue(c.scope, call, c.person, c.term);
	}
	return false;
}

const doneOf = (c: Cache) => c.columns.reduce((n, col, i) => n + (col && (!c.term.trim() || c.terms[i] !== undefined) ? 1 : 0), 0);

/**
 * `scope`: the calls the view charts (null while the view is closed);
 * `window`: the columns in view, measured first and whose executives make
 * the talk-share rows; `open`: the open call's column.
 */
export function useTrends(scope: Store | null, person: string | null, term: string, window: readonly number[], open: number, lastKey: MutableRefObject<number>): TrendsView {
	const cache = useRef<Cache | null>(null);
	const [, redraw] = useState(0);
	if (scope) {
		let c = cache.current;
		if (c?.scope !== scope || c.person !== person) c = cache.current = {scope, person, columns: scope.calls.map(() => undefined), term, terms: scope.calls.map(() => undefined)};
		if (c.term !== term) Object.assign(c, {term, terms: scope.calls.map(() => undefined)});
		measure(c, window, performance.now() + FIRST_MS);
	}
	const windowKey = window.join(',');

	useEffect(() => {
		const c = cache.current;
		if (!scope || !c || c.scope !== scope) return;
		// The columns in view, then the others by their distance from the open call.
		const order = [...window, ...c.columns.map((_, i) => i).sort((a, b) => Math.abs(a - open) - Math.abs(b - open))];
		let timer: ReturnType<typeof setTimeout>;
		let shown = Date.now();
		const step = () => {
			if (Date.now() - lastKey.current < 100) return void (timer = setTimeout(step, 50));
			const more = measure(c, order, performance.now() + SLICE_MS);
			// Redrawn a few times a second while filling (a frame of many columns is not free), and at the end.
			if (!more || Date.now() - shown > 150) {
				shown = Date.now();
				redraw(n => n + 1);
			}
			if (more) timer = setTimeout(step, 0);
		};
		if (doneOf(c) < c.columns.length) timer = setTimeout(step, 0);
		return () => clearTimeout(timer);
	}, [scope, person, term, windowKey, open]);

	const c = cache.current;
	if (!scope || !c) return {rows: [], done: 0, total: 0};
	return {rows: trendRowsFrom(scope, c.columns, person, term, c.terms, window), done: doneOf(c), total: c.columns.length};
}
