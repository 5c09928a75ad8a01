// Opening the library for a command: on two threads. A worker scans the
// folders (stat of every file) while this thread reads the store's last
// snapshot from the index and builds the store from it; when the scan's
// signature is the snapshot's, that store is the answer (measured on 10,000
// calls: the scan and the snapshot each ~120 ms). Otherwise the scan is
// compared with the index file by file, new and changed files are indexed
// (parsed on a worker, index-pipeline.ts), and the store is read afresh.
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {Worker} from 'node:worker_threads';
import {keepFirstRead, readFirstRead} from '../model/library/first-read.js';
import {lockHolder} from '../model/library/index-lock.js';
import {openIndex, cacheDir} from '../model/library/index-db.js';
import {readSnapshot, storeFromSnapshot} from '../model/library/index-store.js';
import {searchIndexed, searchPage} from '../model/library/index-search.js';
import {beginLibrary, finishLibrary, libraryInMemory, libraryScope, type Library, type OpenOptions, type Scanned} from '../model/library/open-library.js';
import {scanLibrary, scanSignature} from '../model/library/scan.js';
import type {SyncProgress} from '../model/library/sync.js';
import {syncPipelined} from './index-pipeline.js';
import {loadOnWorkers, storeFromReads} from './parallel-load.js';

export function scanOnWorker(dirs: readonly string[], withBundled: boolean, cliUrl: string): Promise<Scanned> {
	const here = (): Scanned => {
		const s = scanLibrary(dirs, withBundled);
		return {...s, signature: scanSignature(s.files)};
	};
	return new Promise(resolve => {
		let worker: Worker;
		try {
			worker = new Worker(new URL('./scan-worker.js', cliUrl), {workerData: {dirs, withBundled}});
		} catch {
			resolve(here());
			return;
		}
		let done = false;
		worker.once('message', (m: Scanned) => {
			done = true;
			resolve(m);
		});
		worker.once('error', () => !done && ((done = true), resolve(here())));
		worker.once('exit', () => !done && ((done = true), resolve(here())));
	});
}

/** The store as it was last worked out (the index's snapshot), with the signature of the files it was made of; null if none. */
export function snapshotLibrary(options: OpenOptions, early = options.stdin ? null : openIndex(options.indexDir ?? cacheDir())): {library: Library; signature: string} | null {
	if (options.stdin || !early?.index) return null;
	try {
		const snapshot = readSnapshot(early.index.db, {scope: libraryScope(options)});
		if (snapshot) {
			const store = storeFromSnapshot(early.index.db, snapshot, []);
			const {db} = early.index;
			store.indexSearch = (text, o) => searchIndexed(store, db, text, o);
			store.indexPage = (text, o) => searchPage(store, db, text, o);
			return {library: {store, index: early.index, notices: early.notice ? [early.notice] : [], pending: {todo: [], gone: []}, files: [], scanSkipped: [], extra: []}, signature: snapshot.signature};
		}
	} catch {
		// Anything odd about the snapshot: the long way.
	}
	early.index.db.close();
	return null;
}

/**
 * The store the next start will open on (the index's snapshot), read at quit
 * after a start that changed the index, so that start too has its frame kept
 * (cli/instant-frame.ts keys it by the index file as the next start finds it).
 * The index's log is emptied into the file first: the file is then final, and
 * nothing is left for the close to write. Null when the log cannot be emptied
 * at once (another process reads or writes: never waited for at quit), or there
 * is no snapshot, or it comes with a notice.
 */
export function nextStartStore(options: OpenOptions): Library['store'] | null {
	if (options.stdin) return null;
	const dir = options.indexDir ?? cacheDir();
	if (lockHolder(dir) !== null) return null;
	const opened = openIndex(dir);
	if (!opened.index) return null;
	let emptied = false;
	try {
		opened.index.db.pragma('busy_timeout = 0');
		const [result] = opened.index.db.pragma('wal_checkpoint(TRUNCATE)') as {busy: number}[];
		emptied = result !== undefined && !result.busy;
	} catch {}
	if (!emptied) {
		opened.index.db.close();
		return null;
	}
	const snap = snapshotLibrary(options, opened);
	if (!snap) return null;
	if (snap.library.notices.length) {
		snap.library.index?.db.close();
		return null;
	}
	return snap.library.store;
}

/**
 * The store as it was last worked out, read while the scan runs: the answer
 * when the scan finds the same files, else null (and the long way is taken).
 */
