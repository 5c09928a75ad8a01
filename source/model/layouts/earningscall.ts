// earningscall.biz text exports: a `key: value` header (`Company:`, `Symbol:`,
// `Year:`, `Quarter:`, `Extracted At (UTC):`), a `---` line, then one
// paragraph per turn that starts with the speaker and runs straight into the
// speech with nothing between: `Tim Cook CEO Thanks, Pages.`, `Amit
// Daryanian Analyst at Evercore Thanks a lot.`, `Ben Swinburne Morgan Stanley
// Analyst Thank you.`, `Jason Bazinet of Citi I just had…`, `EVP, Memory
// Business Good morning`. The labels come from the provider's speaker
// detection: the operator under many names (`Operator Operator`, `Host
// Operator`, `France Conference Operator`, `Conference Call Operator
// Moderator`), one-word labels (`Cheryl Our next question…`, `Miranda
// Analyst, Bank of America`) and diarisation ids (`spk13`). Where a label
// ends is read from the label's own grammar (a name, then title words, then a
// firm after `at`, `of` or a comma) and checked against the file: a label that
// opens several paragraphs, the first names of the call's own speakers.
import {type Label} from '../parse/labels.js';
import {canonicalCompany} from '../parse/companies.js';
import {cleanName} from '../people/names.js';
import {commonLine, type Item, type LayoutResult} from './items.js';

const HEADER_LINE = /^([a-z][a-z_ ()]{1,30}):\s*(.*)$/i;

/** The header's keys and where the talk starts, or null when the file is not of this layout. */
function header(lines: readonly string[]): {fields: Map<string, string>; start: number} | null {
	const fields = new Map<string, string>();
	let i = 0;
	while (i < lines.length && !lines[i]!.trim()) i++;
	for (; i < Math.min(lines.length, 60); i++) {
		const line = lines[i]!.trim();
		if (!line) continue;
		if (/^-{3,}$/.test(line)) return fields.size >= 2 ? {fields, start: i + 1} : null;
		const m = HEADER_LINE.exec(line);
		if (!m) return null;
		fields.set(m[1]!.toLowerCase().replace(/\s*\(.*\)\s*/, '').replace(/\s+/g, '_'), m[2]!.trim());
	}
	return null;
}

export const detectsEarningsCall = (lines: readonly string[]) => header(lines) !== null;

// The words officer titles are built from; a title is a run of these (with `of`, `and`, `&` between).
const TITLE_WORD =
	/^(?:Analyst|Senior|Junior|Chief|CEO|CFO|COO|CTO|CIO|CMO|CAO|CSO|Co-CEO|President|Vice|VP|SVP|EVP|Head|Director|Managing|Executive|Operating|Financial|Finance|Officer|Treasurer|Controller|Secretary|General|Counsel|Investor|Investors|Relations|IR|Founder|Co-Founder|Chairman|Chairwoman|Chair|Corporate|Development|Group|Global|Interim|Principal|Partner|Strategy|Strategic|Strategies|Content|Product|Accounting|Technology|Marketing|Communications|Operations|Business|Interviewer|Moderator|Deputy|Assistant|Lead|Leader|Manager|Member|Board|Division|Chief)$/;
// What a title may start with (not `of`, `and`, `Relations`…).
const TITLE_START =
	/^(?:Analyst|Senior|Junior|Chief|CEO|CFO|COO|CTO|CIO|CMO|CAO|CSO|Co-CEO|President|Vice|VP|SVP|EVP|Head|Director|Managing|Executive|Treasurer|Controller|Secretary|General|Investor|Founder|Co-Founder|Chairman|Chairwoman|Chair|Corporate|Group|Global|Interim|Principal|Partner|Interviewer|Deputy|Assistant)$/;
