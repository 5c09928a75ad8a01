// The store: every loaded call, built once at start — calls in date order,
// one identity per person across calls, lookups by id and by a fuzzy query.
import {createHash} from 'node:crypto';
import fuzzysort from 'fuzzysort';
import type {SourceText, Skipped} from '../input/load.js';
import {clusterNames, fullestName, nameParts, personSlug, samePerson, slug} from '../people/names.js';
import {parseTranscript} from '../parse/parse.js';
import type {Call, CallMeta, ParsedCall, ParseResult, Role, Speaker} from '../types.js';
import type {Hit} from '../search/search.js';
import {canonicalCompany, canonicalFirm, companyKey, firmKey} from '../parse/companies.js';
import {companyFromWelcome, metaFromFileName, quarterFromWelcome} from '../parse/meta.js';

export interface ManifestEntry {
	id: string;
	company: string;
	ticker?: string;
	quarter: string;
	date: string;
	file: string;
}

export interface Person {
	id: string;
	/** The fullest clean spelling used in any call. */
	name: string;
	role: Role;
	/** Firms in date order, each once (`ThinkEquity LLC`, then `Oppenheimer & Co., Inc.`). */
	firms: string[];
	titles: string[];
	/** Ids of the calls they speak in, in date order. */
	calls: string[];
	spellings: string[];
}

export interface StoreInput {
	source: SourceText;
	known?: ManifestEntry;
	bundled?: boolean;
}

