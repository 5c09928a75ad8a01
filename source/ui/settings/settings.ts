// Settings kept across restarts: open call, scroll per call, filter and mode,
// sidebar on/off, bookmarks. Stored with `conf` in the per-user config folder
// (XDG_CONFIG_HOME honoured; EARNINGS_READER_CONFIG_DIR overrides, for tests).
//
// Start-up reads the JSON directly (a few hundred bytes, no validation library)
// so the first frame already shows the saved call; `conf` itself is imported
// after the first frame. The file is read only when it is a regular file of a
// bounded size (a FIFO would hang the reader, /dev/zero fill its memory), and
// every value is checked key by key (settings-values.ts). A damaged file is
// moved aside — never silently discarded, as conf's clearInvalidConfig would —
// and the user is told.
//
// Every write re-reads the file under a lock and merges the bookmarks, so two
// readers open at once both keep theirs. A write that fails (a read-only
// folder, a full disk) is said at once; what was not written stays in memory
// and is tried again.
import {closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync, constants} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import type {Bookmark} from '../../model/documents/bookmarks.js';
import {cleanLine} from '../../model/input/sanitize.js';
import {checkSettings, mergeBookmarks, type SavedSettings} from './settings-values.js';

export type {SavedSettings} from './settings-values.js';

/** What a write did: the error if it failed; the bookmarks as they now are on disk (other readers' merged in). */
export interface WriteResult {
	error: string | null;
	bookmarks: Bookmark[] | null;
}

export interface Settings {
	initial: SavedSettings;
	/** Import conf and check the file; resolves to a notice for the user, or null. */
	start(): Promise<string | null>;
	/** Debounced: many key presses make one write. */
	save(settings: SavedSettings): void;
	/** Write now (on quit, after a bookmark). */
	flush(): WriteResult;
	/** The settings file (named in messages). */
	path: string;
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
	if (env['EARNINGS_READER_CONFIG_DIR']) return env['EARNINGS_READER_CONFIG_DIR'];
	return join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'earnings-reader');
}

const FILE = 'config.json';
const KEY = 'reader';
/** A settings file larger than this is not ours (or is damaged): it is not read. */
export const MAX_SETTINGS_BYTES = 4 * 1024 * 1024;

type FileRead =
	| {kind: 'missing'}
	| {kind: 'ok'; data: Record<string, unknown>; bom: boolean}
	| {kind: 'damaged'; why: string}
	| {kind: 'unreadable'; why: string};

/** The file's JSON, read only from a regular file of bounded size; never blocks, never throws. */
export function readSettingsFile(file: string): FileRead {
	let fd: number;
	try {
		// O_NONBLOCK: opening a FIFO must not wait for a writer.
		fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return code === 'ENOENT' ? {kind: 'missing'} : {kind: 'unreadable', why: reason(error)};
	}
	try {
		const stat = fstatSync(fd);
		if (!stat.isFile()) return {kind: 'damaged', why: 'not a regular file'};
		if (stat.size > MAX_SETTINGS_BYTES) return {kind: 'damaged', why: `larger than ${MAX_SETTINGS_BYTES / 1048576} MB`};
		const bytes = Buffer.alloc(stat.size);
		let got = 0;
		while (got < bytes.length) {
			const n = readSync(fd, bytes, got, bytes.length - got, got);
			if (n === 0) break;
			got += n;
		}
		let text = bytes.subarray(0, got).toString('utf8');
		const bom = text.startsWith('\uFEFF');
		if (bom) text = text.slice(1);
		let data: unknown;
		try {
			data = JSON.parse(text);
		} catch {
			return {kind: 'damaged', why: 'not valid JSON'};
		}
		if (data === null || typeof data !== 'object' || Array.isArray(data)) return {kind: 'damaged', why: 'not a JSON object'};
		return {kind: 'ok', data: data as Record<string, unknown>, bom};
	} catch (error) {
		return {kind: 'unreadable', why: reason(error)};
	} finally {
		closeSync(fd);
	}
}

/** The saved settings as they are on disk, every value checked; `dropped` names what was not well-formed. */
export function peekChecked(dir: string): {settings: SavedSettings; dropped: string[]} {
	const read = readSettingsFile(join(dir, FILE));
	return read.kind === 'ok' ? checkSettings(read.data[KEY]) : {settings: {}, dropped: []};
}

