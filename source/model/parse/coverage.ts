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

/** Words with a letter or digit, as turns count them: one loop over character codes (twice as fast as splitting). */
export function countWords(text: string): number {
	const plain = text.includes('(') || text.includes('[') || text.includes('<') ? text.replace(MARKS, ' ') : text;
	let n = 0;
	let inToken = false;
	let counted = false;
	for (let i = 0; i < plain.length; i++) {
		const c = plain.charCodeAt(i);
		if (c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x3000) {
			inToken = false;
			continue;
		}
		if (!inToken) {
			inToken = true;
			counted = false;
		}
		if (counted) continue;
		// ASCII letters and digits by code; beyond, Latin letters by range, the rest by the pattern (punctuation 0x2010-0x206f is no letter).
		if ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7) || (c > 0x206f && LETTER_OR_DIGIT.test(plain[i]!))) {
			n++;
			counted = true;
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
	const kept = countWords(call.turns.map(t => t.paragraphs.map(p => p.text).join('\n')).join('\n'));
	const body = Math.max(0, all - furniture);
	return {body, kept, share: body === 0 ? 1 : Math.min(1, kept / body)};
}
