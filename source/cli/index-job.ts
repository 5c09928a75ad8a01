// The background indexer: a process of its own, started (detached) by a
// command that found many files not yet indexed and answered from memory
// instead (library-open.ts). It indexes them as the `index` command would,
// at low priority so that the user's next command is not slowed, then keeps
// the library's list (its snapshot), so that the next start reads it at once.
// One at a time per cache folder (index-lock.ts). Nothing is printed: its
// output goes nowhere, and a failure leaves the work to the next command.
import {setPriority} from 'node:os';
import {cacheDir, openIndex} from '../model/library/index-db.js';
import {takeLock} from '../model/library/index-lock.js';
import {beginLibrary, finishLibrary} from '../model/library/open-library.js';
import {syncPipelined} from './index-pipeline.js';
import {parseCacheUrl, readParseCache} from './load-store.js';

async function run(): Promise<void> {
	const job = JSON.parse(process.argv[2] ?? '{}') as {dirs?: string[]; noBundled?: boolean};
	const dirs = Array.isArray(job.dirs) ? job.dirs.filter(d => typeof d === 'string') : [];
	if (dirs.length === 0) return;
	try {
		setPriority(19);
	} catch {}
	const dir = cacheDir();
	// The folder exists once openIndex has run; the lock is taken before any work.
	const probe = openIndex(dir);
	if (!probe.index) return;
	probe.index.db.close();
	const release = takeLock(dir);
	if (!release) return;
	try {
		const cache = parseCacheUrl(import.meta.url);
		const opened = beginLibrary({dirs, noBundled: job.noBundled === true, cache: readParseCache(cache)});
		if (opened.done) return;
		try {
			if (opened.plan.todo.length || opened.plan.gone.length) await syncPipelined(opened.index.db, opened.plan, {cache, workerUrl: new URL('./index-worker.js', import.meta.url)});
			finishLibrary(opened);
		} finally {
			opened.index.db.close();
		}
	} finally {
		release();
	}
}

run().then(
	() => process.exit(0),
	() => process.exit(1),
);
