// Find and keep, as a reader meets them: / search with hits in the call list,
// the sidebar and the transcript; n / N; bookmarks across a restart; E.
import './force-color.ts';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {homedir, tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {search} from '../source/model/search/search.ts';
import {fileSettings} from '../source/ui/settings/settings.ts';
import {bundled} from './helpers.ts';
import {assertFits, KEYS, openReader, tick} from './open-reader.tsx';

const root = new URL('..', import.meta.url).pathname;
const cli = (args: string[], env: Record<string, string> = {}) =>
	spawnSync(process.execPath, [`${root}dist/cli.js`, ...args], {encoding: 'utf8', env: {...process.env, ...env}});
/** Marked words in a raw frame (black on yellow, theme.ts's MARK). */
const marked = (raw: string) => [...raw.matchAll(/\u001B\[43m(?:\u001B\[[0-9;]*m)*([^\u001B]*)/g)].map(m => m[1]!);

describe('reader: search', () => {
	it('at 140x40, /gigafactory lists hits from two calls; Enter opens the first, marked; n goes to the next; the CLI gives the same hits', async () => {
		const r = await openReader(140, 40);
		await r.press('/', ...'gigafactory');
		let f = await r.until(f => f.includes('22 hits in 2 calls'), 'the results');
		// Counts in the call list, under each date; the keyword trend in the sidebar.
		assert.match(f, /│ 2017-02-22 +15│/);
		assert.match(f, /│ 2017-08-02 +7│/);
		assert.match(f, /│ 2011-08-03 +0│/);
		assert.match(f, /Search: gigafactory/);
		assert.match(f, /Q4 2016 █+ 15│/);
		// In date order, newest call first, as the CLI prints them: the first rows are the CLI's first quotes.
		const quotes = JSON.parse(cli(['search', 'gigafactory', '--json']).stdout) as {speaker: string; quarter: string}[];
		assert.equal(quotes.length, 22);
		const row = /┃ +(?:› )?([A-Z][^┃]+?)  (Q\d 20\d\d)/;
		const rows = f.split('\n').filter(l => row.test(l)).slice(0, 5);
		assert.deepEqual(
			rows.map(l => row.exec(l)!.slice(1, 3)),
			quotes.slice(0, 5).map(q => [q.speaker, q.quarter]),
		);
		// Marked: the word in every snippet, and the counts in the call list.
		const marks = marked(r.app.lastFrame()!);
		assert.ok(marks.filter(w => /\D/.test(w)).every(w => w.toLowerCase() === 'gigafactory'));
		assert.deepEqual(marks.filter(w => /^\d+$/.test(w)), ['15', '7']);
		await r.press(KEYS.enter);
		f = await r.until(f => f.includes('Tesla · Q2 2017') && /\/gigafactory \d+\/22/.test(f), 'the first hit, in the newest call, Q2 2017');
		assert.match(f, /if I can nest one in related to/);
		assert.deepEqual([...new Set(marked(r.app.lastFrame()!))].sort(), ['15', '7', 'Gigafactory']);
		assert.match(f, /\/gigafactory 16\/22/, 'the 16th in reading order: after the 15 of Q4 2016');
		// n and N step in reading order from the hit shown, counted that way.
		const k = Number(/\/gigafactory (\d+)\/22/.exec(f)![1]);
		await r.press('n');
		f = await r.until(f => f.includes(`/gigafactory ${k + 1}/22`), 'the next hit in reading order');
		await r.press('g');
		for (let i = k + 1; i > 1; i--) await r.press('N');
		f = await r.until(f => f.includes('/gigafactory 1/22'), 'back to the first hit');
		assert.match(f, /Tesla · Q4 2016/);
		await r.press('N');
		f = await r.until(f => f.includes('Before the first hit: on to the last.'), 'N wraps to the last hit, and says so');
		assert.match(f, /Tesla · Q2 2017/);
		// The next key clears the notice: the count shows again.
		await r.press('j');
		await r.until(f => f.includes('/gigafactory 22/22'), 'the last hit, counted');
		r.app.unmount();
	});

	it('Esc closes the line and keeps the hits marked; u clears them', async () => {
		const r = await openReader(120, 40);
		await r.press('/', ...'model 3', KEYS.escape);
		let f = await r.until(f => /\/model 3 -\/\d+/.test(f), 'the query kept after Esc');
		assert.match(f, /Calls · hits/);
		// n: the first hit after the top of the open call (Q2 2017, where the reader opens).
		await r.press('n');
		await r.until(f => /\/model 3 \d+\/\d+/.test(f) && f.includes('Tesla · Q2 2017'), 'n shows the first hit after the top');
		assert.ok(marked(r.app.lastFrame()!).some(w => /^model$/i.test(w!)));
		await r.press('u');
		f = await r.until(f => !f.includes('Calls · hits'), 'the search cleared');
		assert.deepEqual(marked(r.app.lastFrame()!), []);
		r.app.unmount();
	});

	it('with a speaker filter, Tab on the search line limits the search to that person', async () => {
		const r = await openReader(120, 40);
		await r.press('s', ...'musk');
		await r.until(f => f.includes('› Elon Reeve Musk'), 'the picker');
		await r.press(KEYS.enter, '/', ...'gigafactory');
		await r.until(f => f.includes('22 hits in 2 calls'), 'everyone');
		await r.press(KEYS.tab);
		const only = search(bundled(), 'gigafactory', {person: 'elon-musk'}).length;
		assert.ok(only > 0 && only < 22);
		await r.until(f => f.includes(`${only} hits in 2 calls · Elon Reeve Musk only`), 'Musk only');
		r.app.unmount();
	});

	it('the search, the bookmarks and the note fit 80x24 and 200x50', async () => {
		for (const [cols, rows] of [[80, 24], [200, 50]] as const) {
			const r = await openReader(cols, rows);
			await r.press('/', ...'"gross margin" -model');
			assertFits(await r.until(f => f.includes('hits in'), 'results'), cols, rows);
			await r.press(KEYS.escape, KEYS.tab, 'm', ...'a note');
			assertFits(await r.until(f => f.includes('Note: a note'), 'the note'), cols, rows);
			await r.press(KEYS.enter, "'");
			assertFits(await r.until(f => f.includes('Bookmarks · 1'), 'the list'), cols, rows);
			r.app.unmount();
		}
	});
});

describe('reader: bookmarks and export', () => {
	it('a bookmark with a note survives a restart and appears in bookmarks --md', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'er-bookmarks-'));
		const first = await openReader(120, 40, {}, {settings: fileSettings(dir, 5)});
		await tick(100); // conf is loaded after the first frame
		await first.press(KEYS.tab, 'm', ...'capex answer', KEYS.enter);
		await first.until(f => f.includes('Bookmarked Tesla (TSLA) Q2 2017 · Operator'), 'the bookmark made, the company named');
		first.app.unmount();
		const saved = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as {reader: {bookmarks: {call: string; note: string}[]}};
		assert.deepEqual(saved.reader.bookmarks.map(b => [b.call, b.note]), [['tesla-2017-q2', 'capex answer']]);

		const second = await openReader(120, 40, {}, {settings: fileSettings(dir, 5)});
		await second.press("'");
		const f = await second.until(f => f.includes('Bookmarks · 1'), 'the list after a restart');
		assert.match(f, /› Tesla \(TSLA\) Q2 2017 +Operator +capex answer/);
		await second.press('e', KEYS.escape, 'd');
		await second.until(f => f.includes('No bookmarks yet'), 'd deletes');
		second.app.unmount();

		// The CLI reads what the first session wrote (deleted since: write it back as it was).
		const md = cli(['bookmarks', '--md'], {EARNINGS_READER_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'er-empty-'))}).stdout;
		assert.match(md, /^# Bookmarks\n\n0 bookmarks\.\n/);
		const kept = mkdtempSync(join(tmpdir(), 'er-kept-'));
		const third = await openReader(120, 40, {}, {settings: fileSettings(kept, 5)});
		await tick(100);
		await third.press(KEYS.tab, 'm', ...'capex answer', KEYS.enter);
		await third.until(f => f.includes('Bookmarked Tesla (TSLA) Q2 2017'), 'the bookmark made again');
		third.app.unmount();
		const out = cli(['bookmarks', '--md'], {EARNINGS_READER_CONFIG_DIR: kept}).stdout;
		assert.match(out, /^# Bookmarks\n\n1 bookmark\.\n\n> Good day, ladies and gentlemen/);
		assert.match(out, /\n— \*\*Operator\*\* · Tesla \(TSLA\) Q2 2017, 2017-08-02 · Prepared remarks\n\nNote: capex answer\n$/);
	});

	it('E writes the view as Markdown to the folder and says where; never over a file that is there', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'er-export-'));
		const r = await openReader(120, 40, {}, {exportDir: dir});
		await r.press('s', ...'musk');
		await r.until(f => f.includes('› Elon Reeve Musk'), 'the picker');
		await r.press(KEYS.enter, 'a', 'E');
		await r.until(f => f.includes(`Wrote ${join(dir, 'tesla-2017-q2-elon-musk-answers.md')}`), 'the path');
		await r.press('E');
		await r.until(f => f.includes('answers-2.md'), 'a second file');
		r.app.unmount();
		const text = readFileSync(join(dir, 'tesla-2017-q2-elon-musk-answers.md'), 'utf8');
		assert.ok(text.startsWith("# Tesla Q2 2017 (2017-08-02)\n\nElon Reeve Musk's answers, each after the question it answers.\n"));
		assert.equal(text, cli(['show', 'q2 2017', '--speaker', 'musk', '--answers', '--md']).stdout);
		assert.deepEqual(readdirSync(dir).sort(), ['tesla-2017-q2-elon-musk-answers-2.md', 'tesla-2017-q2-elon-musk-answers.md']);
		assert.ok(existsSync(join(dir, 'tesla-2017-q2-elon-musk-answers.md')));
	});

	it('E writes to the Markdown folder of the settings (made if missing), never the current folder', async () => {
		const config = mkdtempSync(join(tmpdir(), 'er-md-config-'));
		const notes = join(mkdtempSync(join(tmpdir(), 'er-md-')), 'calls', 'notes');
		const env = {EARNINGS_READER_CONFIG_DIR: config, EARNINGS_READER_MARKDOWN_DIR: ''};
		assert.match(cli(['markdown-folder'], env).stdout, new RegExp(`E writes Markdown to ${join(homedir(), 'earnings-reader')}\n`));
		assert.equal(cli(['markdown-folder', notes], env).stdout, `E writes Markdown to ${notes}\n`);
		const before = {config: process.env['EARNINGS_READER_CONFIG_DIR'], markdown: process.env['EARNINGS_READER_MARKDOWN_DIR']};
		process.env['EARNINGS_READER_CONFIG_DIR'] = config;
		delete process.env['EARNINGS_READER_MARKDOWN_DIR'];
		try {
			const r = await openReader(120, 40);
			await r.press(KEYS.tab, 'E');
			await r.until(f => f.includes(`Wrote ${join(notes, 'tesla-2017-q2.md')}`), 'written to the folder kept');
			r.app.unmount();
		} finally {
			process.env['EARNINGS_READER_CONFIG_DIR'] = before.config;
			process.env['EARNINGS_READER_MARKDOWN_DIR'] = before.markdown;
		}
		assert.ok(existsSync(join(notes, 'tesla-2017-q2.md')));
		assert.ok(!existsSync(join(process.cwd(), 'tesla-2017-q2.md')));
	});
});
