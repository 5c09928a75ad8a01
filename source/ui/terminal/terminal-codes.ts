// The codes the reader writes to its terminal itself (Ink writes the frames):
// shared by the reader (run.tsx) and the instant frame written before it loads
// (cli/instant-frame.ts).

/** The alternate screen, and bracketed paste: a pasted line end is then text, not Enter (key-reader.ts). */
export const ENTER_ALT = '\u001B[?1049h\u001B[H\u001B[?2004h';
export const LEAVE_ALT = '\u001B[?2004l\u001B[?1049l';
export const SHOW_CURSOR = '\u001B[?25h';
export const HIDE_CURSOR = '\u001B[?25l';
/** Before the reader's own first frame, when the frame on screen is not the same: the screen cleared under it. */
export const REDRAW = '\u001B[H\u001B[J';
