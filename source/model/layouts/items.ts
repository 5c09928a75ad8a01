// What every layout parser produces: a flat list of section marks and turns,
// before speakers, roles and Q&A threads are worked out (build.ts does that once
// for all layouts).
import type {Label} from '../parse/labels.js';
import type {Layout, Section} from '../types.js';

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
}

export const QA_HEADER =
	/^(?:question-and-answer session|questions?(?:[- ]and[- ]|\s*&\s*)answers?(?: session)?|q\s*&\s*a(?: session)?)\s*:?$/i;
export const PRESENTATION_HEADER = /^(?:presentation|prepared remarks|management discussion section|opening remarks)\s*:?$/i;

// Where the transcript proper ends: definitions, disclaimers, copyright lines,
// Motley Fool's trailing participant list and duration.
export const END_MATTER =
	/^(?:definitions|disclaimer|call participants:|duration:\s*\d+|copyright\b|©|the information in the transcripts|the content is provided|thomson reuters reserves|this transcript may not be 100 percent accurate)/i;

export function sectionOf(line: string): Section | null {
	if (QA_HEADER.test(line)) return 'qa';
	if (PRESENTATION_HEADER.test(line)) return 'presentation';
	return null;
}
