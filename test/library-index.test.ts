// The library's index on disk (issue 13): read through it, every command sees
// exactly what the in-memory path sees; a file is parsed once, a changed one
// again, a removed one drops out; a damaged or foreign index is set aside, a
// folder that cannot be written leaves the reader in memory; search through
// the index gives the in-memory search's hits, page and all, with the new
// filters.
import assert from 'node:assert/strict';
import {chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {loadLibrary} from '../source/model/input/library.ts';
import {INDEX_FILE, openIndex, sqlite} from '../source/model/library/index-db.ts';
import {beginLibrary, finishLibrary, libraryScope, openLibrary} from '../source/model/library/open-library.ts';
import {readSnapshot, storeFromSnapshot} from '../source/model/library/index-store.ts';
import type {Call} from '../source/model/types.ts';
import {listFigures} from '../source/model/store/view.ts';
import {parseQuery, search, searchStore} from '../source/model/search/search.ts';
import {exportCalls} from '../source/model/store/export.ts';
import {CORPUS} from '../bench/corpus-check.ts';
import {fixture} from './helpers.ts';

const here = existsSync(join(CORPUS, 'counts.tsv'));
const skip = here ? false : '../shared/corpus/ not found (a clone without the shared data): index tests on the corpus skipped';
// better-sqlite3 is an optional dependency: where it could not be built, the index is off and these tests say so.
const noIndex = sqlite() ? false : 'better-sqlite3 is not built here (the index is off): index tests skipped';
const temp = (name: string) => mkdtempSync(join(tmpdir(), `er-index-${name}-`));

/** A folder of two fixture transcripts, to change at will. */
function smallLibrary(): string {
	const dir = temp('lib');
	mkdirSync(join(dir, 'JPM', '2018'), {recursive: true});
	copyFileSync(fixture('sa_jpm_2018q2.txt'), join(dir, 'JPM', '2018', 'sa_jpm_2018q2.txt'));
	copyFileSync(fixture('se_csco_2016q4.txt'), join(dir, 'se_csco_2016q4.txt'));
	return dir;
}

const same = (a: object, b: object) => assert.equal(JSON.stringify(a), JSON.stringify(b));

describe('library index: the same as reading into memory', {skip: noIndex}, () => {
	it('calls, people, ids and export are identical, first run and second', () => {
		const dir = smallLibrary();
		const cache = temp('cache');
		const memory = loadLibrary({dirs: [dir]});
		for (const run of ['first', 'second']) {
			const {store, index} = openLibrary({dirs: [dir], indexDir: cache});
			assert.ok(index, run);
			same(exportCalls(store.calls), exportCalls(memory.calls));
			same(store.people, memory.people);
			same(store.skipped, memory.skipped);
			assert.deepEqual(store.calls.map(c => c.id), memory.calls.map(c => c.id));
			index.db.close();
		}
	});

	it('a second start parses nothing; a changed file is parsed again; a removed one drops out; a new one comes in', () => {
		const dir = smallLibrary();
		const cache = temp('cache');
		const plan = () => {
			const opened = beginLibrary({dirs: [dir], indexDir: cache});
			assert.ok(!opened.done);
			const todo = opened.plan.todo.map(f => f.path.slice(dir.length + 1));
			const gone = opened.plan.gone.map(p => p.slice(dir.length + 1));
			opened.index.db.close();
			return {todo, gone};
		};
		openLibrary({dirs: [dir], indexDir: cache}).index!.db.close();
		assert.deepEqual(plan(), {todo: [], gone: []});
		// Changed: a turn's text edited (size and mtime change).
		const jpm = join(dir, 'JPM', '2018', 'sa_jpm_2018q2.txt');
		writeFileSync(jpm, readFileSync(jpm, 'utf8').replace('Operator', 'Operator\n'));
		assert.deepEqual(plan(), {todo: ['JPM/2018/sa_jpm_2018q2.txt'], gone: []});
		openLibrary({dirs: [dir], indexDir: cache}).index!.db.close();
		assert.deepEqual(plan(), {todo: [], gone: []});
		// Only the mtime (touched, checked out again): read again, but its hash says it is the same text, so it is not parsed again.
		// A mark in its row: a parse would write the row anew, without it.
		const sql = (query: string) => {
			const db = openIndex(cache).index!.db;
			const value = db.prepare(query).pluck().get(jpm);
			db.close();
			return value;
		};
		sql("UPDATE calls SET layout = 'marked' WHERE path = ? RETURNING 1");
		utimesSync(jpm, new Date(), new Date(Date.now() + 5000));
		assert.deepEqual(plan().todo, ['JPM/2018/sa_jpm_2018q2.txt']);
		openLibrary({dirs: [dir], indexDir: cache}).index!.db.close();
		assert.equal(sql('SELECT layout FROM calls WHERE path = ?'), 'marked');
		sql("UPDATE calls SET layout = 'seeking-alpha' WHERE path = ? RETURNING 1");
		assert.deepEqual(plan(), {todo: [], gone: []});
		// Removed, and added.
		rmSync(join(dir, 'se_csco_2016q4.txt'));
		copyFileSync(fixture('se_csco_2016q4.txt'), join(dir, 'JPM', 'csco-copy.txt'));
		assert.deepEqual(plan(), {todo: ['JPM/csco-copy.txt'], gone: ['se_csco_2016q4.txt']});
		const {store, index} = openLibrary({dirs: [dir], indexDir: cache});
		assert.deepEqual(store.calls.map(c => c.path.slice(dir.length + 1)).sort(), ['JPM/2018/sa_jpm_2018q2.txt', 'JPM/csco-copy.txt', ...store.calls.filter(c => c.bundled).map(c => c.path.slice(dir.length + 1))].sort());
		// Nothing of the removed file is left: its sentences are gone from the search too.
		const rows = index!.db.prepare('SELECT count(*) FROM calls').pluck().get() as number;
		assert.equal(rows, store.calls.length);
		index!.db.close();
	});

	it('a file edited, its speakers as they were: the last ids and people taken as they are; a speaker changed or a file added: worked out again; each time as read into memory', () => {
		const dir = smallLibrary();
		const cache = temp('cache');
		const jpm = join(dir, 'JPM', '2018', 'sa_jpm_2018q2.txt');
		const edit = (from: string, to: string) => {
			const text = readFileSync(jpm, 'latin1');
			assert.ok(text.includes(from), from);
			writeFileSync(jpm, text.replace(from, to), 'latin1');
		};
		const open = (asInMemory = true) => {
			const {store, index} = openLibrary({dirs: [dir], indexDir: cache});
			if (asInMemory) {
				const memory = loadLibrary({dirs: [dir]});
				same(exportCalls(store.calls), exportCalls(memory.calls));
				same(store.people, memory.people);
				assert.deepEqual(store.calls.map(c => c.id), memory.calls.map(c => c.id));
				same(store.calls.map(c => c.speakers), memory.calls.map(c => c.speakers));
			}
			const names = store.people.map(p => p.name);
			index!.db.close();
			return names;
		};
		open();
		edit('Starting on page one', 'Starting on page 1');
		open();
		// A mark in the last set's people: taken as they are, the next edit's store shows it.
		const db = openIndex(cache).index!.db;
		const marked = db.prepare("UPDATE people SET data = json_set(data, '$.name', 'Marked Usdin') WHERE \"set\" = (SELECT id FROM sets ORDER BY used DESC LIMIT 1) AND json_extract(data, '$.name') = 'Ken Usdin'").run().changes;
		db.close();
		assert.equal(marked, 1);
		edit('Starting on page 1', 'Starting on page I');
		assert.ok(open(false).includes('Marked Usdin'), 'the last set\'s people taken');
		// A speaker's firm changed: the people worked out again (the mark gone).
		edit('Ken Usdin - Jefferies', 'Ken Usdin - Jefferies Group');
		assert.ok(!open().includes('Marked Usdin'));
		// A file added: worked out again.
		copyFileSync(fixture('se_csco_2016q4.txt'), join(dir, 'JPM', 'csco-copy.txt'));
		open();
	});

	it('a new parser version parses every file again', () => {
		const dir = smallLibrary();
		const cache = temp('cache');
		openLibrary({dirs: [dir], indexDir: cache}).index!.db.close();
		const opened = openIndex(cache);
		opened.index!.db.prepare('UPDATE files SET parser = parser - 1').run();
		opened.index!.db.prepare('DELETE FROM snapshot').run();
		opened.index!.db.close();
		const again = beginLibrary({dirs: [dir], indexDir: cache});
		assert.ok(!again.done);
		assert.equal(again.plan.todo.length, again.files.length);
		again.index.db.close();
	});

	it('two libraries in turn (a --dir of a run, then the usual one): each keeps its own ids and people, nothing worked out again', () => {
		const one = smallLibrary();
		const two = smallLibrary();
		copyFileSync(fixture('sa_jpm_2018q2.txt'), join(two, 'another-jpm.txt'));
		writeFileSync(join(two, 'another-jpm.txt'), readFileSync(join(two, 'another-jpm.txt'), 'utf8').replace(/Jamie Dimon/g, 'James Dimon'));
		const cache = temp('cache');
		const expect = (dirs: string[]) => {
			const memory = loadLibrary({dirs});
			const {store, index} = openLibrary({dirs, indexDir: cache});
			same(exportCalls(store.calls), exportCalls(memory.calls));
			same(store.people, memory.people);
			index!.db.close();
		};
		expect([one]);
		expect([one, two]);
		expect([one]);
		expect([one, two]);
		const db = openIndex(cache).index!.db;
		assert.equal(db.prepare('SELECT count(*) FROM sets').pluck().get(), 2);
		assert.equal(db.prepare('SELECT count(*) FROM snapshot').pluck().get(), 2);
		db.close();
	});

	it('a start from the snapshot lists every call as worked out: ids, file names, flags, coverage and figures', () => {
		const dir = smallLibrary();
		// A flagged call (its Presentation heading lost, so its prepared remarks are not found), in a sub-folder, under a name with a space.
		const text = readFileSync(fixture('se_csco_2016q4.txt'), 'utf8').replace(/={20,}\r?\nPresentation\r?\n={20,}\r?\n/, '');
		mkdirSync(join(dir, 'odd'));
		writeFileSync(join(dir, 'odd', 'csco no rule.txt'), text);
		const cache = temp('cache');
		openLibrary({dirs: [dir], indexDir: cache}).index!.db.close();
		const memory = loadLibrary({dirs: [dir]});
		assert.ok(memory.calls.some(c => c.errors.length > 0), 'the fixture is flagged');
		const db = openIndex(cache).index!.db;
		const snapshot = readSnapshot(db, {scope: libraryScope({dirs: [dir]})});
		assert.ok(snapshot, 'a snapshot was kept');
		const store = storeFromSnapshot(db, snapshot, []);
		const fields = (calls: readonly Call[]) =>
			calls.map(c => {
				const {turns, words, questions, analysts} = listFigures(c);
				return {id: c.id, source: c.source, path: c.path, bundled: c.bundled, layout: c.layout, meta: c.meta, errors: c.errors, coverage: c.coverage, figures: {turns, words, questions, analysts}};
			});
		same(fields(store.calls), fields(memory.calls));
		same(exportCalls(store.calls), exportCalls(memory.calls));
		db.close();
	});

	it('a byte-identical copy is noted and loaded once, as in memory', () => {
		const dir = smallLibrary();
		copyFileSync(join(dir, 'se_csco_2016q4.txt'), join(dir, 'JPM', 'copy.txt'));
		const {store, index} = openLibrary({dirs: [dir], indexDir: temp('cache')});
		same(store.skipped, loadLibrary({dirs: [dir]}).skipped);
		assert.ok(store.skipped.some(s => /the same text as/.test(s.reason)));
		index!.db.close();
	});
});

describe('library index: never in the way', {skip: noIndex}, () => {
	it('a damaged index is set aside (kept, for the user to look at) and made again, with a notice', () => {
		const cache = temp('cache');
		writeFileSync(join(cache, INDEX_FILE), 'this is not a database, but it is long enough to look like a header of one...'.repeat(100));
		const {store, index, notices} = openLibrary({dirs: [smallLibrary()], indexDir: cache});
		assert.ok(index);
		assert.equal(store.calls.filter(c => !c.bundled).length, 2);
		assert.equal(notices.length, 1);
		assert.match(notices[0]!, /damaged or not ours; set aside as .*index-v\d+\.db\.damaged-/);
		assert.ok(readdirSync(cache).some(f => f.includes('.damaged-')));
		index.db.close();
	});

	it('a database that is not ours is set aside, never changed', () => {
		const cache = temp('cache');
		const Database = (openIndex(temp('x')).index!.db.constructor as unknown) as new (file: string) => {exec(sql: string): void; close(): void};
		const foreign = new Database(join(cache, INDEX_FILE));
		foreign.exec('CREATE TABLE customers(name TEXT); INSERT INTO customers VALUES (\'kept\')');
		foreign.close();
		const before = readFileSync(join(cache, INDEX_FILE));
		const {index, notices} = openLibrary({dirs: [smallLibrary()], indexDir: cache});
		assert.ok(index);
		assert.match(notices[0]!, /set aside/);
		const aside = readdirSync(cache).find(f => f.startsWith(`${INDEX_FILE}.damaged-`) && !f.endsWith('-wal') && !f.endsWith('-shm'))!;
		assert.deepEqual(readFileSync(join(cache, aside)), before);
		index.db.close();
	});

	it('a cache folder that cannot be made leaves the library in memory, said once', () => {
		const blocker = join(temp('cache'), 'a-file');
		writeFileSync(blocker, '');
		const dir = smallLibrary();
		const {store, index, notices} = openLibrary({dirs: [dir], indexDir: join(blocker, 'earnings-reader')});
		assert.equal(index, null);
		assert.equal(notices.length, 1);
		assert.match(notices[0]!, /^reading from memory: the index cannot be kept in /);
		same(exportCalls(store.calls), exportCalls(loadLibrary({dirs: [dir]}).calls));
	});

	it('a read-only index folder (made earlier) still serves the library', {skip: process.getuid?.() === 0 ? 'root ignores file permissions' : false}, () => {
		const dir = smallLibrary();
		const cache = temp('cache');
		openLibrary({dirs: [dir], indexDir: cache}).index!.db.close();
		chmodSync(cache, 0o555);
		try {
			const {store} = openLibrary({dirs: [dir], indexDir: cache});
			assert.equal(store.calls.filter(c => !c.bundled).length, 2);
		} finally {
			chmodSync(cache, 0o755);
		}
	});

	it('two readers at once: both see every call (WAL)', () => {
		const dir = smallLibrary();
		const cache = temp('cache');
		const a = openLibrary({dirs: [dir], indexDir: cache});
		const b = openLibrary({dirs: [dir], indexDir: cache});
		assert.equal(a.store.calls.length, b.store.calls.length);
		assert.equal(a.store.calls[a.store.calls.length - 1]!.turns.length, b.store.calls[b.store.calls.length - 1]!.turns.length);
		a.index!.db.close();
		b.index!.db.close();
	});

	it('with sync later, the calls already indexed are there and the rest is pending', () => {
		const dir = smallLibrary();
		const cache = temp('cache');
		const first = openLibrary({dirs: [dir], indexDir: cache, sync: 'later'});
		assert.equal(first.store.calls.length, 0);
		assert.equal(first.pending.todo.length, 2 + 5);
		first.index!.db.close();
	});
});

describe('search through the index', {skip: skip || noIndex}, () => {
	const folders = [join(CORPUS, 'seeking-alpha'), join(CORPUS, 'motley-fool-json')];
	const queries = ['revenue', 'gross margin', '"gross margin"', 'margn', "don't know", 'guidance -raise', 'demand section:qa', 'pricing role:analyst', 'growth company:apple', 'margin after:2019 before:2020-06', 'supply chain ticker:aan', 'call:2019 costs'];

	it('every hit of each query is the in-memory search\'s, in its order; the first page too', () => {
		const cache = temp('cache');
		const indexed = openLibrary({dirs: folders, indexDir: cache});
		const memory = loadLibrary({dirs: folders});
		assert.ok(indexed.store.indexSearch);
		for (const q of queries) {
			const all = search(memory, q);
			same(searchStore(indexed.store, q).hits, all);
			same(searchStore(indexed.store, q, {limit: 25}).hits, all.slice(0, 25));
		}
		indexed.index!.db.close();
	});

	it('paged in date order (the reader’s results), every hit is reached, newest or oldest first, each once', async () => {
		const {hitSet, deepenHits} = await import('../source/ui/hooks/search-hits.ts');
		const indexed = openLibrary({dirs: folders, indexDir: temp('cache')});
		const memory = loadLibrary({dirs: folders});
		const key = (h: {call: string; turn: number; paragraph: number; start: number}) => `${h.call}:${h.turn}:${h.paragraph}:${h.start}`;
		for (const q of ['margin', 'revenue', '"gross margin" section:qa', 'margn', 'guidance -raise']) {
			const all = search(memory, q);
			for (const order of ['newest', 'oldest'] as const) {
				const pages: string[][] = [];
				let from: number | null = null;
				const seen: {call: string; turn: number; paragraph: number; start: number}[] = [];
				do {
					const page = indexed.store.indexPage!(q, {order, from, limit: 7, budgetMs: 1e9});
					pages.push(page.hits.map(key));
					seen.push(...page.hits);
					from = page.next;
				} while (from !== null);
				assert.deepEqual(seen.map(key).sort(), all.map(key).sort(), `${q} ${order}: the same hits`);
				assert.equal(new Set(seen.map(key)).size, seen.length, `${q} ${order}: each once`);
				// Calls in date order: each call's date never goes back (or forward, oldest first); a call's hits together.
				const dates = seen.map(h => indexed.store.call(h.call)!.meta.date).filter((d): d is string => d !== null);
				assert.ok(dates.every((d, i) => i === 0 || (order === 'newest' ? d <= dates[i - 1]! : d >= dates[i - 1]!)), `${q} ${order}: date order`);
				const runs = seen.map(h => h.call).filter((c, i, a) => i === 0 || c !== a[i - 1]);
				assert.equal(new Set(runs).size, runs.length, `${q} ${order}: a call's hits together`);
				if (all.length > 50) assert.ok(pages.length > 1, `${q}: more than one page`);
			}
			// The reader: a first page at a keystroke, then slices until the count is true.
			let set = hitSet(indexed.store, q, null, 'newest');
			if (all.length > 50) assert.equal(set.more, true);
			for (let i = 0; i < 10_000 && set.more; i++) {
				deepenHits(indexed.store, q, null, 'newest', 5);
				set = hitSet(indexed.store, q, null, 'newest');
			}
			assert.equal(set.more, false);
			assert.equal(set.hits.length, all.length, `${q}: the reader's count is the true count`);
		}
		indexed.index!.db.close();
	});

	it('a stored phrase, role and section are found in the index', () => {
		const indexed = openLibrary({dirs: folders, indexDir: temp('cache')});
		const {hits} = searchStore(indexed.store, '"gross margin" role:executive section:qa');
		const {candidates} = indexed.store.indexSearch!('"gross margin" role:executive section:qa', {count: true});
		assert.ok(hits.length > 0);
		assert.ok(candidates >= hits.length);
		for (const h of hits) {
			const call = indexed.store.call(h.call)!;
			assert.equal(h.section, 'qa');
			assert.equal(call.speakers[h.speaker!]!.role, 'executive');
		}
		indexed.index!.db.close();
	});
});

describe('the query language: filters', () => {
	it('company:, ticker:, section:, role:, after:, before: are read; unknown values match nothing', () => {
		const q = parseQuery('margin company:apple ticker:AAPL section:qa role:analyst after:2019 before:2020-06');
		assert.deepEqual([q.words, q.company, q.ticker, q.section, q.role, q.after, q.before], [['margin'], 'apple', 'AAPL', 'qa', 'analyst', '2019-01-01', '2020-06-01']);
		assert.equal(parseQuery('x section:prepared').section, 'presentation');
		assert.equal(parseQuery('x role:management').role, 'executive');
		assert.equal(parseQuery('x section:nonsense').section, 'none');
		assert.equal(parseQuery('x after:soon').after, '9999-99-99');
	});

	it('on the bundled calls: after: and before: bound by date; section and role by turn', () => {
		const store = loadLibrary();
		const dates = (q: string) => [...new Set(search(store, q).map(h => store.call(h.call)!.meta.date))];
		assert.deepEqual(dates('model after:2017'), ['2017-02-22', '2017-08-02']);
		assert.deepEqual(dates('model after:2017-03'), ['2017-08-02']);
		assert.ok(dates('model before:2013').every(d => d! < '2013'));
		assert.ok(search(store, 'model section:prepared').every(h => h.section === 'presentation'));
		const call = (id: string) => store.call(id)!;
		assert.ok(search(store, 'model role:analyst').every(h => call(h.call).speakers[h.speaker!]!.role === 'analyst'));
		assert.equal(search(store, 'model company:tesla').length, search(store, 'model').length);
		assert.equal(search(store, 'model company:apple').length, 0);
	});

	it('a call with no date is placed by its fiscal quarter for after: and before:', {skip}, () => {
		const store = loadLibrary({dirs: [join(CORPUS, 'motley-fool-json')], noBundled: true});
		const undated = store.calls.filter(c => c.meta.date === null && c.meta.quarter);
		assert.ok(undated.length > 0);
		const call = undated[0]!;
		const [, q, y] = /^Q([1-4]) (\d{4})$/.exec(call.meta.quarter!)!;
		const word = call.turns.flatMap(t => t.paragraphs).find(p => /\bquarter\b/i.test(p.text)) ? 'quarter' : 'the';
		const calls = (query: string) => new Set(search(store, query).map(h => h.call));
		assert.ok(calls(`${word} after:${y}`).has(call.id), `${call.id} (${call.meta.quarter}) is after the start of ${y}`);
		assert.ok(!calls(`${word} before:${y}-0${Number(q) === 4 ? 9 : Number(q) * 3}`).has(call.id), 'and not before its quarter has ended');
	});
});

// Kept apart: the cp of the corpus would slow every test above.
void cpSync;
void finishLibrary;

describe('indexing progress', () => {
	it('no estimate in the first moments, then one from the rate so far', async () => {
		const {progressLine} = await import('../source/model/library/sync.ts');
		// 300 ms in, 5 of 1,700 done: the workers starting, no honest estimate yet.
		assert.equal(progressLine({done: 5, total: 1700, elapsed: 300}), 'indexing 5/1,700');
		assert.equal(progressLine({done: 10, total: 1700, elapsed: 2500}), 'indexing 10/1,700');
		assert.equal(progressLine({done: 850, total: 1700, elapsed: 4000}), 'indexing 850/1,700 · 4 s left');
		assert.equal(progressLine({done: 1699, total: 1700, elapsed: 8000}), 'indexing 1,699/1,700 · 1 s left');
	});
});
