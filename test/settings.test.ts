// Settings as they meet a real folder: values of the wrong kind, two readers
// at once, files that are not files, a folder that cannot be written.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import type {Bookmark} from '../source/model/documents/bookmarks.ts';
import {fileSettings, peek, removeLeftovers} from '../source/ui/settings/settings.ts';
import {checkSettings, mergeBookmarks} from '../source/ui/settings/settings-values.ts';

const folder = (name: string) => mkdtempSync(join(tmpdir(), `er-${name}-`));
const mark = (turn: number, note = '', created = `2026-01-01T00:00:0${turn % 10}.000Z`): Bookmark => ({call: 'tesla-2017-q2', turn, snippet: 'Yes.', note, created});
const onDisk = (dir: string) => JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8').replace(/^\uFEFF/, '')) as {reader: {bookmarks?: Bookmark[]; call?: string}; [k: string]: unknown};
const OSC_TITLE = '\u001B]0;PWNED\u0007';

describe('settings values', () => {
	it('a scroll of "abc", 3.7 or an object is dropped and named; the other keys are kept', () => {
		for (const scroll of ['abc', 3.7, {a: 3.7}, {a: 'x'}, {a: {}}, [1], {a: -1}]) {
			const {settings, dropped} = checkSettings({call: 'tesla-2012-q1', scroll, sidebar: false});
			assert.deepEqual(dropped, ['scroll'], JSON.stringify(scroll));
			assert.deepEqual(settings, {call: 'tesla-2012-q1', sidebar: false});
		}
		assert.deepEqual(checkSettings({scroll: {'tesla-2012-q1': 40}}).settings, {scroll: {'tesla-2012-q1': 40}});
		assert.deepEqual(checkSettings({sidebar: 'yes', filter: {person: 3}}).dropped, ['filter', 'sidebar']);
		assert.deepEqual(checkSettings([1, 2]).dropped, ['all (not an object)']);
	});

	it('strings are cleaned: a note or call id holding escape codes keeps only its text', () => {
		const {settings, dropped} = checkSettings({call: `tesla${OSC_TITLE}`, bookmarks: [{...mark(3), note: `look${OSC_TITLE}\u009B31m\u202Eback`}, {call: 7, turn: 1}]});
		assert.equal(settings.call, 'tesla');
		assert.equal(settings.bookmarks![0]!.note, 'lookback');
		assert.deepEqual(dropped, ['1 of 2 bookmarks']);
	});

	it('merging keeps what another reader added, applies what this one added, edited and deleted', () => {
		const a = mark(1), b = mark(2), c = mark(3), d = mark(4);
		// On disk another reader added d; here c was added, b deleted, a's note edited.
		assert.deepEqual(mergeBookmarks([a, b, d], [a, b], [{...a, note: 'new'}, c]), [{...a, note: 'new'}, d, c]);
		// Another reader deleted b, which this one still holds unchanged: it stays deleted.
		assert.deepEqual(mergeBookmarks([a], [a, b], [a, b]), [a]);
	});
});

