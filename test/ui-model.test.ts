// The UI's pure parts: reducer, keymap, wrapping and layout, settings.
import fc from 'fast-check';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {KEYMAP, resolve} from '../source/ui/input/keymap.ts';
import {layoutCall} from '../source/ui/layout/lines.ts';
import {configDir, fileSettings} from '../source/ui/settings/settings.ts';
import {initialState, reducer, scrollKey} from '../source/ui/state.ts';
import {fit, textWidth, wrapRanges, wrapText, wrapWords} from '../source/ui/layout/wrap.ts';
import stringWidth from '../source/ui/terminal/string-width-fast.ts';
import realWidth from 'string-width';
import {bundledCall} from './helpers.ts';
import {bar} from '../source/ui/layout/bars.ts';


describe('reducer', () => {
	it('opens the newest call by default; Tab cycles panes, skipping a hidden sidebar', () => {
		let s = initialState(5);
		assert.deepEqual([s.open, s.cursor, s.focus, s.sidebar], [4, 4, 'calls', true]);
		s = reducer(s, {type: 'focusStep', by: 1});
		s = reducer(s, {type: 'focusStep', by: 1});
		assert.equal(s.focus, 'sidebar');
		s = reducer(s, {type: 'toggleSidebar'});
		assert.equal(s.focus, 'transcript');
		s = reducer(s, {type: 'focusStep', by: 1});
		assert.equal(s.focus, 'calls');
	});

	it('clamps cursor, open call and scroll; keeps scroll per call and view', () => {
		let s = initialState(5);
		s = reducer(s, {type: 'cursor', by: 10});
		assert.equal(s.cursor, 4);
		s = reducer(s, {type: 'open', index: -3});
		assert.equal(s.open, 0);
		s = reducer(s, {type: 'scrollTo', key: 'a', line: 500, max: 120});
		s = reducer(s, {type: 'scrollTo', key: 'a|elon-musk|a', line: -4, max: 120});
		assert.deepEqual(s.scroll, {a: 120, 'a|elon-musk|a': 0});
		assert.equal(scrollKey('a', {person: 'elon-musk', answers: true}), 'a|elon-musk|a');
	});

	it('answers mode needs a filter; restoring ignores bad saved values', () => {
		let s = reducer(initialState(5), {type: 'toggleAnswers'});
		assert.equal(s.filter, null);
		s = reducer(s, {type: 'filter', filter: {person: 'elon-musk', answers: false}});
		s = reducer(s, {type: 'toggleAnswers'});
		assert.deepEqual(s.filter, {person: 'elon-musk', answers: true});
		const restored = initialState(5, {open: 99, sidebar: 'yes' as unknown as boolean, filter: {person: 3} as never});
		assert.deepEqual([restored.open, restored.sidebar, restored.filter], [4, true, null]);
	});
});

