// The five bundled calls, parsed exactly. Expected counts come from a hand count
// of the label lines in each file (grep over the source), not from the parser.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {bundled, bundledCall, speakerName, turnsBySpeaker} from './helpers.ts';

describe('bundled calls: turn counts from a hand count', () => {
	it('has 705 turns, in date order 81, 163, 98, 187, 176', () => {
		const calls = bundled().calls;
		assert.deepEqual(
			calls.map(c => c.id),
			['tesla-2011-q2', 'tesla-2012-q1', 'tesla-2012-q3', 'tesla-2016-q4', 'tesla-2017-q2'],
		);
		assert.deepEqual(calls.map(c => c.turns.length), [81, 163, 98, 187, 176]);
		assert.equal(calls.reduce((n, c) => n + c.turns.length, 0), 705);
	});

	it('Q2 2011: every speaker has the turns the file gives them', () => {
		assert.deepEqual(turnsBySpeaker(bundledCall('tesla-2011-q2')), {
			'(none)': 1, 'Elon Reeve Musk': 30, Operator: 9, 'Deepak Ahuja': 9, 'Dan V. Galves': 6,
			'Patrick K. Archambault': 5, 'Andrea James': 5, 'Ravi Shanker': 4, 'John Licata': 3, 'Himanshu Patel': 3,
			'Eric Leeper': 2, 'Carter W. Driscoll': 2, 'Unidentified Analyst': 1, 'Jeffrey K. Evanson': 1,
		});
	});

	it('Q1 2012: en-dash separators and a glued label count for the same analyst', () => {
		assert.deepEqual(turnsBySpeaker(bundledCall('tesla-2012-q1')), {
			'(none)': 1, 'Elon Reeve Musk': 56, Operator: 15, 'Adam Michael Jonas': 14, 'Michael Lew': 13, 'Deepak Ahuja': 9,
			'George Blankenship': 6, 'Carter W. Driscoll': 7, 'Jesse W. Pichel': 5, 'Jeffrey K. Evanson': 4, 'Dan V. Galves': 6,
			'Colin William Rusch': 4, 'Patrick K. Archambault': 3, 'Ben Z. Rose': 3, 'Ben Schuman': 3, 'Andrea James': 5,
			'Amir Rozwadowski': 5, 'Christopher M. Kovacs': 4,
		});
	});

	it('Q3 2012: `George Blankenship]` with its stray bracket is George Blankenship', () => {
		const counts = turnsBySpeaker(bundledCall('tesla-2012-q3'));
		assert.equal(counts['George Blankenship'], 10);
		assert.equal(counts['Elon Reeve Musk'], 30);
		assert.equal(counts['Operator'], 13);
		assert.equal(Object.values(counts).reduce((a, b) => a + b), 98);
	});

	it('Q4 2016: `Name - Tesla, Inc.` labels are executives', () => {
		const call = bundledCall('tesla-2016-q4');
		const counts = turnsBySpeaker(call);
		assert.equal(counts['Elon Reeve Musk'], 65);
		assert.equal(counts['Jason S. Wheeler'], 30);
		assert.equal(counts['Tyler Charles Frank'], 4);
		for (const name of ['Elon Reeve Musk', 'Jason S. Wheeler', 'Jeffrey B. Straubel', 'Jeffrey K. Evanson', 'Jonathan McNeill']) {
			assert.equal(call.speakers.find(s => s.name === name)?.role, 'executive', name);
		}
		assert.equal(call.speakers.find(s => s.name === 'Colin Michael Langan')?.role, 'analyst');
	});

	it('Q2 2017 (Capital IQ): a name line and a title line make one label; the participant list is not talk', () => {
		const call = bundledCall('tesla-2017-q2');
		assert.deepEqual(turnsBySpeaker(call), {
			'Elon Reeve Musk': 72, 'Deepak Ahuja': 22, 'Jonathan McNeill': 16, Operator: 16, 'Jeffrey B. Straubel': 12,
			'Jeffrey K. Evanson': 11, 'Martin Viecha': 5, 'Rod Avraham Lache': 3, 'Colin Michael Langan': 3,
			'Brian Arthur Johnson': 3, 'Adam Michael Jonas': 3, 'David J. Tamberrino': 2, 'A.M. Sacconaghi': 2,
			'Ryan J. Brinkman': 2, 'Robert George Cihra': 1, 'James Joseph Albertine': 1, 'Colin William Rusch': 1,
			'Alexander Eugene Potter': 1,
		});
		const deepak = call.speakers.find(s => s.name === 'Deepak Ahuja')!;
		assert.equal(deepak.title, 'Chief Financial Officer');
		// Listed among EXECUTIVES by the flattened participant list, but the body says Redburn.
		const viecha = call.speakers.find(s => s.name === 'Martin Viecha')!;
		assert.equal(viecha.role, 'analyst');
		assert.equal(viecha.firm, 'Redburn (Europe)');
		assert.equal(call.speakers.find(s => s.name === 'Adam Michael Jonas')!.firm, 'Morgan Stanley');
	});
});

