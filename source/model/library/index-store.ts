// The store, read from the index: the call list comes from one query and no
// transcript is parsed. A call's turns and speakers are read on first use
// (its turns are inflated from the index then, and the last few kept), so a
// library of 10,000 calls costs its list in memory, not its text.
import {createHash} from 'node:crypto';
import {basename} from 'node:path';
import {deflateRawSync, inflateRawSync} from 'node:zlib';
import type {Skipped} from '../input/load.js';
import {cleanLine} from '../input/sanitize.js';
import {assignIds, matchPeople, peoplePrint, sortCalls, storeOf, type Person, type Store} from '../store/store.js';
import type {Call, CallMeta, Layout, ListFigures, ParseResult, Speaker, Turn} from '../types.js';
import type {Statement} from 'better-sqlite3';
import type {CallRow as StoredRow, Db} from './index-db.js';
import type {FileEntry} from './scan.js';
export {scanSignature} from './scan.js';

/** A calls row, its JSON columns parsed already when it comes from a snapshot. */
type CallRow = Omit<StoredRow, 'errors' | 'coverage' | 'figures'> & {
	errors: string | string[];
	coverage: string | ParseResult['coverage'];
	figures: string | ListFigures;
};

/** Calls whose turns are in memory, the most recent last; older ones are dropped (and read again if asked for). */
const KEEP = 48;

interface Loader {
	body: Statement;
	speakers: Statement;
	loaded: IndexedCall[];
}

const inflate = (bytes: unknown) => JSON.parse(inflateRawSync(bytes as Buffer).toString('utf8')) as unknown;

/**
 * A call read from the index: its list fields at once, its speakers and turns
 * from the index on first use (getters on the class, not on each object:
 * defining them per call was most of opening 10,000, measured).
 */
class IndexedCall implements Call {
	id: string;
	meta: CallMeta;
	readonly rowid: number;
	/** Where the speakers are read from: the call's own, or the store's (with people's ids). */
	speakersFrom: Statement;
	/** The calls row; for a call of a snapshot's list, made from the list when first asked for. */
	private rowValue: CallRow | null;
	/** A snapshot's list and this call's place in it: its fields are read from there on first use. */
	private readonly list: SnapshotColumns | null;
	private readonly at: number;
	private sourceValue: string | null = null;
	private pathValue: string | null = null;
	private errorsValue: string[] | null = null;
	private figuresValue: ListFigures | null = null;
	private coverageValue: ParseResult['coverage'] | null = null;
	private turnList: Turn[] | null = null;
	private speakerList: Speaker[] | null = null;
	private readonly loader: Loader;

	/** From a calls row, or (row null) from place `at` of a snapshot's list. */
	constructor(row: CallRow | null, loader: Loader, list: SnapshotColumns | null = null, at = 0) {
		this.rowValue = row;
		this.list = list;
		this.at = at;
		if (row) {
			this.id = row.known_id ?? '';
			this.rowid = row.rowid;
			this.meta = {company: row.company, ticker: row.ticker, quarter: row.quarter, date: row.date};
		} else {
			// Only what sorting and grouping the whole list reads is made now: at 10,000 calls the
			// rest, made for each call at once, was ~20 ms of every start (measured, cold).
			const c = list!;
			this.id = c.id[at]!;
			this.rowid = c.rowid[at]!;
			this.meta = {company: c.company[at]!, ticker: c.ticker[at]!, quarter: c.quarter[at]!, date: c.date[at]!};
		}
		this.loader = loader;
		this.speakersFrom = loader.speakers;
	}

	get row(): CallRow {
		return (this.rowValue ??= snapshotRow(this.list!, this.at));
	}

	get source(): string {
		return (this.sourceValue ??= cleanLine(this.rowValue ? this.rowValue.source : (this.list!.source[this.at] ?? basename(this.list!.path[this.at]!))));
	}

	get path(): string {
		return (this.pathValue ??= cleanLine(this.rowValue ? this.rowValue.path : this.list!.path[this.at]!));
	}

	get bundled(): boolean {
		return (this.rowValue ? this.rowValue.bundled : this.list!.bundled[this.at]) === 1;
	}

