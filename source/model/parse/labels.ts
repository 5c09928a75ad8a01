// Recognising a speaker label: `Operator`, `Elon Musk`, `Adam Jonas - Morgan
// Stanley`, `Amir Rozwadowski – Barclays`, `Christopher M. Kovacs -Robert W.
// Baird`, `Jamie Dimon -- Chairman and CEO`, `George Blankenship]`.
import {cleanName, isNameShaped} from '../people/names.js';
import type {Role} from '../types.js';

export interface Label {
	name: string;
	firm: string | null;
	title: string | null;
	/** What the label itself says of the role; null when it does not say. */
	role: Role | null;
	/** Named from what the call says (a hand-off), not by a label in the file. */
	inferred?: true;
}

const OPERATOR = /^(?:the\s+|conference\s+)?operator\s*:?$/i;
const UNIDENTIFIED =
	/^(?:unidentified|unknown|unnamed)\s+(?:(analyst|participant|audience member|caller|speaker|male|female|company representative|executive|corporate participant|representative)(?:\s+\d+)?)\s*:?$/i;

// Titles of the people who run a company; a label part holding one is a title,
// not a firm. Why each: these are the words officer titles are built from in the
// transcripts we have seen (CEO, Chief ... Officer, VP of Investor Relations ...).
const EXEC_TITLE =
	/\b(?:CEO|CFO|COO|CTO|CIO|CAO|CMO|SVP|EVP|VP|President|Officer|Chief|Chairman|Chairwoman|Chair|Founder|Co-Founder|Director|Head|Treasurer|Controller|Secretary|General Counsel|Investor Relations|IR|Architect|Managing Partner)\b/;
const ANALYST_TITLE = /\b(?:Analyst|Research(?: Division)?|Equity Research)\b/i;

/** Split `Firm - Title`, `Title, Firm` or a lone part into firm and title. */
export function affiliation(text: string): {firm: string | null; title: string | null; role: Role | null} {
	const clean = text.replace(/\s+/g, ' ').trim().replace(/[,;]$/, '');
	if (!clean) return {firm: null, title: null, role: null};
	const parts = clean.split(/\s+(?:--|[-–—])\s+/);
	let firm: string | null = null;
	let title: string | null = null;
	for (const part of parts) {
		if (EXEC_TITLE.test(part) && !title && !/Research Division/.test(part)) title = part;
		else if (/\banalyst$/i.test(part) && !title && !/Research Division/.test(part)) title = part;
		else firm = firm ? `${firm} - ${part}` : part;
	}
	let role: Role | null = null;
	// A bank's research division employs analysts, whatever their title (`MD and Head of Semiconductors`).
	if ((title && /\banalyst$/i.test(title)) || (firm && /Research Division/i.test(firm))) role = 'analyst';
	else if (title && EXEC_TITLE.test(title)) role = 'executive';
	else if (firm && ANALYST_TITLE.test(firm)) role = 'analyst';
	// `Morgan Stanley, Research Division` has told us the role; show the firm.
	if (firm) firm = firm.replace(/,?\s*Research Division$/i, '').trim() || firm;
	return {firm, title, role};
}

