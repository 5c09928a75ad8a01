// One reader per layout, the way pandoc has one per input format. Each file's
// layout is detected from its content (never its name): the first reader in
// this list whose `detects` says yes parses it; label lines are the fallback,
// as the most general. Every reader returns the same items (items.ts), which
// parse/build.ts turns into a call.
import {detectsInline, parseInline} from './inline.js';
import type {LayoutResult} from './items.js';
import {detectsJson, parseJson} from './json.js';
import {parseLabelLines} from './label-lines.js';
import {isStreetEvents, parseStreetEvents} from './streetevents.js';

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
	{name: 'json', detects: detectsJson, parse: parseJson},
	{name: 'streetevents', detects: s => isStreetEvents(s.lines), parse: s => parseStreetEvents(s.lines)},
	{name: 'inline', detects: s => detectsInline(s.lines), parse: s => parseInline(s.lines)},
	{name: 'label-lines', detects: () => true, parse: s => parseLabelLines(s.lines)},
];

export function readLayout(text: string): LayoutResult {
	const source = {text, lines: text.split('\n').map(l => l.trimEnd())};
	for (const reader of READERS) if (reader.detects(source)) return reader.parse(source);
	return parseLabelLines(source.lines);
}
