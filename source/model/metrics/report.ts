// Every metric of a call in one plain object (the sidebar, `metrics --json`),
// for the whole call or one person, and the change from the previous call.
import {callGuidance, guidanceCounts, type Direction} from './guidance.js';
import {callMetrics} from './metrics.js';
import type {FigureKind} from './figures.js';
import {callLanguage, emptyCounts, forwardShare, hedgeRate, netTone, onListsChanged, type Counts} from './language.js';
import {executiveQa, qaQuality, speakerTurns} from './qa.js';
import {countTerms, standoutTerms, type Term} from './terms.js';
import {callTokens} from '../text/text-match.js';
import type {Store} from '../store/store.js';
import type {Call, Role} from '../types.js';

export interface LanguageFigures {
	words: number;
	/** Hedges per 100 words, and the count behind it. */
	hedgesPer100: number;
	hedges: number;
	/** Share of sentences with a forward cue, and the counts behind it. */
	forwardShare: number;
	forwardSentences: number;
	sentences: number;
	/** −1 … +1; see netTone. */
	tone: number;
	positive: number;
	negative: number;
}

export interface SpeakerFigures extends LanguageFigures {
	person: string;
	name: string;
	role: Role;
	firm: string | null;
	share: number;
	turns: number;
	nonAnswers: number;
	figures: number;
	/** Executives: their Q&A; analysts: the questions they asked. */
	questionsAnswered: number;
	averageAnswer: number;
	answerToQuestion: number;
	/** Their longest single answer: its turn, length, and the question it answers. */
	longestAnswer: {turn: number; words: number; question: number} | null;
	questionsAsked: number;
}

export interface CallReport {
	call: string;
	quarter: string | null;
	date: string | null;
	words: number;
	minutes: number;
	preparedShare: number;
	/** An Event Brief: the editor's summary (of `summaryWords` words) stands in for the prepared remarks. */
	brief: boolean;
	summaryWords: number;
	qaShare: number;
	qa: {
		questions: number;
		analysts: number;
		firms: number;
		questionsPerAnalyst: number;
		answerToQuestion: number;
		/** The longest answer exchange: every answer to one question, all speakers; `turns`: how many answer turns. */
		longestAnswer: {question: number; asker: string | null; words: number; turns: number; speakers: number} | null;
		/** The longest single answer: one executive's one turn. */
		longestSingleAnswer: {turn: number; speaker: string | null; words: number} | null;
		unanswered: {question: number; asker: string | null}[];
	};
	/** Hedges per 100 words: whole call, prepared remarks, Q&A; and how many. */
	/** Management's outlook: counts by direction, and each sentence with its metric and figure (guidance.ts). */
	guidance: {counts: Record<Direction, number>; items: {direction: Direction; metric: string; figure: string | null; text: string; speaker: string | null; turn: number}[]};
	/** Management's (executives') hedges per 100 words: the call's headline; `analysts` apart. Call management is left out (language.ts). */
	hedging: {all: number; prepared: number; qa: number; count: number; analysts: number; analystCount: number};
	forward: {all: number; prepared: number; qa: number};
	tone: {net: number; positive: number; negative: number; change: number | null};
	nonAnswers: {turn: number; speaker: string | null; question: number; phrases: string[]}[];
	figures: {count: number; byKind: Record<FigureKind, number>; items: {kind: FigureKind; text: string; speaker: string | null; turn: number}[]};
	terms: {words: Term[]; phrases: Term[]};
	speakers: SpeakerFigures[];
}

export function languageFigures(c: Counts): LanguageFigures {
	return {
		words: c.words,
		hedgesPer100: hedgeRate(c),
		hedges: c.hedges,
		forwardShare: forwardShare(c),
		forwardSentences: c.forwardSentences,
		sentences: c.sentences,
		tone: netTone(c),
		positive: c.positive,
		negative: c.negative,
	};
}

const nameOf = (call: Call, speaker: number | null) => (speaker === null ? null : call.speakers[speaker]!.name);

export function speakerFigures(call: Call, speaker: number): SpeakerFigures {
	const lang = callLanguage(call);
	const {turns, asked} = speakerTurns(call, speaker);
	const s = call.speakers[speaker]!;
	const counts = lang.bySpeaker.get(speaker) ?? emptyCounts();
	const qa = executiveQa(call, speaker);
	const total = lang.total.words;
	return {
		person: s.id,
		name: s.name,
		role: s.role,
		firm: s.firm,
		...languageFigures(counts),
		share: total > 0 ? counts.words / total : 0,
		turns,
		nonAnswers: lang.nonAnswers.filter(n => n.speaker === speaker).length,
		figures: lang.figures.filter(f => f.speaker === speaker).length,
		questionsAnswered: qa.questionsAnswered,
		averageAnswer: qa.averageAnswer,
		answerToQuestion: qa.answerToQuestion,
		longestAnswer: qa.longestAnswer && {...qa.longestAnswer, question: call.turns[qa.longestAnswer.turn]!.answers!},
		questionsAsked: asked,
	};
}

