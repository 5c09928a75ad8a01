// Loading the store for the CLI and the reader, as fast as start-up allows.
import {readFileSync} from 'node:fs';
import {Worker} from 'node:worker_threads';
import {loadLibrary, type LibraryOptions} from '../model/input/library.js';
import type {Skipped} from '../model/input/load.js';
import {indexCalls, type ParseCache, type Store} from '../model/store/store.js';
import type {Call} from '../model/types.js';

/**
 * Where the build writes the bundled calls' parses (build.mjs): beside the
 * entry points, cli.js and parse-worker.js. Each entry passes its own URL in,
 * since this module may land in a shared chunk one folder down.
 */
export const parseCacheUrl = (entry: string) => new URL('./parsed-calls.json', entry);

/**
 * The build's parses of the bundled calls, or nothing (a clone run from
 * source, a damaged file): then every call is parsed, which is only slower.
 */
export function readParseCache(url: URL): ParseCache | undefined {
	try {
		const data = JSON.parse(readFileSync(url, 'utf8')) as unknown;
		return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as ParseCache) : undefined;
	} catch {
		return undefined;
	}
}

export function loadStore(options: Omit<LibraryOptions, 'cache'>, cache: URL): Store {
	return loadLibrary({...options, cache: readParseCache(cache)});
}

/**
 * The reader's store. With the bundled calls alone, their parses come from the
 * build's cache in ~5 ms, here. Transcripts the user adds (`--dir`) are parsed
 * on a worker thread while this thread imports Ink (measured: ~45 ms and ~95 ms
 * cold, on a two-core machine). Any trouble with the worker and the calls are
 * loaded here instead.
 */
export function storeForReader(cache: URL, dirs: string[], stdin?: Uint8Array, noBundled = false): Promise<Store> {
	const here = () => loadStore({dirs, stdin, noBundled}, cache);
	// One piped transcript is quicker to parse here than a worker is to start.
	if (dirs.length === 0) return Promise.resolve(here());
	return new Promise(resolve => {
		let worker: Worker;
		try {
			worker = new Worker(new URL('./parse-worker.js', import.meta.url), {workerData: {dirs, cache: cache.href, noBundled}});
		} catch {
			resolve(here());
			return;
		}
		let done = false;
		worker.once('message', (m: {calls: Call[]; skipped: Skipped[]}) => {
			done = true;
			resolve(indexCalls(m.calls, m.skipped));
			void worker.terminate();
		});
		worker.once('error', () => !done && ((done = true), resolve(here())));
		worker.once('exit', () => !done && ((done = true), resolve(here())));
	});
}
