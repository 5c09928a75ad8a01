// Indexing on two threads: a worker parses (index-worker.ts) while this thread
// writes to SQLite, a batch of files to a transaction. Measured on 1,000
// calls: one thread ~10 s, two ~6 s. A worker that cannot start or fails
// leaves the rest to this thread, serially.
import {Worker} from 'node:worker_threads';
import type {Db} from '../model/library/index-db.js';
import {setInfo} from '../model/library/index-db.js';
import {BATCH, BATCH_MS, runSync, writer, type FileEntry, type Prepared, type SyncProgress} from '../model/library/sync.js';
import {readParseCache} from './load-store.js';


export function syncPipelined(db: Db, plan: {todo: FileEntry[]; gone: string[]}, options: {cache: URL; workerUrl: URL; progress?: (p: SyncProgress) => void}): Promise<number> {
	// A worker costs ~50 ms to start: a few files are quicker here.
	if (plan.todo.length < 16) return Promise.resolve(runSync(db, plan, {cache: readParseCache(options.cache), progress: options.progress}));
	const w = writer(db);
	const began = Date.now();
	db.transaction(() => plan.gone.forEach(w.remove))();
	const inFlight = new Int32Array(new SharedArrayBuffer(4));
	return new Promise((resolve, reject) => {
		let done = 0;
		let open = false;
		let batchStart = 0;
		let inBatch = 0;
		let finished = false;
		const commit = () => {
			if (open) db.exec('COMMIT');
			open = false;
		};
		const finish = () => {
			if (finished) return;
			finished = true;
			try {
				commit();
				// The worker gone before the end: the rest here, one file after another.
				const rest = plan.todo.slice(done);
				if (rest.length) done += runSync(db, {todo: rest, gone: []}, {cache: readParseCache(options.cache), progress: p => options.progress?.({...p, done: done + p.done, total: plan.todo.length, elapsed: Date.now() - began})});
				setInfo(db, 'last_run', JSON.stringify({at: new Date().toISOString(), files: done, removed: plan.gone.length, ms: Date.now() - began}));
				resolve(done);
			} catch (error) {
				reject(error);
			}
		};
		let worker: Worker;
		try {
			// Built code, run with no flags of the process that made it (a loader given to a test's process would be asked to load it).
			worker = new Worker(options.workerUrl, {workerData: {files: plan.todo, cache: options.cache.href, inFlight: inFlight.buffer}, execArgv: []});
		} catch {
			finish();
			return;
		}
		worker.on('message', (prepared: Prepared) => {
			if (finished) return;
			Atomics.sub(inFlight, 0, 1);
			Atomics.notify(inFlight, 0);
			try {
				if (!open) {
					db.exec('BEGIN');
					open = true;
					batchStart = Date.now();
					inBatch = 0;
				}
				w.write(prepared);
				done++;
				inBatch++;
				if (inBatch >= BATCH || Date.now() - batchStart >= BATCH_MS || done === plan.todo.length) commit();
			} catch (error) {
				// A full disk, a lost lock: the batch is undone (never half a call), and the caller is told.
				finished = true;
				try {
					if (open) db.exec('ROLLBACK');
				} catch {}
				void worker.terminate();
				reject(error);
				return;
			}
			options.progress?.({done, total: plan.todo.length, elapsed: Date.now() - began});
			if (done === plan.todo.length) {
				finish();
				void worker.terminate();
			}
		});
		worker.on('error', finish);
		worker.on('exit', finish);
	});
}
