// Counts the sidebar shows for a call and for one person. Pure: computed from
// the parsed calls, nothing else.
import type {Store} from '../store/store.js';
import type {Call, Role} from '../types.js';
import {executiveQa, speakerTurns} from './qa.js';
import {isQuestion} from '../store/view.js';

/** Speaking rate of earnings calls; used to estimate minutes from words. */
export const WORDS_PER_MINUTE = 150;

export interface TalkShare {
	speaker: number;
	name: string;
	role: Role;
	words: number;
	share: number;
}

export interface CallMetrics {
	/** Words spoken on the call (an Event Brief's summary is the editor's, not counted here). */
	words: number;
	/** An Event Brief: the editor's summary stands in for the prepared remarks; its words. */
	brief: boolean;
	summaryWords: number;
	minutes: number;
	preparedShare: number;
	qaShare: number;
	questions: number;
	analysts: number;
	firms: number;
	/** Executives and analysts, most words first (the operator and unattributed text left out). */
	talk: TalkShare[];
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

export function callMetrics(call: Call): CallMetrics {
	let words = 0;
	let prepared = 0;
	let summaryWords = 0;
	const bySpeaker = new Map<number, number>();
	for (const turn of call.turns) {
		// An Event Brief's summary: no one's talk, neither prepared remarks nor Q&A.
		if (turn.section === 'summary') {
			summaryWords += turn.words;
			continue;
		}
		words += turn.words;
		if (turn.section === 'presentation') prepared += turn.words;
		if (turn.speaker !== null) bySpeaker.set(turn.speaker, (bySpeaker.get(turn.speaker) ?? 0) + turn.words);
	}
	const analysts = call.speakers.filter((s, i) => s.role === 'analyst' && bySpeaker.has(i));
	const talk = [...bySpeaker]
		.filter(([i]) => call.speakers[i]!.role !== 'operator')
		.map(([i, w]) => ({speaker: i, name: call.speakers[i]!.name, role: call.speakers[i]!.role, words: w, share: share(w, words)}))
		.sort((a, b) => b.words - a.words);
	return {
		words,
		brief: summaryWords > 0,
		summaryWords,
		minutes: Math.round(words / WORDS_PER_MINUTE),
		preparedShare: share(prepared, words),
		qaShare: share(words - prepared, words),
		questions: call.turns.filter(isQuestion).length,
		analysts: analysts.length,
		firms: new Set(analysts.map(a => a.firm).filter(Boolean)).size,
		talk,
	};
}

export interface PersonMetrics {
	words: number;
	share: number;
	turns: number;
	/** Distinct questions this person answered. */
	questionsAnswered: number;
	/** Questions this person asked (analysts). */
	questionsAsked: number;
	/** Mean words per answer turn; 0 when they gave none. */
	averageAnswer: number;
	/** Their share of each loaded call's words, in date order (0 where absent). */
	perCall: {call: string; quarter: string; share: number; present: boolean}[];
}

export function personMetrics(store: Store, personId: string, call: Call): PersonMetrics {
	const index = store.speakerIndex(call, personId);
	const {words, turns, asked} = speakerTurns(call, index);
	const qa = executiveQa(call, index);
	const total = call.turns.reduce((n, t) => n + (t.section === 'summary' ? 0 : t.words), 0);
	return {
		words,
		share: share(words, total),
		turns,
		questionsAnswered: qa.questionsAnswered,
		questionsAsked: asked,
		averageAnswer: Math.round(qa.averageAnswer),
		perCall: store.calls.map(c => {
			const i = store.speakerIndex(c, personId);
			const all = c.turns.reduce((n, t) => n + t.words, 0);
			const own = i < 0 ? 0 : c.turns.reduce((n, t) => n + (t.speaker === i ? t.words : 0), 0);
			return {call: c.id, quarter: c.meta.quarter ?? c.id, share: share(own, all), present: i >= 0};
		}),
	};
}