/** Is this text the firm or title half of a label (not prose)? */
export function isAffiliationShaped(text: string): boolean {
	const t = text.trim();
	if (t.length < 2 || t.length > 90) return false;
	if (!/^[\p{Lu}\d(&]/u.test(t)) return false;
	if (/[?!:"“”]$/.test(t)) return false;
	// Prose ends a sentence and starts another; firms end in abbreviations.
	if (/\.$/.test(t) && !/\b(?:Inc|Co|Corp|Ltd|LLC|L\.P|LP|Cos|S\.A|N\.A|AG|plc|PLC|Bros|Jr|Sr)\.$/.test(t)) return false;
	if (/[.?!]\s+\p{Ll}/u.test(t)) return false;
	return t.split(/\s+/).length <= 14;
}

// A separator has white space on at least one side, so `Jean-Pierre` and
// `Co-Founder` are never split: ` - `, ` – `, ` — `, ` -- `, ` -Firm`, `Name- Firm`.
// `Name - Firm`, `Name -- Title`, `Name – Firm`, `Name;Title` / `Name; Firm` (a PDF's text layer glues them so) and `Name, Firm` (UBS's analysts), a name's own suffix (`Culp, Jr.`) aside.
const SEPARATOR = /\s+(?:--|[-–—])\s*|(?<=\S)(?:--|[-–—])\s+|\s*;\s*|,\s+(?!(?:Jr|Sr|II|III|IV|Esq)\b)/g;

// Each parse looks at every line several times; label lines recur. Callers get
// a fresh copy, so the cache cannot be changed through a result.
const labelCache = new Map<string, Label | null>();

/** Parse one line as a speaker label, or return null if it is not one. */
export function parseLabel(line: string): Label | null {
	if (line.length > 160) return null;
	const text = line.trim();
	if (!text || text.length > 140 || !/^[\p{Lu}[(]/u.test(text)) return null;
	let label = labelCache.get(text);
	if (label === undefined) {
		if (labelCache.size > 5000) labelCache.clear();
		label = computeLabel(text);
		labelCache.set(text, label);
	}
	return label && {...label};
}

// Seeking Alpha marks Q&A labels `Q - Jaime Katz` / `A – John Olin`: the letter says the role.
const QA_PREFIX = /^([QA])\s*[-–—]\s*(?=[\p{Lu}[])/u;

// A scrape's junk id glued to a label: `[0JNPYG-E Michael Spencer]`.
const JUNK_ID_LABEL = /^\[[^\]\s]*\d[^\]\s]*\s+([^\]]+)\]$/;

/** `CHRISTIAN SEWING` → `Christian Sewing`, `JAMES VON MOLTKE` → `James von Moltke`: a name in capitals (Deutsche Bank's and Citi's PDFs) as the same person's other labels write it. */
function casedName(name: string): string {
	if (!/\p{Lu}{2}/u.test(name) || /\p{Ll}/u.test(name)) return name;
	return name
		.toLowerCase()
		.split(' ')
		.map((w, i) => (i > 0 && /^(?:von|van|der|de|du|da|di|la|le|bin)$/.test(w) ? w : w.replace(/(^|[-'.])(\p{Ll})/gu, (_m, a: string, b: string) => a + b.toUpperCase())))
		.join(' ');
}

function computeLabel(text: string): Label | null {
	const junk = JUNK_ID_LABEL.exec(text);
	if (junk) return isNameShaped(junk[1]!) ? {name: cleanName(junk[1]!), firm: null, title: null, role: null} : null;
	const prefix = QA_PREFIX.exec(text);
	if (prefix) {
		const label = computeLabel(text.slice(prefix[0].length));
		if (!label) return null;
		if (label.role === 'operator') return label;
		return {...label, role: label.role ?? (prefix[1] === 'Q' ? 'analyst' : 'executive')};
	}
	if (OPERATOR.test(text)) return {name: 'Operator', firm: null, title: null, role: 'operator'};
	const unidentified = UNIDENTIFIED.exec(text);
	if (unidentified) {
		const what = unidentified[1]!.toLowerCase();
		const role: Role = what === 'analyst' || what === 'caller' || what === 'audience member' ? 'analyst' : what.includes('company') || what.includes('executive') || what.includes('corporate') ? 'executive' : 'unknown';
		return {name: cleanName(text).replace(/\b\w/g, c => c.toUpperCase()), firm: null, title: null, role};
	}
	if (isNameShaped(text)) return {name: casedName(cleanName(text)), firm: null, title: null, role: null};
	// `Anke Reingen (RBC)`: a name with the firm in brackets.
	const bracketed = /^(.+?)\s*\(([^()]{2,60})\)$/.exec(text);
	if (bracketed && isNameShaped(bracketed[1]!) && isAffiliationShaped(bracketed[2]!)) {
		const about = affiliation(bracketed[2]!);
		return {name: casedName(cleanName(bracketed[1]!)), ...about, firm: about.firm ?? (about.title ? null : bracketed[2]!), role: about.role};
	}
	for (const match of text.matchAll(SEPARATOR)) {
		const name = text.slice(0, match.index);
		const rest = text.slice(match.index + match[0].length);
		// After a comma only a firm or a title: capitalised words (`Goldman Sachs`, `Deputy Head of
		// Investor Relations`), never a sentence (`Investment Bank, I think the clients get it.`).
		if (match[0].trim() === ',' && !/^(?:(?:[\p{Lu}\d&(][\p{L}\d.&'’()-]*|of|and|for|the|de|du|la|le|&)\s*){1,8}$/u.test(rest.replace(/[.,]$/, ''))) continue;
		if (match[0].trim() === ',' && /^(?:I|We|It|You|So|And|But|Yes|No|Thank|Thanks)\b/.test(rest)) continue;
		if (isNameShaped(name) && isAffiliationShaped(rest)) {
			return {name: casedName(cleanName(name)), ...affiliation(rest)};
		}
	}
	return null;
}
