// The reader as a user sees it: frames at a fixed size after real key input.
// Rendered at the given size by open-reader.tsx (keys written, frames polled).
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {SIDEBAR_HELP} from '../source/ui/overlays/HelpOverlay.tsx';
import {KEYMAP} from '../source/ui/input/keymap.ts';
import {assertFits, KEYS, openReader as open, tick} from './open-reader.tsx';

describe('reader: layout', () => {
	it('at 100x30 shows the header, the five calls, the transcript, the sidebar and key hints', async () => {
		const {frame, app} = await open(100, 30);
		const f = frame();
		assertFits(f, 100, 30);
		const lines = f.split('\n');
		assert.match(lines[0]!, /^earnings-reader {2}Tesla · Q2 2017 · 2017-08-02 +5 calls$/);
		for (const q of ['Q2 2011', 'Q1 2012', 'Q3 2012', 'Q4 2016', '▸Q2 2017']) assert.ok(f.includes(q), q);
		assert.match(f, /Q2 2011 +31q/);
		assert.ok(f.includes('Prepared remarks'));
		assert.ok(f.includes('Metrics'));
		assert.match(f, /Words +10,008/);
		assert.match(lines[lines.length - 1]!, /^q quit {2}\? help {2}Tab pane/);
		app.unmount();
	});

	it('at 80x24 nothing overflows and the frame is one row short of the terminal', async () => {
		const {frame, app} = await open(80, 24);
		assertFits(frame(), 80, 24);
		assert.equal(frame().split('\n').length, 23);
		app.unmount();
	});

	it('below 60x16 asks for a larger window', async () => {
		const {frame, app} = await open(50, 12);
		assert.match(frame().replace(/\s+/g, ' '), /Enlarge the window: earnings-reader needs 60x16, this one is 50x12/);
		assertFits(frame(), 50, 12);
		app.unmount();
	});
});

describe('reader: keys', () => {
	it('? opens the help from the keymap; Esc closes it', async () => {
		const {press, until, frame, app} = await open(120, 40);
		await press('?');
		const help = await until(f => f.includes('Keys — Esc or ? closes'), 'help');
		for (const text of ['Next question', 'Pick a speaker', 'Answers mode', 'Page down', 'Quit']) assert.ok(help.includes(text), text);
		await press(KEYS.escape);
		await until(f => !f.includes('Keys — Esc'), 'help closed');
		assert.ok(frame().includes('Metrics'));
		app.unmount();
	});

	it('at 80x24 the help shows every key whole, scrolling with j; each heading sits right above its keys', async () => {
		const {press, until, frame, app} = await open(80, 24);
		await press('?');
		let f = await until(f => f.includes('Keys — Esc or ? closes'), 'help');
		assert.ok(f.includes('↓ more'));
		const seen: string[] = [];
		for (let i = 0; i < 240 && (i === 0 || !f.includes('↑ back') || f.includes('↓ more')); i++) {
			assertFits(f, 80, 24);
			seen.push(...f.split('\n'));
			await press('j');
			f = frame();
		}
		seen.push(...f.split('\n'));
		// Every binding's description appears whole, never cut with an ellipsis.
		for (const b of KEYMAP) assert.ok(seen.some(l => l.includes(`${b.label.padEnd(11)} ${b.help}`)), `${b.label} ${b.help}`);
		assert.ok(!seen.some(l => l.includes('…') && !l.includes('we think…') && !l.includes('can’t say…')), 'nothing cut');
		// Every sidebar number explained, one line each, whole.
		for (const row of SIDEBAR_HELP.rows) assert.ok(seen.some(l => l.includes(row.trim())), row);
		for (const [heading, first] of [['Everywhere', 'Ctrl+C'], ['Call list', 'Enter'], ['Transcript', 'Esc'], ['Sidebar', 'Enter'], ['Search', 'Enter'], ['Bookmarks', 'Enter'], ['Note', 'Enter'], ['Speaker picker', '↓'], ['Trends', 'Esc'], ['Compare', '↓ j'], ['Help', 'Esc ?']] as const) {
			const heads = seen.flatMap((l, i) => (new RegExp(`^║ ${heading.replace('?', '\\?')} +║$`).test(l) ? [i] : []));
			assert.ok(heads.length > 0, `heading ${heading}`);
			// In some scroll position the heading and its first key are on screen together, one above the other.
			assert.ok(heads.some(i => seen[i + 1]!.startsWith(`║   ${first} `)), `${heading} is followed by ${first}`);
		}
		app.unmount();
	});

	it('k then Enter opens Q4 2016 and focuses the transcript', async () => {
		const {press, until, app} = await open(100, 30);
		await press('k', KEYS.enter);
		const f = await until(f => f.startsWith('earnings-reader  Tesla · Q4 2016'), 'Q4 2016 open');
		assert.ok(f.includes('Thank you. First of all'));
		app.unmount();
	});

	it('j scrolls the transcript; g and G go to top and bottom', async () => {
		const {press, until, frame, app} = await open(100, 30);
		await press(KEYS.tab);
		const before = frame();
		await press('j', 'j', 'j');
		await until(f => f !== before, 'scrolled');
		await press('G');
		await until(f => / end\s*[┃│]/.test(f), 'bottom');
		await press('g');
		await until(f => / 0%\s*[┃│]/.test(f), 'top');
		app.unmount();
	});

	it('s, musk, Enter shows only Elon Musk; a shows his answers under their questions; x clears', async () => {
		const {press, until, app, frame} = await open(120, 40);
		await press(KEYS.enter, 's');
		await until(f => f.includes('Speaker — in Q2 2017 first'), 'picker');
		await press('musk');
		await until(f => f.includes('› Elon Reeve Musk'), 'Musk highlighted');
		await press(KEYS.enter);
		const only = await until(f => f.includes('Filter: Elon Reeve Musk'), 'filter on');
		const headings = only.split('\n').filter(l => /(Operator|Jeffrey K\. Evanson|Deepak Ahuja|Elon Reeve Musk) {2}/.test(l));
		assert.ok(headings.length > 0 && headings.every(h => h.includes('Elon Reeve Musk')), only);
		await press('a');
		const answers = await until(f => f.includes('Question from'), 'answers mode');
		assert.match(answers, /Question from James Joseph Albertine/);
		assert.ok(answers.includes('Elon Reeve Musk · answers'));
		await press('x');
		await until(f => !f.includes('Filter:'), 'filter cleared');
		assert.ok(!frame().includes('· answers'));
		app.unmount();
	});

	it('letters typed in the same instant the picker opens are not lost', async () => {
		const {press, until, app} = await open(120, 40);
		await press('smusk');
		await until(f => f.includes('> musk') && f.includes('› Elon Reeve Musk'), 'query typed');
		await press('\u007F', '\u007F', 'sk');
		await until(f => f.includes('> musk'), 'backspace and retype');
		await press(KEYS.enter);
		await until(f => f.includes('Filter: Elon Reeve Musk'), 'applied');
		app.unmount();
	});

	it('the filter follows across calls and says when the person is absent', async () => {
		const {press, until, app} = await open(120, 40, {filter: {person: 'jason-wheeler', answers: false}});
		await until(f => f.includes('Jason S. Wheeler does not speak in Q2 2017'), 'absent message');
		await press('{');
		await until(f => f.startsWith('earnings-reader  Tesla · Q4 2016') && f.includes('Jason S. Wheeler  Tesla'), 'present in Q4 2016');
		app.unmount();
	});

	it('] jumps to the next question, [ back', async () => {
		const {press, until, app} = await open(120, 40, {filter: {person: 'elon-musk', answers: true}});
		const firstLine = (f: string) => f.split('\n')[3]!;
		await press(KEYS.tab, ']');
		await until(f => firstLine(f).includes('┃ Question from James Joseph Albertine'), 'first question at the top');
		await press(']');
		await until(f => /┃ Question from (?!James)/.test(firstLine(f)), 'second question at the top');
		await press('[');
		await until(f => firstLine(f).includes('┃ Question from James Joseph Albertine'), 'back to the first');
		app.unmount();
	});

	it('i hides the sidebar; q-less keys that are not in the keymap do nothing', async () => {
		const {press, until, frame, app} = await open(100, 30);
		await press('i');
		await until(f => !f.includes('Metrics'), 'sidebar hidden');
		const before = frame();
		await press('z', 'Z', '!');
		await tick(50);
		assert.equal(frame(), before);
		app.unmount();
	});
});

