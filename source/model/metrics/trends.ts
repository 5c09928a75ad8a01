// Trends across the loaded calls (in date order) and two calls side by side.
import {callGuidance, guidanceCounts} from './guidance.js';
import {callLanguage, forwardShare, hedgeRate, netTone} from './language.js';
import {termSpans} from './terms.js';
import {callReport, ownReport, speakerFigures} from './report.js';
import type {Store} from '../store/store.js';
import type {Call} from '../types.js';

/** `flag`: a yes shown as its label's word (an Event Brief), a no as nothing. */
export type Unit = 'count' | 'decimal' | 'per100' | 'share' | 'tone' | 'words' | 'ratio' | 'flag';

export interface TrendRow {
	/** A heading over the rows after it ("Talk share"); its values are all null. */
	heading?: boolean;
	label: string;
	unit: Unit;
	/** One value per call, in the store's order; null where it does not apply (the person is absent). */
	values: (number | null)[];
}

const talkShare = (call: Call, speaker: number) => {
	const total = callLanguage(call).total.words;
	return total > 0 ? (callLanguage(call).bySpeaker.get(speaker)?.words ?? 0) / total : 0;
};

/** A heading over the rows after it. */
const heading = (label: string): TrendRow => ({heading: true, label, unit: 'count', values: []});

/**
 * One call's column of the trends: every row's value for it, and its
 * executives' talk (for the talk-share rows). Made a call at a time, so the
 * reader can build a view of many calls between keys (ui/use-trends.ts).
 */
export interface TrendColumn {
	values: Map<string, number | null>;
	/** Executives of the call: person id → [words, talk share]. */
	executives: Map<string, [number, number]>;
}

const QUESTIONS = 'Questions';

/** A typed term's frequency per 1,000 words in `call` (the person's words, with one): null where the person is absent. */
export function trendTermValue(store: Store, call: Call, person: string | null, term: string): number | null {
	if (!term.trim()) return null;
	const s = person ? store.speakerIndex(call, person) : null;
	if (s === -1) return null;
	const words = s === null ? callLanguage(call).total.words : (callLanguage(call).bySpeaker.get(s)?.words ?? 0);
	return words > 0 ? (termSpans(call, term, s).length / words) * 1000 : 0;
}

export function trendColumn(store: Store, call: Call, person: string | null): TrendColumn {
	const values = new Map<string, number | null>();
	const executives = new Map<string, [number, number]>();
	if (person) {
		const i = store.speakerIndex(call, person);
		const f = i >= 0 ? speakerFigures(call, i) : null;
		values.set('Talk share', f && f.share);
		values.set('Words', f && f.words);
		values.set('Questions asked', f && f.questionsAsked);
		values.set('Questions answered', f && f.questionsAnswered);
		values.set('Hedges /100 w', f && f.hedgesPer100);
		values.set('Tone', f && f.tone);
		values.set('Non-answers', f && f.nonAnswers);
		values.set('Forward-looking', f && f.forwardShare);
		values.set('role', f ? (f.role === 'analyst' ? 1 : 0) : null);
		return {values, executives};
	}
	// The call's own figures only: callReport would also rank its terms against every call of the
	// scope, which across all calls of a large library reads every call for each column.
	const report = ownReport(call);
	const language = callLanguage(call);
	values.set('Event Brief', report.brief ? 1 : null);
	values.set(QUESTIONS, report.qa.questions);
	values.set('Hedges /100 w', hedgeRate(language.byRole.executive.all));
	values.set('Tone', netTone(language.total));
	values.set('Non-answers', report.nonAnswers.length);
	values.set('Forward-looking', forwardShare(language.total));
	const guidance = guidanceCounts(callGuidance(call));
	values.set('↑ raised', guidance.raised);
	values.set('↓ lowered', guidance.lowered);
	values.set('= maintained', guidance.maintained);
	values.set('+ introduced', guidance.introduced);
	for (const [i, c] of language.bySpeaker) {
		const s = call.speakers[i]!;
		if (s.role === 'executive') executives.set(s.id, [c.words, talkShare(call, i)]);
	}
	return {values, executives};
}

/**
 * The rows of the trends view from the columns made so far (undefined: not
 * yet; its cells are blank). Without a person: questions, hedging, tone,
 * non-answers, forward-looking share, guidance and the talk share of the
 * executives who speak most in `shown` (the columns in view, so that no row
 * is of people absent from all of them). With a person: theirs. A typed term
 * adds its frequency per 1,000 words.
 */
