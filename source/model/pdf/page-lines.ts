// A PDF's text items → the text of a transcript. PDF.js gives runs of text
// with their positions and fonts, not lines: lines are rebuilt from the
// positions; paragraphs from the gaps between them; running headers and
// footers (a line at the top or bottom of most pages, page numbers, copyright
// lines) are set aside as furniture wherever they fall, even in the middle of
// a sentence; a short line in another font than the body's (a speaker's name
// in bold) stands on its own, so the layout readers see it as a label.

export interface PdfItem {
	str: string;
	x: number;
	/** From the bottom of the page, as PDF coordinates run. */
	y: number;
	width: number;
	/** The font's size in points. */
	size: number;
	font: string;
}

export interface PdfPage {
	width: number;
	height: number;
	items: PdfItem[];
}

interface Line {
	text: string;
	/** A short cell in a column of its own at the left (Deutsche Bank's speaker names beside the speech). */
	side?: string;
	y: number;
	x: number;
	/** The font most of its characters are in. */
	font: string;
	/** Where its last letter ends: a line that runs to the right margin wraps on to the next. */
	right: number;
	page: number;
}

/** One page's items → its lines, top to bottom, each read left to right. */
function pageLines(page: PdfPage, index: number): Line[] {
	const rows: {y: number; size: number; items: PdfItem[]}[] = [];
	for (const item of page.items) {
		if (!item.str) continue;
		const row = rows.find(r => Math.abs(r.y - item.y) <= Math.max(1.5, Math.min(r.size, item.size) * 0.4));
		if (row) row.items.push(item);
		else rows.push({y: item.y, size: item.size, items: [item]});
	}
	const lines: Line[] = [];
	for (const row of rows) {
		row.items.sort((a, b) => a.x - b.x);
		// A letter-spaced heading (`C O R P O R A T E`) comes a letter an item: there a word's gap
		// is one well over the letters' own.
		const inked = row.items.filter(i => i.str.trim());
		const letters = inked.length >= 4 && inked.filter(i => i.str.trim().length === 1).length > inked.length * 0.8;
		const gaps = letters ? inked.slice(1).map((it, k) => it.x - (inked[k]!.x + inked[k]!.width)).sort((a, b) => a - b) : [];
		const wordGap = letters ? Math.max(gaps[Math.floor(gaps.length / 2)]! * 2, 0.5) : 0;
		// Two columns on one row: a short cell, one wide gap, then the text.
		const wide = (it: PdfItem, k: number) => k > 0 && it.x - (inked[k - 1]!.x + inked[k - 1]!.width) > Math.max(it.size * 3, page.width * 0.05);
		const cuts = letters ? [] : inked.flatMap((it, k) => (wide(it, k) ? [k] : []));
		const cutItem = cuts.length === 1 && inked[cuts[0]!]!.x - inked[0]!.x < page.width * 0.4 ? inked[cuts[0]!] : undefined;
		let cutAt = -1;
		let text = '';
		let end = -Infinity;
		const chars = new Map<string, number>();
		// A marker in a column of its own at the right (JPMorgan's `Q` and `A` beside a speaker's title)
		// says who asks; the title line reads without it.
		const last = inked[inked.length - 1];
		const before = inked[inked.length - 2];
		const marker = last && before && /^[QA]$/.test(last.str.trim()) && last.x - (before.x + before.width) > page.width * 0.15 ? last : undefined;
		for (const item of row.items) {
			if (item === marker) break;
			if (item === cutItem) cutAt = text.length;
			const gap = item.x - end;
			if (letters) {
				if (!item.str.trim()) continue;
				if (text && gap > wordGap) text += ' ';
			} else if (text && !text.endsWith(' ') && !item.str.startsWith(' ') && gap > item.size * 0.15) text += ' ';
			text += item.str;
			end = item.x + item.width;
			if (item.str.trim()) chars.set(item.font, (chars.get(item.font) ?? 0) + item.str.length);
		}
		let clean = text.replace(/\s+/g, ' ').trim();
		if (!clean) continue;
		const font = [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
		// The left cell is a name or a `(Firm)`: a few words, no figures (a table's row is not one).
		let side: string | undefined;
		if (cutAt > 0) {
			const left = text.slice(0, cutAt).replace(/\s+/g, ' ').trim();
			if (left.length <= 40 && left.split(' ').length <= 5 && !/\d/.test(left) && /^[\p{Lu}(]/u.test(left)) {
				side = left;
				clean = text.slice(cutAt).replace(/\s+/g, ' ').trim();
			}
		}
		const lastInked = inked[inked.length - 1];
		const right = lastInked && lastInked !== marker ? lastInked.x + lastInked.width : (before ? before.x + before.width : row.items[0]!.x);
		lines.push({text: clean, ...(side ? {side} : {}), y: row.y, x: row.items[0]!.x, right, font, page: index});
	}
	return lines.sort((a, b) => b.y - a.y || a.x - b.x);
}

const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const COPYRIGHT = /^(?:copyright\b|©|\(c\)\s*\d{4})/i;
// A slide's heading in the notes of a presentation (`Slide 4 – Growing underlying earnings power`): furniture, not speech.
const SLIDE = /^slide\s+\d{1,3}\s*[–—-]\s+\S/i;
const shape = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');

export interface PdfText {
	text: string;
	/** Lines set aside: running headers and footers, page numbers, copyright lines, slides' headings. */
	furniture: string[];
	pages: number;
}

export function pdfToText(pages: readonly PdfPage[]): PdfText {
	const all = pages.map(pageLines);
	// A running line: the same shape (numbers aside) at the same height in the top or bottom
	// eighth of most pages. A speaker's name that happens to open several pages is no running line.
	// (Only lines in the margins can be running: each one's key is made once.)
	const margin = new Map<string, Set<number>>();
	const keyOf = new Map<Line, string>();
	all.forEach((lines, p) => {
		const height = pages[p]!.height || 792;
		for (const line of lines) {
			if (line.y > height * 0.12 && line.y < height * 0.88) continue;
			const key = `${shape(line.text)}@${Math.round(line.y / 4)}`;
			keyOf.set(line, key);
			let seen = margin.get(key);
			if (!seen) margin.set(key, (seen = new Set()));
			seen.add(p);
		}
	});
	const running = new Set([...margin].filter(([, seen]) => seen.size >= Math.max(2, pages.length * 0.5)).map(([k]) => k));
	const isRunning = (line: Line) => {
		const key = keyOf.get(line);
		return key !== undefined && running.has(key);
	};
	// The body's font: the one most lines are in.
	const fonts = new Map<string, number>();
	for (const line of all.flat()) fonts.set(line.font, (fonts.get(line.font) ?? 0) + line.text.length);
	const body = [...fonts].sort((a, b) => b[1] - a[1])[0]?.[0];

	const furniture: string[] = [];
	const out: string[] = [];
	let cover = '';
	let previous: Line | null = null;
	let wrapped = false;
	let last = '';
	all.forEach((lines, p) => {
		const height = pages[p]!.height || 792;
		// A cover page (a few short lines with a year: the company, the quarter, the date, who speaks)
		// says nothing that is spoken: it is said at the top as one title line, for the call's date and name.
		const spoken = lines.filter(l => !isRunning(l) && !PAGE_NUMBER.test(l.text));
		if (p === 0 && pages.length > 2 && spoken.length > 0 && spoken.length <= 12 && spoken.every(l => l.text.length <= 50 && !/[.?!]$/.test(l.text)) && spoken.some(l => /\b(?:19|20)\d\d\b/.test(l.text))) {
			furniture.push(...lines.map(l => l.text));
			const joined = spoken.map(l => l.text).join(' ');
			// Short enough for the readers to take as a title line (under 200 characters), cut at a word.
			cover = joined.length <= 190 ? joined : joined.slice(0, 190).replace(/\s+\S*$/, '');
			return;
		}
		const kept = lines.filter(line => {
			const inMargin = line.y <= height * 0.12 || line.y >= height * 0.88;
			// A line of no letter or figure (a stray `.`, a rule of dots) is typesetting, not speech.
			if ((inMargin && (isRunning(line) || PAGE_NUMBER.test(line.text))) || COPYRIGHT.test(line.text) || SLIDE.test(line.text) || !/[\p{L}\p{N}]/u.test(line.text)) {
				furniture.push(line.text);
				return false;
			}
			return true;
		});
		// The usual step from one line to the next on this page, to tell a paragraph's gap.
		const steps = kept.slice(1).map((l, i) => kept[i]!.y - l.y).filter(s => s > 0).sort((a, b) => a - b);
		const step = steps[Math.floor(steps.length / 2)] ?? 12;
		// The text's right margin on this page: most full lines end near it.
		const rights = kept.map(l => l.right).sort((a, b) => a - b);
		const margin = rights[Math.floor(rights.length * 0.9)] ?? 0;
		for (let k = 0; k < kept.length; k++) {
			const line = kept[k]!;
			// A left-column cell opens a paragraph: its cells (a name, then `(Firm)`) become lines of
			// their own above the text they stand beside, as a label above its speech.
			// A cell in brackets goes on the block above it (`(RBC)` under `Anke Reingen`); a name starts one.
			if (line.side && !(line.side.startsWith('(') && kept[k - 1]?.side)) {
				const cells = [line.side];
				for (let j = k + 1; j < kept.length && kept[j]!.side?.startsWith('(') && kept[j - 1]!.y - kept[j]!.y <= step * 1.45; j++) cells.push(kept[j]!.side!);
				if (out.length && out[out.length - 1] !== '') out.push('');
				// One label line, `Anke Reingen (RBC)`, as the readers know it.
				out.push(cells.join(' '), '');
				previous = null;
			}
			const emphasised = line.font !== body && line.text.length <= 80;
			let blank = false;
			if (previous) {
				if (previous.page !== p) {
					// Across a page break a sentence goes on unless the last line ended one.
					blank = /[.?!:"”)]$/.test(previous.text) && !/^\p{Ll}/u.test(line.text);
				} else blank = previous.y - line.y > step * 1.45;
				const wasEmphasised = previous.font !== body && previous.text.length <= 80;
				if (emphasised !== wasEmphasised && line.font !== previous.font) blank = true;
			}
			if (blank && out.length && out[out.length - 1] !== '') out.push('');
			// A line that ran to the margin was wrapped there: the next goes on in the same line of
			// text, so a paragraph reads as one whatever the page's width (Capital IQ's lines are 130
			// characters, too long for the readers to take as wrapped).
			// (The hyphen is looked for on the last line joined, not the paragraph so far: testing a
			// growing string flattens it each time, quadratic in a long paragraph.)
			if (!blank && wrapped && out.length && out[out.length - 1] !== '' && !emphasised) out[out.length - 1] += /\p{L}-$/u.test(last) && /^\p{Ll}/u.test(line.text) ? line.text : ` ${line.text}`;
			else out.push(line.text);
			last = line.text;
			wrapped = line.right >= margin * 0.85 && line.text.length >= 40 && !emphasised;
			previous = line;
		}
	});
	// A running header or footer often names the call and its date (`TD Bank Group – Q1 2023
	// Earnings Call Transcript – March 02, 2023`): said once, at the top, as a title the readers know.
	const titles: string[] = [];
	const said = new Set<string>();
	for (const line of all.flat()) {
		if (!isRunning(line) || PAGE_NUMBER.test(line.text) || COPYRIGHT.test(line.text) || said.has(shape(line.text))) continue;
		said.add(shape(line.text));
		const title = line.text.replace(/\s*\bpage\s+\d+(?:\s*(?:of|\/)\s*\d+)?\s*/i, ' ').trim();
		if (/\p{L}{3}/u.test(title)) titles.push(title);
	}
	if (cover) titles.push(cover);
	const head = titles.length ? `${titles.slice(0, 3).join('\n')}\n\n` : '';
	return {text: `${head}${out.join('\n')}\n`, furniture, pages: pages.length};
}
