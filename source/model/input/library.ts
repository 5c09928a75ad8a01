// Loading the bundled calls (found beside the installed package, never in the
// current folder) and any folders the user adds with --dir, into one store.
import {join, resolve} from 'node:path';
import {bundledFolder, readManifest} from './bundled.js';
import {loadBytes, loadFile, loadPath, type Skipped} from './load.js';

/** The source name a piped transcript gets. */
export const STDIN = 'stdin';
import {buildStore, type ParseCache, type Store, type StoreInput} from '../store/store.js';

export {bundledFolder, readManifest};

export interface LibraryOptions {
	/** Folders or files the user adds (`--dir`). */
	dirs?: readonly string[];
	/** Skip the bundled calls (tests, and `cat call.txt | earnings-reader`). */
	noBundled?: boolean;
	/** A transcript piped on standard input (`cat call.txt | earnings-reader`). */
	stdin?: Uint8Array;
	/** Parses made earlier (the build's, of the bundled calls); see store.ts. */
	cache?: ParseCache;
}

export function loadLibrary(options: LibraryOptions = {}): Store {
	const {inputs, skipped} = collectInputs(options);
	return buildStore(inputs, skipped, options.cache);
}

/** Read the files (the I/O half of loading); parsing is the store's. */
export function collectInputs(options: LibraryOptions = {}): {inputs: StoreInput[]; skipped: Skipped[]} {
	const inputs: StoreInput[] = [];
	const skipped: Skipped[] = [];
	if (!options.noBundled) {
		const folder = bundledFolder();
		if (!folder) skipped.push({path: 'transcripts/', reason: 'bundled transcripts not found beside the program'});
		else {
			for (const entry of readManifest(folder)) {
				const result = loadFile(join(folder, entry.file));
				if (result.ok) inputs.push({source: result.source, known: entry, bundled: true});
				else skipped.push(result.skipped);
			}
		}
	}
	for (const dir of options.dirs ?? []) {
		const {sources, skipped: bad} = loadPath(resolve(dir));
		for (const source of sources) inputs.push({source});
		for (const s of bad) skipped.push(s);
	}
	if (options.stdin?.length) {
		const piped = loadBytes(options.stdin, STDIN);
		if (piped.ok) inputs.push({source: piped.source});
		else skipped.push(piped.skipped);
	}
	return {inputs, skipped};
}
