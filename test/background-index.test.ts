// A large library seen for the first time (issue 12): the command answers from
// memory, read on two threads, and the index is made by a process in the
// background; the next command reads the index. Here the threshold is lowered
// (EARNINGS_READER_BACKGROUND_FROM) so that the corpus's 115 files take that path.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {setTimeout as sleep} from 'node:timers/promises';
import {root} from './helpers.ts';
import {sqlite} from '../source/model/library/index-db.ts';
import {LOCK_FILE, lockHolder, takeLock} from '../source/model/library/index-lock.ts';
import {fromPortable, toPortable} from '../source/model/store/portable.ts';
import {bundledCall} from './helpers.ts';

const CORPUS = new URL('../../shared/corpus/', import.meta.url).pathname;
const noCorpus = existsSync(CORPUS) ? false : '../shared/corpus/ not found (a clone without the shared data): background-index tests skipped';
const noIndex = sqlite() ? false : 'better-sqlite3 is not built here (the index is off): background-index tests skipped';
const temp = (name: string) => mkdtempSync(join(tmpdir(), `er-bg-${name}-`));

describe('a call handed between threads', () => {
	it('keeps every field; its turns come from the JSON posted, or from parsing again', () => {
		const call = bundledCall('tesla-2017-q2');
		const withTurns = fromPortable(structuredClone(toPortable(call, true)));
		assert.deepEqual(withTurns.turns, call.turns);
		assert.deepEqual([withTurns.id, withTurns.meta, withTurns.speakers, withTurns.errors, withTurns.coverage], [call.id, call.meta, call.speakers, call.errors, call.coverage]);
		assert.equal(withTurns.figures!.turns, call.turns.length);
		let parsed = 0;
		const without = fromPortable(structuredClone(toPortable(call, false)), () => (parsed++, call.turns));
		assert.equal(without.figures!.turns, call.turns.length);
		assert.equal(parsed, 0, 'listing reads no turns');
		assert.equal(without.turns.length, call.turns.length);
		void without.turns;
		assert.equal(parsed, 1, 'parsed again once, then kept');
	});
});

describe('what a first command read, kept for the next', () => {
	it('is read back for the same files only, and never when damaged', async () => {
		const {keepFirstRead, readFirstRead, dropFirstRead} = await import('../source/model/library/first-read.ts');
		const dir = temp('first-read');
		const call = toPortable(bundledCall('tesla-2017-q2'), true);
		const people = [{id: 'elon-musk', name: 'Elon Musk', role: 'executive' as const, firms: [], titles: [], calls: [call.id], spellings: ['Elon Musk']}];
		assert.ok(keepFirstRead(dir, 'scope A', 'sig1', {reads: [{i: 0, call}, undefined, {i: 2, skipped: {path: 'x.pdf', reason: 'no text'}}], people}));
		const back = readFirstRead(dir, 'scope A', 'sig1', 3)!;
		assert.equal(back.reads[0]!.call!.turnsJson, null, 'turns are not kept (read again from the file)');
		assert.deepEqual(back.reads[0]!.call!.speakers, call.speakers);
		assert.equal(back.reads[1], undefined);
		assert.deepEqual(back.reads[2], {i: 2, skipped: {path: 'x.pdf', reason: 'no text'}});
		assert.deepEqual(back.people, people);
		assert.equal(readFirstRead(dir, 'scope A', 'sig2', 3), null, 'other files');
		assert.equal(readFirstRead(dir, 'scope B', 'sig1', 3), null, 'another library');
		assert.equal(readFirstRead(dir, 'scope A', 'sig1', 4), null, 'another number of files');
		const [name] = readdirSync(dir);
		writeFileSync(join(dir, name!), readFileSync(join(dir, name!), 'utf8').slice(0, 300));
		assert.equal(readFirstRead(dir, 'scope A', 'sig1', 3), null, 'cut short');
		dropFirstRead(dir, 'scope A');
		assert.deepEqual(readdirSync(dir), []);
		rmSync(dir, {recursive: true, force: true});
	});
});

