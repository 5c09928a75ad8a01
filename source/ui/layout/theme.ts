// Colours by role, and NO_COLOR: https://no-color.org — when set, no colour at all.
import type {Role} from '../../model/types.js';

export const useColor = !process.env['NO_COLOR'];

const ROLE_COLORS: Record<Role | 'none', string> = {executive: 'cyan', analyst: 'yellow', operator: 'gray', unknown: 'white', none: 'gray'};

export const roleColor = (role: Role | 'none' | undefined) => (useColor && role ? ROLE_COLORS[role] : undefined);
export const accent = useColor ? 'green' : undefined;
/** Unfocused borders. */
export const quiet = useColor ? 'gray' : undefined;
/** The status bar's notice, and its filter label. */
export const noticeColor = useColor ? 'yellow' : undefined;

/** Marked words (the words behind a metric, search hits): reverse video without colour. */
export const MARK = useColor ? {backgroundColor: 'yellow', color: 'black'} : {inverse: true};
