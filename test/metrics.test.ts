// Every metric of issue 4 on a small call whose values were worked out by hand
// (the counts are in the comments), then the five calls end to end.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {drill} from '../source/model/metrics/drill.ts';
import {grouped} from '../source/model/metrics/format-number.ts';
import {callLanguage} from '../source/model/metrics/language.ts';
import {findFigures} from '../source/model/metrics/figures.ts';
import {executiveQa, qaQuality} from '../source/model/metrics/qa.ts';
import {standoutTerms, termSpans} from '../source/model/metrics/terms.ts';
import {vocabularySize, wordId} from '../source/model/text/vocabulary.ts';
import {callReport, speakerFigures} from '../source/model/metrics/report.ts';
import {indexCalls} from '../source/model/store/store.ts';
import {sentences, tokenWords} from '../source/model/text/text-match.ts';
import {compareCalls, trendRows} from '../source/model/metrics/trends.ts';
import type {Call} from '../source/model/types.ts';
import {bundled} from './helpers.ts';
import {parseText} from './helpers.ts';

const asCall = (text: string, id: string, date: string): Call => {
	const parsed = parseText(text);
	return {...parsed, meta: {...parsed.meta, date, quarter: id}, id, source: `${id}.txt`, path: `${id}.txt`, bundled: false, errors: [], coverage: {body: 0, kept: 0, share: 1}};
};

// Turn: words
// 0 Operator: 5 · 1 Jane: 18 (prepared) · 2 Operator: 10 · 3 Sam: 8 (question) · 4 Jane: 9 (answers 3)
// 5 Sam: 5 (question, unanswered) · 6 Operator: 9 · 7 Lee: 12 (question) · 8 Jane: 10 (answers 7)
const ACME = `Prepared Remarks:

Operator

Welcome to the Acme call.

Jane Roe -- Chief Executive Officer

We had a strong quarter. I think revenue will grow next year. Revenue was $5 million, up 20%.

Questions & Answers:

Operator

Our first question comes from Sam Poe with Big Bank.

Sam Poe -- Big Bank -- Analyst

What is the margin? Can you say more?

Jane Roe -- Chief Executive Officer

We don't disclose that. It was not good, maybe.

Sam Poe -- Big Bank -- Analyst

Thanks. And what about costs?

Operator

Next question comes from Lee Moe with Small Bank.

Lee Moe -- Small Bank -- Analyst

How many cars do you make? What kind of car sells best?

Jane Roe -- Chief Executive Officer

We make 5,000 cars a week. Sales grew in 2021.
`;
const acme = asCall(ACME, 'acme-2020-q1', '2020-05-01');
const jane = acme.speakers.findIndex(s => s.name === 'Jane Roe');
const text = (turn: number, p = 0) => acme.turns[turn]!.paragraphs[p]!.text;

describe('the hand-counted fixture', () => {
	it('parses as the comments above say', () => {
		assert.deepEqual(acme.turns.map(t => t.words), [5, 18, 10, 8, 9, 5, 9, 12, 10]);
		assert.deepEqual(acme.turns.map(t => t.answers), [null, null, null, null, 3, null, null, null, 7]);
	});
});

describe('Q&A quality', () => {
	const qa = qaQuality(acme);
	it('counts questions, analysts, firms and questions per analyst', () => {
		assert.deepEqual([qa.questions, qa.analysts, qa.firms, qa.questionsPerAnalyst], [3, 2, 2, 1.5]);
	});
	it('answer-to-question ratio: 19 answer words over 25 question words', () => {
		assert.equal(qa.answerToQuestion, 19 / 25);
	});
	it('the longest answer is the 10 words to Lee Moe', () => {
		assert.deepEqual([qa.longestAnswer?.question, qa.longestAnswer?.answerWords], [7, 10]);
	});
	it('Sam Poe\'s second question got no executive answer; a bare "Thanks." would not count', () => {
		assert.deepEqual(qa.unanswered.map(t => t.question), [5]);
		const polite = asCall(ACME.replace('Thanks. And what about costs?', 'Thanks.'), 'p', '2020-05-01');
		assert.deepEqual(qaQuality(polite).unanswered, []);
	});
	it('per executive: Jane answered 2 questions, 19 words, 9.5 a turn, 19/20 of the question words', () => {
		assert.deepEqual(executiveQa(acme, jane), {speaker: jane, questionsAnswered: 2, answerWords: 19, averageAnswer: 9.5, answerToQuestion: 19 / 20, longestAnswer: {turn: 8, words: 10}});
	});

	it("an executive's longest single answer is shown under its question (Jane: turn 8, 10 words, to Lee's question 7)", () => {
		assert.deepEqual(speakerFigures(acme, jane).longestAnswer, {turn: 8, words: 10, question: 7});
		const d = drill(acme, 'longest', jane);
		assert.deepEqual([d.count, d.items.map(i => [i.turn, Boolean(i.context)])], [1, [[7, true], [8, false]]]);
	});
});

