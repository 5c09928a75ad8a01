// Q&A quality: who asked, how much was answered, and what went unanswered —
// for the call and for each executive. Built on the threads the parser links
// (a turn's `answers` is the question it answers; see build.ts).
import type {Call, Turn} from '../types.js';
import {isQuestion} from '../store/view.js';

export interface Thread {
	/** The question's turn, and who asked (null: not named in the transcript). */
	question: number;
	asker: number | null;
	questionWords: number;
	/** Executive turns answering it, in order. */
	answers: number[];
	answerWords: number;
}

export interface QaQuality {
	questions: number;
	/** Distinct named analysts who asked, and their distinct firms. */
	analysts: number;
	firms: number;
	questionsPerAnalyst: number;
	/** Words of executive answers per word of question, over all questions. */
	answerToQuestion: number;
	/** The longest answer exchange: the question drawing the most answer words, all executives together. */
	longestAnswer: Thread | null;
	/** The longest single answer: one executive's one turn. */
	longestSingle: {turn: number; speaker: number | null; words: number; question: number} | null;
	/**
	 * Questions no executive answered (the operator moved on, or another analyst
	 * spoke). Courtesies ("Okay, thank you.") are not counted: see isCourtesy.
	 */
	unanswered: Thread[];
	threads: Thread[];
}

export interface ExecutiveQa {
	speaker: number;
	questionsAnswered: number;
	answerWords: number;
	/** Mean words per answering turn. */
	averageAnswer: number;
	/** Their answer words per word of the questions they answered. */
	answerToQuestion: number;
	/** Their longest single answering turn. */
	longestAnswer: {turn: number; words: number} | null;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/**
 * An analyst's closing "Great, thank you." is a turn of the thread but asks
 * nothing: no question mark and under 20 words. Such turns are never counted
 * as unanswered.
 */
export const isCourtesy = (turn: Turn) => turn.words < 20 && !turn.paragraphs.some(p => p.text.includes('?'));

export function threads(call: Call): Thread[] {
	const byQuestion = new Map<number, Thread>();
	const out: Thread[] = [];
	call.turns.forEach((turn, i) => {
		if (isQuestion(turn)) {
			const thread = {question: i, asker: turn.speaker, questionWords: turn.words, answers: [], answerWords: 0};
			byQuestion.set(i, thread);
			out.push(thread);
		} else if (turn.answers !== null) {
			const thread = byQuestion.get(turn.answers);
			if (thread) {
				thread.answers.push(i);
				thread.answerWords += turn.words;
			}
		}
	});
	return out;
}

export function qaQuality(call: Call): QaQuality {
	const all = threads(call);
	const askers = new Set(all.map(t => t.asker).filter((a): a is number => a !== null && call.speakers[a]!.role === 'analyst'));
	const firms = new Set([...askers].map(a => call.speakers[a]!.firm).filter(Boolean));
	let longest: Thread | null = null;
	for (const t of all) if (t.answerWords > 0 && (!longest || t.answerWords > longest.answerWords)) longest = t;
	return {
		questions: all.length,
		analysts: askers.size,
		firms: firms.size,
		questionsPerAnalyst: ratio(all.length, askers.size),
		answerToQuestion: ratio(
			all.reduce((n, t) => n + t.answerWords, 0),
			all.reduce((n, t) => n + t.questionWords, 0),
		),
		longestAnswer: longest,
		longestSingle: all.flatMap(t => t.answers.map(turn => ({turn, speaker: call.turns[turn]!.speaker, words: call.turns[turn]!.words, question: t.question}))).reduce<QaQuality['longestSingle']>((best, a) => (!best || a.words > best.words ? a : best), null),
		unanswered: all.filter(t => t.answers.length === 0 && !isCourtesy(call.turns[t.question]!)),
		threads: all,
	};
}

/** A speaker's turns, words and questions asked in a call (a speaker index; -1, absent, is all zeros). */
export function speakerTurns(call: Call, speaker: number): {turns: number; words: number; asked: number} {
	let turns = 0;
	let words = 0;
	let asked = 0;
	for (const t of call.turns) {
		if (t.speaker !== speaker) continue;
		turns++;
		words += t.words;
		if (isQuestion(t)) asked++;
	}
	return {turns, words, asked};
}

export function executiveQa(call: Call, speaker: number): ExecutiveQa {
	const answered = new Set<number>();
	let words = 0;
	let turns = 0;
	let longest: {turn: number; words: number} | null = null;
	call.turns.forEach((turn, i) => {
		if (turn.speaker !== speaker || turn.answers === null) return;
		answered.add(turn.answers);
		words += turn.words;
		turns++;
		if (!longest || turn.words > longest.words) longest = {turn: i, words: turn.words};
	});
	const questionWords = [...answered].reduce((n, q) => n + call.turns[q]!.words, 0);
	return {
		speaker,
		questionsAnswered: answered.size,
		answerWords: words,
		averageAnswer: ratio(words, turns),
		answerToQuestion: ratio(words, questionWords),
		longestAnswer: longest,
	};
}
