// Where the bundled calls are (beside the installed package, never in the
// current folder), and their manifest: kept apart from loading, so that a
// scan of the library's folders loads no parser.
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import type {ManifestEntry} from '../store/store.js';

/** The package's `transcripts/` folder: beside `dist/` when installed, beside `source/` in a clone. */
export function bundledFolder(): string | null {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (let i = 0; i < 5; i++) {
		const candidate = join(dir, 'transcripts');
		if (existsSync(join(candidate, 'calls.json'))) return candidate;
		dir = dirname(dir);
	}
	return null;
}

export function readManifest(folder: string): ManifestEntry[] {
	const data = JSON.parse(readFileSync(join(folder, 'calls.json'), 'utf8')) as {calls: ManifestEntry[]};
	return data.calls;
}