describe('hedges leave out the running of the call', () => {
	const call = asCall(`Questions & Answers:

Operator

Maybe one more question, from Sam Poe with Big Bank.

Sam Poe -- Big Bank -- Analyst

I think you said margins would fall. Could you say why?

Jane Roe -- Chief Executive Officer

I think margins will improve next year. I think we have time for one more question. Maybe we can go to the next question.
`, 'acme-2020-q2', '2020-08-01');
	it('counts "I think margins will improve" and the analyst’s "I think"; not the operator’s "maybe", nor "I think we have time for one more question"', () => {
		const lang = callLanguage(call);
		assert.deepEqual(lang.hedges.map(h => [call.speakers[h.speaker!]!.name, h.what]), [['Sam Poe', 'i think'], ['Jane Roe', 'i think']]);
		const r = callReport(indexCalls([call], []), call);
		assert.equal(r.hedging.count, 1);
		assert.equal(r.hedging.analystCount, 1);
	});
});

describe('hedging, non-answers, forward-looking, tone, figures', () => {
	const lang = callLanguage(acme);
	it('hedges: "I think" and "maybe"; "what kind of car" is not one', () => {
		assert.deepEqual(lang.hedges.map(h => [h.turn, h.what, text(h.turn).slice(h.start, h.end)]), [
			[1, 'i think', 'I think'],
			[4, 'maybe', 'maybe'],
		]);
	});
	it('hedges per 100 words are management’s: 2 of Jane’s 37 words, 1/18 prepared, 1/19 Q&A; the analysts’ apart (none)', () => {
		const r = callReport(indexCalls([acme], []), acme);
		const analystWords = lang.byRole.analyst.all.words;
		assert.ok(analystWords > 0);
		assert.deepEqual(r.hedging, {all: (2 / 37) * 100, prepared: (1 / 18) * 100, qa: (1 / 19) * 100, count: 2, analysts: 0, analystCount: 0});
		assert.equal(lang.bySpeaker.get(jane)!.hedges, 2);
		assert.equal(lang.bySpeaker.get(jane)!.words, 37);
	});
	it('non-answers: the answer with "We don\'t disclose", tied to its question', () => {
		assert.deepEqual(lang.nonAnswers.map(n => [n.turn, n.question, n.hits.map(h => h.what)]), [[4, 3, ["we don't disclose"]]]);
	});
	it('forward-looking: 2 of 16 sentences (a "will … next year" and a year after the call\'s)', () => {
		assert.deepEqual([lang.total.forwardSentences, lang.total.sentences], [2, 16]);
		assert.deepEqual(lang.forwardSentences.map(s => text(s.turn).slice(s.start, s.end)), ['I think revenue will grow next year.', 'Sales grew in 2021.']);
	});
	it('tone: strong, grow, best, grew against "not good": (4 - 1) / 5', () => {
		assert.deepEqual(lang.positive.map(h => h.what), ['strong', 'grow', 'best', 'grew']);
		assert.deepEqual(lang.negative.map(h => [h.what, text(h.turn).slice(h.start, h.end)]), [['not … good', 'not good']]);
		assert.equal(callReport(indexCalls([acme], []), acme).tone.net, 0.6);
	});
	it('figures: $5 million, 20%, 5,000 cars a week — who said them', () => {
		assert.deepEqual(lang.figures.map(f => [f.what, f.text, f.speaker]), [
			['money', '$5 million', jane],
			['percent', '20%', jane],
			['rate', '5,000 cars a week', jane],
		]);
	});
	it('figures need a unit; a number that names a thing is not one', () => {
		const t = 'We delivered 22,000 vehicles, $1.2 billion in revenue, a 25 percent margin, 5,000 Model 3s a week, 40 basis points, 3 million dollars; Model 3 in Q2 2017.';
		assert.deepEqual(findFigures(t).map(f => [f.kind, t.slice(f.start, f.end)]), [
			['count', '22,000 vehicles'],
			['money', '$1.2 billion'],
			['percent', '25 percent'],
			['rate', '5,000 Model 3s a week'],
			['percent', '40 basis points'],
			['money', '3 million dollars'],
		]);
	});
});

describe('words and sentences', () => {
	it('tokens keep apostrophes and numbers whole, and split hyphens', () => {
		assert.deepEqual(tokenWords('We’ll make 5,000 Model-3 cars, 1.5x.'), ["we'll", 'make', '5,000', 'model', '3', 'cars', '1.5x']);
	});
	it('sentences do not end at initials or titles', () => {
		const t = 'J.B. Straubel and Mr. Musk spoke. It was 1.5 times more! Right?';
		assert.deepEqual(sentences(t).map(([s, e]) => t.slice(s, e)), ['J.B. Straubel and Mr. Musk spoke.', 'It was 1.5 times more!', 'Right?']);
	});
});

