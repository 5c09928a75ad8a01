// Bringing the index up to date with the folders: a file is parsed once; a
// changed one (size or mtime, or the parser's version) again; a removed one
// drops out. Each file is written in one transaction, so a reader never sees
// half a call, and a writer killed mid-way loses at most the file it was on.
import {createHash} from 'node:crypto';
import {statSync} from 'node:fs';
import {join, resolve, sep} from 'node:path';
import {deflateRawSync} from 'node:zlib';
import {loadFile} from '../input/load.js';
import type {FileEntry} from './scan.js';

export type {FileEntry} from './scan.js';
export {scanLibrary} from './scan.js';
import {cleanLine} from '../input/sanitize.js';
import {parseOne, type ManifestEntry, type ParseCache} from '../store/store.js';
import {listFigures} from '../store/view.js';
import {callSentences, wordSet} from '../text/text-match.js';

import {PARSER_VERSION, setInfo, type CallRow, type Db} from './index-db.js';

interface FileRow {
	path: string;
	size: number;
	mtime: number;
	parser: number;
	call: number | null;
	skipped: string | null;
}

/** Which files must be parsed (new or changed) and which rows are gone (their file removed from a folder scanned). */
export function planSync(db: Db, files: readonly FileEntry[], roots: readonly string[]): {todo: FileEntry[]; gone: string[]} {
	const rows = new Map((db.prepare('SELECT files.path, size, mtime, parser, call, skipped, calls.hash AS hash FROM files LEFT JOIN calls ON calls.rowid = files.call').all() as (FileRow & {hash: string | null})[]).map(r => [r.path, r]));
	const todo: FileEntry[] = [];
	for (const f of files) {
		const row = rows.get(f.path);
		if (row && row.size === f.size && row.mtime === f.mtime && row.parser === PARSER_VERSION && f.size >= 0) continue;
		// Same size and parser, another mtime (touched, checked out again): the hash tells whether to parse again.
		todo.push(row && row.hash && row.size === f.size && row.parser === PARSER_VERSION ? {...f, hash: row.hash} : f);
	}
	const present = new Set(files.map(f => f.path));
	const under = (path: string) => roots.some(root => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep));
	const gone = [...rows.keys()].filter(path => !present.has(path) && under(path));
	return {todo, gone};
}

export interface SyncProgress {
	done: number;
	total: number;
	/** Milliseconds since the run began. */
	elapsed: number;
}

const SENTENCE_BITS = 2 ** 20;
/** Files written to one transaction: at most this many, or this long (a writer killed mid-way loses at most the batch). */
export const BATCH = 64;
export const BATCH_MS = 300;
const PER_DAY = 4096;
const UNDATED_DAY = 99_999;

/** The rowid a call gets: date order, then the order written. */
function dayOf(date: string | null): number {
	if (!date) return UNDATED_DAY;
	const ms = Date.parse(`${date}T00:00:00Z`);
	return Number.isFinite(ms) ? Math.min(UNDATED_DAY - 1, Math.max(0, Math.floor(ms / 86_400_000))) : UNDATED_DAY;
}

export const callOfSentence = (rowid: number) => Math.floor(rowid / SENTENCE_BITS);
export const sentenceRowid = (call: number, n: number) => call * SENTENCE_BITS + n;


/** A file made ready to write: parsed, its body compressed, its sentences and words listed (a worker thread can do this). */
export type Prepared =
	| {file: FileEntry; skipped: string; unchanged?: undefined}
	| {file: FileEntry; skipped?: undefined; unchanged: true}
	| {
			file: FileEntry;
			skipped?: undefined;
			unchanged?: undefined;
			date: string | null;
			row: Omit<CallRow, 'rowid'>;
			speakers: Uint8Array;
			body: Uint8Array;
			sentences: string[];
			words: string[];
	  };


export function prepareFile(file: FileEntry, cache?: ParseCache): Prepared {
	const loaded = loadFile(file.path);
	if (!loaded.ok) return {file, skipped: loaded.skipped.reason};
	const hash = createHash('sha1').update(loaded.source.text).digest('hex');
	// Touched but not changed: its call stays as it is.
	if (file.hash === hash) return {file, unchanged: true};
	const one = parseOne({source: loaded.source, known: file.known, bundled: file.bundled}, cache);
	if (!one.call) return {file, skipped: one.skipped.reason};
	const call = one.call;
	const spans = callSentences(call);
	const sentences = spans.map(span => call.turns[span.turn]!.paragraphs[span.paragraph]!.text.slice(span.start, span.end));
	// The words as the search's tokenizer finds them ("don't" one word), so near spellings agree with the in-memory search's.
	const words = new Set<string>();
	for (const turn of call.turns) for (const p of turn.paragraphs) wordSet(p.text, words);
	return {
		file,
		date: call.meta.date,
		sentences,
		words: [...words],
		row: {
			path: file.path,
			hash,
			source: call.source,
			bundled: call.bundled ? 1 : 0,
			known_id: call.id || null,
			layout: call.layout,
			company: call.meta.company,
			ticker: call.meta.ticker,
			quarter: call.meta.quarter,
			date: call.meta.date,
			errors: JSON.stringify(call.errors),
			coverage: JSON.stringify(call.coverage),
			figures: JSON.stringify({...listFigures(call), sentences: spans.length}),
		},
		speakers: deflateRawSync(JSON.stringify(call.speakers)),
		// Level 1: a third of level 6's time for a body ~7 % larger (measured on 1,000 calls).
		body: deflateRawSync(JSON.stringify(call.turns), {level: 1}),
	};
}

/** From a worker, bytes arrive as a plain Uint8Array; SQLite is given a Buffer over the same memory. */
const bytes = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

export interface Writer {
	write(prepared: Prepared): void;
	remove(path: string): void;
}