describe('keymap', () => {
	const s = initialState(5);
	it('a key means what the focused pane and overlays say', () => {
		assert.equal(resolve('return', s), 'open');
		assert.equal(resolve('return', {...s, focus: 'transcript'}), null);
		assert.equal(resolve(']', s), null);
		assert.equal(resolve(']', {...s, focus: 'transcript'}), 'nextQuestion');
		assert.equal(resolve('q', {...s, overlay: 'picker'}), 'pickerType', 'q is typed into the picker, not quit');
		assert.equal(resolve('escape', {...s, overlay: 'help'}), 'closeOverlay');
		assert.equal(resolve('ctrl+c', {...s, overlay: 'picker'}), 'quit');
		assert.equal(resolve('z', s), null);
	});

	it('the README key table lists every binding', () => {
		const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
		for (const b of KEYMAP) assert.ok(readme.includes(`| ${b.scope} | ${b.label.split(' ').map(k => `\`${k}\``).join(' ')} | ${b.help} |`), `${b.scope} ${b.label}`);
	});

	it('has every key the reader issue names', () => {
		const keys = new Set(KEYMAP.flatMap(b => b.keys));
		for (const k of ['tab', 'shift+tab', 'q', 'ctrl+c', '?', 'up', 'down', 'j', 'k', 'space', 'pagedown', 'b', 'pageup', 'g', 'G', 'return', ']', '[', '}', '{', 's', 'a', 'x', 'i', '/', 'n', 'N', 'm', "'", 'd', 'e', 'E']) assert.ok(keys.has(k), k);
	});
});

describe('wrapping and layout', () => {
	it('wraps between words, cuts only words wider than the line, counts wide characters as two', () => {
		assert.deepEqual(wrapText('the quick brown fox jumps', 10), ['the quick', 'brown fox', 'jumps']);
		assert.deepEqual(wrapText('abcdefghijkl xy', 5), ['abcde', 'fghij', 'kl xy']);
		assert.deepEqual(wrapText('日本語の テキスト', 6), ['日本語', 'の', 'テキス', 'ト']);
		assert.equal(fit('Elon Reeve Musk', 8), 'Elon Re…');
		assert.equal(textWidth('日本'), 4);
	});

	it('plain text wraps to the same lines and offsets on its fast path as word by word', () => {
		assert.deepEqual(wrapRanges('aa bb  cc', 5), [
			{text: 'aa bb', start: 0},
			{text: 'cc', start: 7},
		]);
		const text = fc.array(fc.constantFrom('a', 'bc', 'defgh', 'ijklmnopqrstu', ' ', '  ', '-'), {maxLength: 30}).map(parts => parts.join(''));
		fc.assert(
			fc.property(text, fc.integer({min: 0, max: 14}), (t, width) => {
				assert.deepEqual(wrapRanges(t, width), wrapWords(t, width), `${JSON.stringify(t)} at ${width}`);
			}),
			{numRuns: 5000},
		);
		// Every bundled paragraph, at the widths of the bench's terminals.
		for (const id of ['tesla-2011-q2', 'tesla-2017-q2']) {
			for (const turn of bundledCall(id).turns) for (const p of turn.paragraphs) for (const width of [34, 58, 110]) assert.deepEqual(wrapRanges(p.text, width), wrapWords(p.text, width));
		}
	});

	it('the fast string-width agrees with string-width', () => {
		for (const s of ['plain', '│ box ━ ╭', '█▍ 62%', 'O’Connor · “q” …', 'café', '日本', 'a\u0301', '👍', 'e\u200Bx', '\u001B[31mred\u001B[0m']) {
			assert.equal(stringWidth(s), realWidth(s), JSON.stringify(s));
		}
	});

	it('the fast string-width agrees with string-width on styled text, controls and broken sequences', () => {
		// Ink measures text it has already coloured; the fast path skips SGR sequences and hands anything else on.
		for (const s of ['\u001B[12345mx', '\u001B[1234mx', '\u001B[123;4567mx', '\u001B[1;2;3mx', '\u001B[;mx', '\u001B[1:2mx', 'x\u001B[', 'a\nb\tc']) {
			assert.equal(stringWidth(s), realWidth(s), JSON.stringify(s));
		}
		const pieces = ['a', ' ', '·', '…', '█', '日', '\u0301', '👍', '\n', '\t', '\u007F', '\u001B', '[', ']', ';', 'm', '1', '38', '12345', '\u001B[1;38;5;12m', '\u001B[m', '\u001B[39m', '\u001B]0;t\u0007', '\u001B[2J', '\u009B31m'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 12}), parts => {
				const s = parts.join('');
				assert.equal(stringWidth(s), realWidth(s), JSON.stringify(s));
			}),
			{numRuns: 3000},
		);
	});

	it('no line is wider than the pane, at any width; layouts are cached per width', () => {
		const call = bundledCall('tesla-2017-q2');
		for (const width of [10, 33, 76, 150]) {
			const layout = layoutCall(call, null, false, width);
			for (const line of layout.lines) assert.ok(textWidth(line.text) <= width, `${width}: ${line.text}`);
			assert.equal(layoutCall(call, null, false, width), layout);
		}
	});

	it('question anchors: one per question in the full view, one per context in answers mode', () => {
		const call = bundledCall('tesla-2017-q2');
		assert.equal(layoutCall(call, null, false, 80).questions.length, 25);
		const musk = call.speakers.findIndex(s => s.id === 'elon-musk');
		const answers = layoutCall(call, musk, true, 80);
		assert.equal(answers.questions.length, answers.lines.filter(l => l.kind === 'context-heading').length);
		assert.ok(answers.lines.every(l => l.kind !== 'heading' || l.text === 'Elon Reeve Musk'));
	});
});

describe('bars', () => {
	it('draw in eighths of a cell; 0.99 of a cell is a full block, never nothing', () => {
		assert.equal(bar(0.0343, 29), '█');
		assert.equal(bar(0.5, 4), '██');
		assert.equal(bar(1.25 / 4, 4), '█▎');
		assert.equal(bar(1, 3), '███');
		assert.equal(bar(0, 3), '');
	});
});

describe('settings', () => {
	it('the folder: EARNINGS_READER_CONFIG_DIR, else XDG_CONFIG_HOME, else ~/.config', () => {
		assert.equal(configDir({EARNINGS_READER_CONFIG_DIR: '/x'}), '/x');
		assert.equal(configDir({XDG_CONFIG_HOME: '/xdg'}), '/xdg/earnings-reader');
		assert.match(configDir({}), /\.config\/earnings-reader$/);
	});

	it('saves (debounced) and reads back', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'er-set-'));
		const a = fileSettings(dir, 5);
		assert.equal(await a.start(), null);
		a.save({call: 'tesla-2012-q1', sidebar: false});
		a.save({call: 'tesla-2016-q4', sidebar: false, filter: {person: 'elon-musk', answers: true}});
		a.flush();
		assert.deepEqual(fileSettings(dir).initial, {call: 'tesla-2016-q4', sidebar: false, filter: {person: 'elon-musk', answers: true}});
	});

	it('before conf has loaded: saves wait for it, a flush (quit, bookmark) writes at once and keeps the other keys; a damaged file is left alone', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'er-early-'));
		writeFileSync(join(dir, 'config.json'), JSON.stringify({other: 1, reader: {call: 'tesla-2011-q2'}}));
		const a = fileSettings(dir, 1);
		a.save({call: 'tesla-2012-q1'});
		await new Promise(r => setTimeout(r, 20));
		assert.equal(fileSettings(dir).initial.call, 'tesla-2011-q2', 'the debounced save waits for conf');
		a.flush();
		assert.deepEqual(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')), {other: 1, reader: {call: 'tesla-2012-q1'}});
		assert.deepEqual(readdirSync(dir), ['config.json'], 'no temporary file left');
		const b = fileSettings(dir, 1);
		b.save({call: 'tesla-2016-q4'});
		assert.equal(await b.start(), null);
		assert.equal(fileSettings(dir).initial.call, 'tesla-2016-q4', 'conf writes what waited');

		const bad = mkdtempSync(join(tmpdir(), 'er-early-bad-'));
		writeFileSync(join(bad, 'config.json'), '{"reader": {');
		const c = fileSettings(bad, 1);
		c.save({call: 'tesla-2012-q1'});
		c.flush();
		assert.equal(readFileSync(join(bad, 'config.json'), 'utf8'), '{"reader": {');
	});

	it('a damaged file is moved aside, the user told, and defaults used', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'er-bad-'));
		writeFileSync(join(dir, 'config.json'), '{"reader": {"call": "tesla-2017-q2"');
		const s = fileSettings(dir, 5);
		assert.deepEqual(s.initial, {});
		const notice = await s.start();
		assert.match(notice!, /^Settings file was damaged; kept it as .*config\.json\.damaged-.* and started with defaults\.$/);
		const aside = readdirSync(dir).find(f => f.startsWith('config.json.damaged-'))!;
		assert.equal(readFileSync(join(dir, aside), 'utf8'), '{"reader": {"call": "tesla-2017-q2"');
		s.save({call: 'tesla-2011-q2'});
		s.flush();
		assert.ok(existsSync(join(dir, 'config.json')));
		assert.equal(fileSettings(dir).initial.call, 'tesla-2011-q2');
	});
});

describe('search state: reading every hit', () => {
	it('n past the hits read asks for all of them; a new query starts again from its first page', () => {
		let s = reducer(initialState(5, {}), {type: 'searchQuery', query: 'margin'});
		assert.equal(s.search.readAll, false);
		s = reducer(s, {type: 'searchReadAll'});
		assert.equal(s.search.readAll, true);
		assert.equal(reducer(s, {type: 'searchReadAll'}), s, 'asked once');
		s = reducer(s, {type: 'searchQuery', query: 'margins'});
		assert.equal(s.search.readAll, false);
	});
});
