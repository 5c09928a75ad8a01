// The instant frame (cli/instant-frame.ts): its key changes with each thing a
// first frame is made of, and a kept frame is drawn only if it is one the
// reader wrote. (The reader drawing it, in a terminal: e2e-instant-frame.test.ts.)
import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {frameKey, indexStamp, readFrame, recentSizes, saveFrame, type FrameInputs} from '../source/cli/instant-frame.ts';
import {INDEX_FILE} from '../source/model/library/index-db.ts';
import {isDrawnFrame} from '../source/model/input/sanitize.ts';

const FRAME = '\u001B[1mearnings-reader\u001B[22m  Tesla · Q2 2017 · 2017-08-02\n┃Calls 5/5┃│Q2 2017 — 0% │\nq quit  ? help\n';

describe('a frame the reader drew', () => {
	it('is text, line ends and colour codes; anything a terminal would act on is not one', () => {
		assert.ok(isDrawnFrame(FRAME));
		assert.ok(isDrawnFrame('Zoë · 日本 · émoji 🙂\n\u001B[38;2;255;0;0mred\u001B[39m\n'));
		for (const bad of [
			'\u001B]52;c;aGVsbG8=\u0007text\n', // OSC 52: writes the clipboard
			'\u001B]0;title\u0007\n', // the window's title
			'\u001B[2J\n', // clears the screen
			'\u001B[?1049l\n', // leaves the alternate screen
			'\u001B[5A\n', // moves the cursor
			'\u001Bc\n', // resets the terminal
			'\u009B2J\n', // 8-bit CSI
			'line\r\n', // carriage return: overwrites a line
			'a\u202Eb\n', // reads backwards
			'a\u0007b\n', // bell
		]) {
			assert.equal(isDrawnFrame(bad), false, JSON.stringify(bad));
		}
	});
});

describe('the key of a first frame', () => {
	const base: FrameInputs = {cols: 100, rows: 30, dirs: ['/data/calls'], noBundled: false, settings: '{"reader":{"call":"tesla-2017-q2"}}', lexicons: '{}', library: '1:2:3/-', env: {TERM: 'xterm-256color'}};

	it('is the same for the same inputs, and another for any change in what the frame is made of', () => {
		assert.equal(frameKey('build-1', base), frameKey('build-1', {...base, env: {...base.env}}));
		const changed: FrameInputs[] = [
			{...base, cols: 101},
			{...base, rows: 31},
			{...base, dirs: ['/data/calls', '/data/more']},
			{...base, noBundled: true},
			{...base, settings: '{"reader":{"call":"tesla-2017-q1"}}'},
			{...base, settings: null},
			{...base, lexicons: '{"hedges":["perhaps"]}'},
			{...base, library: '1:2:4/-'},
			{...base, library: 'bundled'},
			{...base, env: {TERM: 'dumb'}},
			{...base, env: {...base.env, NO_COLOR: '1'}},
			{...base, env: {...base.env, FORCE_COLOR: '3'}},
			{...base, env: {...base.env, LANG: 'C'}},
			{...base, env: {...base.env, EARNINGS_READER_NO_INDEX: '1'}},
		];
		const keys = new Set([frameKey('build-1', base), frameKey('build-2', base), ...changed.map(c => frameKey('build-1', c))]);
		assert.equal(keys.size, changed.length + 2);
	});

	it('is not changed by the rest of the environment (the shell, the folder it runs in)', () => {
		assert.equal(frameKey('b', base), frameKey('b', {...base, env: {...base.env, PWD: '/elsewhere', SHLVL: '3', OLDPWD: '/x'}}));
	});

	it('names the index by its file and log: a write to either changes it', () => {
		const dir = mkdtempSync(join(tmpdir(), 'er-stamp-'));
		assert.deepEqual(indexStamp(dir), {db: '-', wal: '-'});
		writeFileSync(join(dir, INDEX_FILE), 'a');
		const one = indexStamp(dir);
		assert.notEqual(one.db, '-');
		assert.equal(one.wal, '-');
		// An empty log (a reader open, or one that ended without closing the index) holds nothing: as none.
		writeFileSync(join(dir, `${INDEX_FILE}-wal`), '');
		assert.deepEqual(indexStamp(dir), one);
		writeFileSync(join(dir, `${INDEX_FILE}-wal`), 'frames');
		const two = indexStamp(dir);
		assert.equal(two.db, one.db);
		assert.notEqual(two.wal, '-', 'a write in the log');
		writeFileSync(join(dir, INDEX_FILE), 'ab');
		assert.notEqual(indexStamp(dir).db, one.db);
	});
});

describe('kept frames', () => {
	it('read back as written; a file changed to hold a control is not drawn; one with a control is never kept', () => {
		const dir = mkdtempSync(join(tmpdir(), 'er-frames-'));
		saveFrame(dir, 'k1', FRAME);
		assert.equal(readFrame(dir, 'k1'), FRAME);
		assert.equal(readFrame(dir, 'nothing'), null);
		writeFileSync(join(dir, 'frames', 'k1'), `\u001B]52;c;aGVsbG8=\u0007${FRAME}`);
		assert.equal(readFrame(dir, 'k1'), null);
		writeFileSync(join(dir, 'frames', 'k1'), '');
		assert.equal(readFrame(dir, 'k1'), null, 'an empty file');
		saveFrame(dir, 'k2', 'a\u001B[2Jb\n');
		assert.ok(!readdirSync(join(dir, 'frames')).includes('k2'));
	});

	it('the newest twelve are kept, and no part-written file is left', () => {
		const dir = mkdtempSync(join(tmpdir(), 'er-frames-'));
		for (let i = 0; i < 15; i++) {
			saveFrame(dir, `k${i}`, `${FRAME}${i}\n`);
			// Each a second older than the next, whatever the file system's clock resolution.
			utimesSync(join(dir, 'frames', `k${i}`), 1_000_000 + i, 1_000_000 + i);
		}
		saveFrame(dir, 'k15', FRAME);
		const kept = readdirSync(join(dir, 'frames')).sort();
		assert.equal(kept.length, 12);
		assert.ok(kept.includes('k15') && kept.includes('k14') && !kept.includes('k3') && !kept.includes('k0'), kept.join(' '));
		assert.ok(kept.every(name => !name.endsWith('.part')));
		assert.equal(readFileSync(join(dir, 'frames', 'k14'), 'utf8'), `${FRAME}14\n`);
	});
});

describe('the sizes a frame is kept for', () => {
	it('this terminal\'s and the last other one used, remembered from quit to quit', () => {
		const dir = mkdtempSync(join(tmpdir(), 'er-sizes-'));
		assert.deepEqual(recentSizes(dir, 100, 30), [[100, 30]]);
		assert.deepEqual(recentSizes(dir, 120, 40), [[120, 40], [100, 30]]);
		assert.deepEqual(recentSizes(dir, 100, 30), [[100, 30], [120, 40]]);
		assert.deepEqual(recentSizes(dir, 80, 24), [[80, 24], [100, 30]]);
	});

	it('a file of anything but sizes gives none of it', () => {
		const dir = mkdtempSync(join(tmpdir(), 'er-sizes-'));
		writeFileSync(join(dir, 'frame-sizes.json'), JSON.stringify([[1e9, 30], ['80', 24], [80.5, 24], [-1, 5], [90, 20, 1], {}, null, [90, 20]]));
		assert.deepEqual(recentSizes(dir, 100, 30), [[100, 30], [90, 20]]);
		writeFileSync(join(dir, 'frame-sizes.json'), 'not json');
		assert.deepEqual(recentSizes(dir, 100, 30), [[100, 30]]);
	});
});
