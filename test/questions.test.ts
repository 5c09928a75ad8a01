// The questions rule (issue 15, source/model/parse/questions.ts): an analyst's
// turn is a question when it asks; thanks, sign-offs and acknowledgements are
// not. Counted by hand on the bundled Q1 2012 call: 72 analyst turns in the
// Q&A, 41 questions.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {asks} from '../source/model/parse/questions.ts';
import {qaQuality} from '../source/model/metrics/qa.ts';
import {callReport} from '../source/model/metrics/report.ts';
import {isQuestion} from '../source/model/store/view.ts';
import {bundled, bundledCall} from './helpers.ts';

describe('when an analyst asks', () => {
	it('a question mark, a request, or a sentence that opens as a question', () => {
		for (const text of [
			'What are you seeing in Europe?',
			'Could you talk about the ramp of the factory.',
			'I wanted to ask about gross margin in the quarter.',
			'Any color on pricing in China.',
			'Hi. Yes, I was wondering if we could talk a bit about the ramping of your facility.',
			'Walk us through the cash flow for the second half.',
			'And just a follow-up then, on space.',
			'How should we think about operating expenses next year.',
			'Got it. Okay. And also on the RAV4 electric, are you providing multiple versions of a battery pack.',
		])
			assert.equal(asks(text), true, text);
	});

	it('thanks, sign-offs and acknowledgements are not questions', () => {
		for (const text of ['Okay.', 'Yeah.', 'Thank you very much.', 'Great. Thank you very much for the incremental color.', 'Okay, terrific very helpful. Thank you.', 'Got you, there are certain countries in Europe that the tax regimes are very favorable to EVs.', 'Okay. And then, one more.', "Okay. Thank you for that. That's all I had."])
			assert.equal(asks(text), false, text);
	});
});

describe('questions in the bundled calls', () => {
	it('Q1 2012: 41 of 72 analyst turns are questions (counted by hand)', () => {
		const call = bundledCall('tesla-2012-q1');
		const analystTurns = call.turns.filter(t => t.section === 'qa' && t.speaker !== null && call.speakers[t.speaker]!.role === 'analyst' && t.answers === null);
		assert.equal(analystTurns.length, 72);
		const questions = call.turns.flatMap((t, i) => (isQuestion(t) ? [i] : []));
		assert.deepEqual(questions, [5, 7, 9, 14, 23, 27, 29, 34, 37, 39, 43, 47, 48, 52, 54, 59, 60, 64, 66, 70, 75, 77, 85, 87, 90, 94, 104, 106, 111, 113, 115, 117, 121, 125, 127, 131, 134, 138, 150, 157, 158]);
	});

	it('questions, unanswered, questions per analyst and answer/question count the same set', () => {
		for (const call of bundled().calls) {
			const report = callReport(bundled(), call);
			const questions = call.turns.filter(isQuestion);
			assert.equal(report.qa.questions, questions.length, call.id);
			// Every unanswered question is one of them.
			for (const u of qaQuality(call).unanswered) assert.ok(isQuestion(call.turns[u.question]!), `${call.id} turn ${u.question}`);
			assert.equal(report.qa.questionsPerAnalyst, questions.length / report.qa.analysts, call.id);
		}
	});

	it('the trend over the five calls has no artefact spike: 31, 41, 32, 37, 25 (it was 31, 72, 34, 60, 27)', () => {
		assert.deepEqual(bundled().calls.map(c => c.turns.filter(isQuestion).length), [31, 41, 32, 37, 25]);
	});
});
