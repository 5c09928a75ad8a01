// The reader's first frame at once: the frame it drew last time, written to
// the terminal before Ink, React and the library are loaded (about 60 ms of
// a start, measured), and then drawn over by the reader's own first frame. As
// powerlevel10k's "instant prompt" does for zsh. Keys typed meanwhile wait in
// the terminal (raw mode, so nothing echoes) and reach the reader once it runs.
//
// Exact, not a guess: a frame is kept under a key of everything a first frame
// is made of: this build and Node, the terminal's size and colour settings,
// the folders asked for, the saved settings, the user's word lists, and the
// index file's stamp (size, mtime and inode of it and of its write-ahead log).
// Any change is a miss, and a miss is an ordinary start. Should the reader's
// own frame differ all the same, it is drawn over a cleared screen.
//
// A frame is kept only from a start that read nothing but the index's
// snapshot or the bundled calls (reader-library.ts says which), with no
// notice on screen; and again on quit, drawn off screen with the settings just
// saved, since the next start opens where this one left off: at this size and
// the last other one used. After the index changed (the reader indexed, or
// `index` ran on a terminal), that frame is drawn from the snapshot the next
// start will read, and kept under the index as that start will find it.
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {INDEX_FILE} from '../model/library/index-db.js';
import {isDrawnFrame} from '../model/input/sanitize.js';
import {peek} from '../ui/settings/settings.js';
import {ENTER_ALT, HIDE_CURSOR, LEAVE_ALT, SHOW_CURSOR} from '../ui/terminal/terminal-codes.js';

/** The build's own id (build.mjs); from source there is none, and no frame is kept. */
declare const __ER_BUILD__: string | undefined;
const BUILD = typeof __ER_BUILD__ === 'string' ? __ER_BUILD__ : null;

const FRAMES = 'frames';
/** Frames kept, the newest: one per terminal size and library in use, about 10–40 KB each. */
const KEEP = 12;
/** A frame file larger than this is not one of ours. */
const MAX_FRAME_BYTES = 1024 * 1024;
/** Until the reader's own handlers are in place, these leave the terminal as it was found, with the status the reader gives them. */
const SIGNALS: [NodeJS.Signals, number][] = [
	['SIGTERM', 143],
	['SIGINT', 130],
	['SIGHUP', 129],
];
// The environment that changes how a frame is drawn: colours (supports-color reads these), widths (the locale).
const ENV = ['TERM', 'COLORTERM', 'FORCE_COLOR', 'NO_COLOR', 'TERM_PROGRAM', 'CI', 'LANG', 'LC_ALL', 'LC_CTYPE', 'EARNINGS_READER_NO_INDEX'];

export interface FrameInputs {
	cols: number;
	rows: number;
	dirs: readonly string[];
	noBundled: boolean;
	/** The saved settings, as the reader starts from them (JSON), or null where there are none. */
	settings: string | null;
	/** The user's word lists as read. */
	lexicons: string;
	/** The index file's stamp, or 'bundled' where the library is the bundled calls alone. */
	library: string;
	env: NodeJS.ProcessEnv;
}

/** The key of a first frame: a hash of all it is made of. */
export function frameKey(build: string, inputs: FrameInputs): string {
	const env = ENV.map(name => inputs.env[name] ?? null);
	const parts = [build, process.version, inputs.cols, inputs.rows, inputs.dirs.map(d => resolve(d)), inputs.noBundled, inputs.settings, inputs.lexicons, inputs.library, env];
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 40);
}

/**
 * The index file and its log as they stand: any write to the index changes
 * one of them. An empty log holds nothing, so it counts as none: a reader
 * that ended without closing the index (its terminal closed) leaves one.
 */
export function indexStamp(cacheDir: string): {db: string; wal: string} {
	const stamp = (file: string) => {
		try {
			const s = statSync(file, {bigint: true});
			return s.size === 0n ? '-' : `${s.ino}:${s.size}:${s.mtimeNs}`;
		} catch {
			return '-';
		}
	};
	const file = join(cacheDir, INDEX_FILE);
	return {db: stamp(file), wal: stamp(`${file}-wal`)};
}

