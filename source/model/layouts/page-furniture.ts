// PDF-to-text exports (Refinitiv, FactSet) carry the printed page with them:
// running headers and footers, page numbers, copyright lines, and section
// names glued to the line before (`…thank you.QUESTIONS AND ANSWERS`). This
// takes the page away and keeps the text: a sentence cut by a page break is
// whole again once the furniture between its halves is gone.

const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const COPYRIGHT = /^(?:©|\(c\)|copyright\b)|all rights reserved|^refinitiv\b|^factset\b|^thomson reuters\b/i;
const GLUED_SECTION = /^(.*\S)\s*((?:PRESENTATION|QUESTIONS AND ANSWERS|QUESTION AND ANSWER SESSION|QUESTION-AND-ANSWER SESSION|Q&A|MANAGEMENT DISCUSSION SECTION))\s*$/;

/** The lines with page furniture set aside (returned apart), and glued section names on lines of their own. */
export function removePageFurniture(lines: readonly string[]): {lines: string[]; furniture: string[]} {
	// A line seen three times or more once its digits are masked, with a digit in it, is a running header or footer.
	// A page holds many lines: occurrences closer than 8 lines apart are text (a list, a table), not a running line.
	const seen = new Map<string, number[]>();
	lines.forEach((line, i) => {
		const t = line.trim();
		if (t.length > 0 && t.length < 120 && /\d/.test(t)) {
			const shape = t.replace(/\d+/g, '#');
			seen.set(shape, [...(seen.get(shape) ?? []), i]);
		}
	});
	const shapes = new Map<string, number>();
	for (const [shape, at] of seen) if (at.every((n, k) => k === 0 || n - at[k - 1]! >= 8)) shapes.set(shape, at.length);
	const out: string[] = [];
	const furniture: string[] = [];
	for (const line of lines) {
		const t = line.trim();
		if (t && (PAGE_NUMBER.test(t) || (t.length < 160 && COPYRIGHT.test(t)) || (t.length < 120 && /\d/.test(t) && (shapes.get(t.replace(/\d+/g, '#')) ?? 0) >= 3 && t.split(/\s+/).length <= 16))) {
			furniture.push(line);
			continue;
		}
		const glued = GLUED_SECTION.exec(t);
		if (glued && glued[1]!.length > 0 && !/^[A-Z\s&-]+$/.test(glued[1]!)) {
			out.push(glued[1]!, glued[2]!);
			continue;
		}
		out.push(line);
	}
	return {lines: out, furniture};
}

/** A PDF export shows its pages: page numbers or a running line on many of them. */
export function hasPageFurniture(lines: readonly string[]): boolean {
	return removePageFurniture(lines).furniture.length >= 3;
}
