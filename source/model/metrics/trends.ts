// Trends across the loaded calls (in date order) and two calls side by side.
import {callGuidance, guidanceCounts} from './guidance.js';
import {callLanguage, forwardShare, hedgeRate, netTone} from './language.js';
import {termSpans} from './terms.js';
import {callReport, speakerFigures} from './report.js';
import type {Store} from '../store/store.js';
import type {Call} from '../types.js';

export type Unit = 'count' | 'decimal' | 'per100' | 'share' | 'tone' | 'words' | 'ratio';

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

/** Executives by words over all calls, most first: the talk-share rows of the trends. */
function executives(store: Store): string[] {
	const words = new Map<string, number>();
	for (const call of store.calls) {
		for (const [i, c] of callLanguage(call).bySpeaker) {
			const s = call.speakers[i]!;
			if (s.role === 'executive') words.set(s.id, (words.get(s.id) ?? 0) + c.words);
		}
	}
	return [...words].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

/**
 * The rows of the trends view. Without a person: questions, hedging, tone,
 * non-answers, forward-looking share and each executive's talk share. With a
 * person: theirs. A typed term adds its frequency per 1,000 words.
 */
const heading = (label: string): TrendRow => ({heading: true, label, unit: 'count', values: []});

export function trendRows(store: Store, person: string | null, term: string, maxExecutives = 6): TrendRow[] {
	const calls = store.calls;
	const termRows = (speakerOf: (c: Call) => number | null | undefined): TrendRow[] => {
		if (!term.trim()) return [];
		return [heading('Per 1,000 words'), {
			label: `"${term.trim()}"`,
			unit: 'per100',
			values: calls.map(c => {
				const s = speakerOf(c);
				if (s === undefined) return null;
				const words = s === null ? callLanguage(c).total.words : (callLanguage(c).bySpeaker.get(s)?.words ?? 0);
				return words > 0 ? (termSpans(c, term, s).length / words) * 1000 : 0;
			}),
		}];
	};
	if (person) {
		const idx = calls.map(c => store.speakerIndex(c, person));
		const f = calls.map((c, i) => (idx[i]! >= 0 ? speakerFigures(c, idx[i]!) : null));
		const role = f.find(Boolean)?.role;
		const rows: TrendRow[] = [
			{label: 'Talk share', unit: 'share', values: f.map(x => x && x.share)},
			{label: 'Words', unit: 'words', values: f.map(x => x && x.words)},
			role === 'analyst'
				? {label: 'Questions asked', unit: 'count', values: f.map(x => x && x.questionsAsked)}
				: {label: 'Questions answered', unit: 'count', values: f.map(x => x && x.questionsAnswered)},
			{label: 'Hedges /100 w', unit: 'per100', values: f.map(x => x && x.hedgesPer100)},
			{label: 'Tone', unit: 'tone', values: f.map(x => x && x.tone)},
			{label: 'Non-answers', unit: 'count', values: f.map(x => x && x.nonAnswers)},
			{label: 'Forward-looking', unit: 'share', values: f.map(x => x && x.forwardShare)},
		];
		return [
			...rows,
			...termRows(c => {
				const i = store.speakerIndex(c, person);
				return i >= 0 ? i : undefined;
			}),
		];
	}
	const reports = calls.map(c => callReport(store, c));
	const rows: TrendRow[] = [
		{label: 'Questions', unit: 'count', values: reports.map(r => r.qa.questions)},
		{label: 'Hedges /100 w', unit: 'per100', values: calls.map(c => hedgeRate(callLanguage(c).byRole.executive.all))},
		{label: 'Tone', unit: 'tone', values: calls.map(c => netTone(callLanguage(c).total))},
		{label: 'Non-answers', unit: 'count', values: reports.map(r => r.nonAnswers.length)},
		{label: 'Forward-looking', unit: 'share', values: calls.map(c => forwardShare(callLanguage(c).total))},
	];
	// A typed term right after the headline rows: what was asked for stays in view in a small window.
	rows.push(...termRows(() => null));
	// Guidance, direction per call: how many outlook sentences raised, lowered, kept or gave it anew.
	rows.push(heading('Guidance'));
	const guidance = calls.map(c => guidanceCounts(callGuidance(c)));
	rows.push({label: '↑ raised', unit: 'count', values: guidance.map(g => g.raised)});
	rows.push({label: '↓ lowered', unit: 'count', values: guidance.map(g => g.lowered)});
	rows.push({label: '= maintained', unit: 'count', values: guidance.map(g => g.maintained)});
	rows.push({label: '+ introduced', unit: 'count', values: guidance.map(g => g.introduced)});
	rows.push(heading('Talk share'));
	for (const id of executives(store).slice(0, maxExecutives)) {
		const name = store.person(id)?.name ?? id;
		rows.push({
			label: name,
			unit: 'share',
			values: calls.map(c => {
				const i = store.speakerIndex(c, id);
				return i >= 0 ? talkShare(c, i) : null;
			}),
		});
	}
	return rows;
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
