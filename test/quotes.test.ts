// Quotes out: Markdown, bookmarks, and the CLI's --md and bookmarks.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {makeBookmark, readBookmarks, resolveBookmark} from '../source/model/documents/bookmarks.ts';
import {quoteMarkdown} from '../source/model/documents/markdown.ts';
import {hitQuotes, viewQuotes} from '../source/model/documents/quotes.ts';
import {search} from '../source/model/search/search.ts';
import {bundled, bundledCall} from './helpers.ts';

const root = new URL('..', import.meta.url).pathname;
const cli = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [`${root}dist/cli.js`, ...args], {encoding: 'utf8', env: {...process.env, ...env}});

describe('Markdown quotes', () => {
	it('a quote: its words block-quoted, hits in bold, Markdown in the text escaped, then who, when and where', () => {
		const md = quoteMarkdown({call: 'x', company: 'Big_Corp', ticker: 'BIG', quarter: 'Q1 2020', date: '2020-05-01', speaker: 'Ann Lee', firm: 'Acme_Co', section: 'Questions & answers', turn: 3, text: 'Margins *rose* to 20% [est].\n\nNext, #2.', marks: [[0, 7]]});
		// The company named with the quarter: a quote pasted among others says whose call it is.
		assert.equal(md, '> **Margins** \\*rose\\* to 20% \\[est\\].\n>\n> Next, \\#2.\n\n— **Ann Lee**, Acme\\_Co · Big\\_Corp (BIG) Q1 2020, 2020-05-01 · Questions & answers\n');
	});

	it('a question shown for context says so; a note follows the source', () => {
		const md = quoteMarkdown({call: 'x', company: null, ticker: null, quarter: null, date: null, speaker: null, firm: null, section: 'Prepared remarks', turn: 0, text: 'Hi.', marks: [], context: true, note: 'see *this*'});
		assert.equal(md, '> Hi.\n\n— Question from _Unattributed_ · x · Prepared remarks\n\nNote: see \\*this\\*\n');
	});

	it('answers mode as quotes: each answer after the question it answers', () => {
		const call = bundledCall('tesla-2017-q2');
		const musk = call.speakers.findIndex(s => s.id === 'elon-musk');
		const quotes = viewQuotes(call, musk, true);
		assert.equal(quotes[0]!.context, true);
		assert.equal(quotes[0]!.speaker, 'James Joseph Albertine');
		assert.ok(quotes.filter(q => !q.context).every(q => q.speaker === 'Elon Reeve Musk'));
		assert.equal(quotes.filter(q => q.context).length, new Set(call.turns.filter(t => t.speaker === musk && t.answers !== null).map(t => t.answers)).size);
	});

	it('search hits as quotes carry call, date, speaker, firm, section and the hit', () => {
		const store = bundled();
		const [first] = hitQuotes(store, search(store, '"cash burn"'));
		assert.deepEqual(
			{...first, text: first!.text.slice(first!.marks[0]![0], first!.marks[1]![1])},
			{call: 'tesla-2016-q4', company: 'Tesla', ticker: 'TSLA', quarter: 'Q4 2016', date: '2017-02-22', speaker: 'Colin Michael Langan', firm: 'UBS Securities', section: 'Questions & answers', turn: first!.turn, text: 'cash burn', marks: first!.marks, tier: 'phrase'},
		);
	});
});

describe('bookmarks', () => {
	it('find their turn again by its first words when the turns have moved; gone when the call is not loaded', () => {
		const store = bundled();
		const call = store.call('tesla-2017-q2')!;
		const b = makeBookmark(call, 40, '  why  ', new Date('2026-01-02T03:04:05Z'));
		assert.deepEqual(b, {call: 'tesla-2017-q2', turn: 40, snippet: call.turns[40]!.paragraphs[0]!.text.slice(0, 80), note: 'why', created: '2026-01-02T03:04:05.000Z'});
		assert.equal(resolveBookmark(store, b)!.turn, 40);
		assert.equal(resolveBookmark(store, {...b, turn: 3})!.turn, 40);
		assert.equal(resolveBookmark(store, {...b, snippet: 'never said'}), null);
		assert.equal(resolveBookmark(store, {...b, call: 'acme-2020-q1'}), null);
	});

	it('malformed bookmarks in a settings file are left out, never thrown on', () => {
		assert.deepEqual(readBookmarks({}), []);
		assert.deepEqual(readBookmarks([null, 3, {call: 'a'}, {call: 'a', turn: -1}, {call: 'a', turn: 2, note: 5}]), [{call: 'a', turn: 2, snippet: '', note: '', created: ''}]);
	});
});

describe('CLI: --md and bookmarks', () => {
	it('show --md gives the view as Markdown quotes', () => {
		const r = cli(['show', 'q2 2011', '--speaker', 'musk', '--md']);
		assert.equal(r.status, 0);
		assert.ok(r.stdout.startsWith("# Tesla Q2 2011 (2011-08-03)\n\nElon Reeve Musk's turns.\n\n> "), r.stdout.slice(0, 120));
		assert.ok(!/\u001B/.test(r.stdout));
	});

	it('search --md: the hits with the query in bold; --json and --md together are a usage error', () => {
		const r = cli(['search', 'gigafactory', '--md']);
		assert.equal(r.status, 0);
		assert.match(r.stdout, /^# Search: gigafactory\n\n22 sentences from 2 calls; /);
		assert.equal(r.stdout.match(/^> /gm)!.length, 22);
		assert.equal(cli(['search', 'x', '--md', '--json']).status, 2);
	});

	it('bookmarks prints the saved ones as text, JSON or Markdown; none yet says how to make one', () => {
		const dir = mkdtempSync(join(tmpdir(), 'er-bm-'));
		assert.match(cli(['bookmarks'], {EARNINGS_READER_CONFIG_DIR: dir}).stdout, /No bookmarks yet: press m in the reader/);
		const call = bundled().call('tesla-2012-q1')!;
		writeFileSync(join(dir, 'config.json'), JSON.stringify({reader: {bookmarks: [makeBookmark(call, 5, 'range'), {call: 'gone-2020-q1', turn: 1, note: 'x'}]}}));
		const env = {EARNINGS_READER_CONFIG_DIR: dir};
		const json = JSON.parse(cli(['bookmarks', '--json'], env).stdout) as {call: string; turn: number; note: string}[];
		// A bookmark of a call not loaded is listed, marked, never dropped.
		assert.deepEqual(json.map(q => [q.call, q.turn, q.note]), [['tesla-2012-q1', 5, 'range'], ['gone-2020-q1', 1, 'x']]);
		assert.equal((json[1] as {notLoaded?: boolean}).notLoaded, true);
		const md = cli(['bookmarks', '--md'], env).stdout;
		assert.match(md, /^# Bookmarks\n\n2 bookmarks \(1 in calls not loaded\)\.\n\n> /);
		assert.match(md, /— gone-2020-q1, turn 2 · _not loaded in this run_\n\nNote: x\n/);
		const text = cli(['bookmarks'], env).stdout;
		assert.match(text, /^tesla-2012-q1 {2}2012-05-09 {2}.+\n {2}Note: range\n/);
		assert.match(text, /gone-2020-q1 {2}\(not loaded: its folder is not in this run/);
	});
});
