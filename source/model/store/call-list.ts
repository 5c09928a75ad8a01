// The call list of a library of many companies: grouped by company (a heading
// each, its calls newest first) or all calls by date, and narrowed by a filter
// typed as one would say it — `aapl 2019q2`, `nvidia`, `2020`. Pure; the
// rows of a list are worked out once per (calls, order, filter) and kept, so
// that moving in a list of 10,000 costs nothing but the rows on screen.
import type {Call} from '../types.js';
import {companyKey} from '../parse/companies.js';

export type ListOrder = 'company' | 'date';

export type ListRow = {kind: 'company'; name: string; ticker: string | null; count: number} | {kind: 'call'; index: number};

export interface CallListView {
	rows: ListRow[];
	/** The calls shown, in the order shown (indexes into the store's calls). */
	order: number[];
	/** Where each call shown is in `order`. */
	position: Places;
	/** Where each call shown is in `rows` (the list draws the rows around the cursor's). */
	rowOf: Places;
	/** Whether the calls are of more than one company (one company's list is by date, with no heading). */
	many: boolean;
}

/**
 * Where each call (by its index in the store) is, for the calls shown: an
 * array as long as the store, not a Map. Why: made for every view, and at
 * 10,000 calls two Maps of them were a good part of the list's first view.
 */
export class Places {
	private readonly at: Int32Array;
	constructor(size: number) {
		this.at = new Int32Array(size).fill(-1);
	}
	set(index: number, place: number): void {
		this.at[index] = place;
	}
	get(index: number): number | undefined {
		const place = this.at[index];
		return place === undefined || place < 0 ? undefined : place;
	}
	has(index: number): boolean {
		return this.get(index) !== undefined;
	}
}

const UNKNOWN = 'Unknown company';

/** The name a call's company is listed under. */
export const companyName = (call: Call) => call.meta.company ?? call.meta.ticker ?? UNKNOWN;

// By the company's name as written: 10,000 calls name a few hundred companies,
// and working a key out is regular expressions (measured: ~40 ms of the first frame).
const byName = new Map<string, string | null>();

/** The key two calls of one company share: the canonical name, else the ticker; '' for a call of no known company. */
export function companyOf(call: Call): string {
	const name = call.meta.company;
	let key: string | null = null;
	if (name !== null) {
		key = byName.get(name) ?? null;
		if (!byName.has(name)) byName.set(name, (key = companyKey(name)));
	}
	return key ?? (call.meta.ticker ? `ticker:${call.meta.ticker.toLowerCase()}` : '');
}

/** The calls of the same company as `calls[index]`, in date order (indexes), the call itself among them. */
export function companyCalls(calls: readonly Call[], index: number): number[] {
	const key = companyOf(calls[index]!);
	// A call with no company and no ticker is a company of its own.
	if (key === '') return [index];
	const out: number[] = [];
	calls.forEach((c, i) => companyOf(c) === key && out.push(i));
	return out;
}

/** Whether a list of calls is of more than one company (kept per list). */
const manyOf = new WeakMap<readonly Call[], boolean>();
export function manyCompanies(calls: readonly Call[]): boolean {
	let many = manyOf.get(calls);
	if (many === undefined) {
		const first = calls[0] ? companyOf(calls[0]) : '';
		many = calls.some(c => companyOf(c) !== first);
		manyOf.set(calls, many);
	}
	return many;
}

/** A call named for a list: its quarter, and in a library of several companies its ticker (else its company) first — `AAPL Q2 2019`. */
export function callName(calls: readonly Call[], call: Call): string {
	const quarter = call.meta.quarter ?? call.id;
	if (!manyCompanies(calls)) return quarter;
	const company = call.meta.ticker ?? call.meta.company;
	return company && call.meta.quarter ? `${company} ${quarter}` : quarter;
}

/** A call named whole wherever it leaves its list (a quote, a bookmark, the status line): `Tesla Q2 2017`, with its ticker when known. */
export function fullCallName(call: Call): string {
	const quarter = call.meta.quarter ?? call.meta.date ?? call.id;
	const company = call.meta.company ?? call.meta.ticker;
	if (!company) return quarter;
	const ticker = call.meta.ticker && call.meta.ticker !== company ? ` (${call.meta.ticker})` : '';
	return `${company}${ticker} ${quarter}`;
}

/** The spelling most of a company's calls use (`NVIDIA` for 18 calls, not the one `Nvidia`). */
function mostUsedName(calls: readonly Call[], group: readonly number[]): string {
	const counts = new Map<string, number>();
	for (const i of group) {
		const name = companyName(calls[i]!);
		counts.set(name, (counts.get(name) ?? 0) + 1);
	}
	let best = '';
	let most = 0;
	for (const [name, n] of counts) if (n > most) [best, most] = [name, n];
	return best;
}

