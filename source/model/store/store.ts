// The store: every loaded call, built once at start — calls in date order,
// one identity per person across calls, lookups by id and by a fuzzy query.
import {createHash} from 'node:crypto';
import fuzzysort from 'fuzzysort';
import type {SourceText, Skipped} from '../input/load.js';
import {clusterNames, fullestName, nameParts, personSlug, samePerson, slug} from '../people/names.js';
import {parseTranscript} from '../parse/parse.js';
import type {Call, CallMeta, ParseResult, Role, Speaker} from '../types.js';

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
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function callId(meta: CallMeta, source: SourceText): string {
	const company = meta.company?.match(/[A-Za-z0-9]+/)?.[0];
	const quarter = /^Q([1-4]) (\d{4})$/.exec(meta.quarter ?? '');
	if (company && quarter) return slug(`${company}-${quarter[2]}-q${quarter[1]}`);
	return slug(source.name.replace(/\.[^.]+$/, '')) || 'call';
}

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

export function parseKey(input: StoreInput): string {
	return createHash('sha1').update(JSON.stringify(input.known ?? null)).update('\n').update(input.source.text).digest('hex');
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
		for (const sep of ['\t', ',', ';', '|']) {
			const counts = lines.slice(0, 50).map(l => l.split(sep).length - 1);
			if (counts[0]! >= 2 && counts.filter(c => c === counts[0]).length >= counts.length * 0.8) return sep === '|' ? 'a table' : `a table (${sep === '\t' ? 'TSV' : 'CSV'})`;
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
	const ids = new Set<string>();
	for (const input of inputs) {
		const key = cache && parseKey(input);
		const {call, errors, coverage} = key && Object.hasOwn(cache, key) ? cache[key]! : parseTranscript(input.source.text, input.known ?? {});
		if (call.turns.length === 0) {
			skipped.push({path: input.source.path, reason: errors[0] ?? 'no transcript found'});
			continue;
		}
		const notOne = call.speakers.length === 0 && !input.known ? notATranscript(input.source.text) : null;
		if (notOne) {
			skipped.push({path: input.source.path, reason: `not a transcript: ${notOne}`});
			continue;
		}
		let id = input.known?.id ?? callId(call.meta, input.source);
		for (let n = 2; ids.has(id); n++) id = `${input.known?.id ?? callId(call.meta, input.source)}-${n}`;
		ids.add(id);
		calls.push({...call, id, source: input.source.name, path: input.source.path, bundled: input.bundled ?? false, errors, coverage});
	}
	return {calls, skipped};
}

/** Calls in date order, one identity per person, lookups: the store. */
export function indexCalls(calls: Call[], skipped: Skipped[]): Store {	// Date order; undated calls last, by id.
	// Plain comparison, not localeCompare: its first call loads ICU's collator
	// (~15 ms measured), and ISO dates and ids sort right as code units.
	calls.sort((a, b) => compare(a.meta.date ?? '9999', b.meta.date ?? '9999') || compare(a.id, b.id));

	// One identity per person across calls. A speaker joins a person only if every
	// spelling of each agrees with every spelling of the other.
	const entries = calls.flatMap(call => call.speakers.filter(s => s.role !== 'operator').map(speaker => ({call, speaker})));
	entries.sort((a, b) => nameParts(b.speaker.name).tokens.length - nameParts(a.speaker.name).tokens.length);
	const groups: {spellings: Set<string>; members: typeof entries}[] = [];
	for (const entry of entries) {
		const spellings = [entry.speaker.name, ...entry.speaker.labels];
		const group = groups.find(g => spellings.every(a => [...g.spellings].every(b => samePerson(a, b))));
		if (group) {
			group.members.push(entry);
			for (const s of spellings) group.spellings.add(s);
		} else groups.push({spellings: new Set(spellings), members: [entry]});
	}
	const people: Person[] = [];
	const personIds = new Set<string>(['operator']);
	for (const group of groups) {
		const name = fullestName(clusterNames([...group.spellings])[0] ?? [...group.spellings]);
		let id = personSlug(name);
		for (let n = 2; personIds.has(id); n++) id = `${personSlug(name)}-${n}`;
		personIds.add(id);
		const ordered = [...group.members].sort((a, b) => calls.indexOf(a.call) - calls.indexOf(b.call));
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

	const callsById = new Map(calls.map(c => [c.id, c]));
	const peopleById = new Map(people.map(p => [p.id, p]));
	const callTargets = calls.map(c => ({
		call: c,
		keys: [c.id, c.meta.quarter ?? '', c.meta.date ?? '', c.meta.company ?? '', c.source].join(' '),
	}));
	const personTargets = people.map(p => ({person: p, keys: [p.name, p.id, ...p.spellings].join(' ')}));

	return {
		calls,
		people,
		skipped,
		call: id => callsById.get(id),
		person: id => peopleById.get(id),
		findCall(query) {
			const q = query.trim().toLowerCase();
			if (!q) return undefined;
			const exact = calls.find(
				c => c.id === q || c.meta.quarter?.toLowerCase() === q || c.meta.date === q || c.source.toLowerCase() === q,
			);
			if (exact) return exact;
			return fuzzysort.go(q.replace(/\s+/g, ''), callTargets, {key: 'keys', threshold: 0.3, limit: 1})[0]?.obj.call;
		},
		findPerson(query, inCall) {
			const q = query.trim();
			if (!q) return undefined;
			const here = (p: Person) => (inCall && p.calls.includes(inCall.id) ? 0 : 1);
			const byId = peopleById.get(q.toLowerCase());
			if (byId) return byId;
			const named = people.filter(p => p.spellings.some(s => s.toLowerCase() === q.toLowerCase()) || samePerson(p.name, q));
			if (named.length > 0) return named.sort((a, b) => here(a) - here(b))[0];
			const hits = fuzzysort.go(q, personTargets, {key: 'keys', threshold: 0.3, limit: 10});
			return [...hits].sort((a, b) => here(a.obj.person) - here(b.obj.person) || b.score - a.score)[0]?.obj.person;
		},
		speakerIndex: (call, personId) => call.speakers.findIndex(s => s.id === personId),
	};
}
