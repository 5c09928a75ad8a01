// Terminal input → key names, before anything reaches a line editor.
//
// One read from the terminal can hold several keys (key repeat, a paste, Esc
// then a letter) and things that are not keys at all: replies the terminal
// sends on its own (focus in/out, mouse reports, cursor position, colour
// queries answered as OSC strings). Ink 6.8 splits a read at escape sequences
// but hands text runs over whole (`abc\x7f\x7f`) and knows nothing of OSC
// strings, so a colour reply became typed text. This reader takes the input
// as it arrives and yields only key names; everything else is dropped.
//
// Names: `up` `down` `left` `right` `home` `end` `pageup` `pagedown` `delete`
// `return` `escape` `tab` `shift+tab` `backspace` `space` `ctrl+LETTER`, and a
// single printable character for itself.
import {isPrintable} from '../../model/input/sanitize.js';

const ESC = '\u001B';

/** Final byte of a CSI sequence with no number → key. */
const CSI_FINAL: Record<string, string> = {A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 'shift+tab'};
/** `ESC [ N ~` → key. */
const CSI_TILDE: Record<string, string> = {'1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete', '5': 'pageup', '6': 'pagedown'};
/** `ESC O X` (application mode) → key. */
const SS3: Record<string, string> = {A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end'};

/** Control characters that are keys; the rest of C0 (but Ctrl+letters) is dropped. */
function controlKey(code: number): string | null {
	if (code === 0x0d || code === 0x0a) return 'return';
	if (code === 0x09) return 'tab';
	if (code === 0x7f || code === 0x08) return 'backspace';
	if (code >= 0x01 && code <= 0x1a) return `ctrl+${String.fromCharCode(code + 0x60)}`;
	return null;
}

/** Where a string sequence (OSC, DCS, SOS, PM, APC) starts: ESC + one of these, or the 8-bit form. */
const STRING_INTRO = new Set([']', 'P', 'X', '^', '_']);
const STRING_C1 = new Set([0x9d, 0x90, 0x98, 0x9e, 0x9f]);

/** A string sequence left open longer than this is taken as broken, and reading goes back to keys. */
const MAX_STRING = 4096;

export interface KeyReader {
	/** Keys in `chunk` (the rest of a sequence a previous chunk began is taken up first). */
	push(chunk: string): string[];
	/**
	 * The read is over: a string sequence still open is dropped (a terminal
	 * writes its reply in one go), so a broken one cannot swallow later keys.
	 */
	end(): void;
}

export function createKeyReader(): KeyReader {
	// Inside an OSC/DCS/… string: its payload is skipped up to BEL or ST.
	let inString = false;
	let stringLength = 0;
	// Inside a bracketed paste: everything is text (a line end is a space).
	let pasting = false;

	const push = (chunk: string): string[] => {
		const keys: string[] = [];
		let i = 0;
		const n = chunk.length;
		while (i < n) {
			const code = chunk.charCodeAt(i);
			if (inString) {
				if (code === 0x07 || code === 0x9c) {
					inString = false;
					i++;
				} else if (code === 0x1b && chunk[i + 1] === '\\') {
					inString = false;
					i += 2;
				} else if (code === 0x1b && i + 1 === n) {
					// ESC at the end of a chunk inside a string: the start of ST, most likely.
					i++;
				} else {
					if (++stringLength > MAX_STRING) inString = false;
					i++;
				}
				continue;
			}
			if (code === 0x1b) {
				const next = chunk[i + 1];
				if (next === undefined) {
					keys.push('escape');
					i++;
					continue;
				}
				if (next === '[') {
					i = csi(chunk, i + 2, keys);
					continue;
				}
				if (next === 'O' && i + 2 < n) {
					const key = SS3[chunk[i + 2]!];
					if (key) keys.push(key);
					i += 3;
					continue;
				}
				if (STRING_INTRO.has(next)) {
					inString = true;
					stringLength = 0;
					i += 2;
					continue;
				}
				// Esc then a key in one read (Esc ? typed fast, or Alt+key): Esc, then the key.
				keys.push('escape');
				i++;
				continue;
			}
			if (code === 0x9b) {
				i = csi(chunk, i + 1, keys);
				continue;
			}
			if (STRING_C1.has(code)) {
				inString = true;
				stringLength = 0;
				i++;
				continue;
			}
			const point = chunk.codePointAt(i)!;
			const width = point > 0xffff ? 2 : 1;
			const ch = chunk.slice(i, i + width);
			i += width;
			if (pasting) {
				if (code === 0x0d || code === 0x0a) keys.push('space');
				else if (isPrintable(ch)) keys.push(ch === ' ' ? 'space' : ch);
				continue;
			}
			if (code < 0x20 || code === 0x7f) {
				const key = controlKey(code);
				if (key) keys.push(key);
				continue;
			}
			if (ch === ' ') keys.push('space');
			else if (isPrintable(ch)) keys.push(ch);
		}
		return keys;
	};

	/** Reads a CSI sequence from `start` (after `ESC [`); returns where the next key begins. */
	const csi = (chunk: string, start: number, keys: string[]): number => {
		let j = start;
		// Parameters and intermediates; `ESC [ [ A` (Linux console F-keys) too.
		if (chunk[j] === '[') j++;
		while (j < chunk.length) {
			const c = chunk.charCodeAt(j);
			if (c >= 0x20 && c <= 0x3f) j++;
			else break;
		}
		const final = chunk[j];
		if (final === undefined) return j; // cut off: dropped, never typed
		const c = final.charCodeAt(0);
		if (c < 0x40 || c > 0x7e) return j; // malformed: drop what was read, go on from here
		const params = chunk.slice(start, j);
		// X10 mouse report: ESC [ M and three raw bytes.
		if (final === 'M' && params === '') return j + 4;
		if (final === '~') {
			const first = params.split(';')[0]!;
			if (first === '200') pasting = true;
			else if (first === '201') pasting = false;
			else if (CSI_TILDE[first]) keys.push(CSI_TILDE[first]!);
		} else if (CSI_FINAL[final] && /^[0-9;]*$/.test(params)) {
			// Arrows with modifiers (ESC [ 1 ; 5 A) are the arrows; `?`, `<`, `>` parameters are replies.
			keys.push(CSI_FINAL[final]!);
		}
		// Anything else — focus (I, O), mouse (<…M, <…m), cursor report (R), kitty keys (u) — is no key.
		return j + 1;
	};

	return {
		push,
		end() {
			inString = false;
		},
	};
}
