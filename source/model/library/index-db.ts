// The library's index on disk: one SQLite file in the per-user cache folder,
// through better-sqlite3 (chosen: synchronous, the fastest Node binding, with
// FTS5 compiled in, and its 12.x line still supports Node 20). It holds each
// file's parse, keyed by path, size, mtime and the parser's version, and every
// sentence in an FTS5 table, so that a start reads the call list and parses
// nothing, and a search is answered inside the index.
//
// It is a cache: it can always be deleted. A damaged or foreign file is set
// aside and made again with a one-line notice; a folder that cannot be written
// leaves the reader working from memory, said once (the consequence first, so
// that a status bar of 80 columns shows it).
import {mkdirSync, renameSync, existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import {homedir} from 'node:os';
import {join} from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type {Layout} from '../types.js';

export type Db = BetterSqlite3.Database;

export {PARSER_VERSION} from './version.js';
/** The tables' layout; another value is a file of another version, made again. */
const SCHEMA_VERSION = 6;
/** `ERDR`: marks the file as ours, so a foreign database at the path is set aside, never changed. */
const APPLICATION_ID = 0x45524452;

/** One file per layout of the tables: two versions of the program sharing a cache folder never undo each other's index. */
export const INDEX_FILE = `index-v${SCHEMA_VERSION}.db`;

/** Where the index lives: `$EARNINGS_READER_CACHE_DIR`, else `$XDG_CACHE_HOME/earnings-reader`, else `~/.cache/earnings-reader`. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
	if (env['EARNINGS_READER_CACHE_DIR']) return env['EARNINGS_READER_CACHE_DIR'];
	return join(env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'earnings-reader');
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS info(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
-- One row a file read: its stamp, and its call (rowid) or why it is not one.
CREATE TABLE IF NOT EXISTS files(path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime REAL NOT NULL, parser INTEGER NOT NULL, call INTEGER, skipped TEXT) WITHOUT ROWID;
-- One row a call. rowid = day of the call * 4096 + n, so that rowid order is date order
-- (undated calls last) and a sentence's rowid (call rowid * 2^20 + its number) sorts by date too.
CREATE TABLE IF NOT EXISTS calls(
  rowid INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL,
  source TEXT NOT NULL,
  bundled INTEGER NOT NULL,
  known_id TEXT,
  layout TEXT NOT NULL,
  company TEXT, ticker TEXT, quarter TEXT, date TEXT,
  errors TEXT NOT NULL,
  coverage TEXT NOT NULL,
  figures TEXT NOT NULL
);
-- A call's speakers and turns (JSON, deflated), apart from the list: listing reads
-- small rows only (measured: with the bodies inline, a list of 10,000 read ~40 MB).
CREATE TABLE IF NOT EXISTS bodies(call INTEGER PRIMARY KEY, speakers BLOB NOT NULL, body BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS calls_hash ON calls(hash);
-- The store as worked out (ids, one identity per person) for a set of calls ("set":
-- a hash of its calls), for the last few sets, so that going back and forth between
-- two libraries (a --dir of a run, then the usual one) works nothing out again.
CREATE TABLE IF NOT EXISTS sets(id TEXT PRIMARY KEY, used REAL NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS store("set" TEXT NOT NULL, call INTEGER NOT NULL, id TEXT NOT NULL, PRIMARY KEY("set", call)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS store_speakers("set" TEXT NOT NULL, call INTEGER NOT NULL, speakers BLOB NOT NULL, PRIMARY KEY("set", call));
CREATE TABLE IF NOT EXISTS people("set" TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY("set", id)) WITHOUT ROWID;
-- Per set, each call's text hash and a print of what the ids and the people's matching read of it
-- (peoplePrint), as one JSON list of [call, hash, print]: a new set that differs from the last only by
-- calls of the same prints (files edited, their speakers as they were) takes that set's ids and people
-- as they are, instead of working them out. One row a set: 10,000 rows cost ~200 ms to write (measured).
CREATE TABLE IF NOT EXISTS set_prints("set" TEXT PRIMARY KEY, data TEXT NOT NULL) WITHOUT ROWID;
-- Each library's list (by what it was asked for: its folders, the bundled calls or not), for the files it was made of.
CREATE TABLE IF NOT EXISTS snapshot(scope TEXT PRIMARY KEY, signature TEXT NOT NULL, "set" TEXT NOT NULL, data TEXT NOT NULL);
-- Every word once, for near spellings (the FTS index has them, but listing them there reads every posting).
CREATE TABLE IF NOT EXISTS words(word TEXT PRIMARY KEY) WITHOUT ROWID;
-- Sentences: the text, not stored again (contentless; the call's body has it).
-- detail=full, so that a phrase is found inside the index; contentless_delete,
-- so that a changed file's sentences can go. Role and section are judged on the call itself.
CREATE VIRTUAL TABLE IF NOT EXISTS sentences USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
`;

/** A row of the calls table, as written (sync.ts) and read (index-store.ts). */
export interface CallRow {
	rowid: number;
	path: string;
	hash: string;
	source: string;
	bundled: number;
	known_id: string | null;
	layout: Layout;
	company: string | null;
	ticker: string | null;
	quarter: string | null;
	date: string | null;
	/** JSON. */
	errors: string;
	coverage: string;
	figures: string;
}

export interface IndexHandle {
	db: Db;
	dir: string;
	file: string;
}

export type OpenResult = {index: IndexHandle; notice: string | null} | {index: null; notice: string};

let driver: typeof BetterSqlite3 | null | undefined;
/**
 * Its native part, loaded from where npm builds it: better-sqlite3's own
 * lookup (the bindings package) tries a dozen paths first, ~2 ms of every
 * start at 10,000 calls (measured). Undefined: left to that lookup.
 */
let nativeBinding: object | undefined;
/** better-sqlite3, or null where its native part is missing or was built for another Node. */
export function sqlite(): typeof BetterSqlite3 | null {
	if (driver === undefined) {
		try {
			const require = createRequire(import.meta.url);
			driver = require('better-sqlite3') as typeof BetterSqlite3;
			try {
				nativeBinding = require('better-sqlite3/build/Release/better_sqlite3.node') as object;
			} catch {
				nativeBinding = undefined;
			}
			// Its native part loads on the first database: tried here, so that a missing build is known at once.
			new driver(':memory:', {nativeBinding} as BetterSqlite3.Options).close();
		} catch {
			driver = null;
		}
	}
	return driver;
}

const REASONS: Record<string, string> = {EACCES: 'permission denied', EPERM: 'permission denied', EROFS: 'read-only file system', ENOSPC: 'no space left on the device', SQLITE_CANTOPEN: 'cannot open the file', SQLITE_READONLY: 'read-only', SQLITE_FULL: 'the disk is full'};
export function why(error: unknown): string {
	const code = (error as {code?: string})?.code ?? '';
	// One line: some messages (the native module's "Tried: …" list) run to a dozen.
	return REASONS[code] ?? (code && code !== 'SQLITE_ERROR' ? code : String((error as Error)?.message ?? error).split('\n')[0]!.trim());
}

/** The native part of better-sqlite3 missing or built for another Node: no index at all, said as such. */
const notBuilt = (error: unknown) => /bindings file|NODE_MODULE_VERSION|was compiled against a different Node|invalid ELF header/i.test(String((error as Error)?.message ?? ''));
const NOT_BUILT = 'reading from memory: better-sqlite3 is not built for this Node, so there is no index (npm rebuild better-sqlite3)';

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/** Moves a damaged or foreign index (and its WAL files) aside, keeping it for the user to look at. */
function setAside(file: string): string {
	const aside = `${file}.damaged-${stamp()}`;
	renameSync(file, aside);
	for (const suffix of ['-wal', '-shm']) {
		if (existsSync(file + suffix)) {
			try {
				renameSync(file + suffix, aside + suffix);
			} catch {}
		}
	}
	return aside;
}

/**
 * Opens (or makes) the index in `dir`. Never throws: where no index can be
 * had, `index` is null and `notice` says why, in one line.
 */
export function openIndex(dir = cacheDir()): OpenResult {
	const Driver = sqlite();
	if (!Driver) return {index: null, notice: NOT_BUILT};
	const file = join(dir, INDEX_FILE);
	try {
		mkdirSync(dir, {recursive: true});
	} catch (error) {
		return {index: null, notice: `reading from memory: the index cannot be kept in ${dir} (${why(error)})`};
	}
	let notice: string | null = null;
	for (let attempt = 0; attempt < 2; attempt++) {
		let db: Db | null = null;
		try {
			db = new Driver(file, {timeout: 5000, nativeBinding} as BetterSqlite3.Options);
			prepare(db);
			return {index: {db, dir, file}, notice};
		} catch (error) {
			try {
				db?.close();
			} catch {}
			if (notBuilt(error)) return {index: null, notice: NOT_BUILT};
			const code = (error as {code?: string}).code ?? '';
			const damaged = code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT') || (error as Error).message === 'foreign';
			if (!damaged || attempt > 0) return {index: null, notice: `reading from memory: the index ${file} cannot be used (${why(error)})`};
			try {
				const aside = setAside(file);
				notice = `the index was damaged or not ours; set aside as ${aside} and made again`;
			} catch (moveError) {
				return {index: null, notice: `reading from memory: the index ${file} is damaged and cannot be set aside (${why(moveError)})`};
			}
		}
	}
	return {index: null, notice: 'reading from memory: the index cannot be used'};
}

function prepare(db: Db): void {
	// WAL: readers go on while a writer writes; NORMAL sync is safe in WAL (a crash loses at most the last transactions).
	const appId = db.pragma('application_id', {simple: true}) as number;
	const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master").get() as {n: number};
	if (tables.n > 0 && appId !== APPLICATION_ID) throw new Error('foreign');
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	const version = db.pragma('user_version', {simple: true}) as number;
	if (tables.n > 0 && version !== SCHEMA_VERSION) {
		// Another version of ours: its tables go, and are made again.
		db.exec('DROP TABLE IF EXISTS sentences; DROP TABLE IF EXISTS calls; DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS sets; DROP TABLE IF EXISTS store; DROP TABLE IF EXISTS store_speakers; DROP TABLE IF EXISTS set_prints; DROP TABLE IF EXISTS bodies; DROP TABLE IF EXISTS people; DROP TABLE IF EXISTS snapshot; DROP TABLE IF EXISTS words; DROP TABLE IF EXISTS info;');
	}
	db.exec(SCHEMA);
	// Written only when new: each is a write to the file, at every start (~0.8 ms, measured).
	if (appId !== APPLICATION_ID) db.pragma(`application_id = ${APPLICATION_ID}`);
	if (version !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
	// A quick read of each table: a damaged page shows here, not mid-run.
	db.prepare('SELECT count(*) FROM calls').get();
	db.prepare("SELECT rowid FROM sentences WHERE sentences MATCH 'a' LIMIT 1").get();
}

export function info(db: Db, key: string): string | null {
	return (db.prepare('SELECT value FROM info WHERE key = ?').get(key) as {value: string} | undefined)?.value ?? null;
}

export function setInfo(db: Db, key: string, value: string): void {
	db.prepare('INSERT OR REPLACE INTO info(key, value) VALUES (?, ?)').run(key, value);
}

/** Deletes the index: it is a cache, made again from the transcripts. */
export function indexFiles(dir: string): string[] {
	const file = join(dir, INDEX_FILE);
	return [file, `${file}-wal`, `${file}-shm`];
}
