// Nothing lost, nothing invented: of the words in a file, once the furniture
// its reader recognised (headers, rosters, labels, section names, rules,
// disclaimers) is set aside, how many are kept in turns. A reader that drops
// text it does not understand — a section lost to a damaged rule, a summary
// with no speaker — lowers the figure, and a call under 99 % is flagged.
import type {LayoutResult} from '../layouts/items.js';
import type {ParsedCall} from '../types.js';

/** Below this share of its body words kept in turns, a call is flagged. */
export const MIN_COVERAGE = 0.99;

// A word: a run without white space holding a letter or digit (rules, bullets
// and dashes are not words). Time marks and Sync tags are data, not words, on
// both sides. Counting line by line through toParagraph, then with a pattern
// per word, was half of parsing 1,000 calls (measured with --cpu-prof).
const MARKS = /\((?:\d{1,2}:\d{2}(?::\d{2})?)\)|\[(?:\d{1,2}:\d{2}(?::\d{2})?)\]|<Sync\b[^>]*>/gi;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /[\s\u00a0\u2000-\u200a\u3000]+/;

/** Words with a letter or digit, as turns count them. */
export function countWords(text: string): number {
	const plain = text.includes('(') || text.includes('[') || text.includes('<') ? text.replace(MARKS, ' ') : text;
	let n = 0;
	for (const token of plain.split(SPACE)) {
		if (!token) continue;
		const c = token.charCodeAt(0);
		// Most words start with an ASCII letter or digit: decided without a pattern.
		if ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || LETTER_OR_DIGIT.test(token)) n++;
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
	const kept = countWords(call.turns.map(t => t.paragraphs.map(p => p.text).join('\n')).join('\n'));
	const body = Math.max(0, all - furniture);
	return {body, kept, share: body === 0 ? 1 : Math.min(1, kept / body)};
}
