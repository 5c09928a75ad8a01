// A fast path in front of string-width, for Ink and for us. Why: on the first
// frame string-width took 46 ms of self time (profiled here): Ink measures
// every <Text>, and every non-ASCII string (borders, bars, ’, ·) goes through
// Intl.Segmenter. A string whose code points are all one column wide in every
// terminal is measured by counting; anything else (CJK, emoji, combining marks,
// zero-width, ANSI) goes to the real string-width unchanged. esbuild aliases
// `string-width` to this file for the bundle (build.mjs).
import realStringWidth from '../../../node_modules/string-width/index.js';

/** Single-width code points: printable ASCII and Latin-1, Latin Extended A/B, general punctuation (not the zero-width and bidi controls), letterlike, arrows, box drawing, blocks, geometric shapes. */
function narrow(c: number): boolean {
	if (c >= 0x20 && c <= 0x7e) return true;
	if (c >= 0xa0 && c <= 0x2ff) return c !== 0xad;
	if (c >= 0x2010 && c <= 0x2027) return true;
	if (c >= 0x2030 && c <= 0x205e) return true;
	if (c >= 0x20a0 && c <= 0x20c0) return true;
	if (c >= 0x2100 && c <= 0x21ff) return true;
	if (c >= 0x2500 && c <= 0x25ff) return true;
	return false;
}

/**
 * Where an SGR sequence (colour, bold: ESC [ up to three digits, `;`, …, m)
 * starting at `i` ends, or -1. Ink colours nested <Text> with these before it
 * measures, so without this most styled text took the slow path.
 */
function sgrEnd(text: string, i: number): number {
	if (text.charCodeAt(i + 1) !== 0x5b) return -1;
	let digits = 0;
	for (let j = i + 2; j < text.length; j++) {
		const c = text.charCodeAt(j);
		if (c >= 0x30 && c <= 0x39) {
			if (++digits > 3) return -1;
		} else if (c === 0x3b) {
			digits = 0;
		} else {
			return c === 0x6d ? j : -1;
		}
	}
	return -1;
}

export default function stringWidth(text: string, options?: Parameters<typeof realStringWidth>[1]): number {
	if (typeof text !== 'string' || text.length === 0) return 0;
	if (options?.countAnsiEscapeCodes || options?.ambiguousIsNarrow === false) return realStringWidth(text, options);
	let width = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (narrow(c)) {
			width++;
		} else if (c === 0x1b) {
			const end = sgrEnd(text, i);
			if (end < 0) return realStringWidth(text, options);
			i = end;
		} else if (c >= 0x20 && c !== 0x7f) {
			return realStringWidth(text, options);
		}
		// Else a control character (newline, tab): no width, as string-width counts it.
	}
	return width;
}