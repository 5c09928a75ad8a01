// Issue 4 in the reader: every sidebar number opens the words behind it;
// trends and compare render without overlap at 80x24 and 200x50.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {drillable} from '../source/ui/panes/Sidebar.tsx';
import {sidebarLines} from '../source/ui/layout/sidebar-lines.ts';
import {bundled} from './helpers.ts';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {CORPUS} from '../bench/corpus-check.ts';

const corpusSkip = existsSync(join(CORPUS, 'streetevents')) ? false : '../shared/corpus/ not found (a clone without the shared data): trends across a library skipped';
import {assertFits, KEYS, openReader as open} from './open-reader.tsx';
import {drillFor, layoutDrill} from '../source/ui/layout/lines.ts';

describe('sidebar numbers', () => {
	it('show after the first frame and every one of them opens something', () => {
		const store = bundled();
		for (const call of store.calls) {
			for (const filter of [null, {person: 'elon-musk', answers: false}]) {
				const lines = sidebarLines({store, call, filter, compare: null, ready: true, width: 34});
				// Bars included: a person's share in each call opens that call.
				const numbers = lines.filter(l => /\d%|\d\d|\d\.\d|\d w|^\S.* \d+$/.test(l.text) && l.style !== 'title' && !l.text.startsWith('Not in'));
				// Each line showing a number can be opened.
				for (const l of numbers) assert.ok(l.metric, `no drill-down for "${l.text}" in ${call.id}`);
				assert.ok(drillable(lines).length >= 20);
			}
		}
	});
});

describe('drill-down in the reader', () => {
	it('Tab to the sidebar, down to Hedges, Enter: only the sentences with hedges, the hedge marked; Esc returns', async () => {
		const {press, until, frame, app} = await open(140, 40);
		// Management's hedging: the running of the call and the analysts' hedges left out.
		await until(f => /Hedges \/100 w +1\.16/.test(f), 'hedging figure');
		await press(KEYS.tab, KEYS.tab);
		// Down the numbers to Hedges (past the longest thread and the longest single answer).
		for (let i = 0; i < 11; i++) await press('j');
		await press(KEYS.enter);
		const f = await until(f => f.includes('Management’s hedges · 96 · Esc returns'), 'drill title');
		assert.ok(f.includes('• Nonetheless, I think we\'ve got a great team.'));
		// The hedge is marked: the drill's lines carry its columns (drawn in reverse video or yellow).
		const store = bundled();
		const call = store.call('tesla-2017-q2')!;
		const line = layoutDrill(call, drillFor(call, 'hedges', null), 134).lines.find(l => l.text.includes("Nonetheless, I think we've got"))!;
		assert.deepEqual(line.marks!.map(([a, b]) => line.text.slice(a, b)), ['I think']);
		assert.ok(!f.includes('Good day, ladies and gentlemen'), 'the rest of the call is not shown');
		await press(KEYS.escape);
		await until(f => f.includes('Good day, ladies and gentlemen'), 'the transcript again');
		assert.ok(!frame().includes('Esc returns'));
		app.unmount();
	});

	it('a person\'s share in another call opens that call at their turns', async () => {
		const {press, until, app} = await open(140, 40, {filter: {person: 'elon-musk', answers: false}});
		await until(f => /Figures quoted +25/.test(f), 'his figures');
		await press(KEYS.tab, KEYS.tab);
		// Past his 10 numbers (words … figures) to the first bar, Q2 2011.
		for (let i = 0; i < 11; i++) await press('j');
		await press(KEYS.enter);
		const f = await until(f => f.includes('Elon Reeve Musk: turns · '), 'drill in Q2 2011');
		assert.match(f.split('\n')[0]!, /Tesla · Q2 2011 · 2011-08-03/);
		app.unmount();
	});

	it('with Elon Musk filtered, his non-answers open under the questions they met', async () => {
		const {press, until, app} = await open(140, 40, {filter: {person: 'elon-musk', answers: false}});
		// Five, checked by hand: "very hard for us to know", "confidential, so I can't talk about them",
		// "I don't have a good answer for you", "I don't recall" (said in passing), "I won't comment".
		await until(f => /Non-answers +5/.test(f), 'his non-answers');
		await press(KEYS.tab, KEYS.tab);
		// Words, Share, Turns, Questions answered, Avg answer, Hedges, Non-answers.
		for (let i = 0; i < 7; i++) await press('j');
		await press(KEYS.enter);
		const f = await until(f => f.includes('Non-answers · 5 · Esc returns'), 'drill');
		assert.match(f, /Question from /);
		assert.ok(f.includes('hard for us to know'), 'the first, its cue marked');
		app.unmount();
	});
});

