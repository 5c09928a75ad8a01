// Thomson Reuters StreetEvents text exports: `=====` rules around section names,
// a participant list of ` * Name` / `   Firm - Title` pairs, and turns that open
// with a dashed rule, `Name,  Firm - Title    [n]` and another dashed rule.
import {sectionOf, type Item, type LayoutResult} from './items.js';
import {affiliation, type Label} from '../parse/labels.js';
import {cleanName} from '../people/names.js';
import type {Role} from '../types.js';

// A rule may carry a stray character (`====…====s`, seen in real exports); it is still a rule.
const EQUALS_RULE = /^={10,}[^=\s]{0,2}\s*$/;
// Event Briefs: a bullet summary in place of the prepared remarks, kept as a section of its own.
const BRIEF_SECTION = /^(?:overview|financial data|presentation summary)$/i;
const DASH = /^-{10,}\s*$/;
// A character check first: every line of a call passes here, and few start with '-'.
const DASH_RULE = {test: (line: string) => line.charCodeAt(0) === 45 && DASH.test(line)};
const TURN_LABEL = /^(.+?)\s+\[\d+\]\s*$/;

export function isStreetEvents(lines: readonly string[]): boolean {
	let rules = 0;
	let labels = 0;
	for (let i = 0; i < lines.length; i++) {
		const first = lines[i]!.charCodeAt(0);
		if (first !== 61 && first !== 45 && lines[i - 1]?.charCodeAt(0) !== 45) continue; // '=' or '-'
		if (EQUALS_RULE.test(lines[i]!)) rules++;
		else if (DASH_RULE.test(lines[i - 1] ?? '') && TURN_LABEL.test(lines[i]!) && DASH_RULE.test(lines[i + 1] ?? '')) labels++;
	}
	return rules >= 2 && labels >= 2;
}

function turnLabel(text: string, roster: readonly Label[]): Label {
	if (/^operator$/i.test(text.trim())) return {name: 'Operator', firm: null, title: null, role: 'operator'};
	const comma = text.indexOf(',');
	const name = cleanName(comma >= 0 ? text.slice(0, comma) : text);
	const known = roster.find(r => r.name === name);
	const rest = comma >= 0 ? affiliation(text.slice(comma + 1)) : {firm: null, title: null, role: null};
	return {name, firm: rest.firm, title: rest.title, role: known?.role ?? rest.role};
}

export function parseStreetEvents(lines: readonly string[]): LayoutResult {
	const items: Item[] = [];
	const roster: Label[] = [];
	let mode: 'header' | 'participants' | 'body' | 'end' = 'header';
	let participantRole: Role = 'executive';
	let turn: Extract<Item, {kind: 'turn'}> | null = null;
	const furniture: string[] = [];
	let i = 0;
	for (; i < lines.length && mode !== 'end'; i++) {
		const line = lines[i]!;
		if (EQUALS_RULE.test(line)) {
			// A section name stands between two rules.
			const name = (lines[i + 1] ?? '').trim();
			if (EQUALS_RULE.test(lines[i + 2] ?? '')) {
				furniture.push(line, name, lines[i + 2]!);
				i += 2;
				turn = null;
				const section = sectionOf(name) ?? (BRIEF_SECTION.test(name) ? 'summary' : null);
				if (section) {
					mode = 'body';
					items.push({kind: 'section', section});
				} else if (/participi?ants/i.test(name)) {
					mode = 'participants';
					participantRole = /corporate|company/i.test(name) ? 'executive' : 'analyst';
				} else if (mode === 'body' || /definitions|disclaimer/i.test(name)) mode = 'end';
			}
			continue;
		}
		if (mode === 'participants') {
			// Only the list is furniture: other text here (a lost section rule) counts against coverage.
			const person = /^\s*\*\s+(.+)$/.exec(line);
			if (person) {
				furniture.push(line);
				const next = (lines[i + 1] ?? '').trim();
				const about = next && !next.startsWith('*') ? affiliation(next) : {firm: null, title: null, role: null};
				if (next && !next.startsWith('*')) {
					furniture.push(next);
					i++;
				}
				roster.push({name: cleanName(person[1]!), firm: about.firm, title: about.title, role: participantRole});
			}
			continue;
		}
		if (mode === 'header') {
			furniture.push(line);
			continue;
		}
		if (mode !== 'body') continue;
		if (DASH_RULE.test(line)) {
			furniture.push(line);
			// Definitions and Disclaimer close the transcript, between dashed rules too.
			if (/^(?:definitions|disclaimer)\s*$/i.test(lines[i + 1] ?? '') && DASH_RULE.test(lines[i + 2] ?? '')) {
				mode = 'end';
				break;
			}
			const label = TURN_LABEL.exec(lines[i + 1] ?? '');
			if (label && DASH_RULE.test(lines[i + 2] ?? '')) {
				furniture.push(lines[i + 1]!, lines[i + 2]!);
				turn = {kind: 'turn', label: turnLabel(label[1]!, roster), lines: []};
				items.push(turn);
				i += 2;
			}
			continue;
		}
		if (!turn) {
			if (!line.trim()) continue;
			turn = {kind: 'turn', label: null, lines: []};
			items.push(turn);
		}
		turn.lines.push(line);
	}
	// Definitions, the disclaimer and all after them.
	if (mode === 'end') for (; i < lines.length; i++) furniture.push(lines[i]!);
	return {layout: 'streetevents', items, roster, hardWrapped: false, furniture};
}