	get layout(): Layout {
		return this.rowValue ? this.rowValue.layout : this.list!.layout[this.at]!;
	}

	get errors(): string[] {
		if (this.errorsValue === null) {
			if (this.rowValue) {
				const e = this.rowValue.errors;
				this.errorsValue = typeof e !== 'string' ? e : e === '[]' ? [] : (JSON.parse(e) as string[]);
			} else {
				const e = this.list!.errors[this.at]!;
				this.errorsValue = e === 0 ? [] : e;
			}
		}
		return this.errorsValue;
	}

	get figures(): ListFigures {
		if (this.figuresValue === null) {
			if (this.rowValue) {
				const f = this.rowValue.figures;
				this.figuresValue = typeof f !== 'string' ? f : (JSON.parse(f) as ListFigures);
			} else this.figuresValue = snapshotFigures(this.list!.figures[this.at]!);
		}
		return this.figuresValue;
	}

	get coverage(): ParseResult['coverage'] {
		if (this.coverageValue === null) {
			if (this.rowValue) {
				const c = this.rowValue.coverage;
				this.coverageValue = typeof c !== 'string' ? c : (JSON.parse(c) as ParseResult['coverage']);
			} else {
				const [body, kept, share] = this.list!.coverage[this.at]!;
				this.coverageValue = {body, kept, share};
			}
		}
		return this.coverageValue;
	}

	get turns(): Turn[] {
		if (this.turnList === null) {
			this.turnList = inflate(this.loader.body.get(this.rowid)) as Turn[];
			const {loaded} = this.loader;
			loaded.push(this);
			if (loaded.length > KEEP) loaded.shift()!.turnList = null;
		}
		return this.turnList;
	}

	get speakers(): Speaker[] {
		if (this.speakerList === null) {
			this.speakerList = inflate(this.speakersFrom.get(this.rowid)) as Speaker[];
		}
		return this.speakerList;
	}

	set speakers(value: Speaker[]) {
		this.speakerList = value;
	}

	/** The speakers read from now on from `statement` (a set's, as its store made them), not from what was read before. */
	readSpeakersFrom(statement: Statement): void {
		this.speakersFrom = statement;
		this.speakerList = null;
	}
}

/** The rowid of a call read from the index (the search maps sentences back with it), or undefined. */
export const rowidOf = {
	get: (call: Call): number | undefined => (call instanceof IndexedCall ? call.rowid : undefined),
	has: (call: Call): boolean => call instanceof IndexedCall,
};

export interface Snapshot {
	signature: string;
	scope: string;
	/** The set of calls whose ids and people it uses. */
	set: string;
	/** The list, read a call at a time as the calls are used (IndexedCall). */
	list: SnapshotColumns;
	skipped: Skipped[];
}

/**
 * A snapshot's list as stored: a column per field, the two small objects as
 * tuples, a file's name left out where it is the last part of its path. Why:
 * read at every start, and parsing rows of objects was ~25 ms of the first
 * frame at 10,000 calls, columns of plain values ~9 ms (measured, cold).
 */
interface SnapshotColumns {
	v: 2;
	rowid: number[];
	id: string[];
	path: string[];
	source: (string | null)[];
	bundled: number[];
	known_id: (string | null)[];
	layout: Layout[];
	company: (string | null)[];
	ticker: (string | null)[];
	quarter: (string | null)[];
	date: (string | null)[];
	errors: (string[] | 0)[];
	coverage: [number, number, number][];
	figures: [number, number, number, number, number | null][];
}

