// The store: people across calls, and the lookups the CLI and UI use.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {collectInputs} from '../source/model/input/library.ts';
import {makeParseCache, parseInputs, parseKey, type ParseCache} from '../source/model/store/store.ts';
import {bundled} from './helpers.ts';

describe('people across the five calls', () => {
	const store = bundled();
	const idsOf = (name: string) =>
		store.calls.flatMap(c => c.speakers.filter(s => s.labels.some(l => l.includes(name))).map(s => `${c.id}:${s.id}`));

	it('Elon Musk is one id in all five calls', () => {
		assert.deepEqual(idsOf('Musk'), store.calls.map(c => `${c.id}:elon-musk`));
		assert.equal(store.person('elon-musk')!.name, 'Elon Reeve Musk');
		assert.deepEqual(store.person('elon-musk')!.spellings, ['Elon Musk', 'Elon R. Musk', 'Elon Reeve Musk']);
	});

	it('Adam Jonas is one id in four calls', () => {
		assert.deepEqual(store.person('adam-jonas')!.calls, ['tesla-2012-q1', 'tesla-2012-q3', 'tesla-2016-q4', 'tesla-2017-q2']);
		assert.equal(new Set(idsOf('Jonas').map(x => x.split(':')[1])).size, 1);
	});

	it('Colin Rusch is one analyst in three calls, who moved from ThinkEquity to Oppenheimer', () => {
		const colin = store.person('colin-rusch')!;
		assert.deepEqual(colin.calls, ['tesla-2012-q1', 'tesla-2016-q4', 'tesla-2017-q2']);
		assert.equal(colin.firms[0], 'ThinkEquity');
		assert.ok(colin.firms.slice(1).every(f => f.startsWith('Oppenheimer')));
		assert.equal(colin.role, 'analyst');
	});

	it('Jeffrey B. Straubel is not Jeffrey K. Evanson; Jeff Evanson is', () => {
		assert.notEqual(store.findPerson('Jeffrey B. Straubel')!.id, store.findPerson('Jeffrey K. Evanson')!.id);
		assert.equal(store.findPerson('Jeff Evanson')!.id, 'jeffrey-evanson');
		assert.equal(store.person('jeffrey-evanson')!.calls.length, 5);
	});

	it('every person id is unique and export-stable', () => {
		assert.equal(new Set(store.people.map(p => p.id)).size, store.people.length);
	});
});

describe('lookups', () => {
	const store = bundled();
	it('finds calls by id, quarter, date and fuzzy fragments', () => {
		assert.equal(store.findCall('tesla-2017-q2')?.id, 'tesla-2017-q2');
		assert.equal(store.findCall('Q2 2017')?.id, 'tesla-2017-q2');
		assert.equal(store.findCall('2012-11-05')?.id, 'tesla-2012-q3');
		assert.equal(store.findCall('2017q2')?.id, 'tesla-2017-q2');
		assert.equal(store.findCall('2011')?.id, 'tesla-2011-q2');
		assert.equal(store.findCall('evil'), undefined);
	});

	it('finds people by any spelling or a fragment', () => {
		for (const q of ['musk', 'Elon Musk', 'Elon R. Musk', 'elon-musk']) assert.equal(store.findPerson(q)?.id, 'elon-musk', q);
		assert.equal(store.findPerson('blankenship')?.id, 'george-blankenship');
		assert.equal(store.findPerson('zzzz'), undefined);
	});
});

describe('the parse cache the build ships (dist/parsed-calls.json)', () => {
	const {inputs} = collectInputs({});
	// Through JSON, as the file is written and read.
	const cache = JSON.parse(JSON.stringify(makeParseCache(inputs))) as ParseCache;

	it('gives the same calls as parsing, word for word', () => {
		assert.deepEqual(parseInputs(inputs, cache), parseInputs(inputs));
	});

	it('is used when the text matches, and an edited transcript is parsed afresh', () => {
		const edited = inputs.map((input, i) =>
			i === 0 ? {...input, source: {...input.source, text: input.source.text.replace('Elon Musk', 'Elon Muskk')}} : input,
		);
		const poisoned = {...cache, [parseKey(inputs[1]!)]: cache[parseKey(inputs[0]!)]!};
		const calls = parseInputs(edited, poisoned).calls;
		// Call 0 was edited: its key misses, so it is parsed and shows the edit.
		assert.ok(calls[0]!.speakers.some(s => s.labels.includes('Elon Muskk')));
		// Call 1's entry was replaced by call 0's parse: a hit is taken from the cache, not parsed.
		assert.equal(calls[1]!.meta.quarter, inputs[0]!.known!.quarter);
		assert.notEqual(calls[1]!.meta.quarter, inputs[1]!.known!.quarter);
	});

	it('keys cover what we knew of the call as well as its text', () => {
		const input = inputs[0]!;
		assert.notEqual(parseKey(input), parseKey({...input, known: {...input.known!, quarter: 'Q9 2099'}}));
		assert.equal(parseKey(input), parseKey({...input}));
	});
});
