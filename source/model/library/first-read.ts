// The first read of a large new library, kept while its index is made.
//
// A first command over thousands of new files answers from the files (read on
// two threads) and starts the index in the background (cli/library-open.ts),
// which takes a minute at 10,000 calls. A second command in that minute used
// to read every file again (11.7 s at 10,000, the indexer sharing the cores).
// So the first keeps what it read: every call but its turns (which are read
// again from their file when asked for), under the files' signature. A later
// command that finds the same files takes it (~0.5 s at 10,000) until the
// index has its snapshot. A cache like the index: deleted when the index is
// done, ignored when the files or the parser changed, rewritten whole.
import {createHash} from 'node:crypto';
import {readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Skipped} from '../input/load.js';
import type {PortableCall} from '../store/portable.js';
import type {Person} from '../store/store.js';

/** What was read of file `i` of the scan: its call (turns left out) or why it is none; `hash` as parallel-load.ts compares them. */
export type FileRead = {i: number; hash?: string; call?: PortableCall; skipped?: Skipped};

/**
 * What a first command read: each file's read, its speakers as matched across
 * the library, and the people they were matched into (the matching is most of
 * the cost of a store made from reads: ~1 s of 2 at 10,000 calls).
 */
export type FirstRead = {reads: (FileRead | undefined)[]; people: Person[]};

const PREFIX = 'first-read-';

const fileOf = (dir: string, scope: string) => join(dir, `${PREFIX}${createHash('sha1').update(scope).digest('hex').slice(0, 16)}.json`);

/** Keeps the reads of the files of `signature` for the library `scope`; false if the folder cannot be written (nothing else is done). */
export function keepFirstRead(dir: string, scope: string, signature: string, {reads, people}: FirstRead): boolean {
	const file = fileOf(dir, scope);
	const temporary = `${file}.${process.pid}.tmp`;
	try {
		const kept = reads.map(r => (r?.call?.turnsJson ? {...r, call: {...r.call, turnsJson: null}} : r ?? null));
		writeFileSync(temporary, JSON.stringify({scope, signature, reads: kept, people}));
		// Whole or not at all: a reader of the file never sees half of it.
		renameSync(temporary, file);
		return true;
	} catch {
		rmSync(temporary, {force: true});
		return false;
	}
}

/** The reads kept for these files (the same signature) in `scope`, or null: none, others, or a file not as written. */
export function readFirstRead(dir: string, scope: string, signature: string, files: number): FirstRead | null {
	try {
		const text = readFileSync(fileOf(dir, scope), 'utf8');
		// The signature is near the start: a file of other files is not parsed whole.
		if (!text.slice(0, 400).includes(signature)) return null;
		const kept = JSON.parse(text) as {scope?: unknown; signature?: unknown; reads?: unknown; people?: unknown};
		if (kept.scope !== scope || kept.signature !== signature || !Array.isArray(kept.reads) || kept.reads.length !== files || !Array.isArray(kept.people)) return null;
		const reads = kept.reads as (FileRead | null)[];
		for (let i = 0; i < reads.length; i++) {
			const r = reads[i];
			if (r === null) continue;
			if (typeof r !== 'object' || r.i !== i || (r.call === undefined) === (r.skipped === undefined)) return null;
			if (r.call && (typeof r.call.id !== 'string' || typeof r.call.path !== 'string' || typeof r.call.meta !== 'object' || !Array.isArray(r.call.speakers))) return null;
		}
		for (const p of kept.people as Person[]) if (typeof p !== 'object' || p === null || typeof p.id !== 'string' || typeof p.name !== 'string' || !Array.isArray(p.calls)) return null;
		return {reads: reads.map(r => r ?? undefined), people: kept.people as Person[]};
	} catch {
		return null;
	}
}

/** Deletes the kept reads of library `scope` (its index is complete now). */
export function dropFirstRead(dir: string, scope: string): void {
	try {
		rmSync(fileOf(dir, scope), {force: true});
	} catch {}
}
