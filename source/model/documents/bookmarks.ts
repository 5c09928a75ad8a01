// Bookmarks: a turn the reader marked, with an optional note. Kept with the
// settings (ui/settings.ts) and read by `earnings-reader bookmarks`.
import type {Quote} from './quotes.js';
import {turnQuote} from './quotes.js';
import type {Store} from '../store/store.js';
import type {Call} from '../types.js';

export interface Bookmark {
	/** Call id. */
	call: string;
	/** Turn index when it was made. */
	turn: number;
	/** The turn's first words: finds the turn again if the transcript has changed since. */
	snippet: string;
	note: string;
	/** ISO time it was made. */
	created: string;
}

const SNIPPET = 80;
const snippetOf = (call: Call, turn: number) => (call.turns[turn]?.paragraphs[0]?.text ?? '').slice(0, SNIPPET);

export function makeBookmark(call: Call, turn: number, note: string, now = new Date()): Bookmark {
	return {call: call.id, turn, snippet: snippetOf(call, turn), note: note.trim(), created: now.toISOString()};
}

/** Bookmarks from a settings file: whatever is malformed is left out, never thrown on. */
export function readBookmarks(value: unknown): Bookmark[] {
	if (!Array.isArray(value)) return [];
	return value.flatMap((b): Bookmark[] => {
		if (!b || typeof b !== 'object') return [];
		const {call, turn, snippet, note, created} = b as Record<string, unknown>;
		if (typeof call !== 'string' || !Number.isInteger(turn) || (turn as number) < 0) return [];
		return [{call, turn: turn as number, snippet: typeof snippet === 'string' ? snippet : '', note: typeof note === 'string' ? note : '', created: typeof created === 'string' ? created : ''}];
	});
}

/** Where a bookmark points now: its call and turn, the turn found again by its first words if it moved; null if gone. */
export function resolveBookmark(store: Store, b: Bookmark): {call: Call; index: number; turn: number} | null {
	const call = store.call(b.call);
	if (!call) return null;
	const index = store.calls.indexOf(call);
	if (!b.snippet || snippetOf(call, b.turn) === b.snippet) return b.turn < call.turns.length ? {call, index, turn: b.turn} : null;
	const turn = call.turns.findIndex((_, t) => snippetOf(call, t) === b.snippet);
	return turn >= 0 ? {call, index, turn} : null;
}

/** Bookmarks as quotes (the whole turn, and the note); those whose call is not loaded are left out. */
/** Each bookmark as a quote; one in a call not loaded (its folder not in this run) is kept, marked, with what it holds of its own. */
export function bookmarkQuotes(store: Store, list: readonly Bookmark[]): Quote[] {
	return list.map(b => {
		const at = resolveBookmark(store, b);
		if (at) return {...turnQuote(at.call, at.turn), ...(b.note ? {note: b.note} : {})};
		return {call: b.call, company: null, ticker: null, quarter: null, date: null, speaker: null, firm: null, section: 'not loaded', turn: b.turn, text: b.snippet, marks: [], ...(b.note ? {note: b.note} : {}), notLoaded: true as const};
	});
}