export interface Store {
	calls: Call[];
	people: Person[];
	skipped: Skipped[];
	call(id: string): Call | undefined;
	person(id: string): Person | undefined;
	/** The call a user means by `2017q2`, `Q2 2017`, `tesla-2017-q2`, `2017-08-02`. */
	findCall(query: string): Call | undefined;
	/** The person a user means by `musk`, `Elon Musk`, `elon-musk`; those in `inCall` first. */
	findPerson(query: string, inCall?: Call): Person | undefined;
	/** The speaker index of a person in a call, or -1. */
	speakerIndex(call: Call, personId: string): number;
	/**
	 * Set for a store read from the library's index (library/index-search.ts):
	 * the search answered there, a page at a time. Its presence also says that
	 * the calls are many and their turns are read on demand.
	 */
	indexSearch?: (text: string, options: {person?: string | null; limit?: number; count?: boolean; budgetMs?: number}) => {hits: Hit[]; candidates: number; partial?: boolean};
	/** With indexSearch: one page of hits in date order from a call row on (library/index-search.ts's searchPage). */
	indexPage?: (text: string, options: {person?: string | null; order: 'newest' | 'oldest'; from?: number | null; limit: number; budgetMs: number; stream?: boolean}) => {hits: Hit[]; next: number | null};
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function roleOfPerson(speakers: readonly Speaker[]): Role {
	const counts = new Map<Role, number>();
	for (const s of speakers) counts.set(s.role, (counts.get(s.role) ?? 0) + 1);
	return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'unknown';
}

export function buildStore(inputs: readonly StoreInput[], skipped: Skipped[] = [], cache?: ParseCache): Store {
	const parsed = parseInputs(inputs, cache);
	return indexCalls(parsed.calls, [...skipped, ...parsed.skipped]);
}

/**
 * Parses made earlier, by `parseKey`. The build stores the bundled calls'
 * parses: a cold parse of the five costs ~40-60 ms at start-up, reading them
 * back ~3 ms. A key covers the text and what we knew of the call, so an edited
 * transcript misses and is parsed afresh.
 */
export type ParseCache = Readonly<Record<string, ParseResult>>;

// Hashing 1,000 transcripts is ~50 ms a pass: each input is hashed once.
const keys = new WeakMap<StoreInput, string>();
export function parseKey(input: StoreInput): string {
	let key = keys.get(input);
	if (key === undefined) {
		key = createHash('sha1').update(JSON.stringify(input.known ?? null)).update('\n').update(input.source.text).digest('hex');
		keys.set(input, key);
	}
	return key;
}

/** What `parseInputs` would make of each input, keyed for a `ParseCache`. */
export function makeParseCache(inputs: readonly StoreInput[]): Record<string, ParseResult> {
	return Object.fromEntries(inputs.map(input => [parseKey(input), parseTranscript(input.source.text, input.known ?? {})]));
}

/**
 * Why a file in which no speaker was found is not a transcript at all (a
 * README, a table, a novel), or null when it reads like one whose labels
 * were not found (then it is loaded, and flagged).
 */
export function notATranscript(text: string): string | null {
	const lines = text.split('\n').filter(l => l.trim());
	if (lines.length >= 3) {
		// Tabs never get here (cleaned to spaces): a TSV is told at load (input/load.ts).
		for (const sep of [',', ';', '|']) {
			const counts = lines.slice(0, 50).map(l => l.split(sep).length - 1);
			if (counts[0]! >= 2 && counts.filter(c => c === counts[0]).length >= counts.length * 0.8) return sep === '|' ? 'a table' : 'a table (CSV)';
		}
		if (lines.filter(l => /^(?:#{1,6} |```|\s*[-*] \[|\|)/.test(l)).length >= Math.min(3, lines.length * 0.1)) return 'a Markdown document';
	}
	const cues = [/\boperator\b/i, /\bearnings\b/i, /\bconference call\b/i, /\bquestion-and-answer\b|\bq\s*&\s*a\b/i, /\b(?:first|second|third|fourth) quarter\b|\bQ[1-4]\b/i, /\bguidance\b|\brevenue\b/i, /\banalysts?\b/i];
	const found = cues.filter(c => c.test(text)).length;
	return found >= 3 ? null : 'no speaker labels and nothing that reads like a call';
}

/** Parse every input into a call: plain data, so a worker thread can do it. */
export function parseInputs(inputs: readonly StoreInput[], cache?: ParseCache): {calls: Call[]; skipped: Skipped[]} {
	const skipped: Skipped[] = [];
	const calls: Call[] = [];
	// A second byte-identical file (a copy kept in two folders) is noted and
	// loaded once. Texts are compared only when their lengths agree: hashing
	// every file was ~50 ms per 1,000 calls, for copies that are rare.
	const byLength = new Map<number, StoreInput[]>();
	for (const input of inputs) {
		const same = byLength.get(input.source.text.length);
		const first = same?.find(other => other.source.text === input.source.text);
		if (first) {
			skipped.push({path: input.source.path, reason: `the same text as ${first.source.path}, loaded once`});
			continue;
		}
		if (same) same.push(input);
		else byLength.set(input.source.text.length, [input]);
		const one = parseOne(input, cache);
		if (one.call) calls.push(one.call);
		else skipped.push(one.skipped);
	}
	assignIds(calls);
	return {calls, skipped};
}

/** One input parsed into a call (its id still to be given, by `assignIds`), or the reason it is not one. */
export function parseOne(input: StoreInput, cache?: ParseCache): {call: Call; skipped?: undefined} | {call?: undefined; skipped: Skipped} {
	// The build's cache holds the bundled calls only: other files are not hashed to look there.
	const key = cache && input.known ? parseKey(input) : null;
	const {call, errors, coverage} = key && Object.hasOwn(cache!, key) ? cache![key]! : parseTranscript(input.source.text, input.known ?? {});
	if (call.turns.length === 0) return {skipped: {path: input.source.path, reason: errors[0] ?? 'no transcript found'}};
	const notOne = (call.speakers.length === 0 || call.layout === 'speakerless') && !input.known ? notATranscript(input.source.text) : null;
	if (notOne) return {skipped: {path: input.source.path, reason: `not a transcript: ${notOne}`}};
	const meta = input.known ? call.meta : completeMeta(call.meta, input.source.name, call);
	return {call: {...call, meta, id: input.known?.id ?? '', source: input.source.name, path: input.source.path, bundled: input.bundled ?? false, errors, coverage}};
}

/**
 * What the text's header does not say, from the file's name (`CT_MSFT_2019_q1`,
 * `AAN_q1_2021`, `2016-Jul-21-AMD`) and the operator's welcome; the company
 * made canonical (`Microsoft Corp.` → Microsoft).
 */
function completeMeta(meta: CallMeta, fileName: string, call: ParsedCall): CallMeta {
	const named = metaFromFileName(fileName);
	const opening = call.turns.slice(0, 4).flatMap(t => t.paragraphs.slice(0, 3).map(p => p.text)).join(' ');
	return {
		company: canonicalCompany(meta.company ?? companyFromWelcome(opening)),
		ticker: meta.ticker ?? named.ticker ?? null,
		quarter: meta.quarter ?? named.quarter ?? quarterFromWelcome(opening),
		date: meta.date ?? named.date ?? null,
	};
}

/**
 * Ids in today's form, `apple-2019-q2`, from the canonical company, the same
 * whatever else is loaded and in whatever order: calls that would share one are
 * told apart by ticker, then date, then their text, never by load order.
 */
export function assignIds(calls: Call[]): void {
	const base = new Map<Call, string>();
	for (const c of calls) if (!c.id) base.set(c, baseId(c));
	const taken = new Set(calls.filter(c => c.id).map(c => c.id));
	const groups = new Map<string, Call[]>();
	for (const [c, id] of base) groups.set(id, [...(groups.get(id) ?? []), c]);
	for (const [id, group] of groups) {
		if (group.length === 1 && !taken.has(id)) {
			group[0]!.id = id;
			taken.add(id);
			continue;
		}
		for (const c of group) {
			const others = group.filter(o => o !== c);
			const byTicker = c.meta.ticker && others.every(o => o.meta.ticker !== c.meta.ticker) ? slug(c.meta.ticker) : null;
			const byDate = c.meta.date && others.every(o => o.meta.date !== c.meta.date) ? c.meta.date : null;
			const told = slug(`${id}-${byTicker ?? byDate ?? createHash('sha1').update(c.path + (c.figures?.wordsByTurn ?? c.turns.map(t => t.words).join())).digest('hex').slice(0, 6)}`);
			let unique = told;
			for (let n = 2; taken.has(unique); n++) unique = `${told}-${n}`;
			c.id = unique;
			taken.add(unique);
		}
	}
}

function baseId(call: Call): string {
	const company = call.meta.company?.match(/[A-Za-z0-9]+/)?.[0] ?? call.meta.ticker;
	const quarter = /^Q([1-4]) (\d{4})$/.exec(call.meta.quarter ?? '');
	if (company && quarter) return slug(`${company}-${quarter[2]}-q${quarter[1]}`);
	return slug(call.source.replace(/\.[^.]+$/, '')) || 'call';
}

/** The id by ticker, `aapl-2019-q2`: finds the call as well as its id does. */
export function tickerId(call: Call): string | null {
	const quarter = /^Q([1-4]) (\d{4})$/.exec(call.meta.quarter ?? '');
	return call.meta.ticker && quarter ? slug(`${call.meta.ticker}-${quarter[2]}-q${quarter[1]}`) : null;
}

/** Calls in date order, one identity per person, lookups: the store. */
export function indexCalls(calls: Call[], skipped: Skipped[]): Store {
	sortCalls(calls);
	return storeOf(calls, matchPeople(calls), skipped);
}

/**
 * What the ids and matchPeople read of a call, as one hash: its id, company,
 * date, and its speakers as parsed (names, spellings, roles, firms, titles).
 * Calls of the same prints, sorted alike, give the same people and speakers.
 * Taken before matchPeople, which changes the speakers.
 */
export function peoplePrint(call: Call): string {
	const speakers = call.speakers.map(s => [s.name, s.labels, s.role, s.firm, s.title]);
	return createHash('sha1').update(JSON.stringify([call.id, call.meta.company, call.meta.date, speakers])).digest('hex');
}

/**
 * Where a call with no date but a quarter sorts: the month after the quarter's
 * end, when most calls of that quarter are held (`Q1 2020` → `2020-04`), so a
 * company's undated calls (earningscall.biz, Motley Fool) keep their order.
 */
export function quarterSortDate(quarter: string | null): string | null {
	const m = quarter ? /^Q([1-4]) (\d{4})$/.exec(quarter) : null;
	if (!m) return null;
	const q = Number(m[1]);
	return q === 4 ? `${Number(m[2]) + 1}-01~` : `${m[2]}-${String(q * 3 + 1).padStart(2, '0')}~`;
}

/** Date order (an undated call by its quarter); calls with neither last, by id. */
export function sortCalls(calls: Call[]): void {
	// Plain comparison, not localeCompare: its first call loads ICU's collator
	// (~15 ms measured), and ISO dates and ids sort right as code units.
	const key = (c: Call) => c.meta.date ?? quarterSortDate(c.meta.quarter) ?? '9999';
	calls.sort((a, b) => compare(key(a), key(b)) || compare(a.id, b.id));
}

/**
 * Firms made canonical and one identity per person across the calls (sorted):
 * each speaker's id, name and firm are set, and the people returned.
 */
/**
 * Works out, for one call, what matchPeople asks of each speaker (a spelling's
 * parts, a firm's key; each cached by its string). Done as
 * a worker hands each call in, while this thread would wait, it leaves
 * matchPeople less to do at the end (parallel-load.ts). Changes nothing.
 */
export function warmPeopleOf(call: Pick<Call, 'speakers'>): void {
	for (const speaker of call.speakers) {
		nameParts(speaker.name);
		for (const label of speaker.labels) nameParts(label);
		firmKey(speaker.firm);
	}
}

export function matchPeople(calls: Call[]): Person[] {

	// Firms as one name each: every spelling of a firm (`Barclays Capital`,
	// `Barclays PLC`, `Barclays Capital Inc.`) shown in its most used clean form
	// (legal form and `, Research Division` gone).
	const firmUses = new Map<string, Map<string, number>>();
	for (const call of calls) {
		for (const speaker of call.speakers) {
			const key = firmKey(speaker.firm);
			const clean = canonicalFirm(speaker.firm);
			if (!key || !clean) continue;
			const uses = firmUses.get(key) ?? new Map<string, number>();
			uses.set(clean, (uses.get(clean) ?? 0) + 1);
			firmUses.set(key, uses);
		}
	}
	// The most used form, or a shorter one it starts with (`Barclays` of `Barclays Bank`).
	const firmNames = new Map(
		[...firmUses].map(([key, uses]) => {
			const ranked = [...uses].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || compare(a[0], b[0]));
			const top = ranked[0]![0];
			const shorter = ranked.map(r => r[0]).filter(f => f.length < top.length && top.startsWith(`${f} `)).sort((a, b) => a.length - b.length)[0];
			return [key, shorter ?? top];
		}),
	);
	for (const call of calls) {
		for (const speaker of call.speakers) {
			const key = firmKey(speaker.firm);
			if (key) speaker.firm = firmNames.get(key)!;
		}
	}

	// One identity per person across calls. A speaker joins a person only if every
	// spelling of each agrees with every spelling of the other, and — where they
	// agree only through a nickname or short form — their company (executives) or
	// firm (analysts) agrees too. People are compared only with those of their
	// surname, so matching grows as n log n in spellings, not n².
	const position = new Map(calls.map((c, i) => [c, i]));
	const entries = calls.flatMap(call => call.speakers.filter(s => s.role !== 'operator').map(speaker => ({call, speaker})));
	entries.sort((a, b) => nameParts(b.speaker.name).tokens.length - nameParts(a.speaker.name).tokens.length);
	type Group = {spellings: Set<string>; places: Set<string>; members: typeof entries};
	const groups: Group[] = [];
	const bySurname = new Map<string, Group[]>();
	const placeOf = (e: (typeof entries)[number]) =>
		e.speaker.role === 'analyst' ? firmKey(e.speaker.firm) : e.speaker.role === 'executive' ? companyKey(e.call.meta.company) : null;
	const sameFirstName = (a: string, b: string) => {
		const x = nameParts(a).key.first;
		const y = nameParts(b).key.first;
		return x === y || (x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y)) || nameParts(a).tokens.length === 1 || nameParts(b).tokens.length === 1;
	};
	for (const entry of entries) {
		const spellings = [entry.speaker.name, ...entry.speaker.labels];
		const surname = nameParts(entry.speaker.name).key.last;
		const place = placeOf(entry);
		const bucket = bySurname.get(surname) ?? [];
		// Spellings that agree only through a nickname or a short form (`Kash` /
		// `Kasthuri`, `Jen-Hsun` / `Jensen`) join only where the company or firm
		// agrees too; the same first name (or its initial) joins across a move.
		const group = bucket.find(
			g =>
				spellings.every(a => [...g.spellings].every(b => samePerson(a, b))) &&
				(spellings.every(a => [...g.spellings].every(b => sameFirstName(a, b))) || place === null || g.places.size === 0 || g.places.has(place)),
		);
		if (group) {
			group.members.push(entry);
			for (const sp of spellings) group.spellings.add(sp);
			if (place) group.places.add(place);
		} else {
			const made: Group = {spellings: new Set(spellings), places: new Set(place ? [place] : []), members: [entry]};
			groups.push(made);
			bucket.push(made);
			bySurname.set(surname, bucket);
		}
	}
	const people: Person[] = [];
	const personIds = new Set<string>(['operator']);
	for (const group of groups) {
		const name = fullestName(clusterNames([...group.spellings])[0] ?? [...group.spellings]);
		let id = personSlug(name);
		for (let n = 2; personIds.has(id); n++) id = `${personSlug(name)}-${n}`;
		personIds.add(id);
		const ordered = [...group.members].sort((a, b) => position.get(a.call)! - position.get(b.call)!);
		for (const {speaker} of ordered) {
			speaker.id = id;
			speaker.name = name;
		}
		const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];
		people.push({
			id,
			name,
			role: roleOfPerson(ordered.map(m => m.speaker)),
			firms: unique(ordered.map(m => m.speaker.firm)),
			titles: unique(ordered.map(m => m.speaker.title)),
			calls: unique(ordered.map(m => m.call.id)),
			spellings: [...group.spellings].sort(),
		});
	}
	people.sort((a, b) => compare(a.name.toLowerCase(), b.name.toLowerCase()));

	return people;
}

/** The store over calls (sorted) whose speakers carry their people's ids; `people` may be read on first use. */
export function storeOf(calls: Call[], peopleOrLoad: Person[] | (() => Person[]), skipped: Skipped[]): Store {
	let peopleList = typeof peopleOrLoad === 'function' ? null : peopleOrLoad;
	const allPeople = () => (peopleList ??= (peopleOrLoad as () => Person[])());
	const callsById = new Map(calls.map(c => [c.id, c]));
	let byId: Map<string, Person> | null = null;
	const peopleById = () => (byId ??= new Map(allPeople().map(p => [p.id, p])));
	let callList: {call: Call; keys: string}[] | null = null;
	const callTargets = () =>
		(callList ??= calls.map(c => ({
			call: c,
			keys: [c.id, tickerId(c) ?? '', c.meta.quarter ?? '', c.meta.date ?? '', c.meta.company ?? '', c.meta.ticker ?? '', c.source].join(' '),
		})));
	let personList: {person: Person; keys: string}[] | null = null;
	const personTargets = () => (personList ??= allPeople().map(p => ({person: p, keys: [p.name, p.id, ...p.spellings].join(' ')})));

	return {
		calls,
		get people() {
			return allPeople();
		},
		skipped,
		call: id => callsById.get(id),
		person: id => peopleById().get(id),
		findCall(query) {
			const q = query.trim().toLowerCase();
			if (!q) return undefined;
			const exact = calls.find(
				c => c.id === q || tickerId(c) === q || c.meta.quarter?.toLowerCase() === q || c.meta.date === q || c.source.toLowerCase() === q,
			);
			if (exact) return exact;
			return fuzzysort.go(q.replace(/\s+/g, ''), callTargets(), {key: 'keys', threshold: 0.3, limit: 1})[0]?.obj.call;
		},
		findPerson(query, inCall) {
			const q = query.trim();
			if (!q) return undefined;
			const here = (p: Person) => (inCall && p.calls.includes(inCall.id) ? 0 : 1);
			const known = peopleById().get(q.toLowerCase());
			if (known) return known;
			const named = allPeople().filter(p => p.spellings.some(s => s.toLowerCase() === q.toLowerCase()) || samePerson(p.name, q));
			if (named.length > 0) return named.sort((a, b) => here(a) - here(b))[0];
			const hits = fuzzysort.go(q, personTargets(), {key: 'keys', threshold: 0.3, limit: 10});
			return [...hits].sort((a, b) => here(a.obj.person) - here(b.obj.person) || b.score - a.score)[0]?.obj.person;
		},
		speakerIndex: (call, personId) => call.speakers.findIndex(s => s.id === personId),
	};
}
