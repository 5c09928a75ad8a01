// Layouts users bring that ../shared/ has no real file of: fixtures written to
// the description in issue 12 and ../shared/formats/README.md, each trap named.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {loadBytes} from '../source/model/input/load.ts';
import {parseTranscript} from '../source/model/parse/parse.ts';

const parse = (text: string) => {
	const loaded = loadBytes(new TextEncoder().encode(text), 'fixture.txt');
	assert.ok(loaded.ok);
	return parseTranscript(loaded.source.text);
};
const who = (r: ReturnType<typeof parse>) => r.call.turns.map(t => (t.speaker === null ? null : r.call.speakers[t.speaker]!.name));
const texts = (r: ReturnType<typeof parse>) => r.call.turns.map(t => t.paragraphs.map(p => p.text).join(' / '));

describe('earningscall.biz-style export', () => {
	const text = [
		'title: Acme Corp Q3 2023 Earnings Call',
		'company: Acme Corp',
		'ticker: acme',
		'quarter: Q3 2023',
		'date: 2023-10-25',
		'---',
		'Operator Conference Operator Good morning and welcome to the Acme third quarter 2023 earnings call. I will now turn the call over to Jane Doe.',
		'',
		'Jane Doe Chief Executive Officer, Acme Corp Thank you. Revenue grew 12% to $1.2 billion.',
		'',
		'spk01 We also raised our full-year guidance.',
		'',
		'John Smith Analyst, UBS Thanks for taking my question. Can you talk about margins?',
		'',
		'Jane Doe Chief Executive Officer, Acme Corp Margins expanded by 150 basis points.',
		'',
		'Mary Major Analyst, Morgan Stanley Good morning. What about capex next year?',
		'',
		'Jane Doe Chief Executive Officer, Acme Corp We expect it to be flat.',
		'',
	].join('\n');
	it('the header gives company, ticker, quarter and date; the --- line starts the talk', () => {
		const r = parse(text);
		assert.equal(r.call.layout, 'earningscall');
		assert.deepEqual(r.call.meta, {company: 'Acme', ticker: 'ACME', quarter: 'Q3 2023', date: '2023-10-25'});
	});
	it('trap: `Name Title, Company` runs straight into the speech; `Operator Conference Operator`; a diarisation label', () => {
		const r = parse(text);
		assert.deepEqual(who(r), ['Operator', 'Jane Doe', 'Speaker 1', 'John Smith', 'Jane Doe', 'Mary Major', 'Jane Doe']);
		assert.equal(texts(r)[3], 'Thanks for taking my question. Can you talk about margins?');
		assert.equal(texts(r)[1], 'Thank you. Revenue grew 12% to $1.2 billion.');
		const smith = r.call.speakers.find(s => s.name === 'John Smith')!;
		assert.deepEqual([smith.role, smith.firm], ['analyst', 'UBS']);
		assert.equal(r.call.speakers.find(s => s.name === 'Mary Major')!.firm, 'Morgan Stanley');
		assert.equal(r.call.speakers.find(s => s.name === 'Jane Doe')!.title, 'Chief Executive Officer');
		// Answers under their questions: the Q&A starts where the first analyst speaks.
		assert.equal(r.call.turns[4]!.answers, 3);
		assert.ok(r.coverage.share >= 0.99, String(r.coverage.share));
		assert.deepEqual(r.errors, []);
	});
});

