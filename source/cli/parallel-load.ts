// A library read into memory on two threads: for an answer now, while the
// index of a large new library is made in the background (index-job.ts).
// Two workers parse (memory-worker.ts) and post the calls in batches, each
// with its turns as one JSON string; this thread puts the calls back in the
// files' order and builds the store exactly as one thread would (store.ts).
import {availableParallelism} from 'node:os';
import {Worker} from 'node:worker_threads';
import {loadFile, type Skipped} from '../model/input/load.js';
import type {FileRead, FirstRead} from '../model/library/first-read.js';
import type {FileEntry} from '../model/library/scan.js';
import {fromPortable} from '../model/store/portable.js';
import {assignIds, indexCalls, parseOne, sortCalls, storeOf, warmPeopleOf, type ParseCache, type Person, type Store} from '../model/store/store.js';
import type {Call} from '../model/types.js';

type Result = FileRead;

/**
 * The store of `files` (as scanned), or null if no worker could run (the
 * caller reads them on this thread). `withTurns`: the turns are posted too
 * (a command that reads every call's text); else a call's turns are parsed
 * again from its file when first read. `reads`: what was read of each file,
 * turns left out (to be kept for the next command, first-read.ts).
 */
export function loadOnWorkers(files: readonly FileEntry[], scanSkipped: readonly Skipped[], cache: URL, workerUrl: URL, withTurns: boolean, parseCache?: ParseCache): Promise<{store: Store; read: FirstRead} | null> {
	const threads = Math.max(1, Math.min(2, availableParallelism()));
	const sizes = new Map<number, number>();
	for (const f of files) sizes.set(f.size, (sizes.get(f.size) ?? 0) + 1);
	const hashed = files.map(f => sizes.get(f.size)! > 1);
	const next = new SharedArrayBuffer(4);
	const results: (Result | undefined)[] = new Array(files.length);
	return new Promise(resolve => {
		const workers: Worker[] = [];
		let ended = 0;
		let failed = false;
		const fail = () => {
			if (failed) return;
			failed = true;
			for (const w of workers) void w.terminate();
			resolve(null);
		};
		for (let t = 0; t < threads; t++) {
			let worker: Worker;
			try {
				worker = new Worker(workerUrl, {workerData: {files, cache: cache.href, next, withTurns, hashed}});
			} catch {
				fail();
				return;
			}
			workers.push(worker);
			let done = false;
			worker.on('message', (m: Result[] | {end: true}) => {
				if (!Array.isArray(m)) {
					done = true;
					void worker.terminate();
					if (++ended === threads && !failed) {
						const store = assemble(files, results, scanSkipped, parseCache);
						// The speakers as matchPeople left them (the same objects as the calls'), with the store's people.
						resolve({store, read: {reads: results.map(r => (r?.call?.turnsJson ? {...r, call: {...r.call, turnsJson: null}} : r)), people: store.people}});
					}
					return;
				}
				for (const r of m) {
					results[r.i] = r;
					if (r.call) warmPeopleOf(r.call);
				}
			});
			worker.once('error', fail);
			// Gone before its last message (out of memory, killed): the caller reads the files itself.
			worker.once('exit', () => !done && fail());
		}
	});
}

/** The store of `files` from the reads a first command kept of them (first-read.ts): nothing is parsed. */
export function storeFromReads(files: readonly FileEntry[], {reads, people}: FirstRead, scanSkipped: readonly Skipped[], parseCache?: ParseCache): Store {
	return assemble(files, reads, scanSkipped, parseCache, people);
}

/** The calls in the files' order; a second file of the same text noted and loaded once, as parseInputs does. */
function assemble(files: readonly FileEntry[], results: readonly (Result | undefined)[], scanSkipped: readonly Skipped[], parseCache?: ParseCache, people?: Person[]): Store {
	const calls: Call[] = [];
	const skipped: Skipped[] = [...scanSkipped];
	const firstOf = new Map<string, string>();
	results.forEach((r, i) => {
		if (!r) {
			skipped.push({path: files[i]!.path, reason: 'not read'});
			return;
		}
		if (r.hash !== undefined) {
			const first = firstOf.get(r.hash);
			if (first !== undefined) {
				skipped.push({path: r.call?.path ?? r.skipped!.path, reason: `the same text as ${first}, loaded once`});
				return;
			}
			firstOf.set(r.hash, r.call?.path ?? r.skipped!.path);
		}
		const file = files[i]!;
		const reparse = () => {
			const loaded = loadFile(file.path);
			return (loaded.ok && parseOne({source: loaded.source, known: file.known, bundled: file.bundled}, parseCache).call?.turns) || [];
		};
		if (r.call) calls.push(fromPortable(r.call, reparse));
		else skipped.push(r.skipped!);
	});
	assignIds(calls);
	if (!people) return indexCalls(calls, skipped);
	// Kept reads: the speakers were matched already, into these people.
	sortCalls(calls);
	return storeOf(calls, people, skipped);
}
