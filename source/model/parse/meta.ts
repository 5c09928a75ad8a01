// What a transcript's own header says about the call: company, ticker, fiscal
// quarter, date. Bundled calls get these from the manifest instead (only one of
// the five says its quarter in its text).
import type {CallMeta} from '../types.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const DATE_WORDS = /\b(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(\d{1,2}),?\s+(\d{4})\b/i;
const DATE_ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
// Day first, as European banks write it: `25 April 2023`, `Wednesday, 26 July 2023`.
const DATE_DAY_FIRST = /\b(\d{1,2})(?:st|nd|rd|th)?\s+(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?\s+(\d{4})\b/i;

const plausibleYear = (year: string) => Number(year) >= 1950 && Number(year) <= 2100;

export function parseDate(text: string): string | null {
	const words = DATE_WORDS.exec(text);
	if (words) {
		const month = MONTHS.indexOf(words[1]!.slice(0, 3).toLowerCase()) + 1;
		const day = Number(words[2]);
		// `Call Start: 12:00 January 1, 0000` is a placeholder, not a date: a real year or nothing.
		if (month > 0 && day >= 1 && day <= 31 && plausibleYear(words[3]!)) return `${words[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	}
	const dayFirst = DATE_DAY_FIRST.exec(text);
	if (dayFirst) {
		const month = MONTHS.indexOf(dayFirst[2]!.slice(0, 3).toLowerCase()) + 1;
		const day = Number(dayFirst[1]);
		if (month > 0 && day >= 1 && day <= 31 && plausibleYear(dayFirst[3]!)) return `${dayFirst[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	}
	const iso = DATE_ISO.exec(text);
	if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12 && Number(iso[3]) >= 1 && Number(iso[3]) <= 31 && plausibleYear(iso[1]!)) return iso[0];
	return null;
}

// `Q2 2017`, `FQ2 2017`, `Q4 FY2016`, `Q2 2018 Results`, `2Q17` is rare enough to skip.
const QUARTER = /\bF?Q([1-4])\s*(?:FY\s*)?'?(\d{4})\b/i;
const ORDINAL = /\b(first|second|third|fourth)[- ]quarter(?:\s+(?:of\s+)?(?:fiscal\s+)?(?:year\s+)?(\d{4}))/i;

export function parseQuarter(text: string): string | null {
	const q = QUARTER.exec(text);
	if (q) return `Q${q[1]} ${q[2]}`;
	const o = ORDINAL.exec(text);
	if (o?.[2]) return `Q${['first', 'second', 'third', 'fourth'].indexOf(o[1]!.toLowerCase()) + 1} ${o[2]}`;
	return null;
}

/** Read company, ticker, quarter and date from the first lines of a transcript. */
export function readHeader(lines: readonly string[]): CallMeta {
	const meta: CallMeta = {company: null, ticker: null, quarter: null, date: null};
	const head = lines.slice(0, 60).map(l => l.trim()).filter(Boolean);
	for (const line of head.slice(0, 40)) {
		if (line.length > 200) continue;
		meta.quarter ??= parseQuarter(line);
		meta.date ??= parseDate(line);
		// `JPMorgan Chase & Co. (NYSE:JPM) Q2 2018 …`, `Tesla, Inc. NasdaqGS:TSLA`.
		const ticker = /^(.*?)\s*\(?\b(?:NYSE|NASDAQ|Nasdaq\w*|NasdaqGS|NasdaqGM|AMEX|TSX|LSE|OTC\w*)\s*:\s*([A-Z.]{1,6})\)?/.exec(line);
		if (ticker && !meta.ticker) {
			meta.ticker = ticker[2]!;
			if (ticker[1]) meta.company ??= ticker[1].replace(/[,(]\s*$/, '').trim() || null;
		}
		// StreetEvents: `Q4 2016 Cisco Systems Inc Earnings Call`.
		const named = /^(?:F?Q[1-4]\s+\d{4}\s+)(.+?)\s+Earnings(?:\s+Conference)?\s+Call\b/i.exec(line);
		if (named && !meta.company) meta.company = named[1]!.trim();
		// A company's own title: `BNP Paribas: First Quarter 2025 results`, `Deutsche Bank Q2 2023 Analyst Conference Call`.
		// A title line, short and ending so; the name of capitalised words (`Numbers for slides refer to the first quarter results…` is a sentence).
		const own = line.length <= 80 ? /^((?:\p{Lu}[\p{L}&.'-]*|&|of|and)(?:\s+(?:\p{Lu}[\p{L}&.'-]*|&|of|and)){0,5})\s*[:–-]?\s+(?:F?Q[1-4]|[1-4]Q|first|second|third|fourth|full[- ]year)\b[^.]{0,40}?\b(?:results|earnings(?: call)?|conference call|call)\s*$/iu.exec(line) : null;
		if (own && !meta.company && !/^(?:the|our|fiscal|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday)$/i.test(own[1]!.trim())) meta.company = own[1]!.trim();
	}
	return meta;
}

const MONTH_ABBR = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const TICKER = '([A-Z][A-Z0-9.]{0,5})';

/**
 * What a file's name says, as collections name them: `CT_MSFT_2019_q1`
 * (ticker, fiscal year, quarter), `AAN_q1_2021` (ticker, quarter, year),
 * `2016-Jul-21-AMD` (date, ticker). Used only for what the text does not say.
 */
export function metaFromFileName(name: string): Partial<CallMeta> {
	const base = name.replace(/\.[^.]+$/, '');
	let m = new RegExp(`^(?:[A-Z]{1,3}_)?${TICKER}_(\\d{4})_q([1-4])$`, 'i').exec(base);
	if (m && /^CT_/i.test(base)) return {ticker: m[1]!.toUpperCase(), quarter: `Q${m[3]} ${m[2]}`};
	m = new RegExp(`^${TICKER}_(\\d{4})_q([1-4])$`, 'i').exec(base);
	if (m) return {ticker: m[1]!.toUpperCase(), quarter: `Q${m[3]} ${m[2]}`};
	m = new RegExp(`^${TICKER}_q([1-4])_(\\d{4})$`, 'i').exec(base);
	if (m) return {ticker: m[1]!.toUpperCase(), quarter: `Q${m[2]} ${m[3]}`};
	m = new RegExp(`^(\\d{4})-(${MONTH_ABBR})[a-z]*-(\\d{1,2})-${TICKER}$`, 'i').exec(base);
	if (m) {
		const month = MONTH_ABBR.split('|').indexOf(m[2]!.toLowerCase().slice(0, 3)) + 1;
		return {ticker: m[4]!.toUpperCase(), date: `${m[1]}-${String(month).padStart(2, '0')}-${m[3]!.padStart(2, '0')}`};
	}
	return {};
}

// `welcome to the Aaron's Company First Quarter 2021 Earnings Conference Call`,
// `welcome to American Axle & Manufacturing's second quarter 2021 conference call`.
const WELCOME =
	/\bwelcome(?: everyone| all)?(?: to)?(?: the)? ((?:[\p{Lu}&][\p{L}&'’.-]*\s+){0,5}?[\p{Lu}&][\p{L}&'’.-]*?)(?:'s|’s)?\s+(?:fiscal\s+)?(?:(?:first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter|Q[1-4]\b|full[- ]year|(?:fiscal\s+)?(?:19|20)\d\d\b)/iu;

/**
 * The quarter as the operator's welcome names it, when nothing else says
 * (transcripts made from the audio): `Culp's third quarter 2020 earnings
 * call`, `the Apple Q1 FY 2022 earnings call`, `Fiscal Year 2023 First Quarter`.
 */
export function quarterFromWelcome(text: string): string | null {
	const m = /\bwelcome\b/i.exec(text);
	if (!m) return null;
	const welcome = text.slice(m.index, m.index + 200).split(/[.!?]\s/)[0]!;
	const fiscal = /\bfiscal(?: year)? ((?:19|20)\d\d) (first|second|third|fourth) quarter\b/i.exec(welcome);
	if (fiscal) return `Q${['first', 'second', 'third', 'fourth'].indexOf(fiscal[2]!.toLowerCase()) + 1} ${fiscal[1]}`;
	return parseQuarter(welcome.replace(/\bQ([1-4]) FY ?((?:19|20)\d\d)\b/, 'Q$1 $2'));
}

/** The company as the operator names it in the welcome, when nothing else says. */
// `welcome to the first-quarter 2021 earnings discussion for PennyMac Mortgage
// Investment Trust`: the quarter comes first, the company after `for`.
const FOR_COMPANY = /\b(?:call|discussion|conference|webcast|presentation)\s+(?:for|of)\s+((?:\p{Lu}[\p{L}&'’.-]*)(?:\s+(?:\p{Lu}[\p{L}&'’.-]*|&|of|and)){0,5})/u;
const NOT_A_NAME = /^(?:our|this|the|today's|(?:first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter|q[1-4]|fiscal|full[- ]year)$/i;

export function companyFromWelcome(text: string): string | null {
	const m = WELCOME.exec(text);
	if (!m) return null;
	const name = m[1]!.trim();
	if (NOT_A_NAME.test(name)) {
		const after = FOR_COMPANY.exec(text.slice(m.index, m.index + 300));
		// The name ends with its sentence (`…Investment Trust. The slides`).
		return after ? after[1]!.split(/\.\s/)[0]!.replace(/\s+(?:&|of|and)$/, '').replace(/\.$/, '').trim() || null : null;
	}
	// `the Microsoft Fiscal Year 2023 First Quarter`: the fiscal year is no part of the name.
	const bare = name.replace(/\s+fiscal(?:\s+year)?$/i, '');
	return bare.length < 2 ? null : bare;
}