describe('PDF-to-text export (Refinitiv / FactSet style)', () => {
	const page = (n: number) => ['', `Acme Corp Q3 2023 Earnings Call   October 25, 2023   Page ${n} of 4`, '©2023 Refinitiv. All rights reserved.', ''];
	const text = [
		'Acme Corp Q3 2023 Earnings Call',
		'October 25, 2023',
		'',
		'PRESENTATION',
		'',
		'Operator',
		'Good morning, and welcome to the Acme Corp third quarter earnings conference call. I would now like',
		'to turn the call over to Jane Doe.',
		' ',
		'Jane Doe',
		'Acme Corp - Chief Executive Officer',
		'Thank you. Revenue grew 12% in the quarter, driven by strong demand in our industrial',
		...page(1),
		'segment, and margins expanded by 150 basis points. We are raising our full-year guidance.',
		' ',
		'Tom Roe',
		'Acme Corp - Chief Financial Officer',
		'Cash flow was $300 million. With that, operator, please open the line.QUESTIONS AND ANSWERS',
		' ',
		'Operator',
		'Our first question comes from John Smith with UBS.',
		' ',
		...page(2),
		'John Smith',
		'UBS - Analyst',
		'Thanks. Can you talk about the drivers of the margin expansion and whether they',
		'will hold into next year?',
		' ',
		'Jane Doe',
		'Acme Corp - Chief Executive Officer',
		'Mostly mix and pricing. We expect them to hold.',
		...page(3),
		'',
	].join('\n');
	it('trap: page headers, footers and page numbers are dropped and the sentence they cut is whole again', () => {
		const r = parse(text);
		const all = texts(r).join('\n');
		assert.ok(!/Page \d of 4|Refinitiv|All rights reserved/.test(all), all);
		assert.match(all, /driven by strong demand in our industrial segment, and margins expanded by 150 basis points\./);
		assert.match(all, /I would now like to turn the call over to Jane Doe\./);
	});
	it('trap: a name line then a `Firm - Title` line; a section name glued to the line before; turns split by a line of one space', () => {
		const r = parse(text);
		assert.deepEqual(who(r), ['Operator', 'Jane Doe', 'Tom Roe', 'Operator', 'John Smith', 'Jane Doe']);
		assert.deepEqual(r.call.turns.map(t => t.section), ['presentation', 'presentation', 'presentation', 'qa', 'qa', 'qa']);
		assert.equal(texts(r)[2], 'Cash flow was $300 million. With that, operator, please open the line.');
		const smith = r.call.speakers.find(s => s.name === 'John Smith')!;
		assert.deepEqual([smith.role, smith.firm], ['analyst', 'UBS']);
		assert.equal(r.call.speakers.find(s => s.name === 'Tom Roe')!.title, 'Chief Financial Officer');
		assert.ok(r.coverage.share >= 0.99, String(r.coverage.share));
	});
});

describe('Refinitiv PDF-to-text: a participant list and titles wrapped at the margin', () => {
	const text = [
		'Acme Corp Q3 2023 Earnings Call',
		'October 25, 2023',
		'',
		'CORPORATE PARTICIPANTS',
		'Jane Doe Acme Corp - Chief Executive Officer',
		'Tom Roe Acme Corp - Executive VP, Chief Financial Officer & Principal Accounting',
		'Officer',
		'',
		'CONFERENCE CALL PARTICIPANTS',
		'John Smith UBS Investment Bank, Research Division - MD and Head of Semiconductors & Senior Equity',
		'Research Analyst',
		'Mary Major Morgan Stanley, Research Division - Equity Analyst',
		'',
		'PRESENTATION',
		'',
		'Operator',
		'Good morning, and welcome to the Acme Corp third quarter earnings conference call. I would now like',
		'to turn the call over to Jane Doe.',
		' ',
		'Jane Doe',
		'Acme Corp - Chief Executive Officer',
		'Thank you. Revenue grew 12% in the quarter, driven by strong demand in our industrial',
		'segment, and margins expanded by 150 basis points. We are raising our full-year guidance.',
		' ',
		'Tom Roe',
		'Acme Corp - Executive VP, Chief Financial Officer & Principal Accounting',
		'Officer',
		'Cash flow was $300 million. With that, operator, please open the line.',
		'',
		'QUESTIONS AND ANSWERS',
		' ',
		'Operator',
		'Our first question comes from John Smith with UBS.',
		' ',
		'John Smith',
		'UBS Investment Bank, Research Division - MD and Head of Semiconductors & Senior Equity',
		'Research Analyst',
		'Thanks. Can you talk about the drivers of the margin expansion and whether they',
		'will hold into next year?',
		' ',
		'Jane Doe',
		'Acme Corp - Chief Executive Officer',
		'Mostly mix and pricing. We expect them to hold.',
		' ',
		'Operator',
		'Next is Mary Major with Morgan Stanley.',
		' ',
		'Mary Major',
		'Morgan Stanley, Research Division - Equity Analyst',
		'What about capex next year?',
		' ',
		'Tom Roe',
		'Acme Corp - Executive VP, Chief Financial Officer & Principal Accounting',
		'Officer',
		'We expect it to be flat.',
	].join('\n');
	it('trap: `Name Firm - Title` roster lines and a title\'s last words on a line of their own are no speakers', () => {
		const r = parse(text);
		assert.deepEqual(who(r), ['Operator', 'Jane Doe', 'Tom Roe', 'Operator', 'John Smith', 'Jane Doe', 'Operator', 'Mary Major', 'Tom Roe']);
		assert.deepEqual(r.call.speakers.map(s => s.name).sort(), ['Jane Doe', 'John Smith', 'Mary Major', 'Operator', 'Tom Roe']);
		assert.equal(texts(r)[2], 'Cash flow was $300 million. With that, operator, please open the line.');
		assert.equal(texts(r)[4], 'Thanks. Can you talk about the drivers of the margin expansion and whether they will hold into next year?');
		assert.equal(texts(r)[8], 'We expect it to be flat.');
	});
	it('the wrapped title is read whole, and a research division\'s head of a sector is an analyst', () => {
		const r = parse(text);
		const by = (name: string) => r.call.speakers.find(s => s.name === name)!;
		assert.deepEqual([by('Tom Roe').role, by('Tom Roe').title], ['executive', 'Executive VP, Chief Financial Officer & Principal Accounting Officer']);
		assert.deepEqual([by('John Smith').role, by('John Smith').firm, by('John Smith').title], ['analyst', 'UBS Investment Bank', 'MD and Head of Semiconductors & Senior Equity Research Analyst']);
		assert.deepEqual([by('Mary Major').role, by('Mary Major').firm, by('Mary Major').title], ['analyst', 'Morgan Stanley', 'Equity Analyst']);
		assert.deepEqual(r.call.turns.map(t => t.section).lastIndexOf('presentation'), 2);
		assert.ok(r.coverage.share >= 0.99, String(r.coverage.share));
	});
});

