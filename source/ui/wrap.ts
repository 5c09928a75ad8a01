// Word wrap for transcript text. Why our own: wrap-ansi measured ~6 ms per
// 150-word paragraph here (it parses ANSI we never have — text is sanitised at
// load), which is ~400 ms to wrap one call. This keeps an ASCII fast path and
// asks string-width only about words with other characters (CJK is two columns).
import stringWidth from './string-width-fast.js';

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

/** Lines of at most `width` columns; breaks between words, inside a word only when it is wider than a line. */
export function wrapText(text: string, width: number): string[] {
	const w = Math.max(1, width);
	const lines: string[] = [];
	let line = '';
	let used = 0;
	for (const word of text.split(' ')) {
		if (!word) continue;
		const ww = textWidth(word);
		if (ww > w) {
			if (line) lines.push(line);
			const pieces = splitWord(word, w);
			lines.push(...pieces.slice(0, -1));
			line = pieces[pieces.length - 1] ?? '';
			used = textWidth(line);
			continue;
		}
		if (!line) {
			line = word;
			used = ww;
		} else if (used + 1 + ww <= w) {
			line += ` ${word}`;
			used += 1 + ww;
		} else {
			lines.push(line);
			line = word;
			used = ww;
		}
	}
	if (line || lines.length === 0) lines.push(line);
	return lines;
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
