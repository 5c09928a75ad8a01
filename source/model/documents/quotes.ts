// Quotes: what a reader takes away from a call — the words, and who said them
// where (call, date, speaker, firm, section). Search hits, a transcript view
// and bookmarks all leave as quotes, as text, JSON or Markdown.
import {hitText, type Hit} from '../search/search.js';
import type {Store} from '../store/store.js';
import type {Call} from '../types.js';
import {answerView, paragraphTime, SECTION_TITLES} from '../store/view.js';

export interface Quote {
	call: string;
	/** The company and its ticker, as the call names them. */
	company: string | null;
	ticker: string | null;
	quarter: string | null;
	date: string | null;
	speaker: string | null;
	firm: string | null;
	section: string;
	turn: number;
	/** The words: a sentence for a search hit, a whole turn (paragraphs apart by a blank line) otherwise. */
	text: string;
	/** Words to stress (search hits), as offsets in `text`. */
	marks: [number, number][];
	/** How a search hit matched. */
	tier?: Hit['tier'];
	/** A question shown so that the answer after it is never out of context. */
	context?: true;
	/** The reader's own note (bookmarks). */
	note?: string;
	/** Where its turn starts in the recording (`12:34`), for a transcript made from the audio. */
	time?: string;
	/** A bookmark whose call is not in the library as loaded: its id, turn, first words and note only. */
	notLoaded?: true;
}

/** `text` cut into plain and marked parts; `marks` are [from, to) offsets in order (an overlap is marked once). */
export function markedParts(text: string, marks: readonly (readonly [number, number])[]): {text: string; mark: boolean}[] {
	const parts: {text: string; mark: boolean}[] = [];
	let at = 0;
	for (const [from, to] of marks) {
		if (from > at) parts.push({text: text.slice(at, from), mark: false});
		if (to > Math.max(from, at)) parts.push({text: text.slice(Math.max(from, at), to), mark: true});
		at = Math.max(at, to);
	}
	if (at < text.length) parts.push({text: text.slice(at), mark: false});
	return parts;
}

function about(call: Call, turn: number) {
	const t = call.turns[turn]!;
	const who = t.speaker === null ? null : call.speakers[t.speaker]!;
	const time = t.paragraphs[0] ? paragraphTime(t.paragraphs[0]) : null;
	return {call: call.id, company: call.meta.company, ticker: call.meta.ticker, quarter: call.meta.quarter, date: call.meta.date, speaker: who?.name ?? null, firm: who?.firm ?? null, section: SECTION_TITLES[t.section], turn, ...(time ? {time} : {})};
}

export function hitQuotes(store: Store, hits: readonly Hit[]): Quote[] {
	return hits.map(h => {
		const call = store.call(h.call)!;
		return {
			...about(call, h.turn),
			text: hitText(call, h),
			marks: h.marks.map(([s, e]): [number, number] => [s - h.start, e - h.start]),
			tier: h.tier,
		};
	});
}

const PARAGRAPH_BREAK = '\n\n';

/** A whole turn as a quote. */
export function turnQuote(call: Call, turn: number): Quote {
	return {...about(call, turn), text: call.turns[turn]!.paragraphs.map(p => p.text).join(PARAGRAPH_BREAK), marks: []};
}

/**
 * The reader's view of a call as quotes: every turn, one person's turns, or
 * their answers each after the question it answers.
 */
export function viewQuotes(call: Call, speaker: number | null, answers: boolean): Quote[] {
	return answerView(call, speaker, answers).map(row => {
		const quote = turnQuote(call, row.turn);
		return row.kind === 'context' ? {...quote, context: true} : quote;
	});
}