let reports = new WeakMap<Call, Omit<CallReport, 'tone' | 'terms'> & {tone: Omit<CallReport['tone'], 'change'>}>();
// The user's word lists put in force: every report is worked out again.
onListsChanged(() => (reports = new WeakMap()));

/** The parts of a report that depend on the call alone (cached per call). */
export function ownReport(call: Call) {
	const known = reports.get(call);
	if (known) return known;
	const basic = callMetrics(call);
	const lang = callLanguage(call);
	const qa = qaQuality(call);
	const byKind: Record<FigureKind, number> = {money: 0, percent: 0, rate: 0, count: 0};
	for (const f of lang.figures) byKind[f.what]++;
	const report = {
		call: call.id,
		quarter: call.meta.quarter,
		date: call.meta.date,
		words: basic.words,
		minutes: basic.minutes,
		preparedShare: basic.preparedShare,
		brief: basic.brief,
		summaryWords: basic.summaryWords,
		qaShare: basic.qaShare,
		qa: {
			questions: qa.questions,
			analysts: qa.analysts,
			firms: qa.firms,
			questionsPerAnalyst: qa.questionsPerAnalyst,
			answerToQuestion: qa.answerToQuestion,
			longestAnswer: qa.longestAnswer && {question: qa.longestAnswer.question, asker: nameOf(call, qa.longestAnswer.asker), words: qa.longestAnswer.answerWords, turns: qa.longestAnswer.answers.length, speakers: new Set(qa.longestAnswer.answers.map(a => call.turns[a]!.speaker)).size},
			longestSingleAnswer: qa.longestSingle && {turn: qa.longestSingle.turn, speaker: nameOf(call, qa.longestSingle.speaker), words: qa.longestSingle.words},
			unanswered: qa.unanswered.map(t => ({question: t.question, asker: nameOf(call, t.asker)})),
		},
		guidance: {
			counts: guidanceCounts(callGuidance(call)),
			items: callGuidance(call).map(g => ({direction: g.direction, metric: g.metric, figure: g.figure, text: call.turns[g.turn]!.paragraphs[g.paragraph]!.text.slice(g.start, g.end), speaker: nameOf(call, g.speaker), turn: g.turn})),
		},
		hedging: {
			all: hedgeRate(lang.byRole.executive.all),
			prepared: hedgeRate(lang.byRole.executive.presentation),
			qa: hedgeRate(lang.byRole.executive.qa),
			count: lang.byRole.executive.all.hedges,
			analysts: hedgeRate(lang.byRole.analyst.all),
			analystCount: lang.byRole.analyst.all.hedges,
		},
		forward: {all: forwardShare(lang.total), prepared: forwardShare(lang.bySection.presentation), qa: forwardShare(lang.bySection.qa)},
		tone: {net: netTone(lang.total), positive: lang.total.positive, negative: lang.total.negative},
		nonAnswers: lang.nonAnswers.map(n => ({turn: n.turn, speaker: nameOf(call, n.speaker), question: n.question, phrases: n.hits.map(h => h.what)})),
		figures: {
			count: lang.figures.length,
			byKind,
			items: lang.figures.map(f => ({kind: f.what, text: f.text, speaker: nameOf(call, f.speaker), turn: f.turn})),
		},
		speakers: basic.talk.map(t => speakerFigures(call, t.speaker)),
	};
	reports.set(call, report);
	return report;
}

/** The call's report; terms are ranked against all the store's calls, tone compared with the call before. */
export function callReport(store: Store, call: Call): CallReport {
	const own = ownReport(call);
	const index = store.calls.indexOf(call);
	const previous = index > 0 ? ownReport(store.calls[index - 1]!) : null;
	return {
		...own,
		tone: {...own.tone, change: previous ? own.tone.net - previous.tone.net : null},
		terms: standoutTerms(store.calls, call),
	};
}

/**
 * callReport's work in steps of about one call each, in the order it needs
 * them: the call's words, its own figures, the call before it, then each
 * call's words for the terms. After them, callReport only adds up. Why: a
 * reader answers keys between steps; done at once, the five bundled calls'
 * report was 60-90 ms of a fresh start (measured), and a key typed meanwhile
 * waited for all of it.
 */
export function reportSteps(store: Store, call: Call): (() => void)[] {
	const index = store.calls.indexOf(call);
	const steps: (() => void)[] = [() => void callTokens(call), () => void ownReport(call)];
	if (index > 0) steps.push(() => void ownReport(store.calls[index - 1]!));
	for (const c of store.calls) steps.push(() => countTerms(c));
	return steps;
}

/** One person's figures in each call they speak in, with the change in tone from their previous call. */
export function personReport(store: Store, personId: string) {
	let before: number | null = null;
	return store.calls.flatMap(call => {
		const speaker = store.speakerIndex(call, personId);
		if (speaker < 0) return [];
		const figures = speakerFigures(call, speaker);
		const change = before === null ? null : figures.tone - before;
		before = figures.tone;
		return [{call: call.id, quarter: call.meta.quarter, date: call.meta.date, ...figures, toneChange: change}];
	});
}
