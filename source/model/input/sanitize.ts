// Neutralise everything in untrusted text that a terminal would act on.
// Ink 6.8 passes OSC sequences (clipboard writes, window titles) straight to the
// terminal and strip-ansi misses some forms, so we clean once, at load time, and
// nothing later can carry a control byte out.

// Line ends first: CRLF, lone CR, NEL (U+0085), line/paragraph separators, form
// feeds (page breaks in PDF-to-text exports) all become \n.
const LINE_ENDS = /\r\n?|[\u0085\u2028\u2029\f\v]/g;

// One alternation, applied left to right:
// 1. CSI, 7-bit (ESC [) or 8-bit (U+009B): parameters, intermediates, final byte.
// 2. String sequences — OSC (ESC ] / U+009D), DCS (ESC P / U+0090), SOS (ESC X /
//    U+0098), PM (ESC ^ / U+009E), APC (ESC _ / U+009F) — with their payload up to
//    BEL or ST; an unterminated one ends at the line end, so it cannot eat a file.
// 3. Any other ESC plus the byte after it (ESC c resets the terminal, ESC 7 …).
// 4. Remaining C0 controls except \n and \t, DEL, and C1 controls.
// 5. Bidi embedding/override/isolate marks (text can be made to read backwards)
//    and stray BOMs.
const CONTROLS = new RegExp(
	[
		'(?:\\x1b\\[|\\x9b)[\\x30-\\x3f]*[\\x20-\\x2f]*[\\x40-\\x7e]?',
		'(?:\\x1b[\\]PX^_]|[\\x90\\x98\\x9d\\x9e\\x9f])[^\\x07\\x1b\\x9c\\n]*(?:\\x07|\\x1b\\\\|\\x9c)?',
		'\\x1b[\\x20-\\x7e]?',
		'[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]',
		'[\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufeff]',
	].join('|'),
	'g',
);

// Characters whose width terminals and string-width disagree on, so a row
// holding one is drawn shifted and cuts its border: string-width counts them
// 0 wide, tmux and xterm draw U+115F and U+3164 2 wide and U+00AD and U+FFA0 1
// wide (measured in tmux). All are invisible: the Hangul fillers are blanks,
// and become a space; a soft hyphen is a hyphenation hint, and goes.
const WIDTH_TRAPS = /[\u115f\u1160\u3164\uffa0\u00ad]/g;
const widthTrap = (ch: string) => (ch === '\u00ad' || ch === '\u1160' ? '' : ' ');

// Anything the passes below would change; most text has none but CR, and one
// scan to find out is cheaper than four (1,000 calls: ~40 ms).
const ANY_TO_CLEAN = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u2028\u2029\u115f\u1160\u3164\uffa0\u00ad]/;

export function sanitizeText(text: string): string {
	if (!ANY_TO_CLEAN.test(text)) return text;
	let out = text.includes('\r') || /[\u0085\u2028\u2029\f\v]/.test(text) ? text.replace(LINE_ENDS, '\n') : text;
	if (!ANY_TO_CLEAN.test(out)) return out;
	out = out.replace(CONTROLS, '').replace(/\t/g, ' ');
	return /[\u115f\u1160\u3164\uffa0\u00ad]/.test(out) ? out.replace(WIDTH_TRAPS, widthTrap) : out;
}

/**
 * One line of untrusted text for a name, a note, an id, a path, a query:
 * sanitised as above, and its line ends made spaces so that it cannot break
 * the line it is shown on.
 */
export function cleanLine(text: string): string {
	const clean = sanitizeText(text);
	// Most names and paths hold no line end: no replace, and no copy (two of each call of 10,000 listed at start).
	return clean.includes('\n') ? clean.replace(/\n/g, ' ') : clean;
}

/**
 * A value that may reach the user from outside the transcripts (settings,
 * argv, file names): a string is cleaned, anything else is left as it is.
 */
export const cleanValue = (value: unknown): unknown => (typeof value === 'string' ? cleanLine(value) : value);

// What a typed key may put into a line: one printable character. Controls
// (C0, DEL, C1), bidi marks, BOMs, line/paragraph separators and the width
// traps above are not text.
const NOT_TYPED = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u2028\u2029\u115f\u1160\u3164\uffa0\u00ad]/;

/** True for a single printable character (a code point), which a line editor may take. */
export function isPrintable(ch: string): boolean {
	if (ch.length === 0 || ch.length > 2 || (ch.length === 2 && ch.codePointAt(0)! <= 0xffff)) return false;
	return !NOT_TYPED.test(ch) && !/^[\ud800-\udfff]$/.test(ch);
}

// JSON.stringify escapes C0 but writes DEL, C1 and bidi marks raw; a terminal
// showing the JSON would act on them.
const JSON_UNSAFE = /[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u2028\u2029]/g;

/** JSON.stringify, with every character a terminal could act on written as \\uXXXX (the same value, read back). */
export function safeJson(value: unknown, space?: number | string): string {
	return JSON.stringify(value, null, space).replace(JSON_UNSAFE, ch => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** True when the string holds nothing a terminal would interpret. */
export function isClean(text: string): boolean {
	CONTROLS.lastIndex = 0;
	return !CONTROLS.test(text) && !/[\r\t]/.test(text);
}

// A frame the reader drew is text, line ends and colour codes (SGR); Ink writes nothing else.
const SGR = /\x1b\[[0-9;]*m/g;
const NOT_IN_FRAME = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/**
 * True for a frame as the reader draws one: text, line ends and colour codes
 * only. A frame read back from the cache (cli/instant-frame.ts) holding any
 * other control is not what the reader wrote, and is not drawn.
 */
export function isDrawnFrame(frame: string): boolean {
	return !NOT_IN_FRAME.test(frame.replace(SGR, ''));
}