describe('trends and compare', () => {
	for (const [cols, rows] of [
		[80, 24],
		[200, 50],
	] as const) {
		it(`t shows one column per call and charts a typed term, without overlap at ${cols}x${rows}`, async () => {
			const {press, until, app} = await open(cols, rows);
			await press('t');
			await until(f => f.includes('Trends'), 'trends');
			await press(...'gigafactory');
			const f = await until(f => f.includes('Term: gigafactory'), 'term typed');
			assertFits(f, cols, rows);
			const head = f.split('\n').find(l => l.includes('Q2 2011'))!;
			assert.ok(['Q1 2012', 'Q3 2012', 'Q4 2016', 'Q2 2017'].every(q => head.includes(q)), head);
			assert.match(f, /"gigafactory" +0\.00 +0\.00 +0\.00 +[█▏▎▍▌▋▊▉]+ *1\.60 +[█▏▎▍▌▋▊▉]+ *0\.70/);
			assert.match(f, /Per 1,000 words/);
			assert.match(f, /Talk share[ ║]*\n║ Elon Reeve Musk/);
			await press(KEYS.escape);
			await until(f => !f.includes('Trends'), 'closed');
			app.unmount();
		});

		it(`c puts Q4 2016 beside Q2 2017 with changes and analysts who came and went, at ${cols}x${rows}`, async () => {
			const {press, until, frame, app} = await open(cols, rows);
			await press('c');
			// The cursor starts on the company's call before the open one.
			await until(f => f.includes('Compare Q2 2017 with') && f.includes('› Q4 2016'), 'chooser on Q4 2016');
			await press(KEYS.enter);
			const f = await until(f => f.includes('Q2 2017 vs Q4 2016'), 'comparison');
			assertFits(f, cols, rows);
			assert.ok(f.includes('vs Q4 2016'), 'status bar says so');
			if (cols >= 200) {
				assert.match(f, /Questions +37 +25 +−12/);
				assert.ok(f.includes('Analysts new in Q2 2017'));
			} else assert.match(f, /37 → 25 \(−12\)/);
			assert.ok(frame());
			app.unmount();
		});
	}

	it('across every call of a library of many companies (Tab), the view fills between keys and Esc closes it at once', {skip: corpusSkip}, async () => {
		const {loadLibrary} = await import('../source/model/input/library.ts');
		const store = loadLibrary({dirs: [join(CORPUS, 'streetevents')], noBundled: true});
		const {press, until, frame, app} = await open(120, 40, {}, {store});
		await press('t');
		await until(f => f.includes('Trends · ') && f.includes('(Tab: all)'), 'the company’s trends');
		await press(KEYS.tab);
		await until(f => f.includes(`all ${store.calls.length} calls`), 'all calls');
		// Columns in date order, headed by month, each call's ticker and own quarter under it; the talk-share rows are of people in view.
		await until(f => !f.includes('measuring'), 'every column measured');
		const f = frame();
		const lines = f.split('\n');
		const head = lines.findIndex(l => / 20\d\d-\d\d /.test(l));
		assert.ok(head > 0, f);
		assert.match(lines[head + 1]!, /NVDA Q2 *║$/);
		assert.match(lines[head]!, /2020-02 +2020-04 .* 2020-08 *║$/);
		const talk = f.split('\n').slice(f.split('\n').findIndex(l => l.includes('Talk share')) + 1).filter(l => /\d+%/.test(l));
		assert.ok(talk.length > 0 && talk.every(l => /\d+%/.test(l)), 'each talk-share row has a value in view');
		// Back, Tab again, and Esc before it is done: closed at once.
		await press(KEYS.tab);
		await until(f => f.includes('(Tab: all)'), 'the company again');
		await press(KEYS.escape);
		await until(f => !f.includes('Trends'), 'closed');
		app.unmount();
	});

	it('with a speaker filter the trend rows are that person\'s', async () => {
		const {press, until, app} = await open(120, 40, {filter: {person: 'adam-jonas', answers: false}});
		await press('t');
		const f = await until(f => f.includes('Trends — Adam Michael Jonas'), 'his trends');
		assert.match(f, /Questions asked/);
		// Absent from Q2 2011: a dot, not a zero.
		assert.match(f.split('\n').find(l => l.includes('Talk share'))!, /Talk share +·/);
		app.unmount();
	});
});
