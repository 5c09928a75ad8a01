// One identity per person: which spellings name the same person.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {clusterNames, fullestName, isNameShaped, personSlug, samePerson} from '../source/model/people/names.ts';
import {parseLabel} from '../source/model/parse/labels.ts';

describe('samePerson', () => {
	const same: [string, string][] = [
		['Elon R. Musk', 'Elon Musk'],
		['Elon Reeve Musk', 'Elon R. Musk'],
		['Jeffrey K. Evanson', 'Jeff Evanson'],
		['Adam Jonas', 'Adam Michael Jonas'],
		['Colin W. Rusch', 'Colin William Rusch'],
		['Jon McNeill', 'Jonathan McNeill'],
		["Matt O'Connor", 'Matt O’Connor'],
		['Rob Cihra', 'Robert George Cihra'],
		['A.M. Sacconaghi', 'Alexander Sacconaghi'],
	];
	const different: [string, string][] = [
		['Jeffrey B. Straubel', 'Jeffrey K. Evanson'],
		['Jeffrey K. Evanson', 'Jeffrey B. Evanson'],
		['Colin Rusch', 'Colin Langan'],
		['Eric Leeper', 'Erik Olbeter'],
		['Ben Kallo', 'Ben Schuman'],
		['Dan Galves', 'Daniel Galves Smith'],
	];
	for (const [a, b] of same) it(`${a} = ${b}`, () => assert.ok(samePerson(a, b)));
	for (const [a, b] of different) it(`${a} ≠ ${b}`, () => assert.ok(!samePerson(a, b)));
});

describe('clustering and display', () => {
	it('a short spelling cannot bridge two people with different middle initials', () => {
		const groups = clusterNames(['Jeffrey K. Evanson', 'Jeff Evanson', 'Jeffrey B. Evanson']);
		assert.equal(groups.length, 2);
	});

	it('the display name is the fullest clean form', () => {
		assert.equal(fullestName(['Elon Musk', 'Elon R. Musk', 'Elon Reeve Musk']), 'Elon Reeve Musk');
		assert.equal(fullestName(['Jeff Evanson', 'Jeffrey K. Evanson']), 'Jeffrey K. Evanson');
		assert.equal(fullestName(['George Blankenship]']), 'George Blankenship');
		assert.equal(personSlug("Matt O'Connor"), 'matt-oconnor');
	});
});

describe('label lines', () => {
	it('reads separators ` - `, ` – `, ` -Firm`, ` -- Title`', () => {
		assert.deepEqual(parseLabel('Amir Rozwadowski – Barclays Capital Inc.'), {name: 'Amir Rozwadowski', firm: 'Barclays Capital Inc.', title: null, role: null});
		assert.equal(parseLabel('Christopher M. Kovacs -Robert W. Baird & Co. Equity Capital Markets')?.firm, 'Robert W. Baird & Co. Equity Capital Markets');
		assert.deepEqual(parseLabel('Jamie Dimon -- Chairman and CEO'), {name: 'Jamie Dimon', firm: null, title: 'Chairman and CEO', role: 'executive'});
		assert.equal(parseLabel('George Blankenship]')?.name, 'George Blankenship');
		assert.equal(parseLabel('Unidentified Analyst')?.role, 'analyst');
		assert.equal(parseLabel('Operator')?.role, 'operator');
	});

	it('short answers and notes are not names', () => {
		for (const line of ['The Netherlands', 'Denmark', 'True', 'Exactly', 'Okay. Thank you.', '[Technical Difficulty]', 'Model S', 'Thank You', 'Question-and-Answer Session', 'Chief Financial Officer']) {
			assert.ok(!isNameShaped(line), line);
		}
		for (const line of ['Elon R. Musk', 'A.M. Sacconaghi', 'Jean-Pierre van der Berg', "Matt O'Connor", 'Martin Viecha']) assert.ok(isNameShaped(line), line);
	});
});
