// The library's folders on disk: every file once, with its size and mtime,
// and a signature of them all. Kept apart from parsing and SQLite, so that a
// worker can scan while the main thread reads the index (cli/scan-worker.ts).
import {createHash} from 'node:crypto';
import {statSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {bundledFolder, readManifest} from '../input/bundled.js';
import {listPath, type Skipped} from '../input/load.js';
import type {ManifestEntry} from '../store/store.js';
import {PARSER_VERSION} from './version.js';

/** A file of the library, as found on disk. */
export interface FileEntry {
	/** The path to open (resolved). */
	path: string;
	size: number;
	mtime: number;
	known?: ManifestEntry;
	bundled?: boolean;
	/** The text's hash when it was last indexed (a file touched but not changed is then not parsed again). */
	hash?: string;
}

/** The folders' files (bundled calls first), each once, and the folders or files that cannot be read. */
export function scanLibrary(dirs: readonly string[], withBundled: boolean): {files: FileEntry[]; roots: string[]; skipped: Skipped[]} {
	const files: FileEntry[] = [];
	const skipped: Skipped[] = [];
	const seen = new Set<string>();
	const roots: string[] = [];
	const add = (path: string, extra: Partial<FileEntry> = {}) => {
		if (seen.has(path)) return;
		seen.add(path);
		try {
			const stat = statSync(path, {throwIfNoEntry: false});
			if (stat) files.push({path, size: stat.size, mtime: stat.mtimeMs, ...extra});
			else files.push({path, size: -1, mtime: -1, ...extra});
		} catch {
			// listPath found it a moment ago; loadFile will say why it cannot be read.
			files.push({path, size: -1, mtime: -1, ...extra});
		}
	};
	if (withBundled) {
		const folder = bundledFolder();
		if (!folder) skipped.push({path: 'transcripts/', reason: 'bundled transcripts not found beside the program'});
		else for (const entry of readManifest(folder)) add(join(folder, entry.file), {known: entry, bundled: true});
	}
	for (const dir of dirs) {
		const root = resolve(dir);
		roots.push(root);
		const listed = listPath(root);
		for (const file of listed.files) add(file);
		skipped.push(...listed.skipped);
	}
	return {files, roots, skipped};
}

/**
 * What a start needs of the files: their paths and stamps, and the parser's
 * version. When they are as they were when the store was last worked out, the
 * store's list is read back whole (one row), and the index is not compared
 * file by file (measured on 10,000 calls: ~30 ms against ~150).
 */
export function scanSignature(files: readonly FileEntry[]): string {
	const hash = createHash('sha1').update(`parser ${PARSER_VERSION}\n`);
	for (const f of files) hash.update(`${f.path}\u0000${f.size}\u0000${f.mtime}\n`);
	return hash.digest('hex');
}

