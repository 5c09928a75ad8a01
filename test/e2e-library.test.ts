// The reader on a library (issue 13), in a real pseudo-terminal: the first
// frame at once, new files indexed after it with progress in the status bar,
// then every call there, at the same call; the next start reads the index.
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {CORPUS} from '../bench/corpus-check.ts';
import {existsSync} from 'node:fs';
import {root} from './helpers.ts';
import {sqlite} from '../source/model/library/index-db.ts';

type Step = {wait: string; timeout?: number} | {keys: string} | {sleep: number};

function drive(command: string[], steps: Step[], env: Record<string, string>) {
	const r = spawnSync('python3', [`${root}test/pty-driver.py`, '120', '40', '--', ...command], {input: JSON.stringify(steps), encoding: 'utf8', env: {...process.env, ...env}, timeout: 120_000});
	const result = JSON.parse(r.stdout) as {exit: number | null; output: string; error?: string; marks: Record<string, number>};
	assert.equal(result.error, undefined, `${result.error}\n${result.output}`);
	return result;
}

const here = existsSync(join(CORPUS, 'counts.tsv'));
const skip = !here ? '../shared/corpus/ not found (a clone without the shared data): library reader test skipped' : sqlite() ? false : 'better-sqlite3 is not built here (the index is off): library reader tests skipped';

describe('the reader on a library', {skip}, () => {
	it('first start: bundled calls at once, "indexing n/N" in the status bar, then all calls at the same call; second start: from the index', () => {
		const dir = mkdtempSync(join(tmpdir(), 'er-e2e-lib-'));
		mkdirSync(join(dir, 'sa'));
		// 95 StreetEvents calls: enough to see the progress line.
		const folder = join(CORPUS, 'streetevents');
		const env = {EARNINGS_READER_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'er-e2e-cfg-')), EARNINGS_READER_CACHE_DIR: mkdtempSync(join(tmpdir(), 'er-e2e-cache-'))};
		const cli = [process.execPath, `${root}dist/cli.js`, '--dir', folder, '--dir', dir];
		copyFileSync(join(CORPUS, 'seeking-alpha', spawnSync('ls', [join(CORPUS, 'seeking-alpha')], {encoding: 'utf8'}).stdout.split('\n').find(f => f.endsWith('.txt'))!), join(dir, 'sa', 'one.txt'));
		const first = drive(cli, [{wait: 'Tesla · Q2 2017'}, {wait: 'indexing \\d+/\\d+'}, {wait: 'Indexed: \\d+ calls', timeout: 90}, {wait: '\\d{2,} calls'}, {sleep: 0.3}, {keys: 'q'}], env);
		assert.equal(first.exit, 0);
		assert.ok(first.marks['wait:Tesla · Q2 2017']! < first.marks['wait:Indexed: \\d+ calls']!, 'the first frame comes before the indexing ends');
		const calls = Number(/(\d+) calls/.exec(first.output.slice(first.output.lastIndexOf('Indexed:')))![1]);
		assert.equal(calls, 5 + 95 + 1);
		// The reader opened where it was: the bundled call, not another (its text on the last screen).
		assert.match(first.output.slice(first.output.lastIndexOf('Indexed:') - 6000), /welcome to the Tesla Second/);
		const second = drive(cli, [{wait: `Tesla · Q2 2017.*${calls} calls`}, {sleep: 0.5}, {keys: 'q'}], env);
		assert.equal(second.exit, 0);
		assert.ok(!/indexing \d/.test(second.output), 'nothing to index the second time');
		// A file added since: the list as it was at once, the new call indexed after the first frame.
		copyFileSync(join(CORPUS, 'motley-fool-json', 'AAN_q1_2021.txt'), join(dir, 'sa', 'two.txt'));
		const third = drive(cli, [{wait: `${calls} calls`}, {wait: `Indexed: ${calls + 1} calls`, timeout: 60}, {wait: `${calls + 1} calls`}, {keys: 'q'}], env);
		assert.equal(third.exit, 0);
		assert.ok(third.marks[`wait:${calls} calls`]! < third.marks[`wait:Indexed: ${calls + 1} calls`]!);
	});
});

describe('the reader on a library whose index cannot be written', {skip}, () => {
	it('a read-only cache folder: the calls from memory, said once; nothing written there', () => {
		const library = mkdtempSync(join(tmpdir(), 'er-e2e-rolib-'));
		for (const f of readdirSync(join(CORPUS, 'seeking-alpha')).filter(f => f.endsWith('.txt')).slice(0, 3)) copyFileSync(join(CORPUS, 'seeking-alpha', f), join(library, f));
		chmodSync(library, 0o755);
		const cache = mkdtempSync(join(tmpdir(), 'er-e2e-rocache-'));
		const config = mkdtempSync(join(tmpdir(), 'er-e2e-rocfg-'));
		chmodSync(config, 0o777);
		chmodSync(cache, 0o555);
		// Root writes anywhere: the reader runs as nobody where it can, else the folder is mounted read-only.
		let drop: string[] = [];
		let mounted = false;
		if (process.getuid?.() === 0) {
			const asNobody = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(`${root}dist/cli.js`)})`]);
			if (asNobody.status === 0) drop = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
			else {
				execFileSync('mount', ['--bind', cache, cache]);
				execFileSync('mount', ['-o', 'remount,ro,bind', cache]);
				mounted = true;
			}
		}
		try {
			const env = {EARNINGS_READER_CONFIG_DIR: config, EARNINGS_READER_CACHE_DIR: cache};
			const r = drive([...drop, process.execPath, `${root}dist/cli.js`, '--dir', library], [{wait: '8 calls'}, {wait: 'Reading from memory'}, {sleep: 0.3}, {keys: 'q'}], env);
			assert.equal(r.exit, 0);
			assert.equal(r.output.split('Reading from memory').length - 1 >= 1, true);
			assert.deepEqual(readdirSync(cache), []);
		} finally {
			if (mounted) execFileSync('umount', [cache]);
		}
	});
});
