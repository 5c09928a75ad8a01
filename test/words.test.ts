// Nothing lost, nothing invented: the words of all turns equal the words of the
// source minus labels, headers, the participant list, the estimates table and
// the disclaimer. The label lines below were listed by hand from each file.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {bundledCall, transcript} from './helpers.ts';

const LABELS: Record<string, string[]> = {
	'tesla-2011-q2': ['Andrea James - Dougherty & Company', 'Carter Driscoll - Capstone Investment', 'Carter Driscoll - Capstone Investments', 'Dan Galves - Deutsche Bank', 'Deepak Ahuja', 'Elon Musk', 'Eric Leeper - Pacific Crest', 'Himanshu Patel - JPMorgan', 'Jeff Evanson', 'John Licata - Blue Phoenix', 'Operator', 'Patrick Archambault - Goldman Sachs', 'Ravi Shanker - Morgan Stanley', 'Unidentified Analyst'],
	'tesla-2012-q1': ['Adam Jonas - Morgan Stanley & Co. LLC', 'Amir Rozwadowski - Barclays Capital Inc.', 'Amir Rozwadowski – Barclays Capital Inc.', 'Andrea James - Dougherty & Company LLC', 'Andrea James – Dougherty & Company LLC', 'Ben Schuman - Pacific Crest Securities LLC', 'Ben Z. Rose - Battle Road Research Ltd.', 'Carter W. Driscoll - Capstone Investments', 'Carter W. Driscoll – Capstone Investments', 'Christopher M. Kovacs - Robert W. Baird & Co. Equity Capital Markets', 'Christopher M. Kovacs -Robert W. Baird & Co. Equity Capital Markets', 'Christopher M. Kovacs – Robert W. Baird & Co. Equity Capital Markets', 'Colin W. Rusch - ThinkEquity LLC', 'Dan V. Galves - Deutsche Bank Securities, Inc.', 'Dan V. Galves – Deutsche Bank Securities, Inc.', 'Deepak Ahuja', 'Elon R. Musk', 'George Blankenship', 'Jeffrey K. Evanson', 'Jesse W. Pichel - Jefferies & Co., Inc.', 'Jesse W. Pichel – Jefferies & Co., Inc.', 'Michael Lew - Needham & Co. LLC', 'Operator', 'Patrick K. Archambault - Goldman Sachs & Co.'],
	'tesla-2012-q3': ['Aaron Chew - Maxim', 'Adam Jonas - Morgan Stanley', 'Aditya Satghare - Lazard', 'Amir Rozwadowski - Barclays', 'Andrea James - Dougherty & Company', 'Ben Kallo - Robert W. Baird', 'Ben Schuman - Pacific Crest', 'Carter Driscoll - Capstone Investments', 'Dan Galves - Deutsche Bank', 'Deepak Ahuja', 'Elaine Kwei - Jefferies', 'Elon Musk', 'George Blankenship', 'George Blankenship]', 'Jeff Evanson', 'John Lovallo - Merrill Lynch', 'Michael Lew - Needham', 'Operator', 'Patrick Archambault - Goldman Sachs'],
	'tesla-2016-q4': ['Adam Michael Jonas - Morgan Stanley & Co. LLC', 'Aileen Elizabeth Smith - Bank of America Merrill Lynch', 'Brian A. Johnson - Barclays Capital, Inc.', 'Charlie Lowell Anderson - Dougherty & Co. LLC', 'Colin Michael Langan - UBS Securities LLC', 'Colin Rusch - Oppenheimer & Co., Inc.', 'David Tamberrino - Goldman Sachs & Co.', 'Elon Reeve Musk - Tesla, Inc.', 'James J. Albertine - Consumer Edge Research LLC', 'Jason S. Wheeler - Tesla, Inc.', 'Jeffrey B. Straubel - Tesla, Inc.', 'Jeffrey K. Evanson - Tesla, Inc.', 'Jeffrey Osborne - Cowen & Co. LLC', 'Jonathan McNeill - Tesla, Inc.', 'Joseph Spak - RBC Capital Markets LLC', 'Operator', 'Robert Cihra - Guggenheim Securities LLC', 'Rod Lache - Deutsche Bank Securities, Inc.', 'Ryan Brinkman - JPMorgan Securities LLC', 'Tyler Charles Frank - Robert W. Baird & Co., Inc. (Private Wealth Management)'],
	// Capital IQ: name lines and the title/firm lines under them.
	'tesla-2017-q2': ['Operator', 'Elon R. Musk', 'Deepak Ahuja', 'Jonathan McNeill', 'Jeffrey B. Straubel', 'Jeff Evanson', 'Martin Viecha', 'Rod Avraham Lache', 'Colin Langan', 'Brian Arthur Johnson', 'Adam Michael Jonas', 'David J. Tamberrino', 'A.M. Sacconaghi', 'Ryan J. Brinkman', 'Robert George Cihra', 'James Joseph Albertine', 'Colin William Rusch', 'Alexander Eugene Potter', 'CEO, Product Architect, Chairman & Co-Founder', 'Chief Financial Officer', 'President of Global Sales & Service', 'Chief Technology Officer', 'Vice President of Investor Relations', 'Redburn (Europe) Limited, Research Division', 'UBS Investment Bank, Research Division', 'Barclays PLC, Research Division', 'Sanford C. Bernstein & Co., LLC., Research Division', 'Morgan Stanley, Research Division', 'Deutsche Bank AG, Research Division', 'Oppenheimer & Co. Inc., Research Division', 'JP Morgan Chase & Co, Research Division', 'Goldman Sachs Group Inc., Research Division', 'Consumer Edge Research, LLC', 'Guggenheim Securities, LLC, Research Division', 'Piper Jaffray Companies, Research Division'],
};
const HEADERS = new Set(['Question-and-Answer Session', 'Presentation', 'Question and Answer']);
// Labels glued to the first words of a turn: the label part is not prose.
const GLUED = ['Christopher M. Kovacs -Robert W. Baird & Co. Equity Capital Markets ', 'CEO, Product Architect, Chairman & Co-Founder '];

function sourceWords(id: string): string[] {
	let lines = readFileSync(transcript(`${id}.txt`), 'utf8').split('\n');
	if (id === 'tesla-2017-q2') {
		// The talk runs from the `Presentation` after the participant list to the disclaimer.
		const start = lines.indexOf('Presentation');
		const end = lines.findIndex(l => l.startsWith('The information in the transcripts'));
		lines = lines.slice(start, end);
	}
	const labels = new Set(LABELS[id]);
	const kept = lines
		.map(l => l.trim())
		.filter(l => !labels.has(l) && !HEADERS.has(l))
		.map(l => GLUED.reduce((line, g) => (line.startsWith(g) ? line.slice(g.length) : line), l));
	return kept
		.join(' ')
		.replace(/\\\$/g, '$')
		.replace(/\s?\(\d{1,2}:\d{2}\)/g, '')
		.split(/\s+/)
		.filter(Boolean);
}

describe('words of the turns equal the words of the source', () => {
	for (const id of Object.keys(LABELS)) {
		it(`${id}: same words, same order`, () => {
			const call = bundledCall(id);
			const words = call.turns.flatMap(t => t.paragraphs.map(p => p.text)).join(' ').split(/\s+/).filter(Boolean);
			const expected = sourceWords(id);
			assert.equal(words.length, expected.length);
			assert.deepEqual(words, expected);
			assert.equal(call.turns.reduce((n, t) => n + t.words, 0), expected.length);
		});
	}
});