function snapshotColumns(calls: readonly IndexedCall[]): SnapshotColumns {
	const c: SnapshotColumns = {v: 2, rowid: [], id: [], path: [], source: [], bundled: [], known_id: [], layout: [], company: [], ticker: [], quarter: [], date: [], errors: [], coverage: [], figures: []};
	for (const call of calls) {
		const r = call.row;
		c.rowid.push(r.rowid);
		c.id.push(call.id);
		c.path.push(r.path);
		c.source.push(r.source === basename(r.path) ? null : r.source);
		c.bundled.push(r.bundled);
		c.known_id.push(r.known_id);
		c.layout.push(r.layout);
		c.company.push(r.company);
		c.ticker.push(r.ticker);
		c.quarter.push(r.quarter);
		c.date.push(r.date);
		c.errors.push(call.errors.length ? call.errors : 0);
		const {body, kept, share} = call.coverage;
		c.coverage.push([body, kept, share]);
		const f = call.figures as ListFigures & {sentences?: number};
		c.figures.push([f.turns, f.words, f.questions, f.analysts, f.sentences ?? null]);
	}
	return c;
}

const snapshotFigures = (fig: SnapshotColumns['figures'][number]): ListFigures => {
	const figures: ListFigures & {sentences?: number} = {turns: fig[0], words: fig[1], questions: fig[2], analysts: fig[3], wordsByTurn: ''};
	if (fig[4] !== null) figures.sentences = fig[4];
	return figures;
};

/** The calls row of place `i` of a snapshot's list (a snapshot holds no file hash). */
function snapshotRow(c: SnapshotColumns, i: number): CallRow {
	const path = c.path[i]!;
	const errors = c.errors[i]!;
	const [body, kept, share] = c.coverage[i]!;
	return {
		rowid: c.rowid[i]!,
		path,
		hash: '',
		source: c.source[i] ?? basename(path),
		bundled: c.bundled[i]!,
		known_id: c.known_id[i]!,
		layout: c.layout[i]!,
		company: c.company[i]!,
		ticker: c.ticker[i]!,
		quarter: c.quarter[i]!,
		date: c.date[i]!,
		errors: errors === 0 ? [] : errors,
		coverage: {body, kept, share},
		figures: snapshotFigures(c.figures[i]!),
	};
}

/** A library's list as last worked out: by what it was asked for (`scope`), or for exactly these files (`signature`). */
export function readSnapshot(db: Db, by: {scope: string} | {signature: string}): Snapshot | null {
	const row = ('scope' in by ? db.prepare('SELECT scope, signature, "set", data FROM snapshot WHERE scope = ?').get(by.scope) : db.prepare('SELECT scope, signature, "set", data FROM snapshot WHERE signature = ? LIMIT 1').get(by.signature)) as {scope: string; signature: string; set: string; data: string} | undefined;
	if (!row) return null;
	const data = JSON.parse(row.data) as {rows: SnapshotColumns; skipped: Skipped[]};
	// Another program version's form: worked out again (and kept in this form).
	if (data.rows?.v !== 2) return null;
	return {signature: row.signature, scope: row.scope, set: row.set, list: data.rows, skipped: data.skipped};
}

/** The store of a snapshot (readSnapshot): the list as it was, speakers and people read on first use. */
/** How a store's calls read their bodies: one set of statements, and one list of the calls in memory, for all of them. */
const loaderFor = (db: Db): Loader => ({
	body: db.prepare('SELECT body FROM bodies WHERE call = ?').pluck(),
	speakers: db.prepare('SELECT speakers FROM bodies WHERE call = ?').pluck(),
	loaded: [],
});

export function storeFromSnapshot(db: Db, snapshot: Snapshot, skippedScan: Skipped[]): Store {
	const loader = loaderFor(db);
	const savedSpeakers = speakersOfSet(db, snapshot.set);
	const {list} = snapshot;
	const calls: IndexedCall[] = new Array(list.rowid.length);
	for (let i = 0; i < calls.length; i++) {
		const call = new IndexedCall(null, loader, list, i);
		call.speakersFrom = savedSpeakers;
		calls[i] = call;
	}
	return storeOf(calls, () => peopleOf(db, snapshot.set), [...skippedScan, ...snapshot.skipped]);
}

const byName = (a: Person, b: Person) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0);
const peopleOf = (db: Db, set: string) => (db.prepare('SELECT data FROM people WHERE "set" = ?').pluck().all(set) as string[]).map(d => JSON.parse(d) as Person).sort(byName);

