// Which company and person is which, across a library: canonical companies and
// firms, ids that do not depend on what else is loaded, copies loaded once,
// people matched across calls by surname and company or firm.
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {CORPUS} from '../bench/corpus-check.ts';
import {loadBytes, loadPath} from '../source/model/input/load.ts';
import {canonicalCompany, canonicalFirm, firmKey} from '../source/model/parse/companies.ts';
import {companyFromWelcome, metaFromFileName} from '../source/model/parse/meta.ts';
import {buildStore, type StoreInput} from '../source/model/store/store.ts';

const skip = existsSync(join(CORPUS, 'counts.tsv')) ? false : '../shared/corpus/ not found: corpus identity tests skipped';
const input = (name: string, text: string): StoreInput => {
	const loaded = loadBytes(new TextEncoder().encode(text), `/lib/${name}`);
	assert.ok(loaded.ok);
	return {source: loaded.source};
};
const call = (company: string, quarter: string, people: [string, string][]) =>
	`${quarter} ${company} Earnings Call\n\nOperator: Welcome to the call.\n\n${people.map(([who, said]) => `${who}: ${said}`).join('\n\n')}\n`;

describe('companies and firms', () => {
	it('one canonical company whatever suffix or punctuation, never a leading The', () => {
		for (const c of ['Microsoft Corp', 'Microsoft Corporation', 'Microsoft Corp.']) assert.equal(canonicalCompany(c), 'Microsoft');
		assert.equal(canonicalCompany('The Walt Disney Co.'), 'Walt Disney');
		assert.equal(canonicalCompany('Harley-Davidson, Inc.'), 'Harley-Davidson');
		assert.equal(canonicalCompany('JPMorgan Chase & Co.'), 'JPMorgan Chase');
	});
	it('firms: titles and `, Research Division` split off; Barclays / Barclays Capital / Barclays PLC one firm', () => {
		assert.equal(canonicalFirm('Sanford C. Bernstein & Co., LLC., Research Division - Senior Analyst'), 'Sanford C. Bernstein');
		assert.equal(new Set(['Barclays', 'Barclays Capital', 'Barclays PLC', 'Barclays Capital Inc.'].map(firmKey)).size, 1);
		assert.notEqual(firmKey('Morgan Stanley'), firmKey('Morgan Keegan'));
	});
	it('what a file name and the welcome say', () => {
		assert.deepEqual(metaFromFileName('CT_MSFT_2019_q1.txt'), {ticker: 'MSFT', quarter: 'Q1 2019'});
		assert.deepEqual(metaFromFileName('AAN_q1_2021.txt'), {ticker: 'AAN', quarter: 'Q1 2021'});
		assert.deepEqual(metaFromFileName('2016-Jul-21-AMD.txt'), {ticker: 'AMD', date: '2016-07-21'});
		assert.deepEqual(metaFromFileName('tesla-2017-q2.txt'), {});
		assert.equal(companyFromWelcome("Thank you for standing by and welcome to the Aaron's Company First Quarter 2021 Earnings Conference Call."), "Aaron's Company");
		// The quarter first, the company after `for`: never a company named `first-quarter`.
		assert.equal(companyFromWelcome('Good afternoon, and welcome to the first-quarter 2021 earnings discussion for PennyMac Mortgage Investment Trust. The slides that accompany'), 'PennyMac Mortgage Investment Trust');
		assert.equal(companyFromWelcome('Welcome to the second quarter 2021 call.'), null);
	});
});

