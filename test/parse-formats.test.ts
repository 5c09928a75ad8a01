// Layouts other than the bundled ones: the two real fixtures, and small
// hand-written samples of the layouts users also bring.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {fixture, parseFile, parseText, speakerName, turnsBySpeaker} from './helpers.ts';

describe('StreetEvents (se_csco_2016q4.txt)', () => {
	const call = parseFile(fixture('se_csco_2016q4.txt'));

	it('is detected by its rules and [n] labels, not its name', () => {
		assert.equal(call.layout, 'streetevents');
		assert.deepEqual(call.meta, {company: 'Cisco Systems Inc', ticker: null, quarter: 'Q4 2016', date: '2016-08-17'});
	});

	it('has 6 presentation turns and 60 Q&A turns, numbered [1]..[n] in each section', () => {
		assert.equal(call.turns.filter(t => t.section === 'presentation').length, 6);
		assert.equal(call.turns.filter(t => t.section === 'qa').length, 60);
	});

	it('takes roles from the participant lists and firm/title from `Name,  Firm - Title`', () => {
		const by = (name: string) => call.speakers.find(s => s.name === name)!;
		assert.deepEqual([by('Kelly Kramer').role, by('Kelly Kramer').firm, by('Kelly Kramer').title], ['executive', 'Cisco Systems Inc', 'CFO']);
		assert.deepEqual([by('Tal Liani').role, by('Tal Liani').firm], ['analyst', 'BofA Merrill Lynch']);
		assert.equal(turnsBySpeaker(call)['Mitch Steves'], 2);
	});

	it('keeps the Definitions and Disclaimer sections out of the talk', () => {
		const text = call.turns.flatMap(t => t.paragraphs.map(p => p.text)).join(' ');
		assert.ok(!/Thomson Reuters reserves|DISCLAIMER|Definitions/i.test(text.slice(-2000)));
	});
});

describe('Seeking Alpha with a roster (sa_jpm_2018q2.txt)', () => {
	const call = parseFile(fixture('sa_jpm_2018q2.txt'));

	it('decodes Windows-1252: 0x92 is a right single quote, 0x85 an ellipsis (not a line break)', () => {
		const text = call.turns.flatMap(t => t.paragraphs.map(p => p.text)).join('\n');
		assert.ok(text.includes('JPMorgan Chase’s Second Quarter 2018 Earnings Call'));
		assert.ok(text.includes('We haven’t really marketed…'));
		assert.ok(!text.includes('\uFFFD'));
	});

	it('reads the header: company, ticker, quarter, date', () => {
		assert.deepEqual(call.meta, {company: 'JPMorgan Chase & Co.', ticker: 'JPM', quarter: 'Q2 2018', date: '2018-07-13'});
	});

	it('has 85 turns; bare body labels take role and firm from the roster', () => {
		assert.equal(call.turns.length, 85);
		const lake = call.speakers.find(s => s.name === 'Marianne Lake')!;
		assert.deepEqual([lake.role, lake.title], ['executive', 'CFO']);
		const usdin = call.speakers.find(s => s.name === 'Ken Usdin')!;
		assert.deepEqual([usdin.role, usdin.firm], ['analyst', 'Jefferies']);
		assert.equal(call.turns.filter(t => t.section === 'presentation').length, 2);
	});

	it("`Matt O'Connor` (roster, straight quote) and `Matt O’Connor` (body, curly) are one person", () => {
		const matts = call.speakers.filter(s => s.name.startsWith('Matt O'));
		assert.equal(matts.length, 1);
		assert.deepEqual([matts[0]!.role, matts[0]!.firm, matts[0]!.id], ['analyst', 'Deutsche Bank', 'matt-oconnor']);
		assert.equal(turnsBySpeaker(call)[matts[0]!.name], 2);
	});
});

