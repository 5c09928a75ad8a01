// The reader's library: the call list from the index at once (nothing
// parsed), and new or changed files indexed after the first frame on a
// worker (sync-worker.ts), with progress for the status bar. The first run
// shows the bundled calls meanwhile; with them left out, it indexes first,
// with progress on stderr.
import {watch, type FSWatcher} from 'node:fs';
import type {Db} from '../model/library/index-db.js';
import {readFirstRead} from '../model/library/first-read.js';
import {lockHolder} from '../model/library/index-lock.js';
import {Worker} from 'node:worker_threads';
import {beginLibrary, finishLibrary, libraryInMemory, type Opened, type OpenOptions} from '../model/library/open-library.js';
import {progressLine, type SyncProgress} from '../model/library/sync.js';
import type {Store} from '../model/store/store.js';
import {syncPipelined} from './index-pipeline.js';
import {backgroundFrom, nextStartStore, scanOnWorker, snapshotLibrary} from './library-open.js';
import {storeFromReads} from './parallel-load.js';
import {stderrProgress} from './library-commands.js';
import {loadStore, readParseCache, storeForReader} from './load-store.js';

/** What the reader is told while it indexes (ui/run.tsx); `done`'s notice says what changed, where it was a change seen while open. */
export interface Background {
	start(hooks: {progress(line: string): void; done(store: Store, notice?: string): void; failed(why: string): void; quiet(): void}): () => void;
}
type Hooks = Parameters<Background['start']>[0];

export interface ReaderLibrary {
	store: Store;
	notices: string[];
	background?: Background;
	/** The store is the index's snapshot or the bundled calls alone, as the next start with the same index will read it (cli/instant-frame.ts). */
	asLastTime?: boolean;
	/** At quit, the store the next start will read, where it may differ from this one's (the index changed meanwhile), or null (library-open.ts). */
	nextStart?: () => Store | null;
}

/** The index is in use unless turned off (EARNINGS_READER_NO_INDEX=1: everything from memory). */
export const indexInUse = () => process.env['EARNINGS_READER_NO_INDEX'] !== '1';

export async function readerLibrary(dirs: string[], noBundled: boolean, stdin: Uint8Array | undefined, cacheUrl: URL, cliUrl: string): Promise<ReaderLibrary> {
	const reader = await libraryForReader(dirs, noBundled, stdin, cacheUrl, cliUrl);
	if (dirs.length > 0 && !stdin && indexInUse()) {
		reader.nextStart = () => nextStartStore({dirs, noBundled});
		reader.background = watched(reader.background, dirs, {dirs, noBundled, cache: readParseCache(cacheUrl)}, cacheUrl, cliUrl);
	}
	return reader;
}

async function libraryForReader(dirs: string[], noBundled: boolean, stdin: Uint8Array | undefined, cacheUrl: URL, cliUrl: string): Promise<ReaderLibrary> {
	const useIndex = indexInUse();
	if (!useIndex || dirs.length === 0) return {store: await storeForReader(cacheUrl, dirs, stdin, noBundled), notices: [], asLastTime: dirs.length === 0 && !stdin};
	const options: OpenOptions = {dirs, noBundled, stdin, cache: readParseCache(cacheUrl)};
	// The usual start: the store as last worked out, on screen at once; the
	// folders are scanned after the first frame (the worker would share the
	// cores with it) and compared with it, and what changed is indexed then.
	const snap = snapshotLibrary(options);
	if (snap) {
		const background: Background = {
			start(hooks) {
				let stop = () => {};
				let stopped = false;
				const scan = scanOnWorker(dirs, !noBundled, cliUrl);
				void scan.then(scanned => {
					if (stopped) return;
					if (scanned.signature === snap.signature) {
						snap.library.store.skipped.unshift(...scanned.skipped);
						return hooks.quiet();
					}
					const opened = beginLibrary(options, scanned);
					if (opened.done) return hooks.quiet();
					if (!opened.plan.todo.length && !opened.plan.gone.length) return hooks.done(finishLibrary(opened).store);
					stop = indexAfter(opened, cacheUrl, cliUrl).start(hooks);
				});
				return () => {
					stopped = true;
					stop();
				};
			},
		};
		return {store: snap.library.store, notices: snap.library.notices, background, asLastTime: !stdin};
	}
	const opened = beginLibrary(options, await scanOnWorker(dirs, !noBundled, cliUrl));
	if (opened.done) return {store: opened.done.store, notices: opened.done.notices};
	const {plan} = opened;
	if (!plan.todo.length && !plan.gone.length) return {store: finishLibrary(opened).store, notices: opened.notices};
	// A first command read these files and kept what it read (first-read.ts): the whole list at once, the index made meanwhile.
	const kept = plan.todo.length >= backgroundFrom() ? readFirstRead(opened.index.dir, opened.scope, opened.signature, opened.files.length) : null;
	if (kept) return {store: storeFromReads(opened.files, kept, opened.scanSkipped, options.cache), notices: opened.notices, background: indexAfter(opened, cacheUrl, cliUrl)};
	let store = finishLibrary(opened, plan).store;
	if (store.calls.length === 0) {
		if (noBundled && !stdin) {
			// Nothing to show yet: index first, saying so on stderr.
			try {
				await syncPipelined(opened.index.db, plan, {cache: cacheUrl, workerUrl: new URL('./index-worker.js', cliUrl), progress: stderrProgress()});
				return {store: finishLibrary(opened).store, notices: opened.notices};
			} catch (error) {
				const memory = libraryInMemory(options, opened.notices, error);
				return {store: memory.store, notices: memory.notices};
			}
		}
		store = loadStore({noBundled, stdin}, cacheUrl);
	}
	return {store, notices: opened.notices, background: indexAfter(opened, cacheUrl, cliUrl)};
}

