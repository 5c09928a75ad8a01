// The interactive path: terminal in, app up, terminal restored on every way out
// (q, Ctrl+C, SIGTERM, SIGHUP, an error). Ink 6 has no alternate-screen option,
// so we enter and leave it here.
import {applyLexicons} from '../model/metrics/language.js';
import type {UserLexicons} from '../model/metrics/user-lexicons.js';
import {openSync} from 'node:fs';
import {exitClosingStdio} from './terminal/exit.js';
import {ReadStream} from 'node:tty';
import {render} from 'ink';
import {STDIN} from '../model/input/library.js';
import type {Store} from '../model/store/store.js';
import {useEffect, useState} from 'react';
import {App} from './App.js';
import type {InstantFrame} from './terminal/instant-frame.js';
import {FakeStdin, FakeStdout} from './terminal/fake-terminal.js';
import {ENTER_ALT, HIDE_CURSOR, LEAVE_ALT, REDRAW, SHOW_CURSOR} from './terminal/terminal-codes.js';
import {configDir, fileSettings, memorySettings, peek, type Settings} from './settings/settings.js';

/** Indexing after the first frame (cli/reader-library.ts): progress, then a new store. */
export interface Background {
	start(hooks: {progress(line: string): void; done(store: Store, notice?: string): void; failed(why: string): void; quiet(): void}): () => void;
}

/**
 * The app, and the store it shows: when the index has taken in new and changed
 * files, the new store comes in and the app starts again on it, at the same
 * call and place (the settings it last saved).
 */
function Root(props: {store: Store; settings: Settings; notices: readonly string[]; background?: Background; onStore?: () => void; suspend?: (notStopped: () => void) => void}) {
	const [store, setStore] = useState(props.store);
	const [generation, setGeneration] = useState(0);
	const [indexing, setIndexing] = useState<string | null>(null);
	// The library's notices are the CLI's lines ("reading from memory: …"): a sentence on the status bar.
	const [notice, setNotice] = useState<string | null>(props.notices[0] ? `${props.notices[0].charAt(0).toUpperCase()}${props.notices[0].slice(1)}.` : null);
	useEffect(() => {
		if (!props.background) return;
		// After the first frame: the reader is drawn before the worker starts.
		let stopWorker = () => {};
		const timer = setTimeout(() => {
			stopWorker = props.background!.start({
				progress: setIndexing,
				done(next, said) {
					props.onStore?.();
					setIndexing(null);
					setStore(next);
					setGeneration(g => g + 1);
					setNotice(said ?? `Indexed: ${next.calls.length.toLocaleString('en-US')} calls.`);
				},
				failed(why) {
					setIndexing(null);
					setNotice(`Not indexed: ${why}`);
				},
				quiet() {
					setIndexing(null);
				},
			});
		}, 50);
		return () => {
			clearTimeout(timer);
			stopWorker();
		};
	}, []);
	return <App key={generation} store={store} settings={props.settings} indexing={indexing} notice={notice} suspend={props.suspend} />;
}

/** Keys come from stdin, or from the terminal itself when stdin is not one (as `less` does). */
function keyboard(): NodeJS.ReadStream | null {
	if (process.stdin.isTTY) return process.stdin;
	try {
		return new ReadStream(openSync('/dev/tty', 'r')) as unknown as NodeJS.ReadStream;
	} catch {
		return null;
	}
}

/**
 * The reader's first frame as a start with the saved settings draws it, off
 * screen: on quit, for the next start's instant frame (cli/instant-frame.ts),
 * and after `index` on a terminal (with the user's word lists: in this
 * bundle's copy of the measures, as the reader applies them).
 */
export async function drawFirstFrame(store: Store, cols: number, rows: number, lexicons?: UserLexicons): Promise<string | null> {
	if (lexicons && Object.keys(lexicons).length) applyLexicons(lexicons);
	const stdout = new FakeStdout(cols, rows);
	const frame = () => stdout.frames.find(f => f.includes('\n')) ?? null;
	const app = render(<App store={store} settings={memorySettings(peek(configDir()))} indexing={null} notice={null} />, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: new FakeStdout(cols, rows) as unknown as NodeJS.WriteStream,
		stdin: new FakeStdin() as unknown as NodeJS.ReadStream,
		exitOnCtrlC: false,
		patchConsole: false,
		incrementalRendering: false,
	});
	for (let i = 0; i < 10 && frame() === null; i++) await new Promise(resolve => setImmediate(resolve));
	app.unmount();
	return frame();
}

/**
 * Ink's first frame, as it writes it: kept for the next start; and not
 * written again when it is the frame on screen already, or written over a
 * cleared screen when it is not.
 */
function onFirstFrame(shown: string | null, seen: (frame: string) => void): void {
	const stdout = process.stdout;
	const write = stdout.write;
	stdout.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
		// The frame is the first write of more than one line (before it, Ink hides the cursor).
		if (typeof chunk === 'string' && chunk.includes('\n')) {
			stdout.write = write;
			seen(chunk);
			if (shown !== null) {
				if (chunk === shown) return true;
				chunk = `${REDRAW}${chunk}`;
			}
		}
		return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
	} as typeof stdout.write;
}

