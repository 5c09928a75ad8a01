// How the screen is shared between the panes at a size: computed once per
// frame from the terminal's size and passed down, so that any pane can be
// drawn at any size in a test.

export const MIN_COLS = 60;
export const MIN_ROWS = 16;

export interface Geometry {
	listWidth: number;
	sideWidth: number;
	mainWidth: number;
	bodyHeight: number;
	/** Text columns and rows inside the transcript pane. */
	textWidth: number;
	textRows: number;
}

export function geometry(cols: number, rows: number, sidebar: boolean): Geometry {
	const listWidth = cols >= 120 ? 22 : 18;
	const sideWidth = sidebar ? (cols >= 180 ? 44 : cols >= 140 ? 36 : cols >= 100 ? 30 : 24) : 0;
	const mainWidth = cols - listWidth - sideWidth;
	// Header and status bar take a line each; the frame stays one row short of
	// the terminal, or Ink 6.8 clears the whole screen on every render.
	const bodyHeight = rows - 1 - 2;
	return {listWidth, sideWidth, mainWidth, bodyHeight, textWidth: mainWidth - 4, textRows: bodyHeight - 3};
}
