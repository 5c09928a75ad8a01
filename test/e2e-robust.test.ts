// End to end, as an unlucky user meets the reader: the terminal closed under
// it, a full disk, a closed pipe, a settings file that is a FIFO, two readers
// at once, a settings folder it may not write, a pipe that never ends.
import assert from 'node:assert/strict';
import {execFileSync, spawn, spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {root} from './helpers.ts';

type Step = {wait: string; timeout?: number} | {keys: string} | {sleep: number} | {close: true};
type Result = {exit: number | null; output: string; error?: string};

const cli = [process.execPath, `${root}dist/cli.js`];
const freshConfig = () => mkdtempSync(join(tmpdir(), 'er-robust-'));

/** The pty driver, run without waiting, so that two readers can run at once. */
function drive(cols: number, rows: number, command: string[], steps: Step[], config: string): Promise<Result> {
	return new Promise((resolve, reject) => {
		const child = spawn('python3', [`${root}test/pty-driver.py`, String(cols), String(rows), '--', ...command], {env: {...process.env, EARNINGS_READER_CONFIG_DIR: config}});
		let out = '';
		child.stdout.on('data', d => (out += d));
		child.stdin.end(JSON.stringify(steps));
		child.once('error', reject);
		child.once('exit', () => {
			const result = JSON.parse(out) as Result;
			assert.equal(result.error, undefined, `${result.error}\n${result.output}`);
			resolve(result);
		});
	});
}

const bookmarksIn = (config: string) => (JSON.parse(readFileSync(join(config, 'config.json'), 'utf8')) as {reader: {bookmarks: {note: string}[]}}).reader.bookmarks.map(b => b.note);

describe('end to end: the terminal and the disk', () => {
	it('closing the terminal (pty master closed: SIGHUP, then EIO) exits with 129 or 1, never a signal; three times', async () => {
		for (let i = 0; i < 3; i++) {
			const r = await drive(100, 30, cli, [{wait: 'Q2 2017 · 2017-08-02'}, {close: true}], freshConfig());
			assert.ok(r.exit === 129 || r.exit === 1, `exit ${r.exit} (a negative number is a signal)`);
		}
	});

	it('closing the terminal without a SIGHUP (the reader in a session of its own) exits 1 on the read error, never a signal', async () => {
		const status = join(mkdtempSync(join(tmpdir(), 'er-nohup-')), 'status');
		await drive(100, 30, ['sh', '-c', `trap '' HUP; setsid -w '${cli[0]}' '${cli[1]}'; echo $? > '${status}'`], [{wait: 'Q2 2017 · 2017-08-02'}, {close: true}], freshConfig());
		for (let i = 0; i < 100 && !existsSync(status); i++) await new Promise(r => setTimeout(r, 50));
		assert.match(readFileSync(status, 'utf8'), /^(?:1|129)\n$/);
	});

	it('a bookmark made just before the terminal closes is saved', async () => {
		const config = freshConfig();
		await drive(100, 30, cli, [{wait: 'Q2 2017 · 2017-08-02'}, {keys: '\t'}, {sleep: 0.3}, {keys: 'm'}, {wait: 'Note:'}, {keys: 'closing\r'}, {wait: 'Bookmarked'}, {close: true}], config);
		assert.deepEqual(bookmarksIn(config), ['closing']);
	});

	it('list > /dev/full: one line, status 1, no stack trace; export 2>&1 | head -1 with skipped files: status 0, nothing more', () => {
		const full = spawnSync('sh', ['-c', `'${cli[0]}' '${cli[1]}' list > /dev/full`], {encoding: 'utf8'});
		assert.equal(full.status, 1);
		assert.equal(full.stderr, 'earnings-reader: cannot write to stdout: no space left on the device\n');
		const dir = mkdtempSync(join(tmpdir(), 'er-skips-'));
		for (const name of ['a.bin', 'b.bin', 'c.bin']) writeFileSync(join(dir, name), Buffer.from([0, 1, 2]));
		const piped = spawnSync('bash', ['-c', `set -o pipefail; '${cli[0]}' '${cli[1]}' --dir '${dir}' export 2>&1 | head -1; echo "status \${PIPESTATUS[0]}"`], {encoding: 'utf8'});
		assert.match(piped.stdout, /^earnings-reader: skipped .*a\.bin: binary file, not text\nstatus 0\n$/);
		assert.equal(piped.stderr, '');
		const errFull = spawnSync('sh', ['-c', `'${cli[0]}' '${cli[1]}' --dir '${dir}' list 2>/dev/full`], {encoding: 'utf8'});
		assert.equal(errFull.status, 1);
		assert.ok(!/at .+:\d+:\d+/.test(errFull.stdout + errFull.stderr));
	});

	it('config.json as a FIFO: the reader starts at once, says so, and quits; bookmarks returns at once', async () => {
		const config = freshConfig();
		execFileSync('mkfifo', [join(config, 'config.json')]);
		const bookmarks = spawnSync(cli[0]!, [cli[1]!, 'bookmarks'], {encoding: 'utf8', env: {...process.env, EARNINGS_READER_CONFIG_DIR: config}, timeout: 10_000});
		assert.equal(bookmarks.status, 0);
		const r = await drive(120, 30, cli, [{wait: 'Q2 2017 · 2017-08-02', timeout: 5}, {wait: 'not a regular file', timeout: 5}, {keys: 'q'}], config);
		assert.equal(r.exit, 0);
	});

	it('piped stdin: a stream without end stops at 10 MB with one line; a slow pipe says it is being read', async () => {
		const yes = spawnSync('sh', ['-c', `yes "a: b" | '${cli[0]}' '${cli[1]}'`], {encoding: 'utf8', timeout: 20_000});
		assert.equal(yes.status, 2);
		assert.equal(yes.stderr, 'earnings-reader: standard input is larger than 10 MB, the most a transcript may be; stopped reading there.\n');
		const slow = await drive(100, 30, ['sh', '-c', `sleep 3 | '${cli[0]}' '${cli[1]}'`], [{wait: 'reading standard input', timeout: 3}], freshConfig());
		void slow;
	});
});

describe('end to end: settings written by more than one reader', () => {
	it('two readers open at once each add a bookmark: both are kept', async () => {
		const config = freshConfig();
		const add = (note: string, delay: number) =>
			drive(100, 30, cli, [{wait: 'Q2 2017 · 2017-08-02'}, {sleep: 1 + delay}, {keys: '\t'}, {sleep: 0.2}, {keys: 'm'}, {wait: 'Note:'}, {keys: `${note}\r`}, {wait: 'Bookmarked'}, {sleep: 0.3}, {keys: 'q'}], config);
		const [one, two] = await Promise.all([add('first reader', 0), add('second reader', 0.4)]);
		assert.equal(one.exit, 0);
		assert.equal(two.exit, 0);
		assert.deepEqual(bookmarksIn(config).sort(), ['first reader', 'second reader']);
	});

	it('a read-only settings folder: m says at once that the bookmark was not saved, and why', async () => {
		const config = freshConfig();
		writeFileSync(join(config, 'config.json'), JSON.stringify({reader: {call: 'tesla-2017-q2'}}));
		chmodSync(config, 0o555);
		const out = mkdtempSync(join(tmpdir(), 'er-ro-out-'));
		chmodSync(out, 0o777);
		// Root writes anywhere: the reader runs as nobody, who may not — where
		// nobody can reach the program; else the folder is made read-only by a
		// read-only bind mount, which root may make.
		let drop = '';
		let mounted = false;
		if (process.getuid?.() === 0) {
			const asNobody = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', cli[0]!, '-e', `require('fs').accessSync(${JSON.stringify(cli[1])})`]);
			if (asNobody.status === 0) drop = 'setpriv --reuid=65534 --regid=65534 --clear-groups ';
			else {
				execFileSync('mount', ['--bind', config, config]);
				execFileSync('mount', ['-o', 'remount,ro,bind', config]);
				mounted = true;
			}
		}
		// E writes to the Markdown folder, here one nobody may write.
		const command = ['sh', '-c', `cd '${out}' && EARNINGS_READER_MARKDOWN_DIR='${out}' exec ${drop}'${cli[0]}' '${cli[1]}'`];
		const r = await drive(80, 24, command, [
			{wait: 'Q2 2017 · 2017-08-02'},
			{sleep: 0.5},
			{keys: '\t'},
			{sleep: 0.2},
			{keys: 'm'},
			{wait: 'Note:'},
			{keys: 'kept\r'},
			{wait: "Not saved: (?:permission denied|read-only file system)\\. Kept and retried; ' then E writes them out\\."},
			{keys: "'"},
			{wait: 'NOT SAVED'},
			{wait: 'Why: (?:permission denied|read-only file system)'},
			{keys: 'E'},
			{wait: 'Wrote .*bookmarks\\.md'},
			{keys: 'q'},
		], config).finally(() => mounted && execFileSync('umount', [config]));
		assert.equal(r.exit, 0);
		assert.deepEqual(JSON.parse(readFileSync(join(config, 'config.json'), 'utf8')), {reader: {call: 'tesla-2017-q2'}});
		assert.match(readFileSync(join(out, 'bookmarks.md'), 'utf8'), /kept/);
	});
});

describe('end to end: NO_COLOR', () => {
	it('no colour code at all reaches the terminal: borders, status bar, marks (bold, dim and inverse stay)', async () => {
		const config = freshConfig();
		const r = await new Promise<{raw: string; exit: number}>((resolve, reject) => {
			const child = spawn('python3', [`${root}test/pty-driver.py`, '100', '30', '--', ...cli], {env: {...process.env, EARNINGS_READER_CONFIG_DIR: config, NO_COLOR: '1', PTY_DRIVER_RAW: '1'}});
			let out = '';
			child.stdout.on('data', d => (out += d));
			child.stdin.end(JSON.stringify([{wait: 'Q2 2017 · 2017-08-02'}, {keys: '\t'}, {sleep: 0.2}, {keys: '\t'}, {sleep: 0.2}, {keys: '/'}, {keys: 'gigafactory'}, {wait: 'hits in'}, {keys: '\r'}, {sleep: 0.3}, {keys: '?'}, {wait: 'Keys'}, {keys: 'q'}]));
			child.once('error', reject);
			child.once('exit', () => resolve(JSON.parse(out) as {raw: string; exit: number}));
		});
		assert.equal(r.exit, 0);
		const colours = [...r.raw.matchAll(/\u001B\[([0-9;]*)m/g)].map(m => m[1]!).filter(p => p.split(';').some(n => /^(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])$/.test(n)));
		assert.deepEqual([...new Set(colours)], []);
	});
});

describe('end to end: Ctrl+Z', () => {
	it('with no job control (the group orphaned, as under a script) the reader is not left stopped or the terminal raw: it takes the screen back and says so', () => {
		// Two seconds in: a first start indexes the bundled calls and starts the app again on the index.
		const steps = [{wait: 'Q2 2017 · 2017-08-02'}, {sleep: 2}, {keys: '\u001a'}, {wait: 'no job control here', timeout: 20}, {keys: 'q'}];
		const run = spawnSync('python3', [`${root}test/pty-driver.py`, '100', '30', '--', ...cli], {input: JSON.stringify(steps), encoding: 'utf8', env: {...process.env, EARNINGS_READER_CONFIG_DIR: freshConfig(), PTY_DRIVER_RAW: '1'}, timeout: 60_000});
		const r = JSON.parse(run.stdout) as Result & {raw: string};
		assert.equal(r.error, undefined, r.output);
		assert.equal(r.exit, 0);
		// The screen given back, then taken again with the frame drawn anew.
		const left = r.raw.indexOf('\u001B[?1049l');
		assert.ok(left > 0, 'the alternate screen left');
		const back = r.raw.indexOf('\u001B[?1049h', left);
		assert.ok(back > left, 'and entered again');
		assert.ok(r.raw.slice(back).includes('Q2 2017 · 2017-08-02'), 'the frame drawn again');
	});
});