/** The store comes loaded (cli/load-store.ts), so Ink's import and the loading overlap. */
export async function runInteractive(store: Store, more: {notices?: readonly string[]; background?: Background; lexicons?: UserLexicons; instant?: InstantFrame | null; nextStart?: () => Store | null} = {}): Promise<number> {
	const instant = more.instant ?? null;
	// The user's word lists, in this bundle's copy of the measures (before any is worked out).
	if (more.lexicons && Object.keys(more.lexicons).length) applyLexicons(more.lexicons);
	const stdin = keyboard();
	if (!stdin) {
		instant?.abandon();
		process.stderr.write('earnings-reader: no terminal to read keys from; try: earnings-reader show CALL\n');
		return 2;
	}
	const badStdin = store.skipped.find(s => s.path === STDIN);
	if (badStdin) {
		instant?.abandon();
		process.stderr.write(`earnings-reader: standard input: ${badStdin.reason}\n`);
		return 2;
	}
	if (store.calls.length === 0) {
		instant?.abandon();
		process.stderr.write('earnings-reader: no transcripts to show\n');
		return 2;
	}
	const settings = fileSettings();
	// A piped call opens, not the one from last time.
	settings.initial.call = store.calls.find(c => c.source === STDIN)?.id ?? settings.initial.call;

	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		try {
			if (stdin.isTTY) stdin.setRawMode?.(false);
		} catch {}
		process.stdout.write(`${LEAVE_ALT}${SHOW_CURSOR}`);
	};
	let app: ReturnType<typeof render> | undefined;
	const stop = (code: number) => () => {
		settings.flush();
		app?.unmount();
		restore();
		process.exit(code);
	};
	process.once('SIGTERM', stop(143));
	process.once('SIGINT', stop(130));
	// The terminal is gone (its window closed): save, write nothing more to it,
	// and leave with a status, never a signal (see exitClosingStdio).
	let gone = false;
	const hangUp = (code: number) => {
		if (gone) return;
		gone = true;
		restored = true;
		try {
			settings.flush();
		} catch {}
		if (stdin !== process.stdin) {
			try {
				stdin.destroy();
			} catch {}
		}
		exitClosingStdio(code);
	};
	process.once('SIGHUP', () => hangUp(129));
	// The reader's handlers in place before the screen is taken and before the
	// first render (tens of ms): a signal then leaves the terminal as it was found.
	instant?.handOver();
	// On screen already with the instant frame.
	if (!instant?.shown) process.stdout.write(ENTER_ALT);
	process.on('exit', restore);
	let sameStore = true;
	// The last frame Ink wrote (its writes of more than one line), for a redraw after Ctrl+Z and fg.
	let lastFrame = '';
	const inkWrite = process.stdout.write;
	process.stdout.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
		if (typeof chunk === 'string' && chunk.includes('\n')) lastFrame = chunk;
		return (inkWrite as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
	} as typeof process.stdout.write;
	if (instant) onFirstFrame(instant.shown, frame => setImmediate(() => instant.keep(frame)));
	// Ctrl+Z, as the shell's job control would (raw mode turns the key into a byte): the
	// terminal as it was found, the process stopped; `fg` takes the screen and redraws it.
	const suspend = (notStopped: () => void): void => {
		try {
			if (stdin.isTTY) stdin.setRawMode?.(false);
		} catch {}
		process.stdout.write(`${LEAVE_ALT}${SHOW_CURSOR}`);
		let resumed = false;
		const resume = () => {
			resumed = true;
			try {
				if (stdin.isTTY) stdin.setRawMode?.(true);
			} catch {}
			// Ink writes only a frame that changed: the last one it wrote is written again, over a cleared screen.
			process.stdout.write(`${ENTER_ALT}${HIDE_CURSOR}${REDRAW}${lastFrame}`);
		};
		process.once('SIGCONT', resume);
		process.kill(process.pid, 'SIGTSTP');
		// Not stopped: a process started with no job control (its group orphaned) has the signal
		// discarded. Then SIGCONT never comes: the screen is taken back at once, and that is said.
		setTimeout(() => {
			if (resumed) return;
			process.removeListener('SIGCONT', resume);
			resume();
			notStopped();
		}, 150);
	};
	app = render(<Root store={store} settings={settings} notices={more.notices ?? []} background={more.background} onStore={() => (sameStore = false)} suspend={process.platform === 'win32' ? undefined : suspend} />, {
		stdin,
		stdout: process.stdout,
		exitOnCtrlC: false,
		patchConsole: false,
		// Ink's default of 30 fps would hold back a keypress up to 33 ms.
		maxFps: 120,
		incrementalRendering: false,
	});
	const onStreamError = (error: NodeJS.ErrnoException) => {
		if (error?.code === 'EIO' || error?.code === 'EPIPE' || error?.code === 'ENXIO' || error?.code === 'EBADF') hangUp(1);
		else crash(error);
	};
	// In place of the CLI's handlers, which know nothing of the settings.
	process.stdout.removeAllListeners('error');
	process.stderr.removeAllListeners('error');
	process.stderr.on('error', onStreamError);
	process.stdout.on('error', onStreamError);
	stdin.on('error', onStreamError);
	const crash = (error: unknown) => {
		app?.unmount();
		restore();
		process.stderr.write(`earnings-reader: ${(error as Error)?.message ?? String(error)}\n`);
		process.exit(1);
	};
	process.once('uncaughtException', crash);
	process.once('unhandledRejection', crash);
	try {
		await app.waitUntilExit();
	} catch (error) {
		crash(error);
	}
	restore();
	if (stdin !== process.stdin) stdin.destroy();
	// The next start opens where this one left off: its frame, drawn now (the terminal is the user's again).
	if (instant) {
		const {columns, rows} = process.stdout;
		const kept = sameStore && (await instant.keepNext(columns, rows, (c, r) => drawFirstFrame(store, c, r)));
		// The index changed (this start indexed): the frame of the store the next start will read.
		if (!kept && more.nextStart) await instant.keepAfter(columns, rows, more.nextStart, (next, c, r) => drawFirstFrame(next, c, r));
	}
	return 0;
}