/** New and changed files indexed on a worker (sync-worker.ts), then the store read afresh. */
function indexAfter(opened: Exclude<Opened, {done: unknown}>, cacheUrl: URL, cliUrl: string): Background {
	const {plan} = opened;
	return {
		start(hooks) {
			// Another process indexes these files already (a command's background indexer,
			// index-job.ts): wait for it rather than write the same files twice, then read the
			// store as it left the index (not marked complete: a file it missed is found next start).
			if (lockHolder(opened.index.dir) !== null) {
				hooks.progress('indexing in the background (another earnings-reader)…');
				const timer = setInterval(() => {
					if (lockHolder(opened.index.dir) !== null) return;
					clearInterval(timer);
					hooks.done(finishLibrary(opened, plan).store);
				}, 500);
				timer.unref?.();
				return () => clearInterval(timer);
			}
			let worker: Worker;
			try {
				worker = new Worker(new URL('./sync-worker.js', cliUrl), {workerData: {dir: opened.index.dir, plan, cache: cacheUrl.href, indexWorker: new URL('./index-worker.js', cliUrl).href}, execArgv: []});
			} catch (error) {
				hooks.failed(`indexing could not start (${(error as Error).message})`);
				return () => {};
			}
			hooks.progress(progressLine({done: 0, total: plan.todo.length, elapsed: 0}));
			let over = false;
			worker.on('message', (m: {type: 'progress'; progress: SyncProgress} | {type: 'done'} | {type: 'failed'; why: string}) => {
				if (m.type === 'progress') hooks.progress(progressLine(m.progress));
				else if (m.type === 'done') {
					over = true;
					hooks.done(finishLibrary(opened).store);
				} else {
					over = true;
					hooks.failed(m.why);
				}
			});
			worker.on('error', error => !over && ((over = true), hooks.failed(`indexing stopped (${error.message})`)));
			// The reader's own exit must not wait for the worker.
			worker.unref();
			return () => void worker.terminate();
		},
	};
}

/** Quiet for this long after the last change before the folders are read again: a copy of many files is one run. */
export const WATCH_SETTLE_MS = 800;

const files = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'file' : 'files'}`;

/**
 * The library's folders watched while the reader is open: a file added,
 * changed or removed is indexed (after the start's own run, and one run at a
 * time) and the reader takes the new store, at the same place, saying what
 * changed in one line. A folder that cannot be watched (too many folders for
 * the system's watches) is simply not: the next start finds its changes.
 */
export function watched(first: Background | undefined, dirs: string[], options: OpenOptions, cacheUrl: URL, cliUrl: string): Background {
	return {
		start(hooks) {
			let stopRun = () => {};
			/** The connection of the store the last change delivered. */
			let replaced: Db | null = null;
			let busy = false;
			let dirty = false;
			let closed = false;
			let timer: ReturnType<typeof setTimeout> | undefined;
			const finish = () => {
				busy = false;
				if (dirty && !closed) schedule();
			};
			const schedule = () => {
				clearTimeout(timer);
				timer = setTimeout(refresh, WATCH_SETTLE_MS);
				timer.unref?.();
			};
			const ending = (own: Hooks, after: () => void): Hooks => ({
				progress: own.progress,
				done(store, notice) {
					own.done(store, notice);
					after();
				},
				failed(why) {
					own.failed(why);
					after();
				},
				quiet() {
					own.quiet();
					after();
				},
			});
			const refresh = () => {
				if (closed) return;
				if (busy) {
					dirty = true;
					return;
				}
				busy = true;
				dirty = false;
				void scanOnWorker(dirs, !options.noBundled, cliUrl).then(
					scanned => {
						if (closed) return;
						const opened = beginLibrary(options, scanned);
						if (opened.done) return finish();
						const {todo, gone} = opened.plan;
						if (!todo.length && !gone.length) {
							opened.index.db.close();
							return finish();
						}
						const what = [todo.length ? `${files(todo.length)} new or changed` : '', gone.length ? `${files(gone.length)} removed` : ''].filter(Boolean).join(', ');
						stopRun = indexAfter(opened, cacheUrl, cliUrl).start(
							ending(
								{
									...hooks,
									done(store) {
										hooks.done(store, `Library folders changed: ${what}; indexed.`);
										// The store this one replaces read its calls through its own connection: closed once
										// the reader has surely let it go, so that a long session's changes do not pile them up.
										const previous = replaced;
										replaced = opened.index.db;
										if (previous) setTimeout(() => previous.open && previous.close(), 30_000).unref?.();
									},
								},
								finish,
							),
						);
					},
					() => finish(),
				);
			};
			if (first) {
				busy = true;
				stopRun = first.start(ending(hooks, finish));
			}
			const watchers: FSWatcher[] = [];
			for (const dir of dirs) {
				try {
					const watcher = watch(dir, {recursive: true, persistent: false}, () => schedule());
					watcher.on('error', () => watcher.close());
					watchers.push(watcher);
				} catch {
					// Not watched (a file, or no watches left): the next start sees its changes.
				}
			}
			return () => {
				closed = true;
				clearTimeout(timer);
				stopRun();
				for (const w of watchers) w.close();
			};
		},
	};
}
