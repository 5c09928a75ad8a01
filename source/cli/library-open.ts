// Opening the library for a command: on two threads. A worker scans the
// folders (stat of every file) while this thread reads the store's last
// snapshot from the index and builds the store from it; when the scan's
// signature is the snapshot's, that store is the answer (measured on 10,000
// calls: the scan and the snapshot each ~120 ms). Otherwise the scan is
// compared with the index file by file, new and changed files are indexed
// (parsed on a worker, index-pipeline.ts), and the store is read afresh.
import {Worker} from 'node:worker_threads';
import {openIndex, cacheDir} from '../model/library/index-db.js';
import {readSnapshot, storeFromSnapshot} from '../model/library/index-store.js';
import {searchIndexed} from '../model/library/index-search.js';
import {beginLibrary, finishLibrary, libraryInMemory, libraryScope, type Library, type OpenOptions, type Scanned} from '../model/library/open-library.js';
import {scanLibrary, scanSignature} from '../model/library/scan.js';
import type {SyncProgress} from '../model/library/sync.js';
import {syncPipelined} from './index-pipeline.js';

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
export function snapshotLibrary(options: OpenOptions): {library: Library; signature: string} | null {
	if (options.stdin) return null;
	const early = openIndex(options.indexDir ?? cacheDir());
	if (!early.index) return null;
	try {
		const snapshot = readSnapshot(early.index.db, {scope: libraryScope(options)});
		if (snapshot) {
			const store = storeFromSnapshot(early.index.db, snapshot, []);
			const {db} = early.index;
			store.indexSearch = (text, o) => searchIndexed(store, db, text, o);
			return {library: {store, index: early.index, notices: early.notice ? [early.notice] : [], pending: {todo: [], gone: []}, files: [], scanSkipped: [], extra: []}, signature: snapshot.signature};
		}
	} catch {
		// Anything odd about the snapshot: the long way.
	}
	early.index.db.close();
	return null;
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

export async function openForCommand(options: OpenOptions, cliUrl: string, cacheUrl: URL, progress?: (p: SyncProgress) => void): Promise<Library> {
	if (options.useIndex === false || options.dirs.length === 0) {
		const opened = beginLibrary(options);
		return opened.done!;
	}
	const scan = scanOnWorker(options.dirs, !options.noBundled, cliUrl);
	const quick = await fromSnapshot(options, scan);
	if (quick) return quick;
	const opened = beginLibrary(options, await scan);
	if (opened.done) return opened.done;
	try {
		if (opened.plan.todo.length || opened.plan.gone.length) await syncPipelined(opened.index.db, opened.plan, {cache: cacheUrl, workerUrl: new URL('./index-worker.js', cliUrl), progress});
		return finishLibrary(opened);
	} catch (error) {
		opened.index.db.close();
		return libraryInMemory(options, opened.notices, error);
	}
}
