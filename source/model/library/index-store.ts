// The store, read from the index: the call list comes from one query and no
// transcript is parsed. A call's turns and speakers are read on first use
// (its turns are inflated from the index then, and the last few kept), so a
// library of 10,000 calls costs its list in memory, not its text.
import {createHash} from 'node:crypto';
import {deflateRawSync, inflateRawSync} from 'node:zlib';
import type {Skipped} from '../input/load.js';
import {cleanLine} from '../input/sanitize.js';
import {assignIds, matchPeople, sortCalls, storeOf, type Person, type Store} from '../store/store.js';
import type {Call, CallMeta, Layout, ListFigures, ParseResult, Speaker, Turn} from '../types.js';
import {info, setInfo, type Db} from './index-db.js';
import type {FileEntry} from './sync.js';

interface CallRow {
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
	errors: string;
	coverage: string;
	figures: string;
}

/** The rowid of each call read from the index: the search maps sentences back with it. */
export const rowidOf = new WeakMap<Call, number>();

/** Calls whose turns are in memory, the most recent last; older ones are dropped (and read again if asked for). */
const KEEP = 48;

export function storeFromIndex(db: Db, files: readonly FileEntry[], skippedScan: Skipped[], extra: readonly Call[] = [], readonly = false): Store {
	const wanted = new Map(files.map((f, i) => [f.path, i]));
	const rows = (db.prepare('SELECT rowid, path, hash, source, bundled, known_id, layout, company, ticker, quarter, date, errors, coverage, figures FROM calls').all() as CallRow[]).filter(r => wanted.has(r.path));
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

	const bodyOf = db.prepare('SELECT body FROM bodies WHERE call = ?').pluck();
	const speakersOf = db.prepare('SELECT speakers FROM bodies WHERE call = ?').pluck();
	const savedSpeakersOf = db.prepare('SELECT speakers FROM store_speakers WHERE call = ?').pluck();
	const loaded: Call[] = [];
	const calls: Call[] = kept.map(row => {
		let turns: Turn[] | null = null;
		let speakers: Speaker[] | null = null;
		const call = {
			id: row.known_id ?? '',
			source: cleanLine(row.source),
			path: cleanLine(row.path),
			bundled: row.bundled === 1,
			layout: row.layout,
			meta: {company: row.company, ticker: row.ticker, quarter: row.quarter, date: row.date} satisfies CallMeta,
			errors: JSON.parse(row.errors) as string[],
			coverage: JSON.parse(row.coverage) as ParseResult['coverage'],
			figures: JSON.parse(row.figures) as ListFigures,
		} as Call;
		Object.defineProperty(call, 'turns', {
			enumerable: true,
			configurable: true,
			get() {
				if (turns === null) {
					turns = JSON.parse(inflateRawSync(bodyOf.get(row.rowid) as Buffer).toString('utf8')) as Turn[];
					loaded.push(call);
					if (loaded.length > KEEP) loaded.shift()!.turns = null as never;
				}
				return turns;
			},
			set(value: null) {
				// Dropped from memory (see KEEP); read again on the next use.
				turns = value;
			},
		});
		Object.defineProperty(call, 'speakers', {
			enumerable: true,
			configurable: true,
			get() {
				return (speakers ??= JSON.parse(inflateRawSync(speakersOf.get(row.rowid) as Buffer).toString('utf8')) as Speaker[]);
			},
			set(value: Speaker[]) {
				speakers = value;
			},
		});
		rowidOf.set(call, row.rowid);
		return call;
	});
	const all = [...calls, ...extra];

	// Ids and people were worked out for one set of calls and kept: the same set
	// (the usual start) reads them back; another set works them out and keeps them.
	const signature = createHash('sha1')
		.update(kept.map(r => `${r.rowid}:${r.hash}`).join('\n'))
		.update(extra.length ? `+${extra.map(c => c.source).join('\n')}` : '')
		.digest('hex');
	if (extra.length === 0 && info(db, 'store') === signature) {
		const saved = new Map((db.prepare('SELECT call, id FROM store').all() as {call: number; id: string}[]).map(r => [r.call, r]));
		if (calls.every(c => saved.has(rowidOf.get(c)!))) {
			for (const call of calls) {
				const row = saved.get(rowidOf.get(call)!)!;
				call.id = row.id;
				let speakers: Speaker[] | null = null;
				Object.defineProperty(call, 'speakers', {
					enumerable: true,
					configurable: true,
					get: () => (speakers ??= JSON.parse(inflateRawSync(savedSpeakersOf.get(rowidOf.get(call)!) as Buffer).toString('utf8')) as Speaker[]),
					set(value: Speaker[]) {
						speakers = value;
					},
				});
			}
			sortCalls(all);
			const people = () => (db.prepare('SELECT data FROM people').pluck().all() as string[]).map(d => JSON.parse(d) as Person).sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
			return storeOf(all, people, skipped);
		}
	}
	assignIds(all);
	sortCalls(all);
	const people = matchPeople(all);
	if (extra.length === 0 && !readonly) {
		try {
			db.transaction(() => {
				db.exec('DELETE FROM store; DELETE FROM store_speakers; DELETE FROM people;');
				const insStore = db.prepare('INSERT INTO store(call, id) VALUES (?, ?)');
				const insSpeakers = db.prepare('INSERT INTO store_speakers(call, speakers) VALUES (?, ?)');
				for (const call of calls) {
					insStore.run(rowidOf.get(call)!, call.id);
					insSpeakers.run(rowidOf.get(call)!, deflateRawSync(JSON.stringify(call.speakers)));
				}
				const insPerson = db.prepare('INSERT INTO people(id, data) VALUES (?, ?)');
				for (const p of people) insPerson.run(p.id, JSON.stringify(p));
				setInfo(db, 'store', signature);
			})();
		} catch {
			// A read-only or full disk: the store is worked out again next time.
		}
	}
	return storeOf(all, people, skipped);
}
