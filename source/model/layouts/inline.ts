// Inline labels: `Name: text` paragraphs, the paragraphs after it unlabelled
// until the next label, often with no section header at all (the Q&A starts
// only when someone says so).
import {commonLine, type Item, type LayoutResult} from './items.js';
import {affiliation, parseLabel, type Label} from '../parse/labels.js';
import {parseQuarter} from '../parse/meta.js';
import {isHardWrapped} from '../parse/paragraphs.js';

// `Elon Musk: …`, `Operator: …`, `Jane Doe (Acme Capital): …`, `Jane Doe - Acme: …`.
const INLINE = /^([^:]{2,90}?)(?:\s*\(([^)]{2,60})\))?:\s+(\S.*)$/;

function inlineLabel(line: string): {label: Label; text: string} | null {
	// Most lines have no colon near the start; skip the regex for them.
	const colon = line.indexOf(':');
	if (colon < 2 || colon > 95) return null;
	const match = INLINE.exec(line.trim());
	if (!match) return null;
	const label = parseLabel(match[1]!);
	if (!label) return null;
	if (match[2] && !label.firm) label.firm = match[2].trim();
	return {label, text: match[3]!};
}

/** Inline when several different people open paragraphs with `Name:`. */
export function detectsInline(lines: readonly string[]): boolean {
	const names = new Set<string>();
	let count = 0;
	let standalone = 0;
	for (const line of lines) {
		const hit = inlineLabel(line);
		if (hit) {
			count++;
			names.add(hit.label.name);
		} else if (line.trim() && parseLabel(line)) standalone++;
	}
	return count >= 3 && names.size >= 2 && count > standalone;
}

export function parseInline(lines: readonly string[]): LayoutResult {
	const items: Item[] = [];
	let turn: Extract<Item, {kind: 'turn'}> | null = null;
	const furniture: string[] = [];
	for (let n = 0; n < lines.length; n++) {
		const line = lines[n]!.trim();
		const common = commonLine(line, () => lines.slice(n), items, furniture);
		if (common === 'end') break;
		if (common) {
			if (common === 'section') turn = null;
			continue;
		}
		// Before anyone speaks, the call's title is header, colon or not (`BNP Paribas: First Quarter 2025 results`).
		if (items.length === 0 && line.length < 120 && /earnings|conference call|transcript|results/i.test(line) && parseQuarter(line)) {
			furniture.push(line);
			continue;
		}
		const hit = inlineLabel(line);
		// A name line over an officer's title line, then the speech (BNP Paribas' prepared remarks), amid inline labels.
		const title = !hit && line ? (lines[n + 1]?.trim() ?? '') : '';
		const named = title && !lines[n - 1]?.trim() && !title.includes(':') ? parseLabel(line) : null;
		if (named && !named.firm && !named.title && named.role === null && affiliation(title).role === 'executive') {
			furniture.push(line, title);
			turn = {kind: 'turn', label: {...named, ...affiliation(title)}, lines: []};
			items.push(turn);
			n++;
			continue;
		}
		if (hit) {
			furniture.push(line.slice(0, line.length - hit.text.length));
			turn = {kind: 'turn', label: hit.label, lines: [hit.text]};
			items.push(turn);
			continue;
		}
		if (!turn) {
			if (!line) continue;
			// Before anyone speaks, a title line (`Acme Corp (ACME) Q3 2023 Earnings Call Transcript`) is header.
			if (items.length === 0 && line.length < 200 && /earnings|conference call|transcript/i.test(line)) {
				furniture.push(line);
				continue;
			}
			turn = {kind: 'turn', label: null, lines: []};
			items.push(turn);
		}
		turn.lines.push(line);
	}
	return {layout: 'inline', items, roster: [], hardWrapped: isHardWrapped(lines), furniture};
}
