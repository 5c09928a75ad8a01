// The Markdown documents a reader takes away, the same from the reader's `E`
// and from the CLI's --md: a view of a call, search hits, the bookmarks.
import {bookmarkQuotes, type Bookmark} from './bookmarks.js';
import {quotesMarkdown} from './markdown.js';
import {hitQuotes, viewQuotes} from './quotes.js';
import type {Hit} from '../search/search.js';
import type {Store} from '../store/store.js';
import type {Call} from '../types.js';
import {cleanLine} from '../input/sanitize.js';

const callName = (call: Call) => [call.meta.company, call.meta.quarter ?? call.id].filter(Boolean).join(' ') + (call.meta.date ? ` (${call.meta.date})` : '');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The call as the reader shows it: all turns, one person's, or their answers under their questions. */
export function viewDocument(call: Call, speaker: number | null, answers: boolean): string {
	const who = speaker === null ? null : call.speakers[speaker]!.name;
	const what = who === null ? 'Every turn.' : answers ? `${who}'s answers, each after the question it answers.` : `${who}'s turns.`;
	return quotesMarkdown(callName(call), what, viewQuotes(call, speaker, answers));
}

export function searchDocument(store: Store, query: string, hits: readonly Hit[], person: string | null = null): string {
	const calls = new Set(hits.map(h => h.call)).size;
	const who = person ? `, ${cleanLine(person)} only` : '';
	// The query is typed or given as an argument: untrusted, cleaned like any other.
	return quotesMarkdown(`Search: ${cleanLine(query)}`, `${plural(hits.length, 'sentence')} from ${plural(calls, 'call')}${who}; exact phrase first, then all words, then near spellings.`, hitQuotes(store, hits));
}

export function bookmarksDocument(store: Store, list: readonly Bookmark[]): string {
	const quotes = bookmarkQuotes(store, list);
	const missing = quotes.filter(q => q.notLoaded).length;
	return quotesMarkdown('Bookmarks', `${plural(quotes.length, 'bookmark')}${missing ? ` (${missing} in calls not loaded)` : ''}.`, quotes);
}
