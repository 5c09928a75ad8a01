// earningscall.biz-style exports: a `key: value` header, a `---` line, then
// one paragraph per turn that starts with the speaker and runs straight into
// the speech with no delimiter: `John Smith Analyst, UBS Thanks for taking…`,
// `Operator Conference Operator Good morning…`, or a diarisation label
// (`spk01 We also raised…`).
import {affiliation, type Label} from '../parse/labels.js';
import {canonicalCompany} from '../parse/companies.js';
import {cleanName, isNameShaped} from '../people/names.js';
import {commonLine, type Item, type LayoutResult} from './items.js';

const HEADER_LINE = /^([a-z][a-z_ ]{1,30}):\s*(.*)$/i;

/** The header's keys and where the talk starts, or null when the file is not of this layout. */
function header(lines: readonly string[]): {fields: Map<string, string>; start: number} | null {
	const fields = new Map<string, string>();
	let i = 0;
	while (i < lines.length && !lines[i]!.trim()) i++;
	for (; i < Math.min(lines.length, 60); i++) {
		const line = lines[i]!.trim();
		if (/^-{3,}$/.test(line)) return fields.size >= 2 ? {fields, start: i + 1} : null;
		const m = HEADER_LINE.exec(line);
		if (!m) return null;
		fields.set(m[1]!.toLowerCase().replace(/\s+/g, '_'), m[2]!.trim());
	}
	return null;
}

export const detectsEarningsCall = (lines: readonly string[]) => header(lines) !== null;

// Where a title starts after a name: the words officer and analyst titles begin with.
const TITLE_START = /^(?:Analyst|Research|Chief|CEO|CFO|COO|CTO|President|Vice|VP|SVP|EVP|Head|Director|Senior|Executive|Managing|Treasurer|Controller|General|Investor|Founder|Co-Founder|Chairman|Chairwoman|Chair|Conference|Corporate|Group|Global|Interim|Principal|Partner|Equity|Associate)$/;
// Words a speech begins with, which end a firm's name.
const SPEECH_START = /^(?:Thanks?|Thank|Good|Hi|Hello|Hey|Yes|Yeah|Yep|No|So|Okay|OK|Ok|Great|Sure|Well|I|I'm|I'd|I'll|We|We're|We've|Our|And|Just|Can|Could|Would|Congrats|Congratulations|Morning|Afternoon|Evening|Maybe|Let|Let's|Right|Got|Perfect|Absolutely|Understood|Excellent|Please|At|As|On|In|This|That|The|First|My|Two|One|Quick|Hey|Appreciate)$/;
const DIARISED = /^(spk|speaker)[_ ]?(\d{1,3})\b\s*/i;

/** The speaker at the head of a paragraph, and where the speech starts; null when it opens with no speaker. */
export function splitHead(paragraph: string, company: string | null): {label: Label; speech: string} | null {
	const op = /^Operator(?:\s+Conference Operator)?\s+/.exec(paragraph);
	if (op) return {label: {name: 'Operator', firm: null, title: null, role: 'operator'}, speech: paragraph.slice(op[0].length)};
	const spk = DIARISED.exec(paragraph);
	if (spk) return {label: {name: `Speaker ${Number(spk[2])}`, firm: null, title: null, role: null}, speech: paragraph.slice(spk[0].length)};
	const words = paragraph.split(' ');
	// Name: two to four words, then a title word; the title runs to its comma; then the firm.
	for (let n = 2; n <= 4 && n < words.length; n++) {
		if (!TITLE_START.test(words[n]!.replace(/,$/, '')) || !isNameShaped(words.slice(0, n).join(' '))) continue;
		let t = n;
		while (t < words.length && !words[t]!.endsWith(',') && t - n < 10) t++;
		// `Analyst, UBS`: the title may be one word, its comma on it.
		if (t >= words.length || !words[t]!.endsWith(',')) continue;
		const title = words.slice(n, t + 1).join(' ').replace(/,$/, '');
		const rest = words.slice(t + 1).join(' ');
		let firm: string;
		let speech: string;
		if (company && rest.startsWith(`${company} `)) {
			firm = company;
			speech = rest.slice(company.length + 1);
		} else {
			const tail = rest.split(' ');
			let f = 0;
			while (f < tail.length && f < 5 && /^[\p{Lu}&(]/u.test(tail[f]!) && !SPEECH_START.test(tail[f]!.replace(/[,.!?]$/, ''))) {
				f++;
				if (/[,.]$/.test(tail[f - 1]!) && !/^(?:Inc|Co|Corp|Ltd|LLC|Jr)\.$/.test(tail[f - 1]!)) break;
			}
			if (f === 0) continue;
			firm = tail.slice(0, f).join(' ').replace(/[,.]$/, '');
			speech = tail.slice(f).join(' ');
		}
		const about = affiliation(title);
		const analyst = /\banalyst\b/i.test(title);
		return {label: {name: cleanName(words.slice(0, n).join(' ')), firm, title, role: analyst ? 'analyst' : (about.role ?? 'executive')}, speech};
	}
	return null;
}

export function parseEarningsCall(lines: readonly string[]): LayoutResult {
	const head = header(lines)!;
	const company = head.fields.get('company') ?? null;
	const furniture: string[] = lines.slice(0, head.start) as string[];
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
		const split = splitHead(line, company);
		if (split) {
			furniture.push(line.slice(0, line.length - split.speech.length));
			turn = {kind: 'turn', label: split.label, lines: [split.speech]};
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