describe('ids and copies', () => {
	const a = input('msft-a.txt', call('Microsoft Corp', 'Q1 2019', [['Amy Hood', 'Revenue grew.'], ['Keith Weiss', 'A question?'], ['Amy Hood', 'Yes.']]));
	const b = input('msft-b.txt', call('Microsoft Corporation', 'Q2 2019', [['Amy Hood', 'Revenue grew again.'], ['Keith Weiss', 'Another?'], ['Amy Hood', 'No.']]));
	const the = input('ko.txt', call('The Coca-Cola Co.', 'Q2 2018', [['James Quincey', 'Volumes rose.'], ['Bill Chappell', 'Why?'], ['James Quincey', 'Demand.']]));
	it('ids from the canonical company, never a leading The; one company for both Microsoft spellings', () => {
		const store = buildStore([a, b, the]);
		assert.deepEqual(store.calls.map(c => c.id).sort(), ['coca-2018-q2', 'microsoft-2019-q1', 'microsoft-2019-q2']);
		assert.deepEqual([...new Set(store.calls.map(c => c.meta.company))].sort(), ['Coca-Cola', 'Microsoft']);
	});
	it('ids are the same whatever the load order; two calls that would share one are told apart by ticker, not order', () => {
		const aapl = input('AAPL_q2_2019.txt', call('Apple Inc', 'Q2 2019', [['Tim Cook', 'Good.'], ['Katy Huberty', 'Q?'], ['Tim Cook', 'A.']]));
		const other = input('APLE_q2_2019.txt', call('Apple Hospitality', 'Q2 2019', [['Justin Knight', 'Fine.'], ['Bryan Maher', 'Q?'], ['Justin Knight', 'A.']]));
		const one = buildStore([aapl, other, a]).calls.map(c => c.id).sort();
		const two = buildStore([a, other, aapl]).calls.map(c => c.id).sort();
		assert.deepEqual(one, two);
		assert.deepEqual(one, ['apple-2019-q2-aapl', 'apple-2019-q2-aple', 'microsoft-2019-q1']);
		// The ticker finds a call as its id does.
		assert.equal(buildStore([aapl]).findCall('aapl-2019-q2')?.meta.company, 'Apple');
	});
	it('a second byte-identical file is noted and loaded once', () => {
		const copy = input('copy-of-msft-a.txt', call('Microsoft Corp', 'Q1 2019', [['Amy Hood', 'Revenue grew.'], ['Keith Weiss', 'A question?'], ['Amy Hood', 'Yes.']]));
		const store = buildStore([a, copy]);
		assert.equal(store.calls.length, 1);
		assert.deepEqual(store.skipped.map(s => s.reason), ['the same text as /lib/msft-a.txt, loaded once']);
	});
});

describe('people across calls', () => {
	it('a nickname merges where the firm agrees; the same nickname at another firm stays apart; a middle initial apart stays two', () => {
		const one = input('c1.txt', call('Acme', 'Q1 2020', [['Jane Doe', 'Up.'], ['Kasthuri Rangan - BofA Securities', 'Q?'], ['Jane Doe', 'A.'], ['John A. Smith - Acme', 'More.']]));
		const two = input('c2.txt', call('Acme', 'Q2 2020', [['Jane Doe', 'Up.'], ['Kash Rangan - BofA Securities', 'Q?'], ['Jane Doe', 'A.'], ['John B. Smith - Acme', 'More.']]));
		const three = input('c3.txt', call('Other', 'Q2 2020', [['Pat Roe', 'Up.'], ['Kash Rangan - Wedbush', 'Q?'], ['Pat Roe', 'A.']]));
		const store = buildStore([one, two, three]);
		const rangans = store.people.filter(p => p.name.endsWith('Rangan'));
		assert.equal(rangans.length, 2, rangans.map(p => `${p.name} ${p.firms}`).join('; '));
		assert.deepEqual(rangans.find(p => p.calls.length === 2)!.spellings, ['Kash Rangan', 'Kasthuri Rangan']);
		assert.equal(store.people.filter(p => p.name.endsWith('Smith')).length, 2);
	});

	it('in the corpus: Jen-Hsun / Jensen Huang, Katy / Kathryn Huberty, Raji / Rajvindra Gill, Betsy Graseck each one person (Kash / Kasthuri, Alex / Aleksandr: the fixture above and the nickname table)', {skip}, () => {
		const store = buildStore(loadPath(CORPUS).sources.map(source => ({source})));
		// Each surname with the first names of that one person (the corpus has other Huangs: Tencent's Wendy Huang).
		for (const [surname, first] of [['Huang', /^Jen/], ['Huberty', /^Kat/], ['Gill', /^Raj/], ['Graseck', /^Bet/]] as const) {
			const people = store.people.filter(p => p.name.endsWith(` ${surname}`) && first.test(p.name) && p.role !== 'operator');
			assert.equal(people.length, 1, `${surname}: ${people.map(p => `${p.name} [${p.spellings.join(', ')}]`).join('; ')}`);
		}
		const barclays = new Set(store.calls.flatMap(c => c.speakers.map(s => s.firm)).filter(f => f && /barclays/i.test(f)));
		assert.deepEqual([...barclays], ['Barclays']);
	});
});

describe('tickers find calls in search too', () => {
	it('call:aapl keeps the hits to that ticker', async () => {
		const {search} = await import('../source/model/search/search.ts');
		const aapl = input('AAPL_q2_2019.txt', call('Apple Inc', 'Q2 2019', [['Tim Cook', 'Services grew.'], ['Katy Huberty', 'Services margin?'], ['Tim Cook', 'Services up.']]));
		const msft = input('MSFT_q2_2019.txt', call('Microsoft Corp', 'Q2 2019', [['Amy Hood', 'Services grew.'], ['Keith Weiss', 'Q?'], ['Amy Hood', 'A.']]));
		const store = buildStore([aapl, msft]);
		const hits = search(store, 'services call:aapl');
		assert.ok(hits.length > 0);
		assert.ok(hits.every(h => h.call === 'apple-2019-q2'));
	});
});