/** The saved settings (the CLI's `bookmarks`, start-up). */
export const peek = (dir: string): SavedSettings => peekChecked(dir).settings;

const REASONS: Record<string, string> = {EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'read-only file system', ENOSPC: 'no space left on the device', EDQUOT: 'disk quota exceeded', ENOTDIR: 'a file stands where a folder should be'};
function reason(error: unknown): string {
	const e = error as NodeJS.ErrnoException;
	return cleanLine(REASONS[e?.code ?? ''] ?? e?.code ?? String((e as Error)?.message ?? error));
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/** Sleeps without returning to the event loop (the lock is held for a few ms at most). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `body` holding `file.lock` (made with O_EXCL, holding our pid). A lock
 * whose process is gone, or older than 10 s, is taken over; after 2 s of
 * waiting the write goes ahead anyway (a lost lock must not lose the write).
 */
function withLock<T>(file: string, body: () => T): T {
	const lock = `${file}.lock`;
	let held = false;
	for (let waited = 0; waited < 2000 && !held; ) {
		try {
			const fd = openSync(lock, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			held = true;
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code !== 'EEXIST') throw error;
			if (lockIsStale(lock)) {
				try {
					unlinkSync(lock);
				} catch {}
				continue;
			}
			pause(10);
			waited += 10;
		}
	}
	try {
		return body();
	} finally {
		if (held) {
			try {
				unlinkSync(lock);
			} catch {}
		}
	}
}

function lockIsStale(lock: string): boolean {
	try {
		if (Date.now() - statSync(lock).mtimeMs > 10_000) return true;
		const pid = readLockPid(lock);
		if (pid === null) return false;
		try {
			process.kill(pid, 0);
			return false;
		} catch (error) {
			return (error as NodeJS.ErrnoException).code === 'ESRCH';
		}
	} catch {
		return true;
	}
}

function readLockPid(lock: string): number | null {
	try {
		const fd = openSync(lock, constants.O_RDONLY | constants.O_NONBLOCK);
		try {
			const bytes = Buffer.alloc(16);
			const n = readSync(fd, bytes, 0, 16, 0);
			const pid = Number.parseInt(bytes.subarray(0, n).toString('utf8'), 10);
			return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
		} finally {
			closeSync(fd);
		}
	} catch {
		return null;
	}
}

/**
 * Temporary files a killed writer left (conf's `config.json.tmp-…`, ours
 * `config.json.PID.tmp`), older than a minute so that another reader's
 * write in progress is never touched.
 */
export function removeLeftovers(dir: string, now = Date.now()): void {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return;
	}
	for (const name of names) {
		if (!/^config\.json\.(?:tmp-\w+|\d+\.tmp)$/.test(name)) continue;
		try {
			if (now - statSync(join(dir, name)).mtimeMs > 60_000) unlinkSync(join(dir, name));
		} catch {}
	}
}

type ConfStore = {set(key: string, value: unknown): void};

