// The library a command or the reader works on: the bundled calls, the
// folders kept in the settings (`earnings-reader add`) and any `--dir` of this
// run. With folders, it is read through the index on disk (index-db.ts):
// unchanged files are not parsed again. With none, or where no index can be
// kept, it is read into memory as before, and a notice says why once.
import {loadLibrary, STDIN} from '../input/library.js';
import {loadBytes, type Skipped} from '../input/load.js';
import {parseInputs, type ParseCache, type Store} from '../store/store.js';
import type {Call} from '../types.js';
import {cacheDir, openIndex, type IndexHandle} from './index-db.js';
import {storeFromIndex} from './index-store.js';
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
	/** `later`: index new and changed files after, with `finishSync` (the reader, after its first frame). */
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

export function openLibrary(options: OpenOptions): Library {
	const memory = (notices: string[]): Library => ({
		store: loadLibrary({dirs: options.dirs, noBundled: options.noBundled, stdin: options.stdin, cache: options.cache}),
		index: null,
		notices,
		pending: {todo: [], gone: []},
		files: [],
		scanSkipped: [],
		extra: [],
	});
	if (options.useIndex === false || options.dirs.length === 0) return memory([]);
	const opened = openIndex(options.indexDir ?? cacheDir());
	if (!opened.index) return memory([opened.notice]);
	const {db} = opened.index;
	const notices = opened.notice ? [opened.notice] : [];
	const {files, roots, skipped} = scanLibrary(options.dirs, !options.noBundled);
	const piped = stdinCalls(options.stdin);
	let plan = planSync(db, files, roots);
	let readonly = false;
	if (options.sync !== 'later' && (plan.todo.length || plan.gone.length)) {
		try {
			runSync(db, plan, {cache: options.cache, progress: options.progress});
			plan = {todo: [], gone: []};
		} catch (error) {
			db.close();
			return memory([...notices, `the index could not be written (${(error as {code?: string}).code ?? (error as Error).message}); reading from memory`]);
		}
	}
	void readonly;
	const store = storeFromIndex(db, files, [...skipped, ...piped.skipped], piped.calls);
	return {store, index: opened.index, notices, pending: plan, files, scanSkipped: [...skipped, ...piped.skipped], extra: piped.calls};
}
