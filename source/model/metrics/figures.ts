// Figures quoted in a call: money amounts, percentages, rates ("5,000 a
// week") and counts of things ("200 stores"). A number must carry a unit to
// count: a bare "2017" or "Model 3" is not a figure.
//
// What follows a number is read word by word here, not by anchored regular
// expressions: compiling those cost ~5 ms in a fresh process (measured; the
// rate pattern alone ~2.5 ms), more than reading every figure of the five
// calls. The patterns they replace are kept in test/figures.test.ts as the
// definition, and these answer the same on random text.

import {isWordChar} from '../text/text-match.js';

export type FigureKind = 'money' | 'percent' | 'rate' | 'count';

const NUMBER = /\d[\d,]*(?:\.\d+)?/g;
// "Model 3 cars", "Q2 2017", "Gen 3": a number naming a thing, not a quantity.
const NAMING = /(?:model|gen|generation|version|q[1-4]|quarter|phase|series|class|number|no\.?|level|tier)\s$/i;
const CURRENCY = /(?:US\$|\$|€|£)\s?$/;

const SCALES = new Set(['thousand', 'million', 'billion', 'trillion', 'bn', 'mm', 'k', 'm', 'b']);
const RATE_WORDS = new Set(['a', 'an', 'per', 'each']);
const PERIODS = new Set(['day', 'week', 'month', 'quarter', 'year', 'annum']);
const UNITS = new Set(
	'unit units car cars vehicle vehicles cell cells pack packs batteries supercharger superchargers store stores employees people customers owners reservation reservations deliveries order orders miles kwh gwh mwh location locations countries days weeks months'.split(
		' ',
	),
);
/** Terms of two words, by their first: what may join the two, and the second words. */
type TwoWords = ReadonlyMap<string, {joins: string; seconds: ReadonlySet<string>}>;
const TWO_WORD_PERCENTS: TwoWords = new Map([
	['per', {joins: ' ', seconds: new Set(['cent'])}],
	['percentage', {joins: ' ', seconds: new Set(['point', 'points'])}],
	['basis', {joins: ' ', seconds: new Set(['points'])}],
]);
const TWO_WORD_UNITS: TwoWords = new Map([
	['service', {joins: ' ', seconds: new Set(['center', 'centers'])}],
	...['kilowatt', 'gigawatt', 'megawatt'].map(w => [w, {joins: ' -', seconds: new Set(['hour', 'hours'])}] as const),
]);
const CURRENCY_WORDS = new Set(['dollars', 'euros']);

// JavaScript's \s: what may stand between a number and its unit.
const isSpace = (c: number) =>
	c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
// A word character as a pattern's \b sees it: ASCII letters, digits,
// underscore. (With the i and u flags a pattern also counted the Kelvin sign
// and the long s; these take ASCII letters only.)
const isBoundaryWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const LETTER = /\p{L}/u;
// A word of a rate's filler ("5,000 Model 3 cars a week"): letters, ASCII digits, hyphens.
const isFillerChar = (text: string, i: number) => {
	const c = text.charCodeAt(i);
	if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45;
	return LETTER.test(text[i]!);
};

/** The end of the run of word characters (\w) from `i`. */
function runEnd(text: string, i: number): number {
	while (i < text.length && isBoundaryWordChar(text.charCodeAt(i))) i++;
	return i;
}

/** The whole word (\w run) at `i`, lower case, if it is one of `words`: its end, else -1. */
function wordIn(text: string, i: number, words: ReadonlySet<string>): number {
	const end = runEnd(text, i);
	return end > i && words.has(text.slice(i, end).toLowerCase()) ? end : -1;
}

/** "million", " bn": a scale right after the number, or after one space. */
function scaleEnd(text: string, at: number): number {
	return wordIn(text, isSpace(text.charCodeAt(at)) ? at + 1 : at, SCALES);
}

/** The end of a two-word term whose first word, `word`, ends at `end`; else -1. */
function secondWordEnd(text: string, word: string, end: number, terms: TwoWords): number {
	const two = terms.get(word);
	return two && two.joins.includes(text[end] ?? '\u0000') ? wordIn(text, end + 1, two.seconds) : -1;
}

/** "%", " percent", " per cent", " percentage points", " basis points", " bps". */
function percentEnd(text: string, at: number): number {
	const i = isSpace(text.charCodeAt(at)) ? at + 1 : at;
	if (text.charCodeAt(i) === 37) return i + 1;
	const end = runEnd(text, i);
	const word = text.slice(i, end).toLowerCase();
	return word === 'percent' || word === 'bps' ? end : secondWordEnd(text, word, end, TWO_WORD_PERCENTS);
}

/** " a week", " per day", " each quarter" at `at`: the end, else -1. */
function rateTail(text: string, at: number): number {
	if (!isSpace(text.charCodeAt(at))) return -1;
	let i = at + 1;
	let j = i;
	while (j < text.length && !isSpace(text.charCodeAt(j))) j++;
	if (j >= text.length || !RATE_WORDS.has(text.slice(i, j).toLowerCase())) return -1;
	return wordIn(text, j + 1, PERIODS);
}

/** A rate: up to two words ("cars", "Model 3"), then " a week" and the like. The fewest words that work. */
function rateEnd(text: string, at: number): number {
	let i = at;
	for (let words = 0; ; words++) {
		const end = rateTail(text, i);
		if (end >= 0 || words === 2) return end;
		if (!isSpace(text.charCodeAt(i)) || i + 1 >= text.length || !isFillerChar(text, i + 1)) return -1;
		i += 2;
		while (i < text.length && isFillerChar(text, i)) i++;
	}
}

/** " cars", " service centers", " kilowatt-hours". */
function unitEnd(text: string, at: number): number {
	if (!isSpace(text.charCodeAt(at))) return -1;
	const end = runEnd(text, at + 1);
	const word = text.slice(at + 1, end).toLowerCase();
	return UNITS.has(word) ? end : secondWordEnd(text, word, end, TWO_WORD_UNITS);
}

export function findFigures(text: string): {kind: FigureKind; start: number; end: number}[] {
	const found: {kind: FigureKind; start: number; end: number}[] = [];
	// Most paragraphs hold no digit at all.
	if (!/\d/.test(text)) return found;
	for (const m of text.matchAll(NUMBER)) {
		let start = m.index;
		// Inside a word or another number ("A123", "3,5,7"): not a figure of its own.
		if ((start > 0 && isWordChar(text, start - 1)) || text[start - 1] === ',' || text[start - 1] === '.') continue;
		let end = start + m[0].length;
		const currency = CURRENCY.exec(text.slice(Math.max(0, start - 4), start));
		const scaled = scaleEnd(text, end);
		const afterScale = scaled >= 0 ? scaled : end;
		let kind: FigureKind | null = null;
		if (currency) {
			kind = 'money';
			start -= currency[0].length;
			end = afterScale;
		} else if (NAMING.test(text.slice(Math.max(0, start - 12), start))) continue;
		else {
			let to: number;
			if ((to = percentEnd(text, end)) >= 0) kind = 'percent';
			else if (isSpace(text.charCodeAt(afterScale)) && (to = wordIn(text, afterScale + 1, CURRENCY_WORDS)) >= 0) kind = 'money';
			else if ((to = rateEnd(text, afterScale)) >= 0) kind = 'rate';
			else if ((to = unitEnd(text, afterScale)) >= 0) kind = 'count';
			if (kind) end = to;
		}
		if (!kind) continue;
		const last = found[found.length - 1];
		if (last && start < last.end) continue;
		found.push({kind, start, end});
	}
	return found;
}
