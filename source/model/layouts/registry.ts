// One reader per layout, the way pandoc has one per input format. Each file's
// layout is detected from its content (never its name): the first reader in
// this list whose `detects` says yes parses it; label lines are the fallback,
// as the most general. Every reader returns the same items (items.ts), which
// parse/build.ts turns into a call.
import {detectsEarningsCall, parseEarningsCall} from './earningscall.js';
import {detectsInline, parseInline} from './inline.js';
import type {LayoutResult} from './items.js';
import {detectsJson, parseJson} from './json.js';
import {parseLabelLines} from './label-lines.js';
import {removePageFurniture} from './page-furniture.js';
import {isStreetEvents, parseStreetEvents} from './streetevents.js';
import {speakerless} from './speakerless.js';
import {detectsNlp, detectsSubtitles, detectsTimedJson, parseNlp, parseSubtitles, parseTimedJson, sentenceParagraphs} from './timed.js';

export interface Source {
	/** The whole text (JSON is read from it). */
	text: string;
	/** Its lines, right-trimmed. */
	lines: readonly string[];
}

export interface Reader {
	name: string;
	detects(source: Source): boolean;
	parse(source: Source): LayoutResult;
}

export const READERS: readonly Reader[] = [
	// Made from the audio: Rev's token tables, EarningsCall's API JSON, Whisper's segments and subtitles.
	{name: 'nlp', detects: s => detectsNlp(s.lines), parse: s => parseNlp(s.lines)},
	{name: 'timed-json', detects: detectsTimedJson, parse: parseTimedJson},
	{name: 'subtitles', detects: s => detectsSubtitles(s.lines), parse: s => parseSubtitles(s.lines)},
	{name: 'json', detects: detectsJson, parse: parseJson},
	{name: 'earningscall', detects: s => detectsEarningsCall(s.lines), parse: s => parseEarningsCall(s.lines)},
	{name: 'streetevents', detects: s => isStreetEvents(s.lines), parse: s => parseStreetEvents(s.lines)},
	{name: 'inline', detects: s => detectsInline(s.lines), parse: s => parseInline(s.lines)},
	{
		name: 'label-lines',
		detects: () => true,
		// Page furniture (PDF-to-text exports) goes first, so labels and hard-wrapped sentences read across page breaks.
		// Text in which no label is found at all (Whisper's plain output) is one unidentified speaker's.
		parse: s => {
			const page = removePageFurniture(s.lines);
			const result = parseLabelLines(page.lines);
			if (!result.items.some(i => i.kind === 'turn' && i.label)) {
				const text = page.lines.join('\n');
				return {...speakerless(sentenceParagraphs(text)), furniture: page.furniture};
			}
			return {...result, furniture: [...page.furniture, ...result.furniture]};
		},
	},
];

/** `lines`: the text split and right-trimmed, when the caller has them already (splitting 1,000 calls twice showed in the profile). */
export function readLayout(text: string, lines: readonly string[] = text.split('\n').map(l => l.trimEnd())): LayoutResult {
	const source = {text, lines};
	for (const reader of READERS) if (reader.detects(source)) return reader.parse(source);
	return READERS[READERS.length - 1]!.parse(source);
}