describe('terms that stand out', () => {
	const a = asCall(`Prepared Remarks:\n\nJane Roe -- Chief Executive Officer\n\nGross margin rose. Cars sold well. Gross margin again, cars and cars.\n`, 'a', '2020-01-01');
	const b = asCall(`Prepared Remarks:\n\nJane Roe -- Chief Executive Officer\n\nWe sold cars.\n`, 'b', '2020-04-01');
	it('ranks by count x idf: cars 3 x 1, gross and margin 2 x (ln 1.5 + 1)', () => {
		const {words, phrases} = standoutTerms([a, b], a);
		const idf = Math.log(3 / 2) + 1;
		assert.deepEqual(words.map(t => [t.term, t.count, t.calls, t.score]), [
			['cars', 3, 2, 3],
			['gross', 2, 1, 2 * idf],
			['margin', 2, 1, 2 * idf],
		]);
		assert.deepEqual(phrases.map(t => [t.term, t.count]), [['gross margin', 2]]);
	});
	it('a phrase counted after the vocabulary passed 32,768 words is not mistaken for one of an earlier call', () => {
		// Word numbers g, g+1, g+2; the earlier call's phrase "qqalpha qqbeta" has the key (g+1) x 32,768 + g+2,
		// which is also g x 32,768 + (g+2+32,768): "qqgamma qqzeta" once qqzeta is numbered g+2+32,768.
		const g = wordId('qqgamma');
		wordId('qqalpha');
		wordId('qqbeta');
		const early = asCall(`Prepared Remarks:\n\nJane Roe -- Chief Executive Officer\n\nQqalpha qqbeta. Qqalpha qqbeta.\n`, 'early', '2020-01-01');
		standoutTerms([early], early);
		for (let i = 0; vocabularySize() < g + 2 + 32_768; i++) wordId(`qqfiller${i}`);
		assert.equal(wordId('qqzeta'), g + 2 + 32_768);
		const late = asCall(`Prepared Remarks:\n\nJane Roe -- Chief Executive Officer\n\nQqgamma qqzeta. Qqgamma qqzeta.\n`, 'late', '2020-04-01');
		const {phrases} = standoutTerms([early, late], late);
		assert.deepEqual(phrases.map(t => [t.term, t.count, t.calls]), [['qqgamma qqzeta', 2, 1]]);
	});
	it('a typed term is found whatever its case and hyphens', () => {
		const c = asCall(`Prepared Remarks:\n\nJane Roe -- Chief Executive Officer\n\nModel 3 and Model-3 and MODEL 3s.\n`, 'c', '2020-01-01');
		assert.equal(termSpans(c, 'model 3').length, 2);
	});
});

describe('drill-down', () => {
	it('hedges open as their sentences, the hedge marked', () => {
		const d = drill(acme, 'hedges');
		assert.equal(d.count, 2);
		assert.deepEqual(
			d.items.map(i => [i.turn, i.excerpts!.map(e => [text(i.turn, e.paragraph).slice(e.start, e.end), e.marks.map(([s, x]) => text(i.turn).slice(s, x))])]),
			[
				[1, [['I think revenue will grow next year.', ['I think']]]],
				[4, [['It was not good, maybe.', ['maybe']]]],
			],
		);
	});
	it('non-answers open under the question they met', () => {
		const d = drill(acme, 'nonAnswers');
		assert.deepEqual(d.items.map(i => [i.turn, Boolean(i.context)]), [[3, true], [4, false]]);
	});
	it('unanswered questions and the longest answer open as whole turns', () => {
		assert.deepEqual(drill(acme, 'unanswered').items, [{turn: 5, excerpts: null}]);
		assert.deepEqual(drill(acme, 'longest').items.map(i => i.turn), [7, 8]);
	});
	it('a speaker narrows it: Jane has both hedges, Sam none', () => {
		assert.equal(drill(acme, 'hedges', jane).count, 2);
		assert.equal(drill(acme, 'hedges', acme.speakers.findIndex(s => s.name === 'Sam Poe')).count, 0);
	});
});

