// A library of several companies in the reader (issue 14): the call list
// grouped by company, filtered as one types, `}` / `{` within the company.
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {describe, it} from 'node:test';
import {loadLibrary} from '../source/model/input/library.ts';
import {callListView, filterWords, matchesFilter, stepInCompany} from '../source/model/store/call-list.ts';
import {quarterSortDate, type Store} from '../source/model/store/store.ts';
import type {Call} from '../source/model/types.ts';
import {assertFits, KEYS, openReader} from './open-reader.tsx';
import {bundled} from './helpers.ts';
import {callReport} from '../source/model/metrics/report.ts';
import {metricScope} from '../source/model/store/scope.ts';
import {compareChoices} from '../source/ui/overlays/ComparePicker.tsx';
import {layoutAnalyst} from '../source/ui/layout/lines.ts';
import {isQuestion} from '../source/model/store/view.ts';

const CORPUS = new URL('../../shared/corpus/', import.meta.url).pathname;
const skip = existsSync(CORPUS) ? false : '../shared/corpus/ not found (a clone without the shared data): company list tests skipped';
let library: Store | undefined;
const corpus = () => (library ??= loadLibrary({dirs: [CORPUS]}));
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('the call list of many companies (model)', {skip}, () => {
	it('groups by company, A to Z, each one’s calls newest first, with a heading of name, ticker and count', () => {
		const {calls} = corpus();
		const view = callListView(calls, 'company', '');
		const headings = view.rows.filter(r => r.kind === 'company');
		const names = headings.map(h => (h.kind === 'company' ? h.name : ''));
		// Calls of no known company are one group, listed last whatever its name sorts as.
		const known = names.filter(n => n !== 'Unknown company');
		assert.deepEqual(known, [...known].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
		assert.ok(names.indexOf('Unknown company') === -1 || names.at(-1) === 'Unknown company', names.join(', '));
		const tesla = headings.find(h => h.kind === 'company' && h.name === 'Tesla');
		assert.deepEqual(tesla, {kind: 'company', name: 'Tesla', ticker: 'TSLA', count: 5});
		// Under Tesla's heading: Q2 2017 first, Q2 2011 last.
		const at = view.rows.indexOf(tesla!);
		const under = view.rows.slice(at + 1, at + 6).map(r => (r.kind === 'call' ? calls[r.index]!.id : '?'));
		assert.deepEqual(under, ['tesla-2017-q2', 'tesla-2016-q4', 'tesla-2012-q3', 'tesla-2012-q1', 'tesla-2011-q2']);
		assert.equal(view.order.length, calls.length, 'every call once');
	});

	it('filters by ticker and quarter, company name, or year', () => {
		const {calls} = corpus();
		const one = callListView(calls, 'company', 'aapl 2019q2').order.map(i => calls[i]!.id);
		assert.deepEqual(one, ['apple-2019-q2']);
		assert.deepEqual(callListView(calls, 'company', 'AAPL Q2 2019').order.map(i => calls[i]!.id), ['apple-2019-q2']);
		const nvidia = callListView(calls, 'company', 'nvidia').order.map(i => calls[i]!);
		assert.ok(nvidia.length > 5 && nvidia.every(c => c.meta.company?.toLowerCase() === 'nvidia'), nvidia.map(c => c.id).join(' '));
		const year = callListView(calls, 'date', '2020').order.map(i => calls[i]!);
		assert.ok(year.length > 0 && year.every(c => c.meta.quarter?.endsWith('2020') || c.meta.date?.startsWith('2020')));
		assert.deepEqual(filterWords('Q2 2019 AAPL'), ['q22019', 'aapl']);
		assert.equal(callListView(calls, 'company', 'zzzz').order.length, 0);
	});

	it('one company’s list is by date, with no heading (the five bundled calls as before)', () => {
		const view = callListView(bundled().calls, 'company', '');
		assert.equal(view.many, false);
		assert.deepEqual(view.rows.map(r => r.kind), ['call', 'call', 'call', 'call', 'call']);
		assert.ok(matchesFilter(bundled().calls[0]!, ['tesla']));
	});

	it('} and { step within the company: Apple’s next call, never another company’s of the next day', () => {
		const {calls} = corpus();
		const apple = calls.findIndex(c => c.id === 'apple-2019-q2');
		const next = stepInCompany(calls, apple, 1);
		assert.ok(next !== null && calls[next]!.meta.company === 'Apple' && calls[next]!.meta.date! > calls[apple]!.meta.date!);
		// The call right after it in date order is another company's.
		assert.notEqual(calls[apple + 1]!.meta.company, 'Apple');
		const last = calls.map((c, i) => [c, i] as const).filter(([c]) => c.meta.company === 'Apple').at(-1)![1];
		assert.equal(stepInCompany(calls, last, 1), null);
	});
});

describe('measured within the company', {skip}, () => {
	it('the tone change is against the same company’s previous call, not the call before it in date order', () => {
		const store = corpus();
		const apple = store.call('apple-2019-q2')!;
		const previousApple = store.call('apple-2019-q1')!;
		const i = store.calls.indexOf(apple);
		assert.notEqual(store.calls[i - 1]!.meta.company, 'Apple', 'the call before in date order is another company’s');
		const report = callReport(metricScope(store, apple), apple);
		const before = callReport(metricScope(store, previousApple), previousApple);
		assert.equal(report.tone.change, report.tone.net - before.tone.net);
		// Tesla's library alone is its own scope, as before.
		assert.equal(metricScope(bundled(), bundled().calls[0]!), bundled());
	});

	it('compare offers the company’s calls first, newest first, then the others', () => {
		const store = corpus();
		const apple = store.call('apple-2019-q2')!;
		const rows = compareChoices(store.calls, apple);
		assert.equal(rows[0], null);
		const n = store.calls.filter(c => c.meta.company === 'Apple').length - 1;
		assert.ok(n >= 18, `${n} other Apple calls`);
		const apples = rows.slice(1, n + 1);
		assert.ok(apples.every(c => c!.meta.company === 'Apple'), apples.map(c => c!.id).join(' '));
		// Newest first: an undated call (earningscall.biz gives year and quarter only) by its quarter.
		const when = (c: Call) => c.meta.date ?? quarterSortDate(c.meta.quarter)!;
		assert.deepEqual(apples.map(c => when(c!)), apples.map(c => when(c!)).sort().reverse());
		assert.ok(rows.slice(n + 1).every(c => c!.meta.company !== 'Apple'));
	});
});

describe('the analyst’s side', {skip}, () => {
	it('each of their questions in every call they ask in, the replies beneath, the call named above', () => {
		const store = corpus();
		const katy = store.findPerson('huberty')!;
		assert.equal(katy.role, 'analyst');
		const layout = layoutAnalyst(store, katy.id, 100);
		const calls = new Set(layout.lines.map(l => l.call));
		assert.equal(calls.size, katy.calls.filter(id => store.call(id)!.turns.some(t => t.speaker === store.speakerIndex(store.call(id)!, katy.id) && isQuestion(t))).length);
		assert.ok(calls.size >= 10);
		// Each question heading is hers; the headings after it, before the next question, answer that question.
		for (const q of layout.questions) {
			const head = layout.lines[q]!;
			const call = store.calls[head.call!]!;
			assert.equal(call.speakers[call.turns[head.turn]!.speaker!]!.id, katy.id);
			const next = layout.questions.find(x => x > q) ?? layout.lines.length;
			for (let i = q + 1; i < next; i++) {
				const l = layout.lines[i]!;
				if (l.kind === 'heading') assert.equal(call.turns[l.turn]!.answers, head.turn);
			}
		}
		assert.match(layout.lines[0]!.text, /AAPL Q1 2016 · 2016-01-26/);
	});

	it('in the reader: a on an analyst shows her questions across calls; the sidebar counts calls and companies', async () => {
		const r = await openReader(120, 40, {call: 'apple-2019-q2', filter: {person: corpus().findPerson('huberty')!.id, answers: true}}, {store: corpus()});
		const f = await r.until(f => f.includes('questions, replies beneath'), 'the analyst view');
		assertFits(f, 120, 40);
		assert.match(f, /AAPL Q1 2016 · 2016-01-26/);
		assert.match(f, /Companies covered +1/);
		assert.match(f, /Calls asked in +19/);
		assert.match(f, /Questions asked by call/);
		r.app.unmount();
	});
});

describe('the analyst’s side: the place kept going in and out', {skip}, () => {
	it('s huberty Enter a opens at the open call’s question; x returns to that question in the call; a new person starts without answers mode', async () => {
		// Answers mode on for Cook first: picking Huberty does not carry it over.
		const r = await openReader(120, 40, {call: 'apple-2019-q2', filter: {person: corpus().findPerson('timothy cook')!.id, answers: true}}, {store: corpus()});
		await r.until(f => f.includes('Apple · Q2 2019'), 'Apple Q2 2019');
		await r.press('s', ...'huberty', KEYS.enter);
		let f = await r.until(f => /Kathryn Lynn Huberty/.test(f) && !f.includes('questions, replies beneath'), 'her filter, the whole call');
		await r.press('a');
		f = await r.until(f => f.includes('questions, replies beneath'), 'the analyst view');
		const body = f.split('\n').slice(2, 8).join('\n');
		assert.match(body, /AAPL Q2 2019 · 2019-04-30/, 'at the open call, not her first call');
		assert.doesNotMatch(f, /AAPL Q1 2016/);
		await r.press('x');
		f = await r.until(f => !f.includes('questions, replies beneath') && f.includes('Apple · Q2 2019'), 'back in the call');
		const transcript = f.split('\n').slice(2, 12).join('\n');
		assert.match(transcript, /Kathryn Lynn Huberty/, 'at her question, not the end of the call');
		r.app.unmount();
	});
});

describe('the call list of many companies (reader)', {skip}, () => {
	it('trends show the open company’s calls; Tab widens to all, scrolling sideways with the tickers named', async () => {
		const r = await openReader(100, 30, {call: 'apple-2019-q2'}, {store: corpus()});
		const apples = corpus().calls.filter(c => c.meta.company === 'Apple').length;
		await r.press('t');
		let f = await r.until(f => f.includes(`Trends · Apple’s ${apples} calls`), 'Apple’s trends');
		assertFits(f, 100, 30);
		assert.match(f, /Q2 2019 +║/, 'the open call’s column in view, at the right');
		assert.match(f, new RegExp(`calls \\d+–\\d+ of ${apples}, ← →`));
		await r.press(KEYS.tab);
		f = await r.until(f => f.includes(`Trends · all ${corpus().calls.length} calls`), 'all calls');
		assert.match(f, /AAPL Q2 +║/, 'a line of tickers and their quarters, the open call’s last');
		const heads = (frame: string) => frame.split('\n')[3];
		const before = heads(f);
		await r.press('\u001B[D');
		f = await r.until(f => heads(f) !== before, 'earlier columns');
		assertFits(f, 100, 30);
		r.app.unmount();
	});

	it('compare at 80x24: c then Enter compares with the company’s previous call', async () => {
		const r = await openReader(80, 24, {call: 'apple-2019-q2'}, {store: corpus()});
		await r.press('c');
		let f = await r.until(f => f.includes('› Q1 2019  2019-01-29  Apple (AAPL)'), 'the chooser on Apple’s Q1 2019');
		assertFits(f, 80, 24);
		await r.press(KEYS.enter);
		f = await r.until(f => f.includes('vs Q1 2019'), 'the comparison');
		r.app.unmount();
	});

	it('at 80x24: company headings; f, aapl 2019q2 shows one call and Enter opens it — 13 keys from the start', async () => {
		const r = await openReader(80, 24, {}, {store: corpus()});
		let f = await r.until(f => f.includes('Calls'), 'the list');
		assertFits(f, 80, 24);
		assert.match(f, /┃[A-Z][^┃]*\b[A-Z]{2,5} \d+ *┃/, 'a company heading with ticker and count');
		await r.press('f', ...'aapl 2019q2');
		f = await r.until(f => f.includes('Filter calls: aapl 2019q2'), 'the filter line');
		assert.match(f, /1\/1/);
		assert.match(f, /Apple AAPL 1/);
		assert.equal((f.match(/Q2 2019 +\d+q/g) ?? []).length, 1, 'one call row');
		assertFits(f, 80, 24);
		await r.press(KEYS.enter);
		f = await r.until(f => f.startsWith('earnings-reader  Apple · Q2 2019'), 'Apple Q2 2019 open');
		assertFits(f, 80, 24);
		r.app.unmount();
	});

	it('f from the transcript types into the call filter, never runs the letters as commands; each f starts a fresh filter', async () => {
		const r = await openReader(100, 30, {call: 'apple-2019-q2'}, {store: corpus()});
		await r.until(f => f.startsWith('earnings-reader  Apple · Q2 2019'), 'Apple Q2 2019');
		await r.press(KEYS.tab);
		await r.until(f => /┏━+┓\S*\n?.*/.test(f), 'the transcript focused');
		await r.press('f', ...'ko 2021q3');
		let f = await r.until(f => f.includes('Filter calls: ko 2021q3'), 'the filter line, from the transcript');
		// Tab keeps the filter and goes back to the list; the next f starts afresh.
		await r.press(KEYS.tab);
		await r.until(f => !f.includes('Filter calls:'), 'the filter kept, the line closed');
		await r.press(KEYS.tab, 'f', ...'nvda 2020');
		f = await r.until(f => f.includes('Filter calls: nvda 2020'), 'a fresh filter');
		assert.doesNotMatch(f, /ko 2021q3nvda/);
		assert.match(f, /NVIDIA|NVDA/);
		await r.press(KEYS.enter);
		f = await r.until(f => f.startsWith('earnings-reader  NVIDIA'), 'an NVIDIA call open');
		assert.equal(r.settings.saved?.bookmarks?.length ?? 0, 0, 'no letter bookmarked a turn');
		r.app.unmount();
	});

	it('} goes to the same company’s next call; at its last, says so and stays', async () => {
		const r = await openReader(100, 30, {call: 'apple-2019-q2'}, {store: corpus()});
		await r.until(f => f.startsWith('earnings-reader  Apple · Q2 2019'), 'Apple Q2 2019');
		await r.press('}');
		await r.until(f => /^earnings-reader {2}Apple · Q3 2019/.test(f), 'Apple Q3 2019');
		await r.press('{', '{');
		await r.until(f => /^earnings-reader {2}Apple · Q1 2019/.test(f), 'Apple Q1 2019');
		r.app.unmount();
		const lastApple = corpus().calls.filter(c => c.meta.company === 'Apple').at(-1)!;
		const end = await openReader(100, 30, {call: lastApple.id}, {store: corpus()});
		await end.press('}');
		const f = await end.until(f => f.includes('No later Apple call'), 'the end of Apple’s calls');
		assert.ok(f.startsWith(`earnings-reader  Apple · ${lastApple.meta.quarter}`));
		end.app.unmount();
	});

	it('an undated call whose file is named for its quarter (earningscall.biz `Q4.txt`) says no date is given, not the file name again', async () => {
		const meta = corpus().calls.find(c => c.meta.company === 'Meta Platforms')!;
		const r = await openReader(80, 24, {call: meta.id}, {store: corpus()});
		const f = await r.until(f => f.startsWith('earnings-reader  Meta Platforms · Q4 2021'), 'Meta’s call');
		assert.match(f, /[│┃] no date given/);
		assert.doesNotMatch(f, /[│┃] Q4\.txt/);
		r.app.unmount();
	});

	it('o lists all calls by date with the ticker on each row; Esc clears a filter; fast Backspaces leave no control character', async () => {
		const r = await openReader(120, 40, {}, {store: corpus()});
		await r.until(f => f.includes('Calls'), 'the list');
		await r.press('o');
		await r.until(f => f.includes('All calls by date'), 'by date');
		// The oldest calls, at the top: dated StreetEvents calls.
		await r.press('g');
		let f = await r.until(f => /Calls +1\//.test(f), 'the first call');
		assert.doesNotMatch(f, /Tesla TSLA 5/);
		assert.match(f, /\d{4}-\d\d-\d\d [A-Z]{2,5}/, 'a date with its ticker');
		await r.press('f', 'z', 'z', 'z');
		f = await r.until(f => f.includes('No call matches'), 'no match');
		// Three Backspaces in one read, as a fast typist sends them.
		await r.press('\u007f\u007f\u007f', 'n', 'v', 'd', 'a');
		f = await r.until(f => f.includes('Filter calls: nvda'), 'the filter typed again');
		assert.doesNotMatch(f.split('\n').at(-1)!, CONTROL);
		assert.match(f, /NVDA/);
		await r.press(KEYS.escape);
		f = await r.until(f => !f.includes('Filter calls') && /Calls +\d+\/\d{3}/.test(f), 'the filter cleared');
		r.app.unmount();
	});
});