describe('bundled calls: traps from the seeds README', () => {
	it('trap: 000-003 start mid-call; the opening is kept, attributed to no one', () => {
		for (const [id, start] of [
			['tesla-2011-q2', "Thanks, Jeff. If you've been listening"],
			['tesla-2012-q1', 'All right, I think we can go right into questions.'],
			['tesla-2012-q3', 'First question, how many vehicles are coming clean'],
			['tesla-2016-q4', "Thank you. First of all, I'd like to announce"],
		] as const) {
			const call = bundledCall(id);
			assert.equal(call.turns[0]!.speaker, null, id);
			assert.ok(call.turns[0]!.paragraphs[0]!.text.startsWith(start), id);
			assert.equal(call.turns.filter(t => t.speaker === null).length, 1, id);
		}
		assert.equal(bundledCall('tesla-2017-q2').turns[0]!.speaker !== null, true);
	});

	it('trap: `The Netherlands`, `Denmark`, `True`, `Exactly` are answers, not speakers', () => {
		const call = bundledCall('tesla-2012-q1');
		const names = call.speakers.map(s => s.name);
		for (const word of ['The Netherlands', 'Netherlands', 'Denmark', 'True', 'Exactly']) assert.ok(!names.includes(word), word);
		const texts = call.turns.map(t => t.paragraphs.map(p => p.text).join(' '));
		const netherlands = texts.indexOf('The Netherlands');
		assert.ok(netherlands > 0);
		assert.equal(speakerName(call, netherlands), 'Elon Reeve Musk');
		assert.equal(speakerName(call, texts.indexOf('Denmark')), 'George Blankenship');
		assert.equal(speakerName(call, texts.indexOf('True')), 'Elon Reeve Musk');
		assert.equal(speakerName(call, texts.indexOf('Exactly')), 'Adam Michael Jonas');
	});

	it('trap: a label glued to the first words of the turn (`... Equity Capital Markets Yeah.`)', () => {
		const call = bundledCall('tesla-2012-q1');
		const i = call.turns.findIndex(t => t.paragraphs[0]?.text.startsWith('Yeah.'));
		assert.ok(i > 0);
		assert.equal(speakerName(call, i), 'Christopher M. Kovacs');
		assert.ok(!call.turns.some(t => t.paragraphs.some(p => p.text.includes('Equity Capital Markets'))));
	});

	it('trap: a title line glued to the first sentence (`... Co-Founder One question, Part A through H.`)', () => {
		const call = bundledCall('tesla-2017-q2');
		const i = call.turns.findIndex(t => t.paragraphs[0]?.text === 'One question, Part A through H.');
		assert.ok(i > 0);
		assert.equal(speakerName(call, i), 'Elon Reeve Musk');
		assert.ok(!call.turns.some(t => t.paragraphs.some(p => p.text.startsWith('CEO, Product Architect'))));
	});

	it('trap: separators ` - `, ` – ` and `-Firm` give the same firm', () => {
		const call = bundledCall('tesla-2012-q1');
		const kovacs = call.speakers.find(s => s.name === 'Christopher M. Kovacs')!;
		assert.equal(kovacs.firm, 'Robert W. Baird');
		assert.deepEqual(kovacs.labels, ['Christopher M. Kovacs']);
		assert.equal(call.speakers.find(s => s.name === 'Amir Rozwadowski')!.firm, 'Barclays');
	});

	it('trap: `Unidentified Analyst` is a speaker, and an analyst', () => {
		const call = bundledCall('tesla-2011-q2');
		const speaker = call.speakers.find(s => s.name === 'Unidentified Analyst');
		assert.equal(speaker?.role, 'analyst');
	});

	it('trap: dollar signs are unescaped (`\\$100 million` → `$100 million`)', () => {
		for (const call of bundled().calls) {
			const text = call.turns.flatMap(t => t.paragraphs.map(p => p.text)).join('\n');
			assert.ok(!text.includes('\\$'), call.id);
		}
		const text = bundledCall('tesla-2011-q2').turns[0]!.paragraphs[1]!.text;
		assert.ok(text.startsWith('And we\'ve also signed the $100 million deal with Toyota.'));
	});

	it('trap: a paragraph broken mid-sentence is joined', () => {
		const call = bundledCall('tesla-2012-q3');
		const joined = call.turns.flatMap(t => t.paragraphs).find(p => p.text.includes('reservation balance on the balance sheet'));
		assert.ok(joined, 'the break after "on the" is joined to "balance sheet"');
		assert.ok(!call.turns.flatMap(t => t.paragraphs).some(p => p.text.startsWith('balance sheet, should')));
	});

	it('trap: time marks such as `(7:12)` are data of the paragraph, not prose', () => {
		const call = bundledCall('tesla-2016-q4');
		const paragraphs = call.turns.flatMap(t => t.paragraphs);
		assert.ok(!paragraphs.some(p => /\(\d+:\d{2}\)/.test(p.text)));
		// grep -o '([0-9]\{1,2\}:[0-9][0-9])' tesla-2016-q4.txt | wc -l → 61
		assert.equal(paragraphs.reduce((n, p) => n + p.marks.length, 0), 61);
		const p = paragraphs.find(x => x.marks.some(m => m.time === '7:12'))!;
		const mark = p.marks.find(m => m.time === '7:12')!;
		assert.ok(p.text.slice(0, mark.offset).endsWith('we will in-source'));
		assert.ok(p.text.slice(mark.offset).startsWith(' it, but'));
	});

	it('trap: only Q2 2017 says its quarter and date; the manifest gives the rest', () => {
		assert.deepEqual(
			bundled().calls.map(c => [c.meta.quarter, c.meta.date]),
			[['Q2 2011', '2011-08-03'], ['Q1 2012', '2012-05-09'], ['Q3 2012', '2012-11-05'], ['Q4 2016', '2017-02-22'], ['Q2 2017', '2017-08-02']],
		);
	});
});

