// The library on the command line (issue 13): add / remove / library keep
// folders in the settings, every command opens them, --dir adds one for a
// run, --no-bundled leaves the bundled calls out, index --status / --rebuild.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {fixture, root} from './helpers.ts';
import {sqlite} from '../source/model/library/index-db.ts';

const noIndex = sqlite() ? false : 'better-sqlite3 is not built here (the index is off): index tests skipped';

const temp = (name: string) => mkdtempSync(join(tmpdir(), `er-libcli-${name}-`));

/** A user of their own: settings and index in folders of this test. */
function user() {
	const env = {EARNINGS_READER_CONFIG_DIR: temp('config'), EARNINGS_READER_CACHE_DIR: temp('cache'), NO_COLOR: ''};
	const run = (...args: string[]) => {
		const r = spawnSync(process.execPath, [`${root}dist/cli.js`, ...args], {encoding: 'utf8', env: {...process.env, ...env}});
		assert.ok(!/\n\s+at .+:\d+:\d+/.test(r.stderr), `no stack trace: ${r.stderr}`);
		return {out: r.stdout, err: r.stderr, code: r.status};
	};
	return {env, run};
}

function folder(): string {
	const dir = temp('lib');
	mkdirSync(join(dir, 'JPM'), {recursive: true});
	copyFileSync(fixture('sa_jpm_2018q2.txt'), join(dir, 'JPM', 'sa_jpm_2018q2.txt'));
	copyFileSync(fixture('se_csco_2016q4.txt'), join(dir, 'se_csco_2016q4.txt'));
	return dir;
}

const ids = (listing: string) => listing.trim().split('\n').slice(1).map(l => l.split(/\s+/)[0]);

describe('library folders', () => {
	it('add keeps a folder: list, search and show open it without --dir; remove takes it out', () => {
		const {run, env} = user();
		const dir = folder();
		assert.equal(ids(run('list').out).length, 5);
		const added = run('add', dir);
		assert.equal(added.code, 0);
		assert.equal(added.out, `added ${dir}\n`);
		assert.equal(run('add', dir).out, `${dir} is already in the library\n`);
		const settings = JSON.parse(readFileSync(join(env.EARNINGS_READER_CONFIG_DIR, 'config.json'), 'utf8')) as {library: {folders: string[]}};
		assert.deepEqual(settings.library.folders, [dir]);
		const listed = ids(run('list').out);
		assert.equal(listed.length, 7);
		assert.ok(listed.includes('jpmorgan-2018-q2') || listed.some(id => /jp/.test(id!)), listed.join(' '));
		assert.match(run('search', 'Dimon').out + run('search', 'credit').out, /\S/);
		const removed = run('remove', dir);
		assert.equal(removed.code, 0);
		assert.match(removed.out, /^removed /);
		assert.equal(ids(run('list').out).length, 5);
		assert.equal(run('remove', dir).code, 1);
	});

	it('add of a missing path is refused (exit 2), nothing kept', () => {
		const {run, env} = user();
		const r = run('add', '/no/such/folder');
		assert.equal(r.code, 2);
		assert.match(r.err, /no such file or folder/);
		assert.ok(!existsSync(join(env.EARNINGS_READER_CONFIG_DIR, 'config.json')));
	});

	it('--dir adds a folder for one run; --no-bundled leaves the bundled calls out', () => {
		const {run} = user();
		const dir = folder();
		assert.equal(ids(run('--dir', dir, 'list').out).length, 7);
		assert.equal(ids(run('--dir', dir, '--no-bundled', 'list').out).length, 2);
		assert.equal(ids(run('list').out).length, 5);
	});

	it('library lists the folders, the calls, the flagged files and the index size', () => {
		const {run} = user();
		assert.match(run('library').out, /^No folders yet: 'earnings-reader add PATH' adds one/);
		const dir = folder();
		run('add', dir);
		const shown = run('library').out;
		assert.match(shown, new RegExp(`Folders \\(1\\):\\n  ${dir.replace(/[/.]/g, '\\$&')}\\n`));
		assert.match(shown, /Calls: 7 \(\d+ flagged: see 'earnings-reader check'\), files not loaded: 0/);
		assert.match(shown, /Index: .* \(\d+\.\d MB\)/);
	});
});

describe('index --status and --rebuild', {skip: noIndex}, () => {
	it('status: calls, size on disk, last run; rebuild makes it anew with the same calls', () => {
		const {run, env} = user();
		const dir = folder();
		run('add', dir);
		const made = run('index');
		assert.equal(made.code, 0);
		assert.match(made.out, /^Index: .*index-v\d+\.db\nCalls: 7 \(of 7 files read\)\nSize on disk: \d+\.\d MB\nLast run: \d{4}-\d\d-\d\dT.*, 7 files indexed, 0 removed, in \d+\.\d s\n$/);
		const before = run('list').out;
		const rebuilt = run('index', '--rebuild');
		assert.equal(rebuilt.code, 0);
		assert.match(rebuilt.out, /Calls: 7 .*\n[\s\S]*7 files indexed/);
		assert.equal(run('list').out, before);
		assert.ok(readdirSync(env.EARNINGS_READER_CACHE_DIR).some(f => /^index-v\d+\.db$/.test(f)));
		assert.equal(run('index', '--status', '--rebuild').code, 2);
	});

	it('progress goes to a terminal only: nothing on stderr through a pipe', () => {
		const {run} = user();
		const r = run('--dir', folder(), 'list');
		assert.equal(r.err, '');
	});

	it('with the index off, the same output from memory', () => {
		const {run} = user();
		const dir = folder();
		const withIndex = run('--dir', dir, 'export').out;
		const r = spawnSync(process.execPath, [`${root}dist/cli.js`, '--dir', dir, 'export'], {encoding: 'utf8', env: {...process.env, EARNINGS_READER_NO_INDEX: '1'}});
		assert.equal(r.stdout, withIndex);
	});
});

describe('a call named by what many calls share', () => {
	const corpus = join(root, '..', 'shared', 'corpus');
	const skip = existsSync(join(corpus, 'counts.tsv')) ? false : '../shared/corpus/ not found (a clone without the shared data): skipped';
	it('show "Q2 2019" in a library of several companies says which calls it could be (exit 2); a ticker id finds one', {skip}, () => {
		const {run} = user();
		const r = run('--dir', corpus, 'show', 'Q2 2019');
		assert.equal(r.code, 2);
		assert.match(r.err, /'Q2 2019' matches \d+ calls: [a-z0-9-]+-2019-q2(?:, [a-z0-9-]+-2019-q2)+\. Name one by its id/);
		assert.equal(r.out, '');
		const one = run('--dir', corpus, 'show', 'aapl-2019-q2');
		assert.equal(one.code, 0);
		assert.match(one.out, /^Apple · Q2 2019/);
	});
});
