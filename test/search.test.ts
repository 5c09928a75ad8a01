// Search over the five calls: exact hit lists for queries, syntax included.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, it} from 'node:test';
import {hitsPerCall, hitText, parseQuery, search} from '../source/model/search/search.ts';
import {bundled, transcript} from './helpers.ts';

const store = bundled();
const per = (q: string, options = {}) => hitsPerCall(store, search(store, q, options));

describe('query syntax', () => {
	it('splits words, phrases, exclusions and fields', () => {
		assert.deepEqual(parseQuery('Gigafactory "gross  margin" -Nevada speaker:musk call:2017 Model-3'), {
			words: ['gigafactory', 'model', '3'],
			phrases: [['gross', 'margin']],
			exclude: ['nevada'],
			speaker: 'musk',
			call: '2017',
		});
		assert.deepEqual(parseQuery('"open quote').phrases, [['open', 'quote']]);
	});
});

describe('search over the five calls', () => {
	it('gigafactory: 22 sentences in Q4 2016 and Q2 2017, every one of the 23 uses marked', () => {
		const hits = search(store, 'gigafactory');
		assert.deepEqual(hitsPerCall(store, hits), [0, 0, 0, 15, 7]);
		// Counted independently, in the raw files.
		const inFiles = ['tesla-2016-q4', 'tesla-2017-q2'].map(id => readFileSync(transcript(`${id}.txt`), 'utf8').match(/gigafactory/gi)!.length);
		assert.deepEqual(inFiles, [16, 7]);
		assert.equal(hits.reduce((n, h) => n + h.marks.length, 0), 23);
		const first = hits[0]!;
		assert.deepEqual([first.call, hitText(store.call(first.call)!, first)], ['tesla-2016-q4', 'We have the Gigafactory, of course.']);
		assert.equal(store.call(first.call)!.speakers[first.speaker!]!.id, 'elon-musk');
	});

	it('"gross margin" as a phrase, in four calls', () => {
		assert.deepEqual(per('"gross margin"'), [0, 4, 11, 3, 5]);
	});

	it('exact phrase first, then all words in any order, then fuzzy', () => {
		const tiers = search(store, 'margin gross').map(h => h.tier);
		assert.deepEqual([...new Set(tiers)], ['all', 'fuzzy']);
		const model3 = search(store, 'model 3').map(h => h.tier);
		assert.equal(model3.indexOf('all'), model3.lastIndexOf('phrase') + 1);
	});

	it('case and punctuation do not matter: "Model-3" finds "Model 3"', () => {
		assert.deepEqual(per('Model-3'), per('model 3'));
		assert.deepEqual(per('Model-3'), [0, 0, 0, 48, 36]);
	});

	it('speaker:, call: and -word narrow it', () => {
		const musk = search(store, 'speaker:musk gigafactory');
		assert.equal(musk.length, 6);
		assert.ok(musk.every(h => store.call(h.call)!.speakers[h.speaker!]!.id === 'elon-musk'));
		// Q4 2016 was held on 2017-02-22: call:2017 matches it by date.
		assert.deepEqual(per('call:2017 "model 3"'), [0, 0, 0, 48, 34]);
		assert.deepEqual(per('call:q2-2017 "model 3"'), [0, 0, 0, 0, 34]);
		assert.deepEqual(per('gigafactory -model'), [0, 0, 0, 11, 7]);
	});

	it('a misspelling still finds the word, ranked as fuzzy', () => {
		const hits = search(store, 'gigafactry');
		assert.deepEqual(hitsPerCall(store, hits), [0, 0, 0, 15, 7]);
		assert.ok(hits.every(h => h.tier === 'fuzzy'));
	});

	it('limited to one person by the reader\'s toggle', () => {
		assert.deepEqual(per('gigafactory', {person: 'elon-musk'}), [0, 0, 0, 4, 2]);
	});
});
