// Where a view of a call is read: kept in the state and the settings (a small
// module of its own, so that the settings can check one without the layout code).

/**
 * A place in the text, not a line number: the words at the top of the pane
 * (turn, paragraph, offset of the line's first character) and how many lines
 * above them the pane begins (a heading, a divider). The same words are at
 * the top after a resize, a restart at another size, or another view of the
 * call (a filter set or cleared, answers mode) that holds them.
 */
export interface Anchor {
	turn: number;
	paragraph: number;
	start: number;
	/** Lines above the anchored text line that the pane starts with (headings, dividers: one line each at any width). */
	lead: number;
	/** In a view across calls (an analyst's questions): which call (its index in the store). */
	call?: number;
}

/** A line of a transcript (a number, from settings of an older version), or a place in its text. */
export type Place = number | Anchor;

export const isAnchor = (p: unknown): p is Anchor =>
	typeof p === 'object' && p !== null && ['turn', 'paragraph', 'start', 'lead'].every(k => Number.isInteger((p as Record<string, unknown>)[k]) && ((p as Record<string, number>)[k] ?? -1) >= 0);