const JOINER = /^(?:of|and|&|for|the)$/;
// Words a speech begins with, which end a firm's or a unit's name.
const SPEECH_START =
	/^(?:Thanks?|Thank|Good|Hi|Hiya|Hello|Hey|Yes|Yeah|Yep|No|So|Okay|OK|Ok|Great|Sure|Well|I|I'm|I'd|I'll|I've|We|We're|We've|We'll|Our|And|But|Just|Can|Could|Would|Congrats|Congratulations|Morning|Afternoon|Evening|Maybe|Let|Let's|Right|Got|Perfect|Absolutely|Understood|Excellent|Please|At|As|On|In|This|That|The|These|There|First|My|Two|One|Quick|Appreciate|Questions?|Welcome|Ladies|It|It's|You|Your|Now|Before|With|What|How|Wow|Oh|All|Alright|Very|Hopefully|Afternoon)$/;
const DIARISED = /^(?:spk|speaker)[_ ]?(\d{1,3})\s+/i;
// The operator under the provider's many names: `Operator Operator`, `Host Operator`, `France
// Conference Operator`, `Conference Call Operator Moderator`, `Carmen Conference Call Host`.
const OPERATOR =
	/^(?:(?:\p{Lu}\p{Ll}+|Operator|Host)\s+)?(?:Conference\s+(?:Call\s+)?)?(?:Operator|Host|Moderator)(?:\s+(?:Operator|Moderator))?\s+/u;
const ABBREVIATION = /^(?:\p{Lu}\.)+\p{Lu}?\.?$|^(?:Inc|Co|Corp|Ltd|Jr|Sr|Bros|St|Mr|Mrs|Ms|Dr)\.$/u;

const capital = (w: string) => /^[\p{Lu}\d(]/u.test(w);
/** A word that ends a sentence or clause (`Great.`, `Thanks,`) starts the speech, unless it is an abbreviation. */
const ends = (w: string) => /[.,!?;:]$/.test(w) && !ABBREVIATION.test(w);
const nameWord = (w: string) => /^(?:\p{Lu}[\p{L}'’-]*\.?|(?:\p{Lu}\.){1,3}|(?:de|van|von|der|da|di|du|la|le|bin)|[A-Z][a-z]+[A-Z][a-z]+)$/u.test(w) && !TITLE_WORD.test(w) && !SPEECH_START.test(w.replace(/[.,]$/, ''));

/** A firm or unit from word `i`: capitalised words (and `of`, `&`) up to the speech. */
function firmFrom(words: readonly string[], i: number): number {
	let j = i;
	while (j < words.length && j - i < 7) {
		const w = words[j]!;
		const bare = w.replace(/[.,!?;:]$/, '');
		if (JOINER.test(w) && j > i && j + 1 < words.length && capital(words[j + 1]!)) {
			j++;
			continue;
		}
		if (!capital(w) || SPEECH_START.test(bare)) break;
		if (ends(w)) break;
		j++;
	}
	// `(on behalf of Jason Hellstein)`
	if (j < words.length && words[j]!.startsWith('(')) {
		const close = words.findIndex((w, k) => k >= j && w.endsWith(')'));
		if (close >= 0 && close - j < 8) j = close + 1;
	}
	return j;
}

/** A title from word `i`: title words joined by `of`/`and`, a unit after `of`. Returns where it ends. */
function titleFrom(words: readonly string[], i: number): number {
	if (!TITLE_START.test(words[i]!.replace(/,$/, ''))) return i;
	let j = i;
	while (j < words.length) {
		const w = words[j]!;
		const bare = w.replace(/,$/, '');
		if (TITLE_WORD.test(bare)) {
			j++;
			if (w.endsWith(',')) break;
			continue;
		}
		if (JOINER.test(w) && j + 1 < words.length) {
			// `President of Roku Media`, `VP of IR and Corporate Development`: after `of`, a unit's capitalised words.
			const next = words[j + 1]!.replace(/,$/, '');
			if (TITLE_WORD.test(next)) {
				j++;
				continue;
			}
			if (w === 'of' && capital(next) && !SPEECH_START.test(next)) {
				j = Math.max(firmFrom(words, j + 1), j + 2);
				if (words[j - 1]!.endsWith(',')) break;
				continue;
			}
		}
		break;
	}
	return j;
}

export interface Head {
	label: Label;
	/** How many words the label takes. */
	words: number;
}

/** The label at the head of a paragraph, or null when it opens with no speaker (the file's own names in `known`). */
export function splitHead(paragraph: string, company: string | null, known: ReadonlySet<string> = new Set()): Head | null {
	const words = paragraph.split(/\s+/);
	const count = (text: string) => text.trim().split(/\s+/).length;
	const op = OPERATOR.exec(paragraph);
	if (op && !/^\p{Lu}\p{Ll}+\s+(?:Host|Moderator)\s/u.test(op[0]) || (op && /Conference|Operator/.test(op[0]))) {
		return {label: {name: 'Operator', firm: null, title: null, role: 'operator'}, words: count(op[0])};
	}
	const spk = DIARISED.exec(paragraph);
	if (spk) return {label: {name: `Speaker ${Number(spk[1])}`, firm: null, title: null, role: null}, words: 1};
	// `Analyst from Bank of America Analyst at Bank of America`: an analyst known only by firm.
	const anon = /^Analyst (?:from|at) (.+?) Analyst(?: at|,) \1\s/.exec(paragraph);
	if (anon) return {label: {name: `Analyst, ${anon[1]}`, firm: anon[1]!, title: 'Analyst', role: 'analyst'}, words: count(anon[0])};

	for (const n of [2, 3, 1, 4]) {
		if (n >= words.length) continue;
		const nameWords = words.slice(0, n);
		if (!nameWords.every(nameWord) || nameWords.slice(0, -1).some(w => w.endsWith(','))) continue;
		const name = cleanName(nameWords.join(' '));
		// `Jason Bazinet of Citi`: an analyst with their firm.
		if (words[n] === 'of' && n >= 2) {
			const end = firmFrom(words, n + 1);
			if (end > n + 1) return {label: {name, firm: words.slice(n + 1, end).join(' '), title: null, role: 'analyst'}, words: end};
		}
		const t = titleFrom(words, n);
		if (t > n) {
			let title = words.slice(n, t).join(' ').replace(/,$/, '');
			let end = t;
			let firm: string | null = null;
			// `Analyst at Evercore`, `Analyst, UBS`, `EVP, Memory Business`, `Investor Relations, Tencent`.
			if (words[t] === 'at' || words[t - 1]!.endsWith(',')) {
				const from = words[t] === 'at' ? t + 1 : t;
				end = firmFrom(words, from);
				if (end > from) firm = words.slice(from, end).join(' ').replace(/[,.]$/, '');
				else end = t;
			}
			const analyst = /\b(?:Analyst|Interviewer)\b/.test(title) && !/Investor Relations|Corporate Finance|\bIR\b/.test(`${title} ${firm ?? ''}`);
			// `Chief Executive Officer, Acme Corp`: the company itself is no unit.
			if (!analyst && firm && company && (firm === company || firm.startsWith(`${company} `) || company.startsWith(firm))) firm = null;
			if (!analyst && firm) {
				// An executive's unit (`EVP, Memory Business`) belongs to the title; their firm is the company's.
				title = `${title}, ${firm}`;
				firm = null;
			}
			if (n === 1 && !analyst && !known.has(name)) continue;
			return {label: {name, firm: analyst ? firm : (company ?? null), title, role: analyst ? 'analyst' : 'executive'}, words: end};
		}
		// `Ben Swinburne Morgan Stanley Analyst`: the firm before the word Analyst.
		if (n === 2) {
			const a = words.findIndex((w, k) => k > n && k <= n + 6 && w === 'Analyst');
			if (a > n && words.slice(n, a).every(w => (capital(w) || JOINER.test(w)) && !ends(w) && !SPEECH_START.test(w))) {
				return {label: {name, firm: words.slice(n, a).join(' '), title: 'Analyst', role: 'analyst'}, words: a + 1};
			}
		}
		// `Cheryl Thanks, Mark`: a one-word label, when the file names that person elsewhere.
		if (n === 1 && known.has(name) && SPEECH_START.test(words[1]!.replace(/[.,!?]$/, ''))) {
			return {label: {name, firm: null, title: null, role: null}, words: 1};
		}
	}
	return null;
}

/** Names the file itself vouches for: its speakers' first names (from the heads read without them), people thanked or handed to (`Thanks, Cheryl`). */
function knownNames(paragraphs: readonly string[], heads: readonly (Head | null)[]): Set<string> {
	const known = new Set<string>();
	paragraphs.forEach((p, i) => {
		const head = heads[i];
		if (head && head.label.role !== 'operator' && head.label.name.includes(' ')) known.add(head.label.name.split(' ')[0]!);
		for (const m of p.matchAll(/\b(?:Thanks|Thank you|here is|over to|name is|Hey|Hi)\s*,?\s+(\p{Lu}\p{Ll}{2,})\b/gu)) known.add(m[1]!);
	});
	for (const w of ['Operator', 'Thanks', 'Thank', 'Good', 'Great']) known.delete(w);
	return known;
}

export function parseEarningsCall(lines: readonly string[]): LayoutResult {
	const head = header(lines)!;
	const company = head.fields.get('company') ?? null;
	const furniture: string[] = lines.slice(0, head.start) as string[];
	// Each paragraph's head read once without the file's names; those it found vouch for
	// one-word labels, and only the paragraphs with no head are read again with them.
	const firstHeads = new Map<string, Head | null>();
	const paragraphs = lines.slice(head.start).map(l => l.trim()).filter(Boolean);
	for (const p of paragraphs) firstHeads.set(p, splitHead(p, company));
	const known = knownNames(paragraphs, paragraphs.map(p => firstHeads.get(p)!));
	const items: Item[] = [];
	let turn: Extract<Item, {kind: 'turn'}> | null = null;
	for (let n = head.start; n < lines.length; n++) {
		const line = lines[n]!.trim();
		if (!line) {
			turn?.lines.push('');
			continue;
		}
		const common = commonLine(line, () => lines.slice(n), items, furniture);
		if (common === 'end') break;
		if (common) {
			if (common === 'section') turn = null;
			continue;
		}
		const split = firstHeads.get(line) ?? splitHead(line, company, known);
		if (split) {
			const words = line.split(/\s+/);
			furniture.push(words.slice(0, split.words).join(' '));
			turn = {kind: 'turn', label: split.label, lines: [words.slice(split.words).join(' ')]};
			items.push(turn);
			continue;
		}
		if (!turn) {
			turn = {kind: 'turn', label: null, lines: []};
			items.push(turn);
		}
		turn.lines.push(line);
	}
	return {layout: 'earningscall', items, roster: [], hardWrapped: false, furniture, meta: metaOf(head.fields)};
}

function metaOf(fields: Map<string, string>) {
	const quarter = /^Q([1-4])\s*(\d{4})$/i.exec(fields.get('quarter') ?? '') ?? (fields.get('quarter') && fields.get('year') ? /^(?:Q)?([1-4])$/i.exec(fields.get('quarter')!) : null);
	const year = fields.get('year') ?? quarter?.[2];
	return {
		company: canonicalCompany(fields.get('company') ?? null),
		ticker: fields.get('ticker')?.toUpperCase() ?? fields.get('symbol')?.toUpperCase() ?? null,
		quarter: quarter && year ? `Q${quarter[1]} ${year}` : null,
		date: /^\d{4}-\d{2}-\d{2}/.exec(fields.get('date') ?? '')?.[0] ?? null,
	};
}
