// What a settings file may hold, checked key by key: a value of the wrong
// kind (a `scroll` of "abc", 3.7 or an object that is not a place) is dropped and named, the rest
// is kept, and every string is cleaned (a note or id holding escape codes
// would otherwise reach the terminal). Pure; settings.ts does the I/O.
import type {Bookmark} from '../../model/documents/bookmarks.js';
import {cleanLine} from '../../model/input/sanitize.js';
import type {Filter} from '../state.js';
import {isAnchor, type Anchor, type Place} from '../layout/place.js';

/** An anchor's own fields only (nothing else of the file is kept). */
const placeOf = (a: Anchor): Anchor => ({turn: a.turn, paragraph: a.paragraph, start: a.start, lead: a.lead, ...(Number.isSafeInteger(a.call) && a.call! >= 0 ? {call: a.call} : {})});

export interface SavedSettings {
	/** Id of the open call (an id, so the setting survives calls being added). */
	call?: string;
	/** A line (an older version's) or a place in the text, per call and view. */
	scroll?: Record<string, Place>;
	filter?: Filter | null;
	sidebar?: boolean;
	/** Turns the reader marked, with notes. Written at once, not debounced: they are the reader's own work. */
	bookmarks?: Bookmark[];
}

/** Longest string kept from the file (an id, a note): a longer one is cut. */
const MAX_STRING = 10_000;
const str = (value: unknown): string | null => (typeof value === 'string' ? cleanLine(value).slice(0, MAX_STRING) : null);
const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isLine = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** The settings in `raw` that are well-formed, and the keys that were not (each dropped). */
export function checkSettings(raw: unknown): {settings: SavedSettings; dropped: string[]} {
	const settings: SavedSettings = {};
	const dropped: string[] = [];
	if (!isRecord(raw)) return {settings, dropped: raw === undefined ? [] : ['all (not an object)']};
	if ('call' in raw) {
		const call = str(raw['call']);
		if (call) settings.call = call;
		else dropped.push('call');
	}
	if ('scroll' in raw) {
		const scroll = raw['scroll'];
		if (isRecord(scroll) && Object.values(scroll).every(v => isLine(v) || isAnchor(v))) {
			settings.scroll = Object.fromEntries(Object.entries(scroll).map(([k, v]) => [cleanLine(k), isLine(v) ? v : placeOf(v as Anchor)]));
		} else dropped.push('scroll');
	}
	if ('filter' in raw) {
		const filter = raw['filter'];
		if (filter === null) settings.filter = null;
		else if (isRecord(filter) && str(filter['person']) && typeof filter['answers'] === 'boolean') settings.filter = {person: str(filter['person'])!, answers: filter['answers']};
		else dropped.push('filter');
	}
	if ('sidebar' in raw) {
		if (typeof raw['sidebar'] === 'boolean') settings.sidebar = raw['sidebar'];
		else dropped.push('sidebar');
	}
	if ('bookmarks' in raw) {
		const list = raw['bookmarks'];
		if (!Array.isArray(list)) dropped.push('bookmarks');
		else {
			const kept = list.flatMap((b): Bookmark[] => {
				if (!isRecord(b)) return [];
				const call = str(b['call']);
				if (!call || !isLine(b['turn'])) return [];
				return [{call, turn: b['turn'], snippet: str(b['snippet']) ?? '', note: str(b['note']) ?? '', created: str(b['created']) ?? ''}];
			});
			if (kept.length < list.length) dropped.push(`${list.length - kept.length} of ${list.length} bookmarks`);
			settings.bookmarks = kept;
		}
	}
	return {settings, dropped};
}

/** A bookmark's identity across readers: the same turn marked at the same moment. */
const keyOf = (b: Bookmark) => `${b.call}\u0000${b.turn}\u0000${b.created}`;

/** The same bookmarks, in the same order, with the same notes (what a merge returns when no one else wrote). */
export const sameBookmarks = (a: readonly Bookmark[], b: readonly Bookmark[]) =>
	a.length === b.length && a.every((x, i) => keyOf(x) === keyOf(b[i]!) && x.note === b[i]!.note);

/**
 * Bookmarks after this reader's changes are written over what is on disk now:
 * `base` is what this reader last read or wrote, `mine` what it holds. What
 * it added or edited since `base` is applied, what it deleted is removed, and
 * whatever another reader wrote meanwhile is kept. Two readers each adding a
 * bookmark both keep theirs, whichever writes last.
 */
export function mergeBookmarks(disk: readonly Bookmark[], base: readonly Bookmark[], mine: readonly Bookmark[]): Bookmark[] {
	const baseBy = new Map(base.map(b => [keyOf(b), b]));
	const mineBy = new Map(mine.map(b => [keyOf(b), b]));
	const deleted = new Set([...baseBy.keys()].filter(k => !mineBy.has(k)));
	const changed = new Map(mine.filter(b => baseBy.get(keyOf(b))?.note !== b.note).map(b => [keyOf(b), b]));
	const result: Bookmark[] = [];
	const seen = new Set<string>();
	for (const b of disk) {
		const k = keyOf(b);
		if (deleted.has(k) || seen.has(k)) continue;
		seen.add(k);
		result.push(changed.get(k) ?? b);
	}
	for (const b of mine) {
		const k = keyOf(b);
		// Added here, or edited here while another reader deleted it: kept (the user's latest word).
		if (!seen.has(k) && changed.has(k)) {
			seen.add(k);
			result.push(b);
		}
	}
	return result;
}