export function trendRowsFrom(store: Store, columns: readonly (TrendColumn | undefined)[], person: string | null, term: string, termValues: readonly (number | null | undefined)[], shown: readonly number[] = columns.map((_, i) => i), maxExecutives = 6): TrendRow[] {
	const row = (label: string, unit: Unit, key = label): TrendRow => ({label, unit, values: columns.map(c => (c ? (c.values.get(key) ?? null) : null))});
	const termRows = term.trim() ? [heading('Per 1,000 words'), {label: `"${term.trim()}"`, unit: 'per100' as const, values: columns.map((_, i) => termValues[i] ?? null)}] : [];
	if (person) {
		const analyst = columns.some(c => c?.values.get('role') === 1);
		return [
			row('Talk share', 'share'),
			row('Words', 'words'),
			analyst ? row('Questions asked', 'count') : row('Questions answered', 'count'),
			row('Hedges /100 w', 'per100'),
			row('Tone', 'tone'),
			row('Non-answers', 'count'),
			row('Forward-looking', 'share'),
			...termRows,
		];
	}
	// Which calls are Event Briefs (an editor's summary for the prepared remarks): their figures are the Q&A's only.
	// A row only when a column in view is one.
	const briefs = row('Event Brief', 'flag');
	const rows: TrendRow[] = [...(shown.some(i => briefs.values[i] === 1) ? [briefs] : []), row(QUESTIONS, 'count'), row('Hedges /100 w', 'per100'), row('Tone', 'tone'), row('Non-answers', 'count'), row('Forward-looking', 'share')];
	// A typed term right after the headline rows: what was asked for stays in view in a small window.
	rows.push(...termRows);
	// Guidance, direction per call: how many outlook sentences raised, lowered, kept or gave it anew.
	rows.push(heading('Guidance'), row('↑ raised', 'count'), row('↓ lowered', 'count'), row('= maintained', 'count'), row('+ introduced', 'count'));
	// Executives by words over the columns in view, most first.
	const words = new Map<string, number>();
	for (const i of shown) for (const [id, [w]] of columns[i]?.executives ?? []) words.set(id, (words.get(id) ?? 0) + w);
	const top = [...words].sort((a, b) => b[1] - a[1]).slice(0, maxExecutives);
	if (top.length) rows.push(heading('Talk share'));
	for (const [id] of top) {
		rows.push({label: store.person(id)?.name ?? id, unit: 'share', values: columns.map(c => (c ? (c.executives.get(id)?.[1] ?? null) : null))});
	}
	return rows;
}

/** Every row over every call of `store` at once (the CLI, tests; the reader builds them a call at a time). */
export function trendRows(store: Store, person: string | null, term: string, maxExecutives = 6): TrendRow[] {
	return trendRowsFrom(store, store.calls.map(c => trendColumn(store, c, person)), person, term, store.calls.map(c => trendTermValue(store, c, person, term)), undefined, maxExecutives);
}

export interface CompareRow {
	label: string;
	unit: Unit;
	a: number;
	b: number;
}

export interface Comparison {
	rows: CompareRow[];
	/** Analysts (person ids) who asked in b but not a, and in a but not b. */
	came: string[];
	went: string[];
}

/** Call `a` against call `b`: each metric in both, and the analysts who came and went (a → b). */
export function compareCalls(store: Store, a: Call, b: Call): Comparison {
	const ra = callReport(store, a);
	const rb = callReport(store, b);
	const row = (label: string, unit: Unit, pick: (r: typeof ra) => number): CompareRow => ({label, unit, a: pick(ra), b: pick(rb)});
	const analysts = (c: Call) => new Set(c.speakers.filter(s => s.role === 'analyst' && c.turns.some(t => t.speaker !== null && c.speakers[t.speaker] === s)).map(s => s.id));
	const inA = analysts(a);
	const inB = analysts(b);
	return {
		rows: [
			row('Words', 'words', r => r.words),
			row('Prepared', 'share', r => r.preparedShare),
			row('Questions', 'count', r => r.qa.questions),
			row('Analysts', 'count', r => r.qa.analysts),
			row('Firms', 'count', r => r.qa.firms),
			row('Q per analyst', 'decimal', r => r.qa.questionsPerAnalyst),
			row('Answer/question', 'ratio', r => r.qa.answerToQuestion),
			row('Unanswered', 'count', r => r.qa.unanswered.length),
			row('Hedges /100 w', 'per100', r => r.hedging.all),
			row('Non-answers', 'count', r => r.nonAnswers.length),
			row('Forward-looking', 'share', r => r.forward.all),
			row('Tone', 'tone', r => r.tone.net),
			row('Guidance ↑', 'count', r => r.guidance.counts.raised),
			row('Guidance ↓', 'count', r => r.guidance.counts.lowered),
			row('Figures', 'count', r => r.figures.count),
		],
		came: [...inB].filter(id => !inA.has(id)),
		went: [...inA].filter(id => !inB.has(id)),
	};
}