export async function fromSnapshot(options: OpenOptions, scan: Promise<Scanned>): Promise<Library | null> {
	const snap = snapshotLibrary(options);
	if (!snap) return null;
	const scanned = await scan;
	if (scanned.signature === snap.signature) {
		snap.library.store.skipped.unshift(...scanned.skipped);
		return {...snap.library, files: scanned.files, scanSkipped: scanned.skipped};
	}
	snap.library.index?.db.close();
	return null;
}

/**
 * From this many files not yet indexed, a command answers from memory (the
 * files read on two threads, ~1 ms a file) and the index is made by a process
 * in the background (~5 ms a file): a first `list` of 1,000 new calls takes
 * ~1 s, not ~5 s, and the next command reads the index. Fewer are indexed at
 * once. EARNINGS_READER_BACKGROUND_FROM changes it (tests; 0 turns it off).
 */
export function backgroundFrom(env: NodeJS.ProcessEnv = process.env): number {
	const set = env['EARNINGS_READER_BACKGROUND_FROM'];
	if (set === undefined || set.trim() === '' || !Number.isFinite(Number(set))) return 200;
	return Number(set) <= 0 ? Infinity : Number(set);
}

/**
 * Starts the background indexer (index-job.ts) as this process exits, unless
 * one runs already: started earlier, it would take the second core from this
 * answer. False if it cannot be started.
 */
function startIndexJob(options: OpenOptions, cliUrl: string, dir: string): boolean {
	if (lockHolder(dir) !== null) return true;
	const job = fileURLToPath(new URL('./index-job.js', cliUrl));
	if (!existsSync(job)) return false;
	process.once('exit', () => {
		try {
			const child = spawn(process.execPath, [job, JSON.stringify({dirs: options.dirs, noBundled: options.noBundled === true})], {detached: true, stdio: 'ignore'});
			child.on('error', () => {});
			child.unref();
		} catch {
			// Not started: the next command indexes, or starts it again.
		}
	});
	return true;
}

/**
 * The library for a command. `background`: a large set of new files may be
 * read from memory while a background process indexes them (not for `index`
 * itself); `allTurns`: the command reads every call's text (search, export),
 * so the memory answer keeps the text it parsed.
 */
export async function openForCommand(options: OpenOptions, cliUrl: string, cacheUrl: URL, progress?: (p: SyncProgress) => void, background = true, allTurns = false): Promise<Library> {
	if (options.useIndex === false || options.dirs.length === 0) {
		const opened = beginLibrary(options);
		return opened.done!;
	}
	const scan = scanOnWorker(options.dirs, !options.noBundled, cliUrl);
	const quick = await fromSnapshot(options, scan);
	if (quick) return quick;
	const opened = beginLibrary(options, await scan);
	if (opened.done) return opened.done;
	if (background && opened.plan.todo.length >= backgroundFrom() && opened.extra.length === 0) {
		// What a first command read of these files, if one did (first-read.ts); else read now, and kept.
		// Not for a command that reads every call's text: its turns would be parsed again on one thread.
		const kept = allTurns ? null : readFirstRead(opened.index.dir, opened.scope, opened.signature, opened.files.length);
		const loaded = kept ? {store: storeFromReads(opened.files, kept, opened.scanSkipped, options.cache), read: null} : await loadOnWorkers(opened.files, opened.scanSkipped, cacheUrl, new URL('./memory-worker.js', cliUrl), allTurns, options.cache);
		if (loaded) {
			const {store, read} = loaded;
			const {dir} = opened.index;
			opened.index.db.close();
			const n = opened.plan.todo.length.toLocaleString('en-US');
			const running = lockHolder(dir) !== null;
			// Kept as this process exits (after its answer), before the indexer starts.
			if (read) process.once('exit', () => keepFirstRead(dir, opened.scope, opened.signature, read));
			const started = running || startIndexJob(options, cliUrl, dir);
			// Said on a terminal only: on a pipe the answer is the same, only slower.
			const notice = started
				? `${n} files not yet in the index: ${kept ? 'read as an earlier command found them' : 'read from the files this time'}; ${running ? 'they are being indexed' : 'indexing them'} in the background, for quicker starts after`
				: `${n} files not yet in the index: read from the files (the background indexer could not start; 'earnings-reader index' makes the index)`;
			return {store, index: null, notices: process.stderr.isTTY ? [...opened.notices, notice] : opened.notices, pending: opened.plan, files: opened.files, scanSkipped: opened.scanSkipped, extra: []};
		}
	}
	try {
		if (opened.plan.todo.length || opened.plan.gone.length) await syncPipelined(opened.index.db, opened.plan, {cache: cacheUrl, workerUrl: new URL('./index-worker.js', cliUrl), progress});
		return finishLibrary(opened);
	} catch (error) {
		opened.index.db.close();
		return libraryInMemory(options, opened.notices, error);
	}
}