describe('bundled calls: sections', () => {
	it('splits prepared remarks from Q&A at each header, or at the spoken start', () => {
		const split = bundled().calls.map(c => [c.turns.filter(t => t.section === 'presentation').length, c.turns.filter(t => t.section === 'qa').length]);
		// 000-003 have `Question-and-Answer Session` (002 starts inside the Q&A and
		// has none); 004 has `Presentation` and `Question and Answer`.
		assert.deepEqual(split, [[1, 80], [1, 162], [0, 98], [12, 175], [25, 151]]);
	});

	it('no turn holds a section header, the estimates table or the disclaimer', () => {
		for (const call of bundled().calls) {
			for (const p of call.turns.flatMap(t => t.paragraphs)) {
				assert.ok(!/^(Question-and-Answer Session|Presentation|Question and Answer)$/.test(p.text), p.text);
				assert.ok(!/CONSENSUS|Capital IQ|EPS Normalized/.test(p.text), p.text);
			}
		}
	});
});

describe('bundled calls: Q&A threads', () => {
	it('an executive answer points at the analyst question before it, until the next analyst or operator', () => {
		const call = bundledCall('tesla-2012-q1');
		// Opening (0), operator intro (1), Amir's greeting (2), Elon "Hi." (3),
		// Evanson "Hi." (4), Amir's question (5), Elon's answer (6). The greeting
		// asks nothing (questions.ts): no question, and the two "Hi."s answer nothing.
		assert.equal(speakerName(call, 1), 'Operator');
		assert.equal(speakerName(call, 2), 'Amir Rozwadowski');
		assert.equal(call.turns[2]!.exchange, null);
		assert.equal(call.turns[3]!.answers, null);
		assert.equal(call.turns[4]!.answers, null);
		assert.equal(speakerName(call, 5), 'Amir Rozwadowski');
		assert.equal(call.turns[6]!.answers, 5);
		assert.equal(call.turns[1]!.answers, null);
		assert.equal(call.turns[2]!.answers, null);
	});

	it('a follow-up from the same analyst is a new question in the same exchange', () => {
		const call = bundledCall('tesla-2012-q1');
		// Amir's questions (5, 7, 9) are one exchange; his "Thank you very much for the incremental color." (11) is none.
		assert.equal(call.turns[5]!.exchange, call.turns[7]!.exchange);
		assert.equal(call.turns[9]!.exchange, call.turns[5]!.exchange);
		assert.equal(call.turns[11]!.exchange, null);
		const next = call.turns.findIndex((t, i) => i > 6 && speakerName(call, i) === 'Christopher M. Kovacs');
		assert.equal(call.turns[next]!.exchange, call.turns[5]!.exchange! + 1);
	});

	it('the unattributed opening question of Q3 2012 is answered by Elon Musk', () => {
		const call = bundledCall('tesla-2012-q3');
		assert.equal(speakerName(call, 1), 'Elon Reeve Musk');
		assert.equal(call.turns[1]!.answers, 0);
	});

	it('every answer points at an earlier question turn in the Q&A, never at an executive', () => {
		for (const call of bundled().calls) {
			call.turns.forEach((turn, i) => {
				if (turn.answers === null) return;
				assert.ok(turn.answers < i);
				const q = call.turns[turn.answers]!;
				assert.equal(q.section, 'qa');
				assert.ok(q.speaker === null || call.speakers[q.speaker]!.role === 'analyst', `${call.id} #${i}`);
			});
		}
	});
});
