// Worker thread: the reader's indexing after its first frame. It writes the
// index through a connection of its own (WAL: the reader's reads go on
// meanwhile) and posts its progress; the reader swaps in the new store when
// it is done.
import {parentPort, workerData} from 'node:worker_threads';
import {openIndex} from '../model/library/index-db.js';
import {runSync, type FileEntry} from '../model/library/sync.js';
import {readParseCache} from './load-store.js';

const data = workerData as {dir: string; plan: {todo: FileEntry[]; gone: string[]}; cache: string};
const opened = openIndex(data.dir);
if (!opened.index) parentPort!.postMessage({type: 'failed', why: opened.notice});
else {
	let last = 0;
	try {
		runSync(opened.index.db, data.plan, {
			cache: readParseCache(new URL(data.cache)),
			progress: p => {
				const now = Date.now();
				if (now - last < 200 && p.done < p.total) return;
				last = now;
				parentPort!.postMessage({type: 'progress', progress: p});
			},
		});
		opened.index.db.close();
		parentPort!.postMessage({type: 'done'});
	} catch (error) {
		parentPort!.postMessage({type: 'failed', why: `the index could not be written (${(error as {code?: string}).code ?? (error as Error).message})`});
	}
}
