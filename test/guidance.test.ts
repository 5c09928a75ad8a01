// Guidance (issue 15): management's outlook sentences, with direction, metric
// and figure; analysts' questions about guidance are not guidance; past results
// against guidance are not an outlook.
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {describe, it} from 'node:test';
import {guidanceIn, callGuidance} from '../source/model/metrics/guidance.ts';
import {loadLibrary} from '../source/model/input/library.ts';

const one = (text: string) => guidanceIn(text).map(g => [g.direction, g.metric, g.figure]);

describe('guidance sentences', () => {
	it('each direction, with its metric and figure', () => {
		assert.deepEqual(one('We are raising our full-year revenue guidance to $52 billion.'), [['raised', 'revenue', '$52 billion']]);
		assert.deepEqual(one('We are lowering our outlook for gross margin to 38%.'), [['lowered', 'gross margin', '38%']]);
		assert.deepEqual(one('We reaffirm our full-year EPS guidance of $4.60.'), [['maintained', 'EPS', '$4.60']]);
		assert.deepEqual(one('For the third quarter, we expect revenue to be $2.35 billion, plus or minus 2%.'), [['introduced', 'revenue', '$2.35 billion']]);
		assert.deepEqual(one('Given the uncertainty, we are withdrawing our full-year revenue guidance.'), [['withdrawn', 'revenue', null]]);
		assert.deepEqual(one('Data center growth is now expected to be approximately 20%, up from our April guidance of high teens.'), [['raised', 'growth', '20%']]);
		assert.deepEqual(one('We continue to expect capex of about $15 billion.'), [['maintained', 'capex', '$15 billion']]);
	});

	it('past results against guidance, and talk about guidance, are not guidance', () => {
		assert.deepEqual(one('Gross margin was 39.4%, near the high-end of our guidance range.'), []);
		assert.deepEqual(one('So I think you summarized the revenue guidance well.'), []);
		assert.deepEqual(one('We like what we see in terms of the growth.'), []);
	});
});

const CORPUS = new URL('../../shared/corpus/', import.meta.url).pathname;
describe('guidance in the corpus', {skip: existsSync(CORPUS) ? false : '../shared/corpus/ not found: corpus guidance test skipped'}, () => {
	it('NVIDIA and Intel outlook sentences, checked by hand', () => {
		const store = loadLibrary({dirs: [CORPUS]});
		const text = (id: string) => callGuidance(store.call(id)!).map(g => [g.direction, g.metric, g.figure]);
		assert.ok(text('nvidia-2018-q2').some(([d, m, f]) => d === 'introduced' && m === 'revenue' && f === '$2.35 billion'));
		assert.ok(text('intel-2019-q2').some(([d, m, f]) => d === 'raised' && m === 'EPS' && f === '$4.40'));
		// Only executives: an analyst asking about guidance gives none.
		for (const call of store.calls) for (const g of callGuidance(call)) assert.equal(call.speakers[g.speaker!]!.role, 'executive');
	});
});

describe('guidance in search, trends and compare', () => {
	it('guidance:raised finds the raised outlook sentences; with words, only theirs', async () => {
		const {search} = await import('../source/model/search/search.ts');
		const {indexCalls} = await import('../source/model/store/store.ts');
		const {parseTranscript} = await import('../source/model/parse/parse.ts');
		const text = `Prepared Remarks:\n\nOperator\n\nWelcome to the Acme call.\n\nJane Roe -- Chief Executive Officer\n\nWe are raising our full-year revenue guidance to $52 billion. We reaffirm our EPS guidance of $4.60. Revenue grew 12%.\n`;
		const {call} = parseTranscript(text);
		const store = indexCalls([{...call, id: 'acme-2020-q1', source: 'a', path: 'a', bundled: false, errors: [], coverage: {body: 1, kept: 1, share: 1}, meta: {...call.meta, date: '2020-05-01', quarter: 'Q1 2020'}}], []);
		const sentence = (h: {turn: number; paragraph: number; start: number; end: number}) => store.calls[0]!.turns[h.turn]!.paragraphs[h.paragraph]!.text.slice(h.start, h.end);
		assert.deepEqual(search(store, 'guidance:raised').map(sentence), ['We are raising our full-year revenue guidance to $52 billion.']);
		assert.deepEqual(search(store, 'guidance:maintained').map(sentence), ['We reaffirm our EPS guidance of $4.60.']);
		assert.deepEqual(search(store, 'guidance eps guidance:raised').map(sentence), []);
		assert.deepEqual(search(store, 'revenue guidance:any').map(sentence), ['We are raising our full-year revenue guidance to $52 billion.']);
		const {trendRows, compareCalls} = await import('../source/model/metrics/trends.ts');
		const rows = trendRows(store, null, '');
		assert.deepEqual(rows.find(r => r.label === '↑ raised')!.values, [1]);
		assert.deepEqual(rows.find(r => r.label === '= maintained')!.values, [1]);
		assert.equal(compareCalls(store, store.calls[0]!, store.calls[0]!).rows.find(r => r.label === 'Guidance ↑')!.a, 1);
	});
});
