// Worker thread: the reader's indexing after its first frame. It writes the
// index through a connection of its own (WAL: the reader's reads go on
// meanwhile), with a worker of its own parsing (index-pipeline.ts: the two
// overlap on two cores), and posts its progress; the reader swaps in the new
// store when it is done.
import {parentPort, workerData} from 'node:worker_threads';
import {openIndex} from '../model/library/index-db.js';
import type {FileEntry} from '../model/library/sync.js';
import {syncPipelined} from './index-pipeline.js';

const data = workerData as {dir: string; plan: {todo: FileEntry[]; gone: string[]}; cache: string; indexWorker: string};
const opened = openIndex(data.dir);
if (!opened.index) parentPort!.postMessage({type: 'failed', why: opened.notice});
else {
	let last = 0;
	const db = opened.index.db;
	syncPipelined(db, data.plan, {
		cache: new URL(data.cache),
		workerUrl: new URL(data.indexWorker),
		progress: p => {
			const now = Date.now();
			if (now - last < 200 && p.done < p.total) return;
			last = now;
			parentPort!.postMessage({type: 'progress', progress: p});
		},
	}).then(
		() => {
			db.close();
			parentPort!.postMessage({type: 'done'});
		},
		(error: unknown) => parentPort!.postMessage({type: 'failed', why: `the index could not be written (${(error as {code?: string}).code ?? (error as Error).message})`}),
	);
}