describe('inline `Name: text` with junk and a spoken Q&A start', () => {
	const text = [
		'Acme Corp (ACME) Q3 2023 Earnings Call Transcript',
		'',
		'Operator: Good morning and welcome to the Acme third-quarter call.',
		'',
		'Jane Doe: Thank you. Revenue grew 12%.',
		'',
		'Margins expanded, and we are raising guidance.',
		'',
		'Advertisement',
		'',
		'Tom Roe: Cash flow was strong.',
		'',
		'Click here to subscribe to our newsletter',
		'',
		'Operator: We will now begin the question-and-answer session. Our first question is from John Smith of UBS.',
		'',
		'John Smith: Can you talk about margins?',
		'',
		'Jane Doe: Mostly mix.',
		'',
		'Operator: That concludes the call.',
		'',
		'This article is a transcript of this conference call produced for The Motley Fool. While we strive for our Foolish Best, there may be errors.',
		'',
		'Related: 5 stocks to buy now',
	].join('\n');
	it('trap: unlabelled follow-on paragraphs belong to the speaker before; ads and junk inside and after are no speech', () => {
		const r = parse(text);
		assert.equal(r.call.layout, 'inline');
		assert.deepEqual(who(r), ['Operator', 'Jane Doe', 'Tom Roe', 'Operator', 'John Smith', 'Jane Doe', 'Operator']);
		assert.equal(texts(r)[1], 'Thank you. Revenue grew 12%. / Margins expanded, and we are raising guidance.');
		assert.ok(!texts(r).join(' ').match(/Advertisement|subscribe|Motley Fool|5 stocks/));
		assert.ok(r.coverage.share >= 0.99, String(r.coverage.share));
	});
	it('trap: the Q&A starts where it is said to, with no section header', () => {
		const r = parse(text);
		assert.deepEqual(r.call.turns.map(t => t.section), ['presentation', 'presentation', 'presentation', 'qa', 'qa', 'qa', 'qa']);
		assert.equal(r.call.speakers.find(s => s.name === 'John Smith')!.role, 'analyst');
		assert.equal(r.call.turns[5]!.answers, 4);
	});
});

describe('a Q&A whose start is only spoken, in inline `Name: text` calls (issue 22)', () => {
	it('an executive saying "now let\'s begin the Q&A session" starts it; the operator\'s welcome before any remarks does not', () => {
		const r = parse([
			'Operator: Welcome to the Acme first quarter call. There will be a question-and-answer session after the remarks. I will now turn it over to Jane Doe.',
			'',
			'Jane Doe: Thank you. Revenue grew 12% and margins expanded.',
			'',
			'John Smith: Thanks, Jane. Costs fell too.',
			'',
			"Jane Doe: Now let's begin the Q&A session. Operator?",
			'',
			'Operator: Our first question comes from Bob Roe.',
			'',
			'Bob Roe: How about margins next year?',
			'',
			'Jane Doe: Up.',
		].join('\n'));
		assert.equal(r.call.layout, 'inline');
		assert.deepEqual(r.call.turns.map(t => t.section), ['presentation', 'presentation', 'presentation', 'qa', 'qa', 'qa', 'qa']);
		assert.equal(r.call.turns[6]!.answers, 5);
	});
});
