// Settings kept across restarts: open call, scroll per call, filter and mode,
// sidebar on/off. Stored with `conf` in the per-user config folder
// (XDG_CONFIG_HOME honoured; EARNINGS_READER_CONFIG_DIR overrides, for tests).
//
// Start-up reads the JSON directly (a few hundred bytes, no validation library)
// so the first frame already shows the saved call; `conf` itself is imported
// after the first frame. A damaged file is moved aside — never silently
// discarded, as conf's clearInvalidConfig would — and the user is told.
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import type {Bookmark} from '../model/bookmarks.js';
import type {Filter} from './state.js';

export interface SavedSettings {
	/** Id of the open call (an id, so the setting survives calls being added). */
	call?: string;
	scroll?: Record<string, number>;
	filter?: Filter | null;
	sidebar?: boolean;
	/** Turns the reader marked, with notes. Written at once, not debounced: they are the reader's own work. */
	bookmarks?: Bookmark[];
}

export interface Settings {
	initial: SavedSettings;
	/** Import conf and check the file; resolves to a notice for the user, or null. */
	start(): Promise<string | null>;
	/** Debounced: many key presses make one write. */
	save(settings: SavedSettings): void;
	/** Write now (on quit). */
	flush(): void;
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
	if (env['EARNINGS_READER_CONFIG_DIR']) return env['EARNINGS_READER_CONFIG_DIR'];
	return join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'earnings-reader');
}

const FILE = 'config.json';
const KEY = 'reader';

/** The saved settings as they are on disk (no validation library: start-up and the CLI read them). */
export function peek(dir: string): SavedSettings {
	try {
		const data = JSON.parse(readFileSync(join(dir, FILE), 'utf8')) as Record<string, unknown>;
		const saved = data[KEY];
		return saved && typeof saved === 'object' ? (saved as SavedSettings) : {};
	} catch {
		// Missing or damaged: start() deals with a damaged file and says so.
		return {};
	}
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/**
 * Writes the settings without conf, for a quit before conf has loaded: the
 * file is written beside the old one and renamed over it (a crash leaves one
 * or the other whole), keeping its other keys. A damaged file is left for
 * start() to set aside, not overwritten.
 */
function writeDirect(dir: string, settings: SavedSettings): void {
	const file = join(dir, FILE);
	let data: Record<string, unknown> = {};
	try {
		const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return;
		data = parsed as Record<string, unknown>;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return;
	}
	mkdirSync(dir, {recursive: true});
	const temporary = `${file}.${process.pid}.tmp`;
	writeFileSync(temporary, JSON.stringify({...data, [KEY]: settings}, null, '\t'));
	renameSync(temporary, file);
}

export function fileSettings(dir = configDir(), debounceMs = 300): Settings {
	type ConfStore = {set(key: string, value: unknown): void};
	let conf: ConfStore | null = null;
	// conf loads after the first frame; until then saves wait, and flush (a quit, a bookmark) writes directly.
	let state: 'loading' | 'ready' | 'off' = 'loading';
	let pending: SavedSettings | null = null;
	let timer: NodeJS.Timeout | null = null;
	const write = (now = false) => {
		if (timer) clearTimeout(timer);
		timer = null;
		if (!pending) return;
		if (state === 'ready' && conf) {
			try {
				conf.set(KEY, pending);
			} catch {
				// A read-only folder: keep reading, stop saving.
				state = 'off';
			}
		} else if (state === 'loading' && now) {
			try {
				writeDirect(dir, pending);
			} catch {}
		} else if (state === 'loading') {
			return; // start() writes it
		}
		pending = null;
	};
	return {
		initial: peek(dir),
		async start() {
			const {default: Conf} = await import('conf');
			const open = () => new Conf({cwd: dir, configName: 'config', projectSuffix: '', clearInvalidConfig: false}) as unknown as ConfStore;
			try {
				conf = open();
				state = 'ready';
				write();
				return null;
			} catch (error) {
				const aside = join(dir, `${FILE}.damaged-${stamp()}`);
				try {
					renameSync(join(dir, FILE), aside);
					conf = open();
					state = 'ready';
					write();
					return `Settings file was damaged; kept it as ${aside} and started with defaults.`;
				} catch {
					state = 'off';
					pending = null;
					return `Settings could not be read (${(error as Error).message.split('\n')[0]}); using defaults, not saving.`;
				}
			}
		},
		save(settings) {
			pending = settings;
			if (timer) clearTimeout(timer);
			timer = setTimeout(() => write(), debounceMs);
			timer.unref?.();
		},
		flush: () => write(true),
	};
}

/** In memory, for tests and for stdin-only sessions. */
export function memorySettings(initial: SavedSettings = {}): Settings & {saved: SavedSettings | null} {
	const s = {
		initial,
		saved: null as SavedSettings | null,
		start: async () => null,
		save(settings: SavedSettings) {
			s.saved = settings;
		},
		flush() {},
	};
	return s;
}