describe('trends and compare', () => {
	const other = asCall(ACME.replace('It was not good, maybe.', 'It was good.'), 'acme-2020-q2', '2020-08-01');
	const store = indexCalls([acme, other], []);
	it('tone change from the previous call: +1 against +0.6', () => {
		const r = callReport(store, store.call('acme-2020-q2')!);
		assert.equal(r.tone.net, 1);
		assert.equal(r.tone.change, 1 - 0.6);
	});
	it('trend rows have one value per call; a person absent from a call has none', () => {
		const rows = trendRows(store, null, 'cars');
		// Management's hedges (Jane's): 2 of her 37 words; the second call lost "not" and "maybe": 1 of her 35.
		assert.deepEqual(rows.find(r => r.label === 'Hedges /100 w')!.values, [(2 / 37) * 100, (1 / 35) * 100]);
		assert.deepEqual(rows.find(r => r.label === '"cars"')!.values, [(2 / 86) * 1000, (2 / 84) * 1000]);
		const kim = asCall(ACME.replaceAll('Lee Moe', 'Kim Doe'), 'acme-2020-q3', '2020-11-01');
		const lee = trendRows(indexCalls([acme, kim], []), 'lee-moe', '');
		assert.deepEqual(lee.find(r => r.label === 'Questions asked')!.values, [1, null]);
		assert.deepEqual(lee.find(r => r.label === 'Talk share')!.values, [12 / 86, null]);
	});
	it('compare lists each metric in both calls, and analysts who came and went', () => {
		const lee = asCall(ACME.replaceAll('Lee Moe', 'Kim Doe'), 'acme-2020-q3', '2020-11-01');
		const s = indexCalls([acme, lee], []);
		const c = compareCalls(s, s.call('acme-2020-q1')!, s.call('acme-2020-q3')!);
		assert.deepEqual([c.came, c.went], [['kim-doe'], ['lee-moe']]);
		assert.deepEqual(c.rows.find(r => r.label === 'Questions'), {label: 'Questions', unit: 'count', a: 3, b: 3});
	});
});

describe('the five calls', () => {
	it('every report has every metric, and drill counts agree with the numbers', () => {
		const store = bundled();
		for (const call of store.calls) {
			const r = callReport(store, call);
			assert.equal(drill(call, 'hedges').count, r.hedging.count);
			assert.equal(drill(call, 'nonAnswers').count, r.nonAnswers.length);
			assert.equal(drill(call, 'figures').count, r.figures.count);
			assert.equal(drill(call, 'questions').count, r.qa.questions);
			assert.equal(drill(call, 'unanswered').count, r.qa.unanswered.length);
			assert.equal(drill(call, 'tone').count, r.tone.positive + r.tone.negative);
			assert.equal(r.terms.words.length, 10);
		}
	});
});

describe('number formats', () => {
	it('groups thousands with commas, rounding to a whole number, as en-US does', () => {
		for (const x of [0, 7, 999, 1000, 12345, 999999.6, 1234567, -1234.4, -0.4, 86.5]) {
			assert.equal(grouped(x), Math.round(x).toLocaleString('en-US').replace(/^-0$/, '0'), String(x));
		}
		assert.equal(grouped(1234567), '1,234,567');
	});
});

describe('the longest answer, labelled for what it is', () => {
	it('Q2 2017: the longest thread is 1,110 words of 11 turns after one question; the longest single answer is Musk’s 366 words', async () => {
		const {bundledCall, bundled: all} = await import('./helpers.ts');
		const call = bundledCall('tesla-2017-q2');
		const r = callReport(all(), call);
		assert.deepEqual([r.qa.longestAnswer!.words, r.qa.longestAnswer!.turns, r.qa.longestAnswer!.asker], [1110, 11, 'James Joseph Albertine']);
		assert.deepEqual([r.qa.longestSingleAnswer!.words, r.qa.longestSingleAnswer!.speaker], [366, 'Elon Reeve Musk']);
		assert.equal(drill(call, 'longest').title, 'Longest answer exchange');
		assert.deepEqual(drill(call, 'longestSingle').items.map(i => [i.turn, Boolean(i.context)]), [[call.turns[r.qa.longestSingleAnswer!.turn]!.answers!, true], [r.qa.longestSingleAnswer!.turn, false]]);
	});
});

describe('the report worked out in steps (reportSteps), as the reader does after its first frame', () => {
	it('gives every bundled call the report worked out at once; a step is one call or less', async () => {
		const {loadLibrary} = await import('../source/model/input/library.ts');
		const {reportSteps} = await import('../source/model/metrics/report.ts');
		// Two stores, so that no cache is shared: one worked out at once, one in steps.
		const once = loadLibrary({});
		const stepped = loadLibrary({});
		for (const call of stepped.calls) {
			const steps = reportSteps(stepped, call);
			const index = stepped.calls.indexOf(call);
			// The call's words, its own figures, the one before it (if any), then each call's words.
			assert.equal(steps.length, 2 + (index > 0 ? 1 : 0) + stepped.calls.length);
			for (const step of steps) step();
			assert.deepEqual(callReport(stepped, call), callReport(once, once.calls[index]!), call.id);
		}
	});
});