describe('settings file', () => {
	it('two readers open at once, each adding a bookmark: both are kept, whichever writes last', async () => {
		for (const order of [['one', 'two'], ['two', 'one']]) {
			const dir = folder('two');
			const readers = {one: fileSettings(dir, 5), two: fileSettings(dir, 5)};
			await readers.one.start();
			await readers.two.start();
			const added = {one: mark(10, 'from one'), two: mark(20, 'from two')};
			for (const name of order as ('one' | 'two')[]) {
				readers[name].save({call: 'tesla-2017-q2', bookmarks: [added[name]]});
				assert.equal(readers[name].flush().error, null);
			}
			assert.deepEqual(onDisk(dir).reader.bookmarks!.map(b => b.note).sort(), ['from one', 'from two'], order.join(' then '));
			assert.deepEqual(readdirSync(dir), ['config.json'], 'no lock or temporary file left');
		}
	});

	it('the second writer is told the merged list, and its delete removes only its own', async () => {
		const dir = folder('merge');
		const one = fileSettings(dir, 5), two = fileSettings(dir, 5);
		one.save({bookmarks: [mark(1, 'a')]});
		one.flush();
		two.save({bookmarks: [mark(2, 'b')]});
		const result = two.flush();
		assert.deepEqual(result.bookmarks!.map(b => b.note), ['a', 'b']);
		two.save({bookmarks: [mark(1, 'a')]});
		two.flush();
		assert.deepEqual(onDisk(dir).reader.bookmarks!.map(b => b.note), ['a']);
	});

	it('a folder that cannot be written: the write says why, keeps the bookmark, and writes it when it can', () => {
		const dir = folder('ro');
		const blocker = join(dir, 'settings');
		writeFileSync(blocker, 'a file where the settings folder should be');
		const s = fileSettings(join(blocker, 'earnings-reader'), 5);
		s.save({bookmarks: [mark(5, 'keep me')]});
		const result = s.flush();
		assert.match(result.error ?? '', /a file stands where a folder should be|ENOTDIR|EEXIST/);
		// Kept for the next try: the same settings object writes it once the folder can be made.
		execFileSync('rm', [blocker]);
		assert.equal(s.flush().error, null);
		assert.equal(onDisk(join(blocker, 'earnings-reader')).reader.bookmarks![0]!.note, 'keep me');
	});

	it('a FIFO or a link to /dev/zero is never read: start-up does not hang or grow, the file is set aside', async () => {
		for (const make of ['fifo', 'zero'] as const) {
			const dir = folder(make);
			const file = join(dir, 'config.json');
			if (make === 'fifo') execFileSync('mkfifo', [file]);
			else symlinkSync('/dev/zero', file);
			assert.deepEqual(peek(dir), {}, 'peek returns at once');
			const s = fileSettings(dir, 5);
			assert.deepEqual(s.initial, {});
			const notice = await s.start();
			assert.match(notice ?? '', /not a regular file; kept it as .*config\.json\.damaged-/);
			s.save({call: 'tesla-2011-q2'});
			assert.equal(s.flush().error, null);
			assert.equal(onDisk(dir).reader.call, 'tesla-2011-q2');
		}
	});

	it('a UTF-8 BOM is read, not set aside; a top-level array is set aside, not merged into', async () => {
		const dir = folder('bom');
		writeFileSync(join(dir, 'config.json'), `\uFEFF${JSON.stringify({reader: {call: 'tesla-2012-q3'}})}`);
		const s = fileSettings(dir, 5);
		assert.equal(s.initial.call, 'tesla-2012-q3');
		assert.equal(await s.start(), null);
		s.save({call: 'tesla-2016-q4'});
		s.flush();
		assert.equal(onDisk(dir).reader.call, 'tesla-2016-q4');

		const arr = folder('array');
		writeFileSync(join(arr, 'config.json'), '[1, 2, 3]');
		const t = fileSettings(arr, 5);
		assert.match((await t.start()) ?? '', /not a JSON object; kept it as/);
		t.save({call: 'tesla-2011-q2'});
		t.flush();
		assert.deepEqual(onDisk(arr), {reader: {call: 'tesla-2011-q2'}});
		assert.equal(readFileSync(join(arr, readdirSync(arr).find(f => f.includes('damaged'))!), 'utf8'), '[1, 2, 3]');
	});

	it('settings of the wrong kind: one notice naming them, defaults for those keys only', async () => {
		const dir = folder('kinds');
		writeFileSync(join(dir, 'config.json'), JSON.stringify({reader: {call: 'tesla-2012-q1', scroll: 'abc', sidebar: false}}));
		const s = fileSettings(dir, 5);
		assert.deepEqual(s.initial, {call: 'tesla-2012-q1', sidebar: false});
		assert.equal(await s.start(), 'Settings: ignored scroll (not well-formed); the rest is kept.');
	});

	it('temporary files a killed writer left are removed at the next start; a fresh one is left alone', () => {
		const dir = folder('tmp');
		mkdirSync(dir, {recursive: true});
		for (const name of ['config.json.tmp-1764621234123abc123', 'config.json.4242.tmp', 'config.json.tmp-fresh', 'notes.txt']) writeFileSync(join(dir, name), 'x');
		const old = new Date(Date.now() - 3_600_000);
		for (const name of ['config.json.tmp-1764621234123abc123', 'config.json.4242.tmp', 'notes.txt']) utimesSync(join(dir, name), old, old);
		removeLeftovers(dir);
		assert.deepEqual(readdirSync(dir).sort(), ['config.json.tmp-fresh', 'notes.txt']);
		assert.ok(!existsSync(join(dir, 'config.json.4242.tmp')));
	});
});