/** Prepared statements for writing, and the words already known. */
export function writer(db: Db): Writer {
	const oldCall = db.prepare('SELECT rowid, figures FROM calls WHERE path = ?');
	const delCall = db.prepare('DELETE FROM calls WHERE rowid = ?');
	const delSentence = db.prepare('DELETE FROM sentences WHERE rowid = ?');
	const delFile = db.prepare('DELETE FROM files WHERE path = ?');
	const maxRow = db.prepare('SELECT max(rowid) AS m FROM calls WHERE rowid >= ? AND rowid < ?').pluck();
	const insCall = db.prepare(
		'INSERT INTO calls(rowid, path, hash, source, bundled, known_id, layout, company, ticker, quarter, date, errors, coverage, figures) VALUES (@rowid, @path, @hash, @source, @bundled, @known_id, @layout, @company, @ticker, @quarter, @date, @errors, @coverage, @figures)',
	);
	const insBody = db.prepare('INSERT OR REPLACE INTO bodies(call, speakers, body) VALUES (?, ?, ?)');
	const delBody = db.prepare('DELETE FROM bodies WHERE call = ?');
	const insSentence = db.prepare('INSERT INTO sentences(rowid, text) VALUES (?, ?)');
	const insFile = db.prepare('INSERT OR REPLACE INTO files(path, size, mtime, parser, call, skipped) VALUES (?, ?, ?, ?, ?, ?)');
	const insWord = db.prepare('INSERT OR IGNORE INTO words(word) VALUES (?)');
	const known = new Set(db.prepare('SELECT word FROM words').pluck().all() as string[]);

	const dropCall = (path: string) => {
		const old = oldCall.get(path) as {rowid: number; figures: string} | undefined;
		if (!old) return;
		const count = (JSON.parse(old.figures) as {sentences?: number}).sentences ?? 0;
		for (let n = 0; n < count; n++) delSentence.run(sentenceRowid(old.rowid, n));
		delCall.run(old.rowid);
		delBody.run(old.rowid);
	};

	const touch = db.prepare('UPDATE files SET size = ?, mtime = ? WHERE path = ?');
	const write = (prepared: Prepared) => {
		const {file} = prepared;
		if (prepared.unchanged === true) {
			touch.run(file.size, file.mtime, file.path);
			return;
		}
		dropCall(file.path);
		if (prepared.skipped !== undefined) {
			insFile.run(file.path, file.size, file.mtime, PARSER_VERSION, null, prepared.skipped);
			return;
		}
		const day = dayOf(prepared.date) * PER_DAY;
		const last = maxRow.get(day, day + PER_DAY) as number | null;
		const rowid = last === null ? day : last + 1;
		if (rowid >= day + PER_DAY) {
			insFile.run(file.path, file.size, file.mtime, PARSER_VERSION, null, 'more than 4,096 calls on one day: not indexed');
			return;
		}
		prepared.sentences.forEach((text, n) => insSentence.run(sentenceRowid(rowid, n), text));
		for (const word of prepared.words) {
			if (known.has(word)) continue;
			known.add(word);
			insWord.run(word);
		}
		insCall.run({...prepared.row, rowid});
		insBody.run(rowid, bytes(prepared.speakers), bytes(prepared.body));
		insFile.run(file.path, file.size, file.mtime, PARSER_VERSION, rowid, null);
	};
	const remove = (path: string) => {
		dropCall(path);
		delFile.run(path);
	};
	return {write, remove};
}

/**
 * Parses and writes `todo`, drops `gone`; `progress` is told after each file.
 * `stop` is asked between files (the reader quitting mid-run): the files done
 * so far are kept. Returns the number of files written.
 */
export function runSync(db: Db, plan: {todo: readonly FileEntry[]; gone: readonly string[]}, options: {cache?: ParseCache; progress?: (p: SyncProgress) => void; stop?: () => boolean} = {}): number {
	const w = writer(db);
	const began = Date.now();
	db.transaction(() => plan.gone.forEach(w.remove))();
	let done = 0;
	// Files are written a batch to a transaction (a call is never half-written;
	// a writer killed mid-way loses the batch it was on, at most ~0.3 s of work).
	// FTS5 flushes its segments at every commit: one a file was a third of the
	// time of indexing (measured).
	const batch = db.transaction((from: number) => {
		const start = Date.now();
		let i = from;
		while (i < plan.todo.length && i - from < BATCH && (i === from || Date.now() - start < BATCH_MS)) {
			w.write(prepareFile(plan.todo[i++]!, options.cache));
			options.progress?.({done: i, total: plan.todo.length, elapsed: Date.now() - began});
		}
		return i;
	});
	while (done < plan.todo.length && !options.stop?.()) done = batch(done) as number;
	if (plan.todo.length || plan.gone.length) setInfo(db, 'last_run', JSON.stringify({at: new Date().toISOString(), files: done, removed: plan.gone.length, ms: Date.now() - began}));
	return done;
}

/** `indexing 412/1,700 · 9 s left`: the status bar's and stderr's line. */
/**
 * `indexing 412/1,700 · 9 s left`. No estimate in the first moments: the
 * workers' start-up and the first (often largest) files would make one of
 * minutes for a job of seconds ("222 s left" for 8 s, seen).
 */
export function progressLine(p: SyncProgress): string {
	const settled = p.elapsed >= 2000 && p.done >= Math.max(20, p.total * 0.02);
	const left = settled ? Math.max(1, Math.round(((p.total - p.done) * p.elapsed) / p.done / 1000)) : null;
	return `indexing ${p.done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')}${left === null ? '' : ` · ${left} s left`}`;
}

/** A path for display (names are untrusted text). */
export const shown = (path: string) => cleanLine(path);