export function fileSettings(dir = configDir(), debounceMs = 300): Settings {
	const file = join(dir, FILE);
	let conf: ConfStore | null = null;
	// conf loads after the first frame; until then saves wait, and flush writes directly.
	// 'off': the file could not be read or set aside, so it is never written over.
	let state: 'loading' | 'ready' | 'off' = 'loading';
	let pending: SavedSettings | null = null;
	let timer: NodeJS.Timeout | null = null;
	const checked = peekChecked(dir);
	// The bookmarks this reader held when it last read or wrote: the base of the merge.
	let base: Bookmark[] = checked.settings.bookmarks ?? [];

	/** One write: under the lock, the file re-read, the bookmarks merged, written beside the old file and renamed over it. */
	const writeNow = (settings: SavedSettings): WriteResult =>
		withLock(file, () => {
			const read = readSettingsFile(file);
			if (read.kind === 'damaged' || read.kind === 'unreadable') {
				// Left for start() to set aside (or for the user): never written over.
				return {error: `the settings file is ${read.why}`, bookmarks: null};
			}
			const onDisk = read.kind === 'ok' ? checkSettings(read.data[KEY]).settings : {};
			const bookmarks = settings.bookmarks ? mergeBookmarks(onDisk.bookmarks ?? [], base, settings.bookmarks) : onDisk.bookmarks;
			const value: SavedSettings = {...settings, ...(bookmarks ? {bookmarks} : {})};
			if (state === 'ready' && conf && !(read.kind === 'ok' && read.bom)) conf.set(KEY, value);
			else writeDirect(file, read.kind === 'ok' ? read.data : {}, value);
			// The base of the next merge is what this reader held: a bookmark another
			// reader wrote is in neither, so it is never taken as deleted here.
			if (settings.bookmarks) base = settings.bookmarks;
			return {error: null, bookmarks: bookmarks ?? null};
		});

	const write = (now: boolean): WriteResult => {
		if (timer) clearTimeout(timer);
		timer = null;
		if (!pending) return {error: null, bookmarks: null};
		if (state === 'off') return {error: 'settings are not being saved (see the notice at start)', bookmarks: null};
		// Before conf: a debounced save waits for start(); a flush writes now.
		if (state === 'loading' && !now) return {error: null, bookmarks: null};
		try {
			mkdirSync(dir, {recursive: true});
			const result = writeNow(pending);
			if (!result.error) pending = null;
			return result;
		} catch (error) {
			// Kept in `pending`: the next save or flush tries again.
			return {error: `${reason(error)} (${cleanLine(file)})`, bookmarks: null};
		}
	};

	return {
		initial: checked.settings,
		path: cleanLine(file),
		async start() {
			removeLeftovers(dir);
			const notices: string[] = [];
			if (checked.dropped.length) notices.push(`Settings: ignored ${checked.dropped.join(', ')} (not well-formed); the rest is kept.`);
			const read = readSettingsFile(file);
			if (read.kind === 'damaged') {
				const aside = `${file}.damaged-${stamp()}`;
				try {
					renameSync(file, aside);
					notices.push(`Settings file was ${read.why === 'not valid JSON' ? 'damaged' : read.why}; kept it as ${cleanLine(aside)} and started with defaults.`);
				} catch (error) {
					state = 'off';
					pending = null;
					return `Settings could not be read (${read.why}; ${reason(error)}); using defaults, not saving.`;
				}
			} else if (read.kind === 'unreadable') {
				state = 'off';
				pending = null;
				return `Settings could not be read (${read.why}); using defaults, not saving.`;
			}
			try {
				const {default: Conf} = await import('conf');
				// A BOM is read, not taken as damage (start-up read it the same way).
				conf = new Conf({cwd: dir, configName: 'config', projectSuffix: '', clearInvalidConfig: false, deserialize: (text: string) => JSON.parse(text.replace(/^\uFEFF/, ''))}) as unknown as ConfStore;
			} catch {
				// conf would not open the folder (read-only, say): writes go direct, and say so if they fail.
				conf = null;
			}
			state = 'ready';
			const result = write(true);
			if (result.error) notices.push(`Settings not saved: ${result.error}.`);
			return notices.join(' ') || null;
		},
		save(settings) {
			pending = settings;
			if (timer) clearTimeout(timer);
			timer = setTimeout(() => write(false), debounceMs);
			timer.unref?.();
		},
		flush: () => write(true),
	};
}

/**
 * Writes the settings without conf: beside the old file, renamed over it (a
 * crash leaves one or the other whole), keeping the file's other keys.
 */
function writeDirect(file: string, data: Record<string, unknown>, settings: SavedSettings): void {
	writeJson(file, {...data, [KEY]: settings});
}

const LIBRARY = 'library';

/**
 * The folders of the user's library (`earnings-reader add`), as saved: paths,
 * each a string, cleaned of controls. A missing or damaged file is no folders.
 */
export function libraryFolders(dir = configDir()): string[] {
	const read = readSettingsFile(join(dir, FILE));
	if (read.kind !== 'ok') return [];
	const value = read.data[LIBRARY] as {folders?: unknown} | undefined;
	const folders = value && typeof value === 'object' && Array.isArray(value.folders) ? value.folders : [];
	return [...new Set(folders.filter((f): f is string => typeof f === 'string' && f !== '' && cleanLine(f) === f))];
}

/**
 * Changes the library's folders under the settings lock, keeping every other
 * key of the file. A damaged or unreadable file is not written over: the
 * error says why (the reader sets such a file aside at its next start).
 */
export function changeLibraryFolders(change: (folders: string[]) => string[], dir = configDir()): {folders: string[]; error: string | null} {
	const result = changeKey(LIBRARY, () => libraryFolders(dir), change, dir, [] as string[], folders => ({folders}));
	return {folders: result.value, error: result.error};
}

