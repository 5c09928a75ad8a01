// A turn's lines → paragraphs. Transcripts break paragraphs in odd places (a
// line ending without punctuation, the next starting in lower case), escape
// dollar signs (`\$`), and put time marks such as `(16:38)` into the prose.
import type {Paragraph, TimeMark} from '../types.js';

// `(7:12)`, `(52:07)`, `(1:02:45)`: where the transcriber lost the audio.
// `(16:38)`, `[00:12:03]`, and StreetEvents' `<Sync id="L206" time="00:31:36"/>`
// (whose time is data; one without a time is markup, and goes).
const TIME_MARK = /\s?(?:\((\d{1,2}:\d{2}(?::\d{2})?)\)|\[(\d{1,2}:\d{2}(?::\d{2})?)\]|<Sync\b(?:[^>]*?\btime="([^"]*)")?[^>]*>)/gi;
// Markdown-style escapes some exporters add: `\$100`, `\*`, `\_`.
const ESCAPE = /\\([$*_#[\]])/g;

/** Words in a paragraph's text, whose white space toParagraph folded to single spaces. */
export function wordCount(text: string): number {
	if (!text) return 0;
	let n = 1;
	for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) n++;
	return n;
}

// Character checks, not Unicode regexes: this runs on every line of every call
// at start-up, before the JIT has warmed up.
const SENTENCE_END = new Set([...'.!?…:;"”’\')]—–-']);
function startsLowerCase(text: string): boolean {
	const c = text.charCodeAt(0);
	if (c >= 97 && c <= 122) return true;
	return c > 127 && /^\p{Ll}/u.test(text);
}

export function toParagraph(raw: string): Paragraph {
	const marks: TimeMark[] = [];
	let text = '';
	let last = 0;
	let source = raw.includes('\\') ? raw.replace(ESCAPE, '$1') : raw;
	if (source.includes('  ')) source = source.replace(/ {2,}/g, ' ');
	source = source.trim().replace(/[\u00a0\u2000-\u200a\u3000]/g, ' ');
	if (!source.includes(':') && !source.includes('<')) return {text: source, marks: []};
	for (const match of source.matchAll(TIME_MARK)) {
		text += source.slice(last, match.index);
		const time = match[1] ?? match[2] ?? match[3];
		if (time) marks.push({time, offset: text.length});
		last = match.index + match[0].length;
		// A tag between two words (`grew. <Sync …/>Certainly`) leaves one space, not none.
		if (/^\s/.test(match[0]) && text && !text.endsWith(' ') && /[^\s.,;:!?)\]]/.test(source.charAt(last))) text += ' ';
	}
	text += source.slice(last);
	// A mark at the start leaves a leading space; one before punctuation leaves none.
	const trimmed = text.trimStart();
	const shift = text.length - trimmed.length;
	return {text: trimmed.trimEnd(), marks: shift ? marks.map(m => ({...m, offset: Math.max(0, m.offset - shift)})) : marks};
}

/**
 * Lines (blank lines included) → paragraphs. Each non-blank line is a paragraph,
 * unless the text is hard-wrapped, when a blank-separated block is one. A
 * paragraph that stops mid-sentence joins the next when that starts in lower case.
 */
export function buildParagraphs(lines: readonly string[], hardWrapped: boolean): Paragraph[] {
	const chunks: string[] = [];
	let open = false;
	for (const line of lines) {
		const text = line.trim();
		if (!text) {
			open = false;
			continue;
		}
		const previous = chunks[chunks.length - 1];
		const joins =
			previous !== undefined &&
			((hardWrapped && open) || (!SENTENCE_END.has(previous[previous.length - 1]!) && startsLowerCase(text)));
		if (joins) chunks[chunks.length - 1] = `${previous} ${text}`;
		else chunks.push(text);
		open = true;
	}
	return chunks.map(toParagraph).filter(p => p.text !== '' || p.marks.length > 0);
}

// An outline item's number or bullet: `1.`, `I.`, `a)`, `-`, `*`, `•`.
const OUTLINE_ITEM = /^(?:\d{1,3}[.)]|[IVXLC]{1,5}\.|[a-z][.)]|[-*•])\s/;

/**
 * An Event Brief's summary: an outline, each item a paragraph at its depth
 * (its indentation ranked among the section's), so that `1. Highlights:` and
 * the items under it are not flattened into one level. A line that opens no
 * item goes on the item above it.
 */
export function buildOutline(lines: readonly string[]): Paragraph[] {
	const indentOf = (line: string) => line.length - line.trimStart().length;
	const depths = [...new Set(lines.filter(l => l.trim()).map(indentOf))].sort((a, b) => a - b);
	const out: Paragraph[] = [];
	let open = false;
	for (const line of lines) {
		const text = line.trim();
		if (!text) {
			open = false;
			continue;
		}
		const previous = out[out.length - 1];
		if (previous && open && !OUTLINE_ITEM.test(text) && indentOf(line) > 0) {
			previous.text = `${previous.text} ${text}`;
			continue;
		}
		const paragraph = toParagraph(text);
		paragraph.level = depths.indexOf(indentOf(line));
		out.push(paragraph);
		open = true;
	}
	return out.filter(p => p.text !== '');
}

/** Is this text wrapped at a fixed width (PDF and e-mail exports)? */
export function isHardWrapped(lines: readonly string[]): boolean {
	// Transcripts with paragraphs on one line have many long lines: decide fast.
	let long = 0;
	let filled = 0;
	for (const line of lines) {
		if (line.length > 0) filled++;
		if (line.length > 140) long++;
	}
	if (filled < 8 || long > filled * 0.1) return false;
	const lengths = lines.map(l => l.trim().length).filter(n => n > 0);
	const sorted = [...lengths].sort((a, b) => a - b);
	const p90 = sorted[Math.floor(sorted.length * 0.9)]!;
	if (p90 > 110) return false;
	// Wrapped text: many lines end close to the widest, and blocks run over lines.
	const nearWidth = lengths.filter(n => n >= p90 * 0.8).length / lengths.length;
	let multi = 0;
	for (let i = 1; i < lines.length; i++) if (lines[i]!.trim() && lines[i - 1]!.trim()) multi++;
	return nearWidth > 0.4 && multi > lengths.length * 0.3;
}