const stampText = (s: {db: string; wal: string}) => `${s.db}/${s.wal}`;

/** A kept frame, if it is one the reader drew (text, line ends, colours), else null. */
export function readFrame(cacheDir: string, key: string): string | null {
	try {
		const file = join(cacheDir, FRAMES, key);
		const s = statSync(file);
		if (!s.isFile() || s.size > MAX_FRAME_BYTES) return null;
		const frame = readFileSync(file, 'utf8');
		return frame.length > 0 && isDrawnFrame(frame) ? frame : null;
	} catch {
		return null;
	}
}

/** Keeps a frame (written beside and renamed, so a reader never sees half of one); the oldest beyond KEEP go. Never throws. */
export function saveFrame(cacheDir: string, key: string, frame: string): void {
	if (!frame || !isDrawnFrame(frame)) return;
	try {
		const dir = join(cacheDir, FRAMES);
		mkdirSync(dir, {recursive: true});
		const file = join(dir, key);
		const part = `${file}.${process.pid}.part`;
		writeFileSync(part, frame);
		renameSync(part, file);
		const kept = readdirSync(dir)
			.map(name => {
				try {
					return {name, time: statSync(join(dir, name)).mtimeMs};
				} catch {
					return {name, time: 0};
				}
			})
			.sort((a, b) => b.time - a.time);
		for (const old of kept.slice(KEEP)) unlinkSync(join(dir, old.name));
	} catch {}
}

export type {InstantFrame} from '../ui/terminal/instant-frame.js';
import type {InstantFrame} from '../ui/terminal/instant-frame.js';

/** Draws the reader's first frame off screen at a size. */
type Draw = (cols: number, rows: number) => Promise<string | null>;

export interface StartOptions {
	cacheDir: string;
	configDir: string;
	dirs: readonly string[];
	noBundled: boolean;
	lexicons: unknown;
	/** The index is in use (dirs given, and not turned off). */
	useIndex: boolean;
}

/**
 * Writes the last frame for these inputs, if there is one, and enters the
 * alternate screen for it. Only on a terminal, with keys from it (not a piped
 * call), in a build.
 */
export function instantFrame(options: StartOptions, out: NodeJS.WriteStream = process.stdout, keys: NodeJS.ReadStream = process.stdin): InstantFrame | null {
	if (!BUILD || !out.isTTY || !keys.isTTY) return null;
	// The bundled calls alone come from the build; a library without the index, from files parsed now: no frame.
	if (options.dirs.length > 0 && !options.useIndex) return null;
	const start = options.dirs.length > 0 ? indexStamp(options.cacheDir) : null;
	const key = frameKey(BUILD, frameInputs(options, out.columns, out.rows, start ? stampText(start) : 'bundled'));
	const onSignal: Partial<Record<NodeJS.Signals, () => void>> = {};
	const shown = readFrame(options.cacheDir, key);
	let restore: (() => void) | null = null;
	if (shown !== null) {
		restore = () => {
			restore = null;
			try {
				keys.setRawMode?.(false);
			} catch {}
			out.write(`${LEAVE_ALT}${SHOW_CURSOR}`);
		};
		process.once('exit', () => restore?.());
		// Until the reader's own handlers are in place: a signal leaves the terminal as it was found.
		for (const [signal, code] of SIGNALS) {
			onSignal[signal] = () => {
				restore?.();
				process.exit(code);
			};
			process.once(signal, onSignal[signal]);
		}
		// Raw mode: a key typed now is not echoed over the frame, and waits for the reader.
		// After the handlers: a signal as soon as the frame shows finds one.
		try {
			keys.setRawMode?.(true);
		} catch {}
		out.write(`${ENTER_ALT}${HIDE_CURSOR}${shown}`);
	}
	return {
		shown,
		keeps: true,
		keep(frame) {
			if (this.keeps && frame !== shown) saveFrame(options.cacheDir, key, frame);
		},
		async keepNext(cols, rows, draw) {
			if (!this.keeps) return false;
			// Only if the index is as it was at start (no write since: its log is empty or gone), so the next start reads what this one did.
			if (start) {
				const now = indexStamp(options.cacheDir);
				if (now.db !== start.db || now.wal !== '-' || start.wal !== '-') return false;
			}
			await keepAtSizes(options, cols, rows, start ? stampText(start) : 'bundled', draw);
			return true;
		},
		keepAfter: (cols, rows, next, draw) => keepForNextStart(options, cols, rows, next, draw),
		handOver() {
			restore = null;
			for (const [signal] of SIGNALS) if (onSignal[signal]) process.off(signal, onSignal[signal]);
		},
		abandon() {
			restore?.();
		},
	};
}