/** The next (by 1) or previous (by -1) call of the same company as `calls[index]`, or null at the end. */
export function stepInCompany(calls: readonly Call[], index: number, by: number): number | null {
	const same = companyCalls(calls, index);
	const at = same.indexOf(index) + by;
	return at >= 0 && at < same.length ? same[at]! : null;
}

// What a filter word may match, per call: the company's words, the ticker, the
// quarter written every common way, the date, the id.
const haystacks = new WeakMap<Call, string[]>();
function haystack(call: Call): string[] {
	let words = haystacks.get(call);
	if (!words) {
		const q = /^Q([1-4]) (\d{4})$/.exec(call.meta.quarter ?? '');
		const company = (call.meta.company ?? '').toLowerCase();
		words = [
			...company.split(/[^a-z0-9&]+/).filter(Boolean),
			company.replace(/[^a-z0-9&]+/g, ''),
			(call.meta.ticker ?? '').toLowerCase(),
			...(q ? [`q${q[1]}`, q[2]!, `${q[2]}q${q[1]}`, `q${q[1]}${q[2]}`, `${q[2]}-q${q[1]}`, `fy${q[2]}`] : []),
			...(call.meta.date ? [call.meta.date, call.meta.date.slice(0, 4), call.meta.date.slice(0, 7)] : []),
			call.id.toLowerCase(),
		].filter(Boolean);
		haystacks.set(call, words);
	}
	return words;
}

/** The filter's words: lower case; `Q2 2019`, `2019 Q2` and `2019q2` all mean one quarter. */
export function filterWords(text: string): string[] {
	return text
		.toLowerCase()
		.replace(/\b(q[1-4])\s+(\d{4})\b/g, '$1$2')
		.replace(/\b(\d{4})\s+(q[1-4])\b/g, '$1$2')
		.split(/[\s,]+/)
		.filter(Boolean);
}

/** Every word of the filter starts a word of the call (its company, ticker, quarter, date or id). */
export function matchesFilter(call: Call, words: readonly string[]): boolean {
	if (words.length === 0) return true;
	const hay = haystack(call);
	return words.every(w => hay.some(h => h.startsWith(w)));
}

const views = new WeakMap<readonly Call[], Map<string, CallListView>>();

export function callListView(calls: readonly Call[], order: ListOrder, filter: string): CallListView {
	let byKey = views.get(calls);
	if (!byKey) views.set(calls, (byKey = new Map()));
	const words = filterWords(filter);
	const key = `${order}\u0000${words.join(' ')}`;
	let view = byKey.get(key);
	if (view) return view;
	const many = manyCompanies(calls);
	const shown: number[] = [];
	calls.forEach((c, i) => matchesFilter(c, words) && shown.push(i));
	const rows: ListRow[] = [];
	if (!many || order === 'date') {
		for (const i of shown) rows.push({kind: 'call', index: i});
	} else {
		const groups = new Map<string, number[]>();
		for (const i of shown) {
			// The calls of no known company are one group, listed last.
			const k = companyOf(calls[i]!);
			let g = groups.get(k);
			if (!g) groups.set(k, (g = []));
			g.push(i);
		}
		const named = [...groups].map(([k, g]) => ({g, name: k === '' ? UNKNOWN : mostUsedName(calls, g)}));
		// Companies A to Z (a company unknown last); each one's calls newest first.
		named.sort((a, b) => Number(a.name === UNKNOWN) - Number(b.name === UNKNOWN) || (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
		for (const {g, name} of named) {
			const ticker = g.map(i => calls[i]!.meta.ticker).find(Boolean) ?? null;
			rows.push({kind: 'company', name, ticker, count: g.length});
			for (const i of [...g].reverse()) rows.push({kind: 'call', index: i});
		}
	}
	const ordered: number[] = [];
	const rowOf = new Places(calls.length);
	const position = new Places(calls.length);
	for (let at = 0; at < rows.length; at++) {
		const r = rows[at]!;
		if (r.kind !== 'call') continue;
		position.set(r.index, ordered.length);
		ordered.push(r.index);
		rowOf.set(r.index, at);
	}
	view = {rows, order: ordered, position, rowOf, many};
	// A few views kept per list (the filter as typed, letter by letter, makes many).
	if (byKey.size > 32) byKey.delete(byKey.keys().next().value!);
	byKey.set(key, view);
	return view;
}

/** The call `by` rows from `index` in the view (the first shown, when `index` is not shown); null when none is shown. */
export function stepInView(view: CallListView, index: number, by: number): number | null {
	if (view.order.length === 0) return null;
	const at = view.position.get(index);
	if (at === undefined) return view.order[by < 0 ? view.order.length - 1 : 0]!;
	return view.order[Math.max(0, Math.min(view.order.length - 1, at + by))]!;
}