/** A statement that reads a call's speakers as a set's store made them (`get(rowid)`). */
function speakersOfSet(db: Db, set: string): Statement {
	const statement = db.prepare('SELECT speakers FROM store_speakers WHERE "set" = ? AND call = ?').pluck();
	return {get: (rowid: number) => statement.get(set, rowid)} as unknown as Statement;
}

/** Sets kept besides the one in use: each ~1.5 KB a call. */
const SETS_KEPT = 4;

export interface FromIndexOptions {
	/** The scan's signature: the store's list is read back, or kept for next time. */
	signature?: string;
	/** The snapshot, read already (while the files' stamps were read). */
	snapshot?: ReturnType<typeof readSnapshot>;
	/** Every file of the scan is in the index (nothing pending): only then is the list kept. */
	complete?: boolean;
	/** What the library was asked for (its folders, the bundled calls or not): a reader starts from a snapshot of its own library only. */
	scope?: string;
}

export function storeFromIndex(db: Db, files: readonly FileEntry[], skippedScan: Skipped[], extra: readonly Call[] = [], options: FromIndexOptions = {}): Store {
	if (options.signature && extra.length === 0) {
		const snapshot = options.snapshot !== undefined ? options.snapshot : readSnapshot(db, {signature: options.signature});
		if (snapshot && snapshot.signature === options.signature) {
			const store = storeFromSnapshot(db, snapshot, skippedScan);
			// The same files asked for as another library (another --dir): kept as this one's too.
			if (options.scope !== undefined && snapshot.scope !== options.scope) keepSnapshot(db, options, store.calls, snapshot.skipped, snapshot.set);
			return store;
		}
	}
	const wanted = new Map(files.map((f, i) => [f.path, i]));
	// Rows as arrays (better-sqlite3's raw mode): an object a row was a third of reading 10,000 (measured).
	const raw = db.prepare('SELECT rowid, path, hash, source, bundled, known_id, layout, company, ticker, quarter, date, errors, coverage, figures FROM calls').raw().all() as unknown[][];
	const rows: CallRow[] = [];
	for (const r of raw) {
		if (!wanted.has(r[1] as string)) continue;
		const [rowid, path, hash, source, bundled, known_id, layout, company, ticker, quarter, date, errors, coverage, figures] = r as [number, string, string, string, number, string | null, Layout, string | null, string | null, string | null, string | null, string, string, string];
		rows.push({rowid, path, hash, source, bundled, known_id, layout, company, ticker, quarter, date, errors, coverage, figures});
	}
	rows.sort((a, b) => wanted.get(a.path)! - wanted.get(b.path)!);
	const skipped = [...skippedScan];
	const fileSkips = db.prepare('SELECT path, skipped FROM files WHERE skipped IS NOT NULL').all() as {path: string; skipped: string}[];
	for (const f of fileSkips) if (wanted.has(f.path)) skipped.push({path: cleanLine(f.path), reason: f.skipped});
	// A second byte-identical file is noted and loaded once.
	const byHash = new Map<string, CallRow>();
	const kept: CallRow[] = [];
	for (const row of rows) {
		const first = byHash.get(row.hash);
		if (first) skipped.push({path: cleanLine(row.path), reason: `the same text as ${cleanLine(first.path)}, loaded once`});
		else {
			byHash.set(row.hash, row);
			kept.push(row);
		}
	}

	const loader = loaderFor(db);
	const calls: Call[] = kept.map(row => new IndexedCall(row, loader));
	const all = [...calls, ...extra];

	// Ids and people were worked out for one set of calls and kept: the same set
	// (the usual start) reads them back; another set works them out and keeps them.
	const signature = createHash('sha1')
		.update(kept.map(r => `${r.rowid}:${r.hash}`).join('\n'))
		.update(extra.length ? `+${extra.map(c => c.source).join('\n')}` : '')
		.digest('hex');
	/** The store of the kept set `signature`: the speakers as it made them (people's ids, firms' names), its people read on first use. */
	const storeOfSet = () => {
		const savedSpeakers = speakersOfSet(db, signature);
		for (const call of calls as IndexedCall[]) call.readSpeakersFrom(savedSpeakers);
		keepSnapshot(db, options, all, skipped.slice(skippedScan.length), signature);
		return storeOf(all, () => peopleOf(db, signature), skipped);
	};
	const known = extra.length === 0 && db.prepare('SELECT 1 FROM sets WHERE id = ?').get(signature) !== undefined;
	if (known) {
		const saved = new Map((db.prepare('SELECT call, id FROM store WHERE "set" = ?').all(signature) as {call: number; id: string}[]).map(r => [r.call, r]));
		if ((calls as IndexedCall[]).every(c => saved.has(c.rowid))) {
			for (const call of calls as IndexedCall[]) call.id = saved.get(call.rowid)!.id;
			sortCalls(all);
			try {
				db.prepare('UPDATE sets SET used = ? WHERE id = ?').run(Date.now(), signature);
			} catch {}
			return storeOfSet();
		}
	}
	assignIds(all);
	sortCalls(all);
	const indexed = calls as IndexedCall[];
	// Files edited, their speakers as they were: the last set's ids and people, as they are.
	if (extra.length === 0 && reuseLastSet(db, indexed, signature)) return storeOfSet();
	// Before matchPeople, which changes the speakers.
	const prints = extra.length === 0 ? indexed.map(peoplePrint) : [];
	const matched = matchPeople(all);
	if (extra.length === 0) {
		try {
			db.transaction(() => {
				clearSet(db, signature);
				const insStore = db.prepare('INSERT INTO store("set", call, id) VALUES (?, ?, ?)');
				const insSpeakers = db.prepare('INSERT INTO store_speakers("set", call, speakers) VALUES (?, ?, ?)');
				for (const call of indexed) {
					insStore.run(signature, call.rowid, call.id);
					insSpeakers.run(signature, call.rowid, deflateRawSync(JSON.stringify(call.speakers)));
				}
				keepPrints(db, signature, indexed.map((call, i): Print => [call.rowid, call.row.hash, prints[i]!]));
				const insPerson = db.prepare('INSERT INTO people("set", id, data) VALUES (?, ?, ?)');
				for (const p of matched) insPerson.run(signature, p.id, JSON.stringify(p));
				keepSet(db, signature);
				keepSnapshot(db, options, all, skipped.slice(skippedScan.length), signature);
			})();
		} catch {
			// A read-only or full disk: the store is worked out again next time.
		}
	}
	return storeOf(all, matched, skipped);
}

