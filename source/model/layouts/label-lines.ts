// Layouts where a label stands on a line of its own: Seeking Alpha (with or
// without an Executives/Analysts roster), S&P Capital IQ (a name line, then a
// title or firm line), Motley Fool (`Name -- Title`), and PDF exports (a name
// line, then `Firm - Title`).
import {commonLine, sectionOf, type Item, type LayoutResult} from './items.js';
import {affiliation, isAffiliationShaped, parseLabel, type Label} from '../parse/labels.js';
import {cleanName, isNameShaped, samePerson} from '../people/names.js';
import {parseDate, parseQuarter} from '../parse/meta.js';
import {isHardWrapped} from '../parse/paragraphs.js';
import type {Role} from '../types.js';

const ROSTER_EXECUTIVES = /^(?:executives|company participants|corporate participants|company representatives|speakers)\s*:?$/i;
const ROSTER_ANALYSTS = /^(?:analysts|conference call participants|other participants)\s*:?$/i;
const PARTICIPANTS_HEADER = /^call participants$/i;

interface Body {
	start: number;
	roster: Label[];
}

/** Skip the header, the roster and the participant list; return where the talk starts. */
function findBody(lines: readonly string[]): Body {
	const roster: Label[] = [];
	const limit = Math.min(lines.length, 400);
	// Capital IQ: `Call Participants`, EXECUTIVES / ANALYSTS (flattened from two
	// columns, so only whole name lines are trusted), then `Presentation`.
	const participants = lines.slice(0, limit).findIndex(l => PARTICIPANTS_HEADER.test(l.trim()));
	if (participants >= 0) {
		let role: Role | null = null;
		for (let i = participants + 1; i < lines.length; i++) {
			const line = lines[i]!.trim();
			if (sectionOf(line)) return {start: i, roster};
			if (/^executives$/i.test(line)) role = 'executive';
			else if (/^analysts$/i.test(line)) role = 'analyst';
			else if (role && isNameShaped(line)) roster.push({name: cleanName(line), firm: null, title: null, role});
		}
		return {start: participants + 1, roster};
	}
	// Seeking Alpha roster: `Executives` then `Name - Title` lines, `Analysts` then `Name - Firm`.
	// (PDF exports may put a page of disclaimer before it.)
	const executives = lines.slice(0, 200).findIndex(l => ROSTER_EXECUTIVES.test(l.trim()));
	if (executives >= 0) {
		let role: Role = 'executive';
		let i = executives + 1;
		for (; i < lines.length; i++) {
			const line = lines[i]!.trim();
			if (!line) continue;
			if (ROSTER_ANALYSTS.test(line)) {
				role = 'analyst';
				continue;
			}
			// Scrape junk between roster lines (`[0JNPYG-E Michael Spencer]`) is furniture, not the end of the roster.
			if (/^\[[^\]]*\]$/.test(line)) continue;
			// A title wrapped at the margin (`…Senior Equity` / `Research Analyst`): the entry above goes on.
			const last = roster.at(-1);
			if (last && isTitleTail(line) && (lines[i - 1]?.trim().length ?? 0) >= 50 && !rosterLabel(line)?.firm) {
				last.title = last.title ? `${last.title} ${line}` : line;
				continue;
			}
			const label = rosterLabel(line) ?? nameFirmTitle(line);
			if (!label || (!label.firm && !label.title)) {
				// A name line, then its `Firm – Title` line (TD's PDF): one entry of two lines.
				const next = lines[i + 1]?.trim() ?? '';
				if (isNameShaped(line) && next && isAffiliationShaped(next) && !sectionOf(next) && !ROSTER_ANALYSTS.test(next)) {
					const about = affiliation(next);
					roster.push({name: cleanName(line), ...about, role: about.role === 'analyst' || role === 'analyst' ? 'analyst' : role});
					i++;
					continue;
				}
				break;
			}
			roster.push({...label, role: label.role === 'analyst' ? 'analyst' : role});
		}
		return {start: i, roster};
	}
	// No roster, but a section name among the first lines (PDF exports open
	// with a title and a date, then PRESENTATION): what stands before it is header.
	// Only short lines that are no sentence (a title, a date) are taken so.
	let seen = 0;
	for (let i = 0; i < Math.min(lines.length, 200) && seen < 10; i++) {
		const line = lines[i]!.trim();
		if (!line) continue;
		if (sectionOf(line)) {
			if (seen > 0 && seen <= 6) return {start: i, roster};
			break;
		}
		if (line.length > 100 || /[.?!"”]$/.test(line)) break;
		seen++;
	}
	// No roster: a title line at the very top (`Acme (NYSE:ACM) Q2 2018 Earnings
	// Call July 13, 2018`) is header, not talk.
	const first = nextNonBlank(lines, 0);
	const top = lines[first]?.trim() ?? '';
	if (top.length < 200 && /earnings|conference call|transcript/i.test(top) && (parseQuarter(top) || parseDate(top))) {
		return {start: first + 1, roster};
	}
	return {start: 0, roster};
}

/**
 * A roster line, read more leniently than a label in the talk: a trailing
 * period (`BMO Capital Markets.`) and a firm in lower case (`a firm`) are
 * still a roster line, since the roster holds nothing else.
 */
function rosterLabel(line: string): Label | null {
	const text = line.replace(/\.$/, (dot, at: number) => (/\b(?:Inc|Co|Corp|Ltd|LLC|Jr|Sr)$/.test(line.slice(0, at)) ? dot : ''));
	const label = parseLabel(text);
	if (label) return label;
	const split = /^(.+?)\s+[-–—]{1,2}\s+(.+)$/.exec(text);
	if (split && isNameShaped(split[1]!)) return {name: cleanName(split[1]!), ...affiliation(split[2]!)};
	return null;
}

/**
 * `Name Firm, Research Division - Title` (Refinitiv's PDF lists name and firm
 * with no mark between them): kept whole as the name until the talk's own
 * name lines show where the name ends (fitRosterNames).
 */
function nameFirmTitle(line: string): Label | null {
	const split = /^(.+?)\s+[-–—]\s+(.+)$/.exec(line);
	if (!split || !isNameShaped(split[1]!.split(/\s+/).slice(0, 2).join(' '))) return null;
	return {name: split[1]!.trim(), firm: null, title: split[2]!.trim(), role: null};
}

/** A roster name that runs on into its firm (`Jane Doe Acme Corp`) is cut where a name in the talk ends. */
function fitRosterNames(roster: Label[], names: readonly string[]): void {
	for (const entry of roster) {
		if (names.some(n => samePerson(n, entry.name))) continue;
		const name = names.filter(n => entry.name.startsWith(`${n} `)).sort((a, b) => b.length - a.length)[0];
		if (!name) continue;
		const about = affiliation(`${entry.name.slice(name.length + 1)} - ${entry.title ?? ''}`);
		Object.assign(entry, {name, firm: about.firm, title: about.title, role: about.role === 'analyst' ? 'analyst' : entry.role});
	}
}

// What a title's wrapped last words are made of: `Officer`, `Research Analyst`, `& Director`.
const TITLE_WORD =
	/\b(?:Analyst|Research|Officer|Director|President|Manager|Strategist|Associate|Partner|Relations|Division|Accounting|Counsel|Treasurer|Controller|Secretary|Head|Chairman|Founder|Executive|Equity|Senior|Principal|Member|Board|Operations|Finance|Financial|Affairs|Development|Strategy|Markets)\b/;

/** The end of a title wrapped onto a line of its own: a few capitalised words, one of them a title's. */
function isTitleTail(text: string): boolean {
	const t = text.trim();
	if (t.length > 60 || /[.,:;?!]$/.test(t)) return false;
	const words = t.split(/\s+/);
	if (words.length > 7 || !words.every(w => /^[\p{Lu}&]/u.test(w) || TITLE_JOINERS.has(w))) return false;
	return TITLE_WORD.test(t);
}

const nextNonBlank = (lines: readonly string[], from: number) => {
	let j = from;
	while (j < lines.length && !lines[j]!.trim()) j++;
	return j;
};

const TITLE_JOINERS = new Set(['of', 'and', 'for', 'the', 'in', 'at', 'on', 'to', 'de', 'du', 'la', 'le', 'und', 'y', 'e', 'a']);

/** A name line followed by a title/firm line, as Capital IQ and PDF exports write labels. */
function titleAfter(lines: readonly string[], i: number): number | null {
	const j = nextNonBlank(lines, i + 1);
	const next = lines[j]?.trim();
	if (!next || parseLabel(next)?.role === 'operator') return null;
	// `Slide 4 – Growing earnings`: a slide's heading under a name (Deutsche Bank's notes) is no title,
	// nor is the first line of a speech (`Good morning, Anke, and thank you very much for your`): titles
	// hold few lower-case words beyond `of`, `and`, `for`.
	if (sectionOf(next) || !isAffiliationShaped(next) || /^(?:slide|page|chart)\s+\d/i.test(next)) return null;
	if (next.split(' ').filter(w => /^\p{Ll}/u.test(w) && !TITLE_JOINERS.has(w)).length >= 2) return null;
	// `Chief Technology Officer` is shaped like a name; its words make it a title.
	if (isNameShaped(next) && affiliation(next).role === null) return null;
	return j;
}

export function parseLabelLines(lines: readonly string[]): LayoutResult {
	const {start, roster} = findBody(lines);
	const body = lines.slice(start);
	// Every line's reading as a label, worked out once and used by each pass below.
	const labelOf = body.map(parseLabel);

	// How labels are written here: a name with a title line under it, or on its own?
	let pairs = 0;
	let bare = 0;
	const titlesByName = new Map<string, string[]>();
	for (let i = 0; i < body.length; i++) {
		const label = labelOf[i];
		if (!label || label.role === 'operator' || label.firm) continue;
		bare++;
		const j = titleAfter(body, i);
		if (j !== null) {
			pairs++;
			const list = titlesByName.get(label.name) ?? [];
			list.push(body[j]!.trim());
			titlesByName.set(label.name, list);
		}
	}
	const pairMode = pairs >= 3 && pairs >= bare * 0.5;
	const knownTitles = [...new Set([...titlesByName.values()].flat())].sort((a, b) => b.length - a.length);

	// Labels with a firm seen on their own line; a line that starts with one and
	// goes on is a label glued to the first words of the turn.
	const labelCounts = new Map<string, number>();
	body.forEach((line, i) => {
		if (labelOf[i]) labelCounts.set(line.trim(), (labelCounts.get(line.trim()) ?? 0) + 1);
	});
	const gluable = [...labelCounts.keys()].filter(l => parseLabel(l)?.firm).sort((a, b) => b.length - a.length);
	const labelNames = [...labelCounts.keys()].map(l => parseLabel(l)!.name);
	fitRosterNames(roster, labelNames);

	const noBlankLines = body.filter(l => !l.trim()).length < body.length * 0.05;
	const standalone = (i: number) => noBlankLines || (!body[i - 1]?.trim() && !body[i + 1]?.trim());
	// A bare name is a label when something else vouches for it: the roster, a
	// second use, another spelling of the same person, or a line to itself.
	const vouched = new Map<string, boolean>();
	const trustBare = (label: Label, i: number) => {
		let known = vouched.get(label.name);
		if (known === undefined) {
			known =
				roster.some(r => samePerson(r.name, label.name)) ||
				labelNames.some(n => n !== label.name && samePerson(n, label.name));
			vouched.set(label.name, known);
		}
		// In a name-and-title layout the title line under a name vouches for it.
		return known || (labelCounts.get(body[i]!.trim()) ?? 0) >= 2 || standalone(i) || (pairMode && titleAfter(body, i) !== null);
	};

	const items: Item[] = [];
	// The header, roster and participant list before the talk are furniture.
	const furniture: string[] = lines.slice(0, start) as string[];
	let turn: Extract<Item, {kind: 'turn'}> | null = null;
	let afterLabel = false;
	const open = (label: Label | null) => {
		turn = {kind: 'turn', label, lines: []};
		items.push(turn);
	};
	for (let i = 0; i < body.length; i++) {
		const line = body[i]!.trim();
		if (!line) {
			(turn as Extract<Item, {kind: 'turn'}> | null)?.lines.push('');
			continue;
		}
		const common = commonLine(line, () => body.slice(i), items, furniture);
		if (common === 'end') break;
		if (common) {
			if (common === 'section') {
				turn = null;
				afterLabel = false;
			}
			continue;
		}
		// A label is never directly followed by another label: after one, any
		// line (`The Netherlands`, `True`, `Exactly`) is the answer.
		if (!afterLabel) {
			const label = labelOf[i];
			if (label && (label.firm || label.role || trustBare(label, i))) {
				furniture.push(line);
				if (pairMode && label.role !== 'operator' && !label.firm) {
					const j = titleAfter(body, i);
					if (j !== null) {
						furniture.push(body[j]!);
						let title = body[j]!.trim();
						// A title that reached the margin and wrapped: its last words stand on the next line.
						const tail = body[j + 1]?.trim() ?? '';
						if (title.length >= 50 && isTitleTail(tail)) {
							furniture.push(body[j + 1]!);
							title = `${title} ${tail}`;
							i = j + 1;
						} else i = j;
						open({...label, ...affiliation(title)});
					} else {
						// A title glued to the first sentence: `CEO, … Co-Founder One question, …`.
						const k = nextNonBlank(body, i + 1);
						const next = body[k]?.trim() ?? '';
						const title = (titlesByName.get(label.name) ?? knownTitles).find(t => next.startsWith(`${t} `));
						if (title) {
							furniture.push(title);
							open({...label, ...affiliation(title)});
							turn!.lines.push(next.slice(title.length + 1));
							i = k;
						} else open(label);
					}
				} else open(label);
				afterLabel = true;
				continue;
			}
			// `Operator: Please stand by.` — the operator's turn inline, in a layout of label lines (JPMorgan's PDF).
			const inlineOperator = /^operator\s*:\s+(\S.*)$/i.exec(line);
			if (inlineOperator) {
				furniture.push(line.slice(0, line.length - inlineOperator[1]!.length));
				open({name: 'Operator', firm: null, title: null, role: 'operator'});
				turn!.lines.push(inlineOperator[1]!);
				continue;
			}
			const glued = gluable.find(l => line.startsWith(`${l} `));
			if (glued) {
				furniture.push(glued);
				open(parseLabel(glued));
				turn!.lines.push(line.slice(glued.length + 1));
				continue;
			}
		}
		afterLabel = false;
		if (!turn) open(null);
		turn!.lines.push(line);
	}
	const layout = pairMode ? (roster.length > 0 ? 'capital-iq' : 'name-title') : 'seeking-alpha';
	return {layout, items, roster, hardWrapped: isHardWrapped(body), furniture};
}