const frameInputs = (options: StartOptions, cols: number, rows: number, library: string): FrameInputs => ({
	cols,
	rows,
	dirs: options.dirs,
	noBundled: options.noBundled,
	settings: JSON.stringify(peek(options.configDir)),
	lexicons: JSON.stringify(options.lexicons),
	library,
	env: process.env,
});

/** The next start's frame, drawn off screen and kept, at this size and the last other one used (recentSizes), for the index as `library` stamps it. */
async function keepAtSizes(options: StartOptions, cols: number, rows: number, library: string, draw: Draw): Promise<void> {
	if (!BUILD) return;
	for (const [c, r] of recentSizes(options.cacheDir, cols, rows)) {
		const key = frameKey(BUILD, frameInputs(options, c, r, library));
		// Kept already (a quit where the reader opened, the settings as they were).
		if (existsSync(join(options.cacheDir, FRAMES, key))) continue;
		try {
			const frame = await draw(c, r);
			if (frame) saveFrame(options.cacheDir, key, frame);
		} catch {
			// A frame not kept: the next start draws its own.
		}
	}
}

/**
 * After the index changed (a reader that indexed, at quit; `index` on a
 * terminal): `next` reads the store the reader's next start will (emptying
 * the index's log first, library-open.ts), and its first frame at this size is
 * kept under the index as that start will find it.
 */
export async function keepForNextStart<S>(options: StartOptions, cols: number, rows: number, next: () => S | null, draw: (store: S, cols: number, rows: number) => Promise<string | null>): Promise<void> {
	if (!BUILD || options.dirs.length === 0 || !options.useIndex) return;
	const store = next();
	if (store === null) return;
	// The index as the next start will find it: its log emptied by next(), nothing left to write.
	const now = indexStamp(options.cacheDir);
	if (now.wal !== '-' || now.db === '-') return;
	await keepAtSizes(options, cols, rows, stampText(now), (c, r) => draw(store, c, r));
}

/** Sizes of the terminal kept for: this one and the last other one used (a tmux pane zoomed and not, two windows). Each is ~30 ms more at a quit at 10,000 calls. */
const SIZES = 2;
/** Beside the frames, not among them (those are pruned by age). */
const SIZES_FILE = 'frame-sizes.json';

/**
 * The terminal sizes to keep the next start's frame for, this one first, and
 * remembered for the next quit. Why: the settings change at most quits (the
 * call open, the place in it), so a frame kept for one size only meant that a
 * reader used in two sizes by turns never found one (seen: every start a miss).
 * The file is ours but read as untrusted: anything but small whole numbers is
 * dropped.
 */
export function recentSizes(cacheDir: string, cols: number, rows: number): [number, number][] {
	const file = join(cacheDir, SIZES_FILE);
	let before: [number, number][] = [];
	try {
		const read = JSON.parse(readFileSync(file, 'utf8')) as unknown;
		if (Array.isArray(read)) before = (read as unknown[]).filter((s): s is [number, number] => Array.isArray(s) && s.length === 2 && (s as unknown[]).every(n => typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= 10_000));
	} catch {}
	const others = before.filter(([c, r]) => c !== cols || r !== rows);
	const sizes: [number, number][] = [[cols, rows] as [number, number], ...others].slice(0, SIZES);
	if (JSON.stringify(sizes) !== JSON.stringify(before.slice(0, SIZES))) {
		try {
			mkdirSync(cacheDir, {recursive: true});
			writeFileSync(file, JSON.stringify(sizes));
		} catch {}
	}
	return sizes;
}
