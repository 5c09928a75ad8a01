// Word wrap for transcript text. Why our own: wrap-ansi measured ~6 ms per
// 150-word paragraph here (it parses ANSI we never have — text is sanitised at
// load), which is ~400 ms to wrap one call. This keeps an ASCII fast path and
// asks string-width only about words with other characters (CJK is two columns).
import stringWidth from '../terminal/string-width-fast.js';

const isAscii = (s: string) => {
	for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 126) return false;
	return true;
};

export const textWidth = (s: string) => (isAscii(s) ? s.length : stringWidth(s));

/** Cut a word wider than the line into pieces of at most `width` columns. */
function splitWord(word: string, width: number): string[] {
	const pieces: string[] = [];
	let piece = '';
	let used = 0;
	for (const ch of word) {
		const w = textWidth(ch);
		if (used + w > width && piece) {
			pieces.push(piece);
			piece = '';
			used = 0;
		}
		piece += ch;
		used += w;
	}
	if (piece) pieces.push(piece);
	return pieces;
}

/** A wrapped line and where it starts in the text it came from. */
export interface WrappedLine {
	text: string;
	start: number;
}

/**
 * Lines of at most `width` columns, each with its offset in `text` (so marks
 * such as search hits can be drawn on the right columns). Breaks between
 * words; inside a word only when it is wider than a line.
 */
export function wrapRanges(text: string, width: number): WrappedLine[] {
	return isAscii(text) ? wrapAscii(text, Math.max(1, width)) : wrapWords(text, width);
}

/**
 * wrapRanges for text of one column a character (nearly every paragraph):
 * break offsets found in the text, each line sliced once, where wrapWords
 * builds each line a word at a time. A third of a first frame's layout
 * (measured). The same lines as wrapWords, property-tested.
 */
function wrapAscii(text: string, w: number): WrappedLine[] {
	const lines: WrappedLine[] = [];
	// The line being filled: text[start, end); start < 0 while there is none.
	let start = -1;
	let end = 0;
	let at = 0;
	while (at <= text.length) {
		let next = text.indexOf(' ', at);
		if (next < 0) next = text.length;
		const wordStart = at;
		at = next + 1;
		if (next === wordStart) continue;
		if (next - wordStart > w) {
			if (start >= 0) lines.push({text: text.slice(start, end), start});
			let offset = wordStart;
			for (; next - offset > w; offset += w) lines.push({text: text.slice(offset, offset + w), start: offset});
			start = offset;
			end = next;
			continue;
		}
		if (start >= 0 && next - start <= w) {
			end = next;
			continue;
		}
		if (start >= 0) lines.push({text: text.slice(start, end), start});
		start = wordStart;
		end = next;
	}
	if (start >= 0) lines.push({text: text.slice(start, end), start});
	else if (lines.length === 0) lines.push({text: '', start: 0});
	return lines;
}

/** wrapRanges for any text: word by word, each word measured (CJK is two columns). */
export function wrapWords(text: string, width: number): WrappedLine[] {
	const w = Math.max(1, width);
	const lines: WrappedLine[] = [];
	let line = '';
	let start = 0;
	let used = 0;
	let at = 0;
	for (const word of text.split(' ')) {
		const wordStart = at;
		at += word.length + 1;
		if (!word) continue;
		const ww = textWidth(word);
		if (ww > w) {
			if (line) lines.push({text: line, start});
			let offset = wordStart;
			const pieces = splitWord(word, w);
			for (const piece of pieces.slice(0, -1)) {
				lines.push({text: piece, start: offset});
				offset += piece.length;
			}
			line = pieces[pieces.length - 1] ?? '';
			start = offset;
			used = textWidth(line);
			continue;
		}
		// The spaces before the word as they stand in the text (one, in transcripts), so offsets stay true.
		const gap = wordStart - start - line.length;
		if (line && used + gap + ww <= w) {
			line += text.slice(start + line.length, wordStart) + word;
			used += gap + ww;
			continue;
		}
		if (line) lines.push({text: line, start});
		line = word;
		start = wordStart;
		used = ww;
	}
	if (line || lines.length === 0) lines.push({text: line, start});
	return lines;
}

/** Lines of at most `width` columns; breaks between words, inside a word only when it is wider than a line. */
export function wrapText(text: string, width: number): string[] {
	return wrapRanges(text, width).map(l => l.text);
}

/** Fit text in `width` columns: cut with an ellipsis if it is wider. */
export function fit(text: string, width: number): string {
	if (width <= 0) return '';
	if (textWidth(text) <= width) return text;
	let out = '';
	let used = 0;
	for (const ch of text) {
		const w = textWidth(ch);
		if (used + w > width - 1) break;
		out += ch;
		used += w;
	}
	return `${out}…`;
}
