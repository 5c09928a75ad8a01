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

	it('an outlook said without "we", with its own metric, or by the plain future with a time ahead (issue 24)', () => {
		assert.deepEqual(one('Non-GAAP earnings per share is expected to range from $0.71 to $0.73.'), [['introduced', 'EPS', '$0.71']]);
		assert.deepEqual(one('Company anticipates GAAP net income per diluted share for the full fiscal year 2019 will range between $4.85 and $5.25.'), [['introduced', 'EPS', '$4.85']]);
		assert.deepEqual(one('For fiscal 2019, we expect consolidated depreciation and amortization to range from $635 million to $645 million.'), [['introduced', 'D&A', '$635 million']]);
		assert.deepEqual(one('And we remain, we believe, on track to achieve a 5,000-unit week by the end of this year.'), [['maintained', 'units per week', '5,000-unit']]);
		assert.deepEqual(one('So we expect our operating cash flows to be significantly better in the second half compared to the first half.'), [['introduced', 'cash flow', null]]);
		assert.deepEqual(one('Given our strong results and with one quarter remaining, we have good visibility and are raising guidance for the full year.'), [['raised', 'outlook', null]]);
		assert.deepEqual(one('As I think about gross margin through the end of this fiscal year, I think it stays in the range we are in, in the 64% to 65% range through the end of the year.'), [['introduced', 'gross margin', '64%']]);
	});

	it('a target of policy and a sensitivity are kept apart from guidance; an agenda, a named change and a bare expectation are not guidance', async () => {
		const {guidanceIn: all} = await import('../source/model/metrics/guidance.ts');
		const kinds = (text: string) => all(text).map(g => g.kind);
		assert.deepEqual(kinds('We continue to expect a dividend payout ratio of 75% over the long term.'), ['policy']);
		assert.deepEqual(kinds('We now expect a currency tailwind of 1% to 2% on comparable net revenues for the full year.'), ['sensitivity']);
		assert.deepEqual(one('Then John will discuss our financials and raised guidance and some early considerations for 2022.'), []);
		assert.deepEqual(one("We're confident in our updated guidance and our ability to drive sustainable top line growth."), []);
		assert.deepEqual(one('That has been a long-term driver of growth in the beverage industry, and we expect it to remain so.'), []);
		assert.deepEqual(one("I'm interpreting this to mean that you're lowering your full-year EBITDA guidance by about $300 million."), []);
		// The plain future without a time ahead, or with a span of time for its figure, is not an outlook.
		assert.deepEqual(one('We have almost 150 people in our manufacturing facility, and they will move up into cost of goods sold once we go into production.'), []);
		assert.deepEqual(one('That wait time will go from 18 months to three months by the end of the year.'), []);
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

const LABELS = new URL('../../shared/labels/forward-looking/sentences.csv', import.meta.url).pathname;
describe('guidance on labels it was not written from', {skip: existsSync(LABELS) ? false : '../shared/labels/forward-looking/ not found: labelled guidance test skipped'}, () => {
	it('finds the forward-looking claims researchers labelled (NumClaim): recall >= 70 % at precision >= 80 %, forward-looking weighted F1 >= 0.93', async () => {
		const {judgeSentences, claimScores} = await import('../bench/forward-looking.ts');
		const judged = judgeSentences();
		const g = claimScores(judged, 'guidance');
		assert.ok(g.recall >= 0.7 && g.precision >= 0.8, `guidance precision ${g.precision.toFixed(3)}, recall ${g.recall.toFixed(3)}`);
		// The rules were chosen on the even rows; the odd rows are the check.
		const odd = claimScores(judged.filter((_, i) => i % 2 === 1), 'guidance');
		assert.ok(odd.recall >= 0.7 && odd.precision >= 0.8, `odd rows: precision ${odd.precision.toFixed(3)}, recall ${odd.recall.toFixed(3)}`);
		assert.ok(claimScores(judged, 'forward').weightedF1 >= 0.93);
	});
});
