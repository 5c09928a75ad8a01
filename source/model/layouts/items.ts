// What every layout parser produces: a flat list of section marks and turns,
// before speakers, roles and Q&A threads are worked out (build.ts does that once
// for all layouts).
import type {Label} from '../parse/labels.js';
import type {CallMeta, Layout, Section} from '../types.js';

export type Item = {kind: 'section'; section: Section} | {kind: 'turn'; label: Label | null; lines: string[]};

export interface LayoutResult {
	layout: Layout;
	items: Item[];
	/** Participants named in a roster or participant list, with what it says of them. */
	roster: Label[];
	hardWrapped: boolean;
	/**
	 * Text the reader set aside as recognised furniture: headers, rosters,
	 * labels, section names, rules, disclaimers, page furniture. The coverage
	 * figure (parse/coverage.ts) counts the rest of the file against the words
	 * kept in turns, so text a reader drops without recognising it shows.
	 */
	furniture: string[];
	/** The text whose words count, when it is not the file's (JSON: the speeches, not the keys). */
	bodyText?: string;
	/** What the layout's own header says of the call (a `key: value` header); the text's header is read too. */
	meta?: Partial<CallMeta>;
}

export const QA_HEADER =
	/^(?:question-and-answer session|questions?(?:[- ]and[- ]|\s*&\s*)answers?(?: session)?|q\s*&\s*a(?: session)?)\s*:?$/i;
/**
 * Someone opening the Q&A in words: "we'll now move over to Q&A", "let's begin the Q&A session",
 * "our first question comes from…", "if you've got any questions, please go to slido.com" (questions
 * read out by investor relations). The build (labelled calls) and speakerless text both start the Q&A here.
 */
export const SPOKEN_QA_START =
	/\b(?:(?:move|go|turn|get|jump|transition)\s+(?:over\s+|on\s+|right\s+)?(?:in)?to\s+(?:the\s+|our\s+)?(?:q\s?&\s?a|questions|question-and-answer)|(?:begin|start|open)\s+(?:up\s+)?(?:the\s+|our\s+)?(?:q\s?&\s?a|question-and-answer|question and answer)|open\s+(?:it|the\s+(?:call|line|lines|floor))\s+(?:up\s+)?(?:for|to)\s+questions|if you(?:'ve got| have) any questions|(?:our|the)\s+first\s+question|we\s+will\s+now\s+(?:begin|take)\s+(?:the\s+)?(?:question|q&a))/i;
export const PRESENTATION_HEADER = /^(?:presentation|prepared remarks|management discussion section|opening remarks)\s*:?$/i;

// Where the transcript proper ends: definitions, disclaimers, copyright lines,
// Motley Fool's trailing participant list and duration.
export const END_MATTER =
	/^(?:definitions|disclaimer|call participants:|duration:\s*\d+|copyright\b|©|the information in the transcripts|the content is provided|thomson reuters reserves|this transcript may not be 100 percent accurate|this article is a transcript of this conference call|more [A-Z]{1,5} analysis$|all earnings call transcripts$)/i;

// Scrape junk inside a call: ads, sign-up prompts, links to other pages. Short
// lines only, so that speech that happens to start so is never taken.
const AD_LINE = /^(?:advertisement|sponsored(?: content)?|ad|\[ad\]|continue reading|story continues)\.?$/i;
const AD_START = /^(?:click here\b|subscribe (?:now|today|to)\b|sign up (?:now|today|for)\b|read more:|related:|related articles?:|see also:|image source:|recommended for you|more from [A-Z]|share this (?:article|story)|follow us on\b)/i;
export const isAd = (line: string) => {
	const t = line.trim();
	return t.length < 140 && (AD_LINE.test(t) || AD_START.test(t));
};

export function sectionOf(line: string): Section | null {
	if (QA_HEADER.test(line)) return 'qa';
	if (PRESENTATION_HEADER.test(line)) return 'presentation';
	return null;
}

/**
 * What every line-by-line reader does first with a line: the end matter (it
 * and all after it are furniture), an ad, a section name (an item). Returns
 * what it was, or null for a line the reader reads itself.
 */
export function commonLine(line: string, rest: () => readonly string[], items: Item[], furniture: string[]): 'end' | 'ad' | 'section' | null {
	if (END_MATTER.test(line) && items.length > 0) {
		furniture.push(...rest());
		return 'end';
	}
	if (isAd(line)) {
		furniture.push(line);
		return 'ad';
	}
	const section = sectionOf(line);
	if (!section) return null;
	furniture.push(line);
	items.push({kind: 'section', section});
	return 'section';
}
