// `add`, `remove`, `library` and `index`: the user's folders, kept in the
// settings, and the index on disk that makes them quick to open.
import {existsSync, readdirSync, rmSync, statSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {cacheDir, indexFiles, info, openIndex} from '../model/library/index-db.js';
import {lockHolder} from '../model/library/index-lock.js';
import {progressLine, type SyncProgress} from '../model/library/sync.js';
import {changeLibraryFolders, configDir, libraryFolders} from '../ui/settings/settings.js';
import {cleanLine} from '../model/input/sanitize.js';
import {err, out} from './output.js';

/** The progress line on a terminal's stderr; nothing on a pipe. */
export function stderrProgress(): ((p: SyncProgress) => void) | undefined {
	if (!process.stderr.isTTY) return undefined;
	let last = 0;
	return p => {
		const now = Date.now();
		if (p.done < p.total && now - last < 100) return;
		last = now;
		process.stderr.write(p.done < p.total ? `\r\u001B[K${progressLine(p)}` : '\r\u001B[K');
	};
}

export function addFolders(paths: string[]): number {
	const bad = paths.filter(p => !existsSync(p));
	if (bad.length) {
		err(`earnings-reader: no such file or folder: ${bad.map(cleanLine).join(', ')}\n`);
		return 2;
	}
	const wanted = paths.map(p => resolve(p));
	const unsafe = wanted.filter(p => cleanLine(p) !== p);
	if (unsafe.length) {
		err(`earnings-reader: a path with control characters is not kept: ${unsafe.map(cleanLine).join(', ')}\n`);
		return 2;
	}
	let added: string[] = [];
	const result = changeLibraryFolders(folders => {
		added = wanted.filter(p => !folders.includes(p));
		return [...folders, ...added];
	});
	if (result.error) {
		err(`earnings-reader: ${result.error}\n`);
		return 1;
	}
	for (const p of wanted) out(added.includes(p) ? `added ${p}\n` : `${p} is already in the library\n`);
	return 0;
}

export function removeFolders(paths: string[]): number {
	const wanted = paths.map(p => resolve(p));
	let removed: string[] = [];
	const result = changeLibraryFolders(folders => {
		removed = folders.filter(f => wanted.includes(f));
		return folders.filter(f => !wanted.includes(f));
	});
	if (result.error) {
		err(`earnings-reader: ${result.error}\n`);
		return 1;
	}
	for (const p of wanted) out(removed.includes(p) ? `removed ${cleanLine(p)} (its calls stay in the index until 'earnings-reader index --rebuild')\n` : `${cleanLine(p)} is not in the library\n`);
	return removed.length === wanted.length ? 0 : 1;
}

const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

function indexSize(): number {
	return indexFiles(cacheDir()).reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);
}

export interface LibraryFigures {
	calls: number;
	flagged: number;
	skipped: number;
}

/** `library`: the folders, with the calls and flagged files of the library as loaded. */
export function showLibrary(figures: LibraryFigures): number {
	const folders = libraryFolders(configDir());
	out(folders.length ? `Folders (${folders.length}):\n${folders.map(f => `  ${f}${existsSync(f) ? '' : '  (missing)'}\n`).join('')}` : "No folders yet: 'earnings-reader add PATH' adds one (the bundled calls are always there; --no-bundled leaves them out).\n");
	out(`Calls: ${figures.calls.toLocaleString('en-US')} (${figures.flagged} flagged: see 'earnings-reader check'), files not loaded: ${figures.skipped}\n`);
	out(`Index: ${cacheDir()} (${megabytes(indexSize())})\n`);
	return 0;
}

/** `index --status`: calls, size on disk, last run. */
export function indexStatus(): number {
	const opened = openIndex(cacheDir());
	if (!opened.index) {
		out(`Index: none (${opened.notice})\n`);
		return 1;
	}
	const {db} = opened.index;
	const calls = db.prepare('SELECT count(*) FROM calls').pluck().get() as number;
	const files = db.prepare('SELECT count(*) FROM files').pluck().get() as number;
	const last = info(db, 'last_run');
	db.close();
	const run = last ? (JSON.parse(last) as {at: string; files: number; removed: number; ms: number}) : null;
	out(`Index: ${opened.index.file}\nCalls: ${calls.toLocaleString('en-US')} (of ${files.toLocaleString('en-US')} files read)\nSize on disk: ${megabytes(indexSize())}\nLast run: ${run ? `${run.at}, ${run.files} files indexed, ${run.removed} removed, in ${(run.ms / 1000).toFixed(1)} s` : 'never'}\n`);
	const job = lockHolder(opened.index.dir);
	if (job !== null) out(`Indexing now: in the background (process ${job})\n`);
	if (opened.notice) err(`earnings-reader: ${opened.notice}\n`);
	return 0;
}

/** `index --rebuild`: the index deleted (and those of other versions of the program), to be made again by the command that follows. */
export function deleteIndex(): void {
	const dir = cacheDir();
	for (const f of indexFiles(dir)) rmSync(f, {force: true});
	try {
		for (const name of readdirSync(dir)) if (/^index-v\d+\.db(?:-wal|-shm)?$/.test(name)) rmSync(join(dir, name), {force: true});
	} catch {}
}