describe('reader: persistence', () => {
	it('saves the open call, filter, mode and sidebar; restores them at the next start', async () => {
		const first = await open(120, 40);
		await first.press('k', KEYS.enter, 's', 'musk');
		await first.until(f => f.includes('› Elon Reeve Musk'), 'picker');
		await first.press(KEYS.enter, 'a', 'i');
		await first.until(f => !f.includes('Metrics'), 'sidebar off');
		await tick(30);
		const saved = first.settings.saved!;
		assert.deepEqual([saved.call, saved.filter, saved.sidebar], ['tesla-2016-q4', {person: 'elon-musk', answers: true}, false]);
		first.app.unmount();
		const second = await open(120, 40, saved);
		const f = second.frame();
		assert.ok(f.startsWith('earnings-reader  Tesla · Q4 2016'));
		assert.ok(f.includes('Elon Reeve Musk · answers') && !f.includes('Metrics'));
		second.app.unmount();
	});

	it('a saved call not loaded yet (the first index still running) stays the saved call through reading and q; opening another replaces it', async () => {
		const r = await open(120, 40, {call: 'nvidia-2021-q2'});
		await r.until(f => f.startsWith('earnings-reader  Tesla · Q2 2017'), 'a call shown meanwhile');
		await r.press(KEYS.tab, 'j', 'j', 'q');
		await tick(30);
		assert.equal(r.settings.saved?.call, 'nvidia-2021-q2');
		r.app.unmount();
		const other = await open(120, 40, {call: 'nvidia-2021-q2'});
		await other.press('k', KEYS.enter);
		await other.until(f => f.startsWith('earnings-reader  Tesla · Q4 2016'), 'another call opened');
		await other.press('q');
		await tick(30);
		assert.equal(other.settings.saved?.call, 'tesla-2016-q4');
		other.app.unmount();
	});
});

describe('reader: indexing in the status bar', () => {
	it('a notice never hides the progress of an index run: both on the line, the notice cut first', async () => {
		const {App} = await import('../source/ui/App.tsx');
		const {memorySettings} = await import('../source/ui/settings/settings.ts');
		const {renderAt} = await import('./render-at.ts');
		const {bundled} = await import('./helpers.ts');
		const base = bundled();
		const store = Object.create(base, {skipped: {value: [{path: '/calls/CT_GOOG_2018_q4.txt', reason: 'the same text as /calls/GOOG_2018_q4.txt, loaded once'}]}});
		const app = renderAt(<App store={store} settings={memorySettings({})} cols={100} rows={30} indexing="indexing 412/1,700 · 9 s left" />, 100, 30);
		let f = '';
		for (let i = 0; i < 100 && !(f = (app.lastFrame() ?? '').replace(/\u001B\[[0-9;]*m/g, '')).includes('Not loaded'); i++) await tick(10);
		const last = f.split('\n').at(-1)!;
		assert.match(last, /Not loaded: .* · indexing 412\/1,700 · 9 s left$/);
		assertFits(f, 100, 30);
		app.unmount();
	});
});
