// JSON transcripts: Motley Fool scrapes (`prepared_remarks` / `q_and_a` lists
// of `{speaker, speech}`, `participants` as `Name--Title` or `Name--Firm --
// Analyst`, pseudo-speakers such as `Duration: 56 minutes` and `Call
// participants:`), and, generally, an array of `{speaker, text|speech}` turns,
// bare or under `turns` / `transcript` / `utterances`, with or without a
// section per turn and a participant list. A file that parses as JSON but has
// no turns of that shape is not this layout.
import {affiliation, parseLabel, type Label} from '../parse/labels.js';
import {cleanName} from '../people/names.js';
import type {Section} from '../types.js';
import {sectionOf, type Item, type LayoutResult} from './items.js';
import {jsonValue} from './json-value.js';

type Turnish = {speaker: string; text: string; section: Section | null};

const TEXT_KEYS = ['speech', 'text', 'content', 'utterance', 'body'];
const SPEAKER_KEYS = ['speaker', 'name', 'speaker_name', 'speakerName'];

function asTurn(value: unknown, section: Section | null): Turnish | null {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
	const record = value as Record<string, unknown>;
	const speaker = SPEAKER_KEYS.map(k => record[k]).find(v => typeof v === 'string') as string | undefined;
	const text = TEXT_KEYS.map(k => record[k]).find(v => typeof v === 'string') as string | undefined;
	if (speaker === undefined || text === undefined) return null;
	const own = typeof record['section'] === 'string' ? sectionOf(record['section'].trim()) ?? (/q/i.test(record['section']) ? 'qa' : 'presentation') : null;
	return {speaker, text, section: own ?? section};
}

/** The turns of a parsed JSON value, in order, each with the section its list stands for; null when it holds none. */
function turnsOf(data: unknown): {turns: Turnish[]; participants: unknown[]} | null {
	const list = (value: unknown, section: Section | null) => (Array.isArray(value) ? value.map(v => asTurn(v, section)).filter((t): t is Turnish => t !== null) : []);
	if (Array.isArray(data)) {
		const turns = list(data, null);
		return turns.length > 0 && turns.length >= data.length / 2 ? {turns, participants: []} : null;
	}
	if (!data || typeof data !== 'object') return null;
	const record = data as Record<string, unknown>;
	const participants = Array.isArray(record['participants']) ? record['participants'] : [];
	if ('prepared_remarks' in record || 'q_and_a' in record) {
		const turns = [...list(record['prepared_remarks'], 'presentation'), ...list(record['q_and_a'], 'qa')];
		return turns.length ? {turns, participants} : null;
	}
	for (const key of ['turns', 'transcript', 'utterances', 'segments']) {
		const turns = list(record[key], null);
		if (turns.length) return {turns, participants};
	}
	return null;
}

// detects and parse read the same text one after the other: parse it once.
let last: {text: string; result: ReturnType<typeof turnsOf>} | null = null;
function read(text: string): ReturnType<typeof turnsOf> {
	if (last?.text === text) return last.result;
	const result = turnsOf(jsonValue(text));
	last = {text, result};
	return result;
}

export function detectsJson(source: {text: string}): boolean {
	const first = source.text.trimStart()[0];
	return (first === '{' || first === '[') && read(source.text) !== null;
}

/** `Name--Title`, `Name--Firm -- Analyst`, `Name`, or `{name, title, firm}`. */
function participant(value: unknown): Label | null {
	if (typeof value === 'string') {
		const [name, ...rest] = value.split(/\s*--\s*/);
		if (!name?.trim()) return null;
		const about = rest.join(' - ');
		const analyst = /\banalyst$/i.test(about);
		const {firm, title} = affiliation(about.replace(/\s*-\s*analyst$/i, ''));
		return {name: cleanName(name), firm: analyst ? (firm ?? title) : firm, title: analyst ? 'Analyst' : title, role: about ? (analyst ? 'analyst' : 'executive') : null};
	}
	if (value && typeof value === 'object') {
		const r = value as Record<string, unknown>;
		if (typeof r['name'] !== 'string') return null;
		const title = typeof r['title'] === 'string' ? r['title'] : null;
		const firm = typeof r['firm'] === 'string' ? r['firm'] : typeof r['company'] === 'string' ? r['company'] : null;
		return {name: cleanName(r['name']), firm, title, role: title && /analyst/i.test(title) ? 'analyst' : title ? 'executive' : null};
	}
	return null;
}

/** A speaker that is no one: `Duration: 56 minutes`, `Call participants:`, `Questions and Answers:`. */
const PSEUDO = /:\s*$|^duration:\s*\d+/i;
const END = /^(?:duration:|call participants:)/i;

export function parseJson(source: {text: string}): LayoutResult {
	const found = read(source.text) ?? {turns: [], participants: []};
	const roster = found.participants.map(participant).filter((l): l is Label => l !== null);
	const items: Item[] = [];
	const furniture: string[] = [];
	let section: Section | null = null;
	let listSection: Section | null = null;
	let ended = false;
	for (const t of found.turns) {
		const speaker = t.speaker.trim();
		// After the participant list or the duration: names, and the scrape's own links.
		if (ended) {
			furniture.push(t.text);
			continue;
		}
		if (END.test(speaker)) {
			ended = true;
			furniture.push(t.text);
			continue;
		}
		// `Questions and Answers:` with no speech: a section mark, not a turn.
		if (PSEUDO.test(speaker) && !t.text.trim()) {
			const named = sectionOf(speaker.replace(/:\s*$/, ''));
			if (named) {
				section = named;
				items.push({kind: 'section', section: named});
			}
			continue;
		}
		// A list's section (prepared_remarks, q_and_a, a turn's own) holds from where it changes:
		// a `Questions and Answers:` pseudo-turn inside prepared_remarks is not undone by the next turn.
		if (t.section && t.section !== listSection) {
			listSection = t.section;
			if (t.section !== section) items.push({kind: 'section', section: t.section});
			section = t.section;
		}
		const label = speaker ? (parseLabel(speaker) ?? {name: cleanName(speaker), firm: null, title: null, role: null}) : null;
		const listed = label && roster.find(r => r.name === label.name);
		const lines = t.text.split('\n').flatMap((l, i) => (i > 0 ? ['', l] : [l]));
		items.push({kind: 'turn', label: label && listed ? {...label, firm: label.firm ?? listed.firm, title: label.title ?? listed.title, role: label.role ?? listed.role} : label, lines});
	}
	// The words that count are the speeches'; keys, speakers and the participant list are no body text.
	return {layout: 'json', items, roster, hardWrapped: false, furniture, bodyText: found.turns.map(t => t.text).join('\n')};
}