describe('one indexer at a time', () => {
	it('takes the lock, refuses a second taker, gives it back; a lock of a process that is gone is taken over', () => {
		const dir = temp('lock');
		const release = takeLock(dir);
		assert.ok(release);
		assert.equal(lockHolder(dir), process.pid);
		assert.equal(takeLock(dir), null);
		release();
		assert.equal(lockHolder(dir), null);
		// A pid that cannot be running (beyond pid_max).
		writeFileSync(join(dir, LOCK_FILE), '99999999\n');
		assert.equal(lockHolder(dir), null);
		const again = takeLock(dir);
		assert.ok(again, 'a stale lock is taken over');
		again();
		writeFileSync(join(dir, LOCK_FILE), 'not a pid');
		assert.ok(takeLock(dir), 'a lock that holds no pid is taken over');
		rmSync(dir, {recursive: true, force: true});
	});
});

describe('a first command over many new files', {skip: noCorpus || noIndex}, () => {
	const env = {EARNINGS_READER_CONFIG_DIR: temp('config'), EARNINGS_READER_CACHE_DIR: temp('cache'), EARNINGS_READER_BACKGROUND_FROM: '20', NO_COLOR: ''};
	const run = (extra: Record<string, string>, ...args: string[]) => {
		const r = spawnSync(process.execPath, [`${root}dist/cli.js`, '--dir', CORPUS, ...args], {encoding: 'utf8', env: {...process.env, ...env, ...extra}});
		assert.ok(!/\n\s+at .+:\d+:\d+/.test(r.stderr), `no stack trace: ${r.stderr}`);
		assert.equal(r.status, 0, r.stderr);
		return r;
	};
	const fromMemory = (...args: string[]) => run({EARNINGS_READER_NO_INDEX: '1'}, ...args).stdout;
	/** The calls the model reads from the corpus without an index (`list`: a heading, then a call a line); the index must hold as many. */
	const callsFromMemory = () => {
		const n = fromMemory('list').trim().split('\n').length - 1;
		assert.ok(n > 100, `the corpus lists ${n} calls`);
		return n;
	};
	/** Waits for the background indexer of a cache folder to let go of its lock (it has made the index by then). */
	const finished = async (cache: string) => {
		const lock = join(cache, LOCK_FILE);
		for (let waited = 0; waited < 120_000 && (!existsSync(join(cache, 'index-v6.db')) || existsSync(lock)); waited += 200) await sleep(200);
		return !existsSync(lock);
	};

	it('answers as from memory, starts the indexer, and the next command reads the index it made', async () => {
		const first = run({}, 'list');
		assert.equal(first.stdout, fromMemory('list'));
		// A pipe: the answer only, no notice about indexing.
		assert.doesNotMatch(first.stderr, /background/);
		assert.ok(await finished(env.EARNINGS_READER_CACHE_DIR), 'the background indexer finished');
		const status = run({}, 'index', '--status').stdout;
		assert.match(status, new RegExp(`Calls: ${callsFromMemory()}\\b`), status);
		assert.equal(run({}, 'list').stdout, fromMemory('list'));
	});

	it('a call read from memory shows its text, parsed again from its file; search reads every call', async () => {
		const ids = fromMemory('list').trim().split('\n').slice(1).map(l => l.split(/\s+/)[0]!);
		const id = ids.find(i => !i.startsWith('tesla-'))!;
		const caches: string[] = [];
		const firstRun = (...args: string[]) => {
			caches.push(temp('cache'));
			return run({EARNINGS_READER_CACHE_DIR: caches.at(-1)!}, ...args).stdout;
		};
		assert.equal(firstRun('show', id), fromMemory('show', id));
		assert.equal(firstRun('search', 'guidance'), fromMemory('search', 'guidance'));
		assert.equal(firstRun('speakers'), fromMemory('speakers'));
		// Each started an indexer of its own cache folder: none is left running.
		for (const cache of caches) assert.ok(await finished(cache));
		for (const cache of caches) rmSync(cache, {recursive: true, force: true});
	});

	it('a second command while the index is made reads what the first one read (not the files again), until the index is complete', () => {
		const lib = temp('lib');
		const cache = temp('cache');
		// The text layouts only (the PDFs' extraction is tested elsewhere, and slow).
		for (const folder of ['seeking-alpha', 'streetevents']) cpSync(join(CORPUS, folder), join(lib, folder), {recursive: true});
		const extra = {EARNINGS_READER_CACHE_DIR: cache};
		// An indexer "running" (this process holds the lock): none is started, the index stays unmade.
		const release = takeLock(cache)!;
		// One file's time set to a whole second, so that it can be set again exactly (below).
		const file = join(lib, 'seeking-alpha', readdirSync(join(lib, 'seeking-alpha')).filter(f => f.endsWith('.txt')).sort()[0]!);
		utimesSync(file, 1_600_000_000, 1_600_000_000);
		const here = (...args: string[]) => spawnSync(process.execPath, [`${root}dist/cli.js`, '--dir', lib, ...args], {encoding: 'utf8', env: {...process.env, ...env, ...extra}});
		const first = here('list');
		assert.equal(first.status, 0, first.stderr);
		assert.ok(readdirSync(cache).some(f => f.startsWith('first-read-')), 'the first command kept what it read');
		// One file made unreadable text of the same size and time: a command that read the files again would miss its call.
		writeFileSync(file, Buffer.alloc(statSync(file).size, 0));
		utimesSync(file, 1_600_000_000, 1_600_000_000);
		const second = here('list');
		assert.equal(second.status, 0, second.stderr);
		assert.equal(second.stdout, first.stdout, 'the second command listed what the first read');
		release();
		// The index made (here in the foreground): the kept read is gone, and the files are as they are now.
		assert.equal(here('index').status, 0);
		assert.ok(!readdirSync(cache).some(f => f.startsWith('first-read-')), 'dropped once the index is complete');
		assert.notEqual(here('list').stdout, first.stdout);
		rmSync(lib, {recursive: true, force: true});
		rmSync(cache, {recursive: true, force: true});
	});

	it('the index command indexes in the foreground, whatever the number of files', () => {
		const cache = temp('cache');
		run({EARNINGS_READER_CACHE_DIR: cache}, 'index');
		assert.ok(!existsSync(join(cache, LOCK_FILE)));
		assert.match(run({EARNINGS_READER_CACHE_DIR: cache}, 'index', '--status').stdout, new RegExp(`Calls: ${callsFromMemory()}\\b`));
		rmSync(cache, {recursive: true, force: true});
	});
});