/** The tables of a set's store: ids, speakers as the store made them, people, prints. */
const SET_TABLES = ['store', 'store_speakers', 'people', 'set_prints'];

/** A call of a set, for reuseLastSet: its rowid, its text's hash, its peoplePrint. */
type Print = [call: number, hash: string, print: string];

const keepPrints = (db: Db, set: string, prints: readonly Print[]) => db.prepare('INSERT OR REPLACE INTO set_prints("set", data) VALUES (?, ?)').run(set, JSON.stringify(prints));

function clearSet(db: Db, set: string): void {
	for (const table of SET_TABLES) db.prepare(`DELETE FROM ${table} WHERE "set" = ?`).run(set);
}

/** Marks a set as the newest; the oldest beyond SETS_KEPT go, and the snapshots that used them. */
function keepSet(db: Db, set: string): void {
	db.prepare('INSERT OR REPLACE INTO sets(id, used) VALUES (?, ?)').run(set, Date.now());
	const old = db.prepare('SELECT id FROM sets ORDER BY used DESC LIMIT -1 OFFSET ?').pluck().all(SETS_KEPT) as string[];
	for (const id of old) {
		clearSet(db, id);
		db.prepare('DELETE FROM snapshot WHERE "set" = ?').run(id);
		db.prepare('DELETE FROM sets WHERE id = ?').run(id);
	}
}

/** At most this many calls changed for a set to be taken from the last one (each is read for its print). */
const REUSE_MOST = 200;

/**
 * The last set's ids and people taken for `set` as they are, where its calls
 * (ids assigned, sorted) differ from that set's only by calls of the same
 * print: the same ids, companies, dates and speakers in the same order, so
 * matchPeople would give the same people and speakers (a file edited, its
 * speakers as they were). Why: working them out again reads every call's
 * speakers and matches them all, ~2.5 s at 10,000 calls (measured), for one
 * file's edit. False, and nothing written, where any of that is not so.
 */
