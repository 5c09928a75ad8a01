// Nothing lost, nothing invented: of the words in a file, once the furniture
// its reader recognised (headers, rosters, labels, section names, rules,
// disclaimers) is set aside, how many are kept in turns. A reader that drops
// text it does not understand — a section lost to a damaged rule, a summary
// with no speaker — lowers the figure, and a call under 99 % is flagged.
import type {LayoutResult} from '../layouts/items.js';
import type {ParsedCall} from '../types.js';

/** Below this share of its body words kept in turns, a call is flagged. */
export const MIN_COVERAGE = 0.99;

// A word: a run without white space, as a turn's word count counts it
// (paragraphs.ts), so the words kept are the turns' own counts and only the
// file is read again. Time marks and Sync tags are data, not words. Rules
// (`=====`) are furniture the readers set aside. Counting line by line through
// toParagraph was half of parsing 1,000 calls (measured with --cpu-prof);
// this is one loop over character codes.
const MARKS = /\((?:\d{1,2}:\d{2}(?::\d{2})?)\)|\[(?:\d{1,2}:\d{2}(?::\d{2})?)\]|<Sync\b[^>]*>/gi;

/** Runs of characters between white space. */
export function countWords(text: string): number {
	// Most files hold no time mark: a test is a fifth of a replace (measured).
	MARKS.lastIndex = 0;
	const plain = MARKS.test(text) ? text.replace(MARKS, ' ') : text;
	let n = 0;
	let inToken = false;
	for (let i = 0; i < plain.length; i++) {
		const c = plain.charCodeAt(i);
		// Split on the common case first: most characters are above a space and below U+00A0.
		const space = c <= 32 ? c === 32 || c === 10 || c === 9 || c === 13 : c >= 0xa0 && (c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000);
		if (space) inToken = false;
		else if (!inToken) {
			inToken = true;
			n++;
		}
	}
	return n;
}

export interface Coverage {
	/** Words of the file less its furniture. */
	body: number;
	/** Of them, the words in turns. */
	kept: number;
	/** kept / body, 1 for a file with no body. */
	share: number;
}

export function coverageOf(layout: LayoutResult, text: string, call: ParsedCall): Coverage {
	const all = countWords(layout.bodyText ?? text);
	const furniture = countWords(layout.furniture.join('\n'));
	let kept = 0;
	for (const turn of call.turns) kept += turn.words;
	const body = Math.max(0, all - furniture);
	return {body, kept, share: body === 0 ? 1 : Math.min(1, kept / body)};
}