describe('library folders watched while the reader is open', {skip: noIndex}, () => {
	it('a file added, then one removed, are indexed and the reader is given the new store with one line saying so, once each', async () => {
		const {watched} = await import('../source/cli/reader-library.ts');
		const {readParseCache} = await import('../source/cli/load-store.ts');
		const {openLibrary} = await import('../source/model/library/open-library.ts');
		const {fixture} = await import('./helpers.ts');
		const {copyFileSync, mkdirSync, unlinkSync} = await import('node:fs');
		const lib = temp('watched');
		const cache = temp('watched-cache');
		const before = process.env['EARNINGS_READER_CACHE_DIR'];
		process.env['EARNINGS_READER_CACHE_DIR'] = cache;
		try {
			copyFileSync(fixture('sa_jpm_2018q2.txt'), join(lib, 'jpm.txt'));
			openLibrary({dirs: [lib], noBundled: true}).index!.db.close();
			const cacheUrl = new URL('../dist/parsed-calls.json', import.meta.url);
			const cliUrl = new URL('../dist/cli.js', import.meta.url).href;
			const told: {calls: number; notice?: string}[] = [];
			const stop = watched(undefined, [lib], {dirs: [lib], noBundled: true, cache: readParseCache(cacheUrl)}, cacheUrl, cliUrl).start({
				progress() {},
				done(store, notice) {
					told.push({calls: store.calls.length, ...(notice ? {notice} : {})});
				},
				failed(why) {
					assert.fail(why);
				},
				quiet() {},
			});
			const until = async (n: number) => {
				for (let i = 0; i < 150 && told.length < n; i++) await sleep(100);
			};
			mkdirSync(join(lib, 'csco', '2016'), {recursive: true});
			copyFileSync(fixture('se_csco_2016q4.txt'), join(lib, 'csco', '2016', 'csco.txt'));
			await until(1);
			assert.deepEqual(told, [{calls: 2, notice: 'Library folders changed: 1 file new or changed; indexed.'}]);
			unlinkSync(join(lib, 'jpm.txt'));
			await until(2);
			assert.deepEqual(told[1], {calls: 1, notice: 'Library folders changed: 1 file removed; indexed.'});
			await sleep(1500);
			assert.equal(told.length, 2, 'each change told once');
			stop();
		} finally {
			process.env['EARNINGS_READER_CACHE_DIR'] = before;
		}
	});
});