const AUDIO = 'audio';

/** Where recordings are found and what plays them (`earnings-reader audio`). */
export interface AudioSettings {
	/** A player's name on PATH or its path; null: the first of mpv, ffplay, vlc on PATH. */
	player: string | null;
	/** Folders holding recordings named as their transcripts are (or by the call's id). */
	folders: string[];
}

const cleanString = (value: unknown): string | null => (typeof value === 'string' && value !== '' && cleanLine(value) === value ? value : null);

/** The audio settings as saved; a value of the wrong kind, or holding control characters, is left out. */
export function audioSettings(dir = configDir()): AudioSettings {
	const read = readSettingsFile(join(dir, FILE));
	const value = read.kind === 'ok' ? (read.data[AUDIO] as {player?: unknown; folders?: unknown} | undefined) : undefined;
	if (!value || typeof value !== 'object') return {player: null, folders: []};
	const folders = Array.isArray(value.folders) ? value.folders.map(cleanString).filter((f): f is string => f !== null) : [];
	return {player: cleanString(value.player), folders: [...new Set(folders)]};
}

/** Changes the audio settings under the settings lock, keeping every other key of the file. */
export function changeAudioSettings(change: (audio: AudioSettings) => AudioSettings, dir = configDir()): {audio: AudioSettings; error: string | null} {
	const result = changeKey(AUDIO, () => audioSettings(dir), change, dir, {player: null, folders: []}, audio => ({...audio}));
	return {audio: result.value, error: result.error};
}

/**
 * Reads one key's value, changes it and writes the file back under the lock,
 * the other keys kept. A damaged or unreadable file is not written over.
 */
function changeKey<T>(key: string, current: () => T, change: (value: T) => T, dir: string, empty: T, stored: (value: T) => object): {value: T; error: string | null} {
	const file = join(dir, FILE);
	try {
		mkdirSync(dir, {recursive: true});
		return withLock(file, () => {
			const read = readSettingsFile(file);
			if (read.kind === 'damaged' || read.kind === 'unreadable') return {value: empty, error: `the settings file ${file} is ${read.why}`};
			const value = change(current());
			const data = read.kind === 'ok' ? read.data : {};
			writeJson(file, {...data, [key]: {...(data[key] as object | undefined), ...stored(value)}});
			return {value, error: null};
		});
	} catch (error) {
		return {value: empty, error: `cannot write ${file}: ${reason(error)}`};
	}
}

const MARKDOWN = 'markdown';

/**
 * Where E writes its Markdown: EARNINGS_READER_MARKDOWN_DIR, else the folder
 * kept in the settings (`earnings-reader markdown-folder DIR`), else
 * ~/earnings-reader. Never the current folder: under npx that is wherever
 * the user stood, or the package itself.
 */
export function markdownFolder(dir = configDir(), env: NodeJS.ProcessEnv = process.env): string {
	const named = env['EARNINGS_READER_MARKDOWN_DIR']?.trim();
	if (named) return named;
	const read = readSettingsFile(join(dir, FILE));
	const value = read.kind === 'ok' ? (read.data[MARKDOWN] as {folder?: unknown} | undefined) : undefined;
	const folder = value && typeof value === 'object' ? cleanString(value.folder) : null;
	return folder ?? join(homedir(), 'earnings-reader');
}

/** Keeps the folder E writes to (null: back to ~/earnings-reader), under the settings lock. */
export function changeMarkdownFolder(folder: string | null, dir = configDir()): {error: string | null} {
	return changeKey(MARKDOWN, () => folder, () => folder, dir, null, value => ({folder: value}));
}

function writeJson(file: string, data: Record<string, unknown>): void {
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		writeFileSync(temporary, JSON.stringify(data, null, '\t'));
		renameSync(temporary, file);
	} catch (error) {
		try {
			unlinkSync(temporary);
		} catch {}
		throw error;
	}
}

/** In memory, for tests and for stdin-only sessions. */
export function memorySettings(initial: SavedSettings = {}): Settings & {saved: SavedSettings | null} {
	const s = {
		initial,
		path: '(memory)',
		saved: null as SavedSettings | null,
		start: async () => null,
		save(settings: SavedSettings) {
			s.saved = settings;
		},
		flush: (): WriteResult => ({error: null, bookmarks: null}),
	};
	return s;
}