function reuseLastSet(db: Db, calls: readonly IndexedCall[], set: string): boolean {
	try {
		const last = db.prepare('SELECT id FROM sets ORDER BY used DESC LIMIT 1').pluck().get() as string | undefined;
		if (last === undefined || last === set) return false;
		const printed = db.prepare('SELECT data FROM set_prints WHERE "set" = ?').pluck().get(last) as string | undefined;
		if (printed === undefined) return false;
		const prints = JSON.parse(printed) as Print[];
		if (prints.length !== calls.length) return false;
		const ids = new Map(db.prepare('SELECT call, id FROM store WHERE "set" = ?').raw().all(last) as [number, string][]);
		const kept = new Map(prints.map(p => [`${p[0]}:${p[1]}`, p]));
		const added: IndexedCall[] = [];
		for (const call of calls) {
			const key = `${call.rowid}:${call.row.hash}`;
			if (!kept.has(key)) {
				if (added.push(call) > REUSE_MOST) return false;
				continue;
			}
			// The same call, given another id (an id it shared now told apart): worked out again.
			if (ids.get(call.rowid) !== call.id) return false;
			kept.delete(key);
		}
		if (added.length === 0) return false;
		// What is left of the last set is what went: each must come back as an added call of its print.
		const goneByPrint = new Map<string, number>();
		for (const p of kept.values()) {
			if (goneByPrint.has(p[2])) return false;
			goneByPrint.set(p[2], p[0]);
		}
		const moves: [from: number, to: IndexedCall][] = [];
		const newPrints = new Map<number, Print>();
		for (const call of added) {
			const print = peoplePrint(call);
			const from = goneByPrint.get(print);
			// An id of the last set that went is not this call's: worked out again.
			if (from === undefined || ids.get(from) !== call.id) return false;
			goneByPrint.delete(print);
			moves.push([from, call]);
			newPrints.set(from, [call.rowid, call.row.hash, print]);
		}
		// The copy's rowids: a call moved to its new row, all at once (a CASE), so no two rows meet on the way.
		const cases = moves.map(() => 'WHEN ? THEN ?').join(' ');
		const moved = moves.flatMap(([from, to]) => [from, to.rowid]);
		const call = `CASE call ${cases} ELSE call END`;
		db.transaction(() => {
			clearSet(db, set);
			db.prepare(`INSERT INTO store("set", call, id) SELECT ?, ${call}, id FROM store WHERE "set" = ?`).run(set, ...moved, last);
			db.prepare(`INSERT INTO store_speakers("set", call, speakers) SELECT ?, ${call}, speakers FROM store_speakers WHERE "set" = ?`).run(set, ...moved, last);
			keepPrints(db, set, prints.map(p => newPrints.get(p[0]) ?? p));
			db.prepare('INSERT INTO people("set", id, data) SELECT ?, id, data FROM people WHERE "set" = ?').run(set, last);
			keepSet(db, set);
		})();
		return true;
	} catch {
		// A read-only or full disk, or anything odd: worked out the long way.
		return false;
	}
}

/** Keeps the store's list (ids in store order, list fields) for a start with the same files. */
function keepSnapshot(db: Db, options: FromIndexOptions, calls: readonly Call[], skipped: Skipped[], set: string): void {
	if (!options.signature || !options.complete || options.scope === undefined) return;
	try {
		// Only what a start shows: no hash (copies were found already), no words by turn (ids were given already).
		const rows = snapshotColumns(calls as IndexedCall[]);
		// As text, not deflated: read at every start, and inflating was a third of reading it (measured at 10,000 calls).
		db.prepare('INSERT OR REPLACE INTO snapshot(scope, signature, "set", data) VALUES (?, ?, ?, ?)').run(options.scope, options.signature, set, JSON.stringify({rows, skipped}));
	} catch {
		// A read-only or full disk: worked out again next time.
	}
}
