// Text → call. Detects the layout per file (never from the file name), parses
// it into items, and builds speakers, sections and Q&A threads.
import {buildCall} from './build.js';
import {readHeader} from './meta.js';
import {readLayout} from '../layouts/registry.js';
import {coverageOf, MIN_COVERAGE} from './coverage.js';
import type {CallMeta, ParseResult} from '../types.js';

/** `known` (from the manifest of bundled calls) wins over what the header says. */
export function parseTranscript(text: string, known: Partial<CallMeta> = {}): ParseResult {
	const lines = text.split('\n').map(l => l.trimEnd());
	const layout = readLayout(text, lines);
	const header = readHeader(lines);
	const own = layout.meta ?? {};
	const meta: CallMeta = {
		company: known.company ?? own.company ?? header.company,
		ticker: known.ticker ?? own.ticker ?? header.ticker,
		quarter: known.quarter ?? own.quarter ?? header.quarter,
		date: known.date ?? own.date ?? header.date,
	};
	const call = buildCall(layout, meta);
	const coverage = coverageOf(layout, text, call);
	const errors: string[] = [];
	if (call.turns.length === 0) errors.push('no transcript text found');
	else if (call.speakers.length === 0) errors.push('no speaker labels found: the text is kept as one unattributed turn');
	else if (layout.layout === 'speakerless') errors.push('no speaker labels found: the text is read as one unidentified speaker');
	if (call.turns.length > 0 && coverage.share < MIN_COVERAGE) {
		errors.push(`only ${(Math.floor(coverage.share * 1000) / 10).toFixed(1)}% of the text is in turns (${coverage.body - coverage.kept} of ${coverage.body} words are not)`);
	}
	return {call, errors, coverage};
}
