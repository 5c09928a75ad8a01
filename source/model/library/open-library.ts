// The library a command or the reader works on: the bundled calls, the
// folders kept in the settings (`earnings-reader add`) and any `--dir` of this
// run. With folders, it is read through the index on disk (index-db.ts):
// unchanged files are not parsed again. With none, or where no index can be
// kept, it is read into memory as before, and a notice says why once.
import {resolve} from 'node:path';
import {loadLibrary, STDIN} from '../input/library.js';
import {loadBytes, type Skipped} from '../input/load.js';
import {parseInputs, type ParseCache, type Store} from '../store/store.js';
import type {Call} from '../types.js';
import {dropFirstRead} from './first-read.js';
import {cacheDir, openIndex, why, type IndexHandle} from './index-db.js';
import {scanSignature, storeFromIndex} from './index-store.js';
import {searchIndexed, searchPage} from './index-search.js';
import {planSync, runSync, scanLibrary, type FileEntry, type SyncProgress} from './sync.js';

export interface OpenOptions {
	/** Folders and files: the library's and this run's `--dir`. */
	dirs: readonly string[];
	noBundled?: boolean;
	stdin?: Uint8Array;
	/** The build's parses of the bundled calls. */
	cache?: ParseCache;
	/** Where the index lives (tests); the per-user cache folder otherwise. */
	indexDir?: string;
	/** `false`: work from memory (no folders, or the index turned off). */
	useIndex?: boolean;
	/** Told after each file indexed. */
	progress?: (p: SyncProgress) => void;
	/** `later`: leave new and changed files to index after (the reader, after its first frame); they are the library's `pending`. */
	sync?: 'now' | 'later';
}

export interface Library {
	store: Store;
	index: IndexHandle | null;
	/** One line each: the index set aside, or off. */
	notices: string[];
	/** Files still to index (sync: 'later'). */
	pending: {todo: FileEntry[]; gone: string[]};
	files: FileEntry[];
	scanSkipped: Skipped[];
	extra: Call[];
}

function stdinCalls(stdin: Uint8Array | undefined): {calls: Call[]; skipped: Skipped[]} {
	if (!stdin?.length) return {calls: [], skipped: []};
	const piped = loadBytes(stdin, STDIN);
	if (!piped.ok) return {calls: [], skipped: [piped.skipped]};
	return parseInputs([{source: piped.source}]);
}

/** The library opened, its files scanned and compared with the index; the sync still to run. */
export type Opened = {done: Library} | {done?: undefined; index: IndexHandle; notices: string[]; files: FileEntry[]; scanSkipped: Skipped[]; extra: Call[]; plan: {todo: FileEntry[]; gone: string[]}; signature: string; scope: string};

/** What a library is asked for: its folders and whether the bundled calls are in it. */
export const libraryScope = (options: Pick<OpenOptions, 'dirs' | 'noBundled'>) => JSON.stringify({dirs: options.dirs.map(d => resolve(d)), bundled: !options.noBundled});

/** A scan made already (by a worker, while the index was read): see cli/library-open.ts. */
export interface Scanned {
	files: FileEntry[];
	roots: string[];
	skipped: Skipped[];
	signature: string;
}

export function beginLibrary(options: OpenOptions, scanned?: Scanned): Opened {
	const memory = (notices: string[]): {done: Library} => ({done: inMemory(options, notices)});
	if (options.useIndex === false || options.dirs.length === 0) return memory([]);
	const opened = openIndex(options.indexDir ?? cacheDir());
	if (!opened.index) return memory([opened.notice]);
	const {files, roots, skipped} = scanned ?? scanLibrary(options.dirs, !options.noBundled);
	const piped = stdinCalls(options.stdin);
	// The same files as when the store was last worked out: nothing to compare file by file.
	const signature = scanned?.signature ?? scanSignature(files);
	const unchanged = opened.index.db.prepare('SELECT 1 FROM snapshot WHERE signature = ?').get(signature) !== undefined;
	const plan = unchanged ? {todo: [], gone: []} : planSync(opened.index.db, files, roots);
	return {index: opened.index, notices: opened.notice ? [opened.notice] : [], files, scanSkipped: [...skipped, ...piped.skipped], extra: piped.calls, plan, signature, scope: libraryScope(options)};
}

/** The store, from the index as it now is; `pending`: files not yet indexed (shown once they are). */
export function finishLibrary(opened: Exclude<Opened, {done: Library}>, pending = {todo: [] as FileEntry[], gone: [] as string[]}): Library {
	const complete = pending.todo.length === 0 && pending.gone.length === 0;
	const store = storeFromIndex(opened.index.db, opened.files, opened.scanSkipped, opened.extra, {signature: opened.signature, complete, scope: opened.scope});
	// The index has every file now: what a first command read of them is no longer needed.
	if (complete) dropFirstRead(opened.index.dir, opened.scope);
	const {db} = opened.index;
	store.indexSearch = (text, options) => searchIndexed(store, db, text, options);
	store.indexPage = (text, options) => searchPage(store, db, text, options);
	return {store, index: opened.index, notices: opened.notices, pending, files: opened.files, scanSkipped: opened.scanSkipped, extra: opened.extra};
}

/** The library read into memory, as without an index. */
function inMemory(options: OpenOptions, notices: string[]): Library {
	return {
		store: loadLibrary({dirs: options.dirs, noBundled: options.noBundled, stdin: options.stdin, cache: options.cache}),
		index: null,
		notices,
		pending: {todo: [], gone: []},
		files: [],
		scanSkipped: [],
		extra: [],
	};
}

/** What a failed write leaves: the library read into memory, with the reason. */
export function libraryInMemory(options: OpenOptions, notices: string[], error: unknown): Library {
	return inMemory(options, [...notices, `reading from memory: the index could not be written (${why(error)})`]);
}

/** Opens the library, indexing new and changed files first (or, with sync: 'later', leaving them pending). */
export function openLibrary(options: OpenOptions): Library {
	const opened = beginLibrary(options);
	if (opened.done) return opened.done;
	const {plan} = opened;
	if (options.sync === 'later') return finishLibrary(opened, plan);
	if (plan.todo.length || plan.gone.length) {
		try {
			runSync(opened.index.db, plan, {cache: options.cache, progress: options.progress});
		} catch (error) {
			opened.index.db.close();
			return libraryInMemory(options, opened.notices, error);
		}
	}
	return finishLibrary(opened);
}