describe('layouts users bring (hand-written samples)', () => {
	it('Motley Fool: `Name -- Title` labels, `Prepared Remarks:` / `Questions & Answers:`, trailing participants and duration', () => {
		const call = parseText(`Prepared Remarks:

Operator

Good day, and welcome to the Acme third-quarter call.

Jane Roe -- Chief Executive Officer

Thanks. We had a strong quarter.

Questions & Answers:

Operator

Our first question comes from Sam Poe with Big Bank.

Sam Poe -- Big Bank -- Analyst

How is demand?

Jane Roe -- Chief Executive Officer

Demand is strong.

Duration: 42 minutes

Call participants:

Jane Roe -- Chief Executive Officer

Sam Poe -- Big Bank -- Analyst
`);
		assert.equal(call.turns.length, 5);
		assert.deepEqual(call.turns.map(t => t.section), ['presentation', 'presentation', 'qa', 'qa', 'qa']);
		const jane = call.speakers.find(s => s.name === 'Jane Roe')!;
		assert.deepEqual([jane.role, jane.title], ['executive', 'Chief Executive Officer']);
		const sam = call.speakers.find(s => s.name === 'Sam Poe')!;
		assert.deepEqual([sam.role, sam.firm], ['analyst', 'Big Bank']);
		assert.equal(call.turns[4]!.answers, 3);
		assert.ok(!call.turns.some(t => t.paragraphs.some(p => p.text.includes('Duration'))));
	});

	it('inline `Name: text` with unlabelled follow-on paragraphs and a spoken start of the Q&A', () => {
		const call = parseText(`Operator: Welcome to the Example Corp call.
John Smith: Thank you. Revenue grew 10%.
It grew in every region.
With that, we will now begin the question-and-answer session.
Operator: Our first question comes from Mary Jones of Acme Securities.
Mary Jones: What about margins next year?
John Smith: Margins will expand.
`);
		assert.equal(call.layout, 'inline');
		assert.equal(call.turns.length, 5);
		assert.deepEqual(call.turns[1]!.paragraphs.map(p => p.text), [
			'Thank you. Revenue grew 10%.',
			'It grew in every region.',
			'With that, we will now begin the question-and-answer session.',
		]);
		assert.deepEqual(call.turns.map(t => t.section), ['presentation', 'presentation', 'qa', 'qa', 'qa']);
		assert.equal(call.speakers.find(s => s.name === 'Mary Jones')!.role, 'analyst');
		assert.equal(speakerName(call, 4), 'John Smith');
		assert.equal(call.turns[4]!.answers, 3);
	});

	it('PDF export: upper-case sections, a name line then a `Firm - Title` line', () => {
		const call = parseText(`EXAMPLE CORP Q1 2020 EARNINGS CALL

PRESENTATION

Operator

Welcome, everyone.

Ann Lee
Example Corp - Chief Financial Officer

Thank you. Sales rose.

Bob Kim
Example Corp - Chief Executive Officer

We are pleased.

Carl Ford
Big Bank - Analyst

Only one thing.

QUESTIONS AND ANSWERS

Operator

First question, Dee Park.

Dee Park
Other Bank - Analyst

Any guidance?

Bob Kim
Example Corp - Chief Executive Officer

Not today.
`);
		assert.equal(call.layout, 'name-title');
		assert.deepEqual(
			call.turns.map(t => (t.speaker === null ? null : call.speakers[t.speaker]!.name)),
			['Operator', 'Ann Lee', 'Bob Kim', 'Carl Ford', 'Operator', 'Dee Park', 'Bob Kim'],
		);
		const dee = call.speakers.find(s => s.name === 'Dee Park')!;
		assert.deepEqual([dee.role, dee.firm, dee.title], ['analyst', 'Other Bank', 'Analyst']);
		assert.equal(call.speakers.find(s => s.name === 'Ann Lee')!.title, 'Chief Financial Officer');
		assert.equal(call.turns[6]!.answers, 5);
	});

	it('hard-wrapped text joins the lines of a paragraph', () => {
		const body = Array.from({length: 12}, (_, i) => `Line ${i} of a paragraph that was wrapped at a fixed width by an`).join('\n');
		const call = parseText(`Operator\n\nWelcome.\n\nJane Roe - Acme\n\n${body}\nexporter.\n\nSecond paragraph here,\nalso wrapped at the same width as the first one was wrapped.\n`);
		const jane = call.turns.find(t => t.speaker !== null && call.speakers[t.speaker]!.name === 'Jane Roe')!;
		assert.equal(jane.paragraphs.length, 2);
		assert.ok(jane.paragraphs[0]!.text.endsWith('by an exporter.'));
	});

	it('text with no labels at all is one unidentified speaker’s, its paragraphs kept', () => {
		const call = parseText('Just some notes about a call.\n\nNo speakers here.');
		assert.equal(call.layout, 'speakerless');
		assert.equal(call.turns.length, 1);
		assert.deepEqual(call.speakers.map(s => [s.name, s.role]), [['Unidentified', 'unknown']]);
		assert.equal(call.turns[0]!.paragraphs.length, 2);
	});
});
