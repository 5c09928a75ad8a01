// Nothing lost, nothing invented: of the words in a file, once the furniture
// its reader recognised (headers, rosters, labels, section names, rules,
// disclaimers) is set aside, how many are kept in turns. A reader that drops
// text it does not understand — a section lost to a damaged rule, a summary
// with no speaker — lowers the figure, and a call under 99 % is flagged.
import type {LayoutResult} from '../layouts/items.js';
import type {ParsedCall} from '../types.js';
import {toParagraph} from './paragraphs.js';

/** Below this share of its body words kept in turns, a call is flagged. */
export const MIN_COVERAGE = 0.99;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Words with a letter or digit (rules, bullets and dashes are not words), counted as turns count them. */
export function countWords(text: string): number {
	let n = 0;
	for (const line of text.split('\n')) {
		if (!line.trim()) continue;
		for (const token of toParagraph(line).text.split(' ')) if (WORD_CHAR.test(token)) n++;
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
	for (const turn of call.turns) for (const p of turn.paragraphs) kept += countWords(p.text);
	const body = Math.max(0, all - furniture);
	return {body, kept, share: body === 0 ? 1 : Math.min(1, kept / body)};
}
