// The one keymap: it drives input, the help overlay and the status bar hints.
// A key that is not in this table does not exist.
import {isPrintable} from '../../model/input/sanitize.js';
import type {State} from '../state.js';

export type Command =
	| 'quit' | 'suspend' | 'help' | 'closeOverlay' | 'focusNext' | 'focusPrev'
	| 'down' | 'up' | 'pageDown' | 'pageUp' | 'top' | 'bottom' | 'open'
	| 'nextQuestion' | 'prevQuestion' | 'nextCall' | 'prevCall'
	| 'picker' | 'answers' | 'clearFilter' | 'sidebar'
	| 'pickerDown' | 'pickerUp' | 'pickerApply' | 'pickerType' | 'pickerErase'
	| 'helpDown' | 'helpUp' | 'drill' | 'closeDrill' | 'trends' | 'trendsType' | 'trendsErase' | 'compare' | 'compareDown' | 'compareUp' | 'compareApply'
	| 'search' | 'searchType' | 'searchErase' | 'searchDown' | 'searchUp' | 'searchJump' | 'searchClose' | 'searchOnlyPerson' | 'nextHit' | 'prevHit' | 'clearSearch'
	| 'bookmark' | 'bookmarks' | 'bookmarksExport' | 'bookmarkDown' | 'bookmarkUp' | 'bookmarkJump' | 'bookmarkDelete' | 'bookmarkEdit' | 'noteType' | 'noteErase' | 'noteSave'
	| 'exportView' | 'play'
	| 'trendsAll' | 'trendsLeft' | 'trendsRight'
	| 'searchOnlyCall' | 'searchOrder' | 'bookmarkUndo'
	| 'count' | 'percent' | 'halfDown' | 'halfUp' | 'listPageDown' | 'listPageUp'
	| 'overlayFirst' | 'overlayLast' | 'overlayPageDown' | 'overlayPageUp'
	| 'listFilter' | 'listFilterType' | 'listFilterErase' | 'listFilterApply' | 'listFilterClear' | 'listFilterDown' | 'listFilterUp' | 'listFilterClose' | 'listOrder';

export interface Binding {
	command: Command;
	/** Key names (see key-reader.ts): `j`, `down`, `pagedown`, `space`, `shift+tab`, `ctrl+c`; `text` is any printable character. */
	keys: string[];
	/** How the keys read in help and the status bar. */
	label: string;
	help: string;
	/** The status bar's word for it, when help is too long. */
	short?: string;
	/** Where the binding applies; the first binding that applies wins. */
	when: (s: State) => boolean;
	/** Shown in the status bar for this state (the most useful few). */
	hint?: (s: State) => boolean;
	scope: 'Everywhere' | 'Call list' | 'Call filter' | 'Transcript' | 'Sidebar' | 'Search' | 'Bookmarks' | 'Note' | 'Speaker picker' | 'Trends' | 'Compare' | 'Help' | 'Terminal';
}

const reading = (s: State) => s.overlay === null;
const on = (pane: State['focus']) => (s: State) => s.overlay === null && s.focus === pane;
const scrolling = (s: State) => s.overlay === null;
const inTranscript = on('transcript');
const inSidebar = on('sidebar');
const drilled = (s: State) => s.overlay === null && s.drill !== null;
const overlay = (o: State['overlay']) => (s: State) => s.overlay === o;
const searching = (s: State) => s.overlay === null && s.search.query.trim() !== '';

export const KEYMAP: Binding[] = [
	{command: 'quit', keys: ['ctrl+c'], label: 'Ctrl+C', help: 'Quit', when: () => true, scope: 'Everywhere'},
	{command: 'suspend', keys: ['ctrl+z'], label: 'Ctrl+Z', help: 'Suspend to the shell (fg comes back)', when: () => true, scope: 'Terminal'},
	{command: 'closeOverlay', keys: ['escape', '?'], label: 'Esc ?', help: 'Close help', when: s => s.overlay === 'help', scope: 'Help', hint: s => s.overlay === 'help'},
	{command: 'helpDown', keys: ['down', 'j', 'space', 'pagedown'], label: '↓ j', help: 'Scroll the help down', short: 'more', when: s => s.overlay === 'help', scope: 'Help', hint: s => s.overlay === 'help'},
	{command: 'helpUp', keys: ['up', 'k', 'b', 'pageup'], label: '↑ k', help: 'Scroll the help up', when: s => s.overlay === 'help', scope: 'Help'},
	{command: 'pickerDown', keys: ['down'], label: '↓', help: 'Next person', when: s => s.overlay === 'picker', scope: 'Speaker picker', hint: s => s.overlay === 'picker'},
	{command: 'pickerUp', keys: ['up'], label: '↑', help: 'Previous person', when: s => s.overlay === 'picker', scope: 'Speaker picker', hint: s => s.overlay === 'picker'},
	{command: 'overlayPageDown', keys: ['pagedown'], label: 'PgDn', help: 'A page of people down', when: s => s.overlay === 'picker', scope: 'Speaker picker'},
	{command: 'overlayPageUp', keys: ['pageup'], label: 'PgUp', help: 'A page of people up', when: s => s.overlay === 'picker', scope: 'Speaker picker'},
	{command: 'pickerApply', keys: ['return'], label: 'Enter', help: 'Show only this person', short: 'choose', when: s => s.overlay === 'picker', scope: 'Speaker picker', hint: s => s.overlay === 'picker'},
	{command: 'closeOverlay', keys: ['escape'], label: 'Esc', help: 'Cancel', when: s => s.overlay === 'picker', scope: 'Speaker picker', hint: s => s.overlay === 'picker'},
	// The picker's query is edited here, not by the text field's own listener:
	// Ink attaches a component's listener only after the frame that mounts it,
	// and letters typed in that gap were lost (seen under load).
	{command: 'pickerType', keys: ['text', 'space'], label: 'letters', help: 'Type a name or firm', when: s => s.overlay === 'picker', scope: 'Speaker picker'},
	{command: 'pickerErase', keys: ['backspace'], label: 'Backspace', help: 'Erase a letter', when: s => s.overlay === 'picker', scope: 'Speaker picker'},
	// On the search line, letters are the query: only keys that type nothing act.
	{command: 'searchJump', keys: ['return'], label: 'Enter', help: 'Show the hit in its call', short: 'show', when: overlay('search'), scope: 'Search', hint: overlay('search')},
	{command: 'searchDown', keys: ['down'], label: '↓', help: 'Next hit', when: overlay('search'), scope: 'Search', hint: overlay('search')},
	{command: 'searchUp', keys: ['up'], label: '↑', help: 'Previous hit', when: overlay('search'), scope: 'Search'},
	{command: 'overlayPageDown', keys: ['pagedown'], label: 'PgDn', help: 'A page of hits down', when: overlay('search'), scope: 'Search'},
	{command: 'overlayPageUp', keys: ['pageup'], label: 'PgUp', help: 'A page of hits up', when: overlay('search'), scope: 'Search'},
	{command: 'overlayFirst', keys: ['home'], label: 'Home', help: 'First hit', when: overlay('search'), scope: 'Search'},
	{command: 'overlayLast', keys: ['end'], label: 'End', help: 'Last hit', when: overlay('search'), scope: 'Search'},
	{command: 'searchOnlyPerson', keys: ['tab'], label: 'Tab', help: 'Only the filtered speaker, or everyone', short: 'only them', when: overlay('search'), scope: 'Search', hint: s => s.overlay === 'search' && s.filter !== null},
	{command: 'searchOrder', keys: ['ctrl+r'], label: 'Ctrl+R', help: 'Newest first, or oldest first', short: 'order', when: overlay('search'), scope: 'Search', hint: overlay('search')},
	{command: 'searchOnlyCall', keys: ['ctrl+o'], label: 'Ctrl+O', help: 'Only the open call, or all calls', short: 'this call', when: overlay('search'), scope: 'Search', hint: overlay('search')},
	{command: 'searchClose', keys: ['escape'], label: 'Esc', help: 'Close the line; the hits stay marked', short: 'close', when: overlay('search'), scope: 'Search', hint: overlay('search')},
	{command: 'searchType', keys: ['text', 'space'], label: 'letters', help: 'Words, "a phrase", -word, speaker:, call:', when: overlay('search'), scope: 'Search'},
	{command: 'searchErase', keys: ['backspace'], label: 'Backspace', help: 'Erase a letter', when: overlay('search'), scope: 'Search'},
	// The call list's filter line: letters narrow the list as they are typed.
	{command: 'listFilterApply', keys: ['return'], label: 'Enter', help: 'Open the call under the cursor', short: 'open', when: overlay('filter'), scope: 'Call filter', hint: overlay('filter')},
	{command: 'listFilterDown', keys: ['down'], label: '↓', help: 'Next match', when: overlay('filter'), scope: 'Call filter'},
	{command: 'overlayPageDown', keys: ['pagedown'], label: 'PgDn', help: 'A page of matches down', when: overlay('filter'), scope: 'Call filter'},
	{command: 'overlayPageUp', keys: ['pageup'], label: 'PgUp', help: 'A page of matches up', when: overlay('filter'), scope: 'Call filter'},
	{command: 'listFilterUp', keys: ['up'], label: '↑', help: 'Previous match', when: overlay('filter'), scope: 'Call filter'},
	{command: 'listFilterClose', keys: ['tab'], label: 'Tab', help: 'Keep the filter, back to the list', short: 'keep', when: overlay('filter'), scope: 'Call filter', hint: overlay('filter')},
	{command: 'listFilterClear', keys: ['escape'], label: 'Esc', help: 'Clear the filter', short: 'clear', when: overlay('filter'), scope: 'Call filter', hint: overlay('filter')},
	{command: 'listFilterType', keys: ['text', 'space'], label: 'letters', help: 'Company, ticker, quarter (aapl 2019q2)', when: overlay('filter'), scope: 'Call filter'},
	{command: 'listFilterErase', keys: ['backspace'], label: 'Backspace', help: 'Erase a letter', when: overlay('filter'), scope: 'Call filter'},
	{command: 'noteSave', keys: ['return'], label: 'Enter', help: 'Keep the bookmark and its note', short: 'keep', when: overlay('note'), scope: 'Note', hint: overlay('note')},
	{command: 'closeOverlay', keys: ['escape'], label: 'Esc', help: 'Cancel', when: overlay('note'), scope: 'Note', hint: overlay('note')},
	{command: 'noteType', keys: ['text', 'space'], label: 'letters', help: 'Type the note (it may stay empty)', when: overlay('note'), scope: 'Note'},
	{command: 'noteErase', keys: ['backspace'], label: 'Backspace', help: 'Erase a letter', when: overlay('note'), scope: 'Note'},
	{command: 'bookmarkJump', keys: ['return'], label: 'Enter', help: 'Go to the bookmarked turn', short: 'go', when: overlay('bookmarks'), scope: 'Bookmarks', hint: overlay('bookmarks')},
	{command: 'bookmarkDown', keys: ['down', 'j'], label: '↓ j', help: 'Next bookmark', when: overlay('bookmarks'), scope: 'Bookmarks'},
	{command: 'bookmarkUp', keys: ['up', 'k'], label: '↑ k', help: 'Previous bookmark', when: overlay('bookmarks'), scope: 'Bookmarks'},
	{command: 'overlayFirst', keys: ['g', 'home'], label: 'g', help: 'First bookmark', when: overlay('bookmarks'), scope: 'Bookmarks'},
	{command: 'overlayLast', keys: ['G', 'end'], label: 'G', help: 'Last bookmark', when: overlay('bookmarks'), scope: 'Bookmarks'},
	{command: 'overlayPageDown', keys: ['pagedown', 'space', 'ctrl+d'], label: 'PgDn', help: 'A page down', when: overlay('bookmarks'), scope: 'Bookmarks'},
	{command: 'overlayPageUp', keys: ['pageup', 'b', 'ctrl+u'], label: 'PgUp', help: 'A page up', when: overlay('bookmarks'), scope: 'Bookmarks'},
	{command: 'bookmarkEdit', keys: ['e'], label: 'e', help: 'Edit the note', short: 'edit note', when: overlay('bookmarks'), scope: 'Bookmarks', hint: overlay('bookmarks')},
	{command: 'bookmarkDelete', keys: ['d'], label: 'd', help: 'Delete the bookmark', short: 'delete', when: overlay('bookmarks'), scope: 'Bookmarks', hint: overlay('bookmarks')},
	{command: 'bookmarkUndo', keys: ['u'], label: 'u', help: 'Bring back the bookmark last deleted', short: 'undo', when: overlay('bookmarks'), scope: 'Bookmarks'},
	{command: 'bookmarksExport', keys: ['E'], label: 'E', help: 'Write them out as Markdown', short: 'write out', when: overlay('bookmarks'), scope: 'Bookmarks'},
	{command: 'closeOverlay', keys: ['escape', "'"], label: "Esc '", help: 'Close the list', short: 'close', when: overlay('bookmarks'), scope: 'Bookmarks', hint: overlay('bookmarks')},
	{command: 'compareDown', keys: ['down', 'j'], label: '↓ j', help: 'Next call', when: overlay('compare'), scope: 'Compare', hint: overlay('compare')},
	{command: 'compareUp', keys: ['up', 'k'], label: '↑ k', help: 'Previous call', when: overlay('compare'), scope: 'Compare', hint: overlay('compare')},
	{command: 'overlayFirst', keys: ['g', 'home'], label: 'g', help: 'First call', when: overlay('compare'), scope: 'Compare'},
	{command: 'overlayLast', keys: ['G', 'end'], label: 'G', help: 'Last call', when: overlay('compare'), scope: 'Compare'},
	{command: 'overlayPageDown', keys: ['pagedown', 'space', 'ctrl+d'], label: 'PgDn', help: 'A page down', when: overlay('compare'), scope: 'Compare'},
	{command: 'overlayPageUp', keys: ['pageup', 'b', 'ctrl+u'], label: 'PgUp', help: 'A page up', when: overlay('compare'), scope: 'Compare'},
	{command: 'compareApply', keys: ['return'], label: 'Enter', help: 'Compare with this call', short: 'choose', when: overlay('compare'), scope: 'Compare', hint: overlay('compare')},
	{command: 'closeOverlay', keys: ['escape', 'c'], label: 'Esc c', help: 'Cancel', when: overlay('compare'), scope: 'Compare', hint: overlay('compare')},
	// In the trends view, letters chart a term, so only Esc closes it.
	{command: 'closeOverlay', keys: ['escape'], label: 'Esc', help: 'Close the trends', short: 'close', when: overlay('trends'), scope: 'Trends', hint: overlay('trends')},
	{command: 'trendsAll', keys: ['tab'], label: 'Tab', help: 'The company’s calls, or every call loaded', short: 'all calls', when: overlay('trends'), scope: 'Trends', hint: overlay('trends')},
	{command: 'trendsLeft', keys: ['left'], label: '←', help: 'Earlier calls (when not all fit)', when: overlay('trends'), scope: 'Trends'},
	{command: 'trendsRight', keys: ['right'], label: '→', help: 'Later calls', when: overlay('trends'), scope: 'Trends'},
	{command: 'trendsType', keys: ['text', 'space'], label: 'letters', help: 'Type a term to chart', short: 'chart a term', when: overlay('trends'), scope: 'Trends', hint: overlay('trends')},
	{command: 'trendsErase', keys: ['backspace'], label: 'Backspace', help: 'Erase a letter', when: overlay('trends'), scope: 'Trends'},
	// q quits wherever letters are not being typed (the lists and the help too).
	{command: 'quit', keys: ['q'], label: 'q', help: 'Quit (where no line takes letters)', short: 'quit', when: s => reading(s) || s.overlay === 'help' || s.overlay === 'compare' || s.overlay === 'bookmarks', scope: 'Everywhere', hint: reading},
	{command: 'help', keys: ['?'], label: '?', help: 'Help: all keys', short: 'help', when: reading, scope: 'Everywhere', hint: reading},
	{command: 'focusNext', keys: ['tab'], label: 'Tab', help: 'Next pane', short: 'pane', when: reading, scope: 'Everywhere', hint: reading},
	{command: 'focusPrev', keys: ['shift+tab'], label: 'Shift+Tab', help: 'Previous pane', when: reading, scope: 'Everywhere'},
	{command: 'open', keys: ['return'], label: 'Enter', help: 'Open the call', short: 'open', when: on('calls'), scope: 'Call list', hint: on('calls')},
	{command: 'listFilter', keys: ['f'], label: 'f', help: 'Filter the calls as you type (any pane)', short: 'filter', when: reading, scope: 'Call list', hint: on('calls')},
	{command: 'listFilterClear', keys: ['escape'], label: 'Esc', help: 'Clear the filter', short: 'clear filter', when: s => on('calls')(s) && s.listFilter !== '', scope: 'Call list', hint: s => on('calls')(s) && s.listFilter !== ''},
	{command: 'listOrder', keys: ['o'], label: 'o', help: 'Calls grouped by company, or all by date', short: 'order', when: on('calls'), scope: 'Call list', hint: on('calls')},
	{command: 'drill', keys: ['return'], label: 'Enter', help: 'Show the words behind the number', short: 'show why', when: inSidebar, scope: 'Sidebar', hint: inSidebar},
	{command: 'closeDrill', keys: ['escape'], label: 'Esc', help: 'Back from the words behind a number', short: 'back', when: drilled, scope: 'Transcript', hint: drilled},
	{command: 'down', keys: ['down', 'j'], label: '↓ j', help: 'Down a line (sidebar: next number)', short: 'down', when: scrolling, scope: 'Everywhere', hint: scrolling},
	{command: 'up', keys: ['up', 'k'], label: '↑ k', help: 'Up a line (sidebar: previous number)', short: 'up', when: scrolling, scope: 'Everywhere', hint: scrolling},
	{command: 'pageDown', keys: ['space', 'pagedown'], label: 'Space PgDn', help: 'Page down', when: inTranscript, scope: 'Transcript', hint: inTranscript},
	{command: 'pageUp', keys: ['b', 'pageup'], label: 'b PgUp', help: 'Page up', when: inTranscript, scope: 'Transcript'},
	{command: 'listPageDown', keys: ['space', 'pagedown'], label: 'Space PgDn', help: 'A page of calls down', when: on('calls'), scope: 'Call list'},
	{command: 'listPageUp', keys: ['b', 'pageup'], label: 'b PgUp', help: 'A page of calls up', when: on('calls'), scope: 'Call list'},
	{command: 'top', keys: ['g', 'home'], label: 'g', help: 'Top', when: scrolling, scope: 'Everywhere'},
	{command: 'bottom', keys: ['G', 'end'], label: 'G', help: 'Bottom', when: scrolling, scope: 'Everywhere'},
	{command: 'nextQuestion', keys: [']'], label: ']', help: 'Next question', short: 'question', when: inTranscript, scope: 'Transcript', hint: inTranscript},
	{command: 'prevQuestion', keys: ['['], label: '[', help: 'Previous question', when: inTranscript, scope: 'Transcript'},
	{command: 'halfDown', keys: ['ctrl+d'], label: 'Ctrl+D', help: 'Half a page down (the list too)', when: s => inTranscript(s) || on('calls')(s), scope: 'Transcript'},
	{command: 'halfUp', keys: ['ctrl+u'], label: 'Ctrl+U', help: 'Half a page up', when: s => inTranscript(s) || on('calls')(s), scope: 'Transcript'},
	{command: 'nextCall', keys: ['}'], label: '}', help: 'Next call of the company', when: reading, scope: 'Everywhere'},
	{command: 'prevCall', keys: ['{'], label: '{', help: 'Previous call of the company', when: reading, scope: 'Everywhere'},
	// As in less and vim: a number before a motion repeats it (5j, 3]); before % it is where to go (50%).
	{command: 'count', keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'], label: '0-9', help: 'A count before a motion: 5j, 3], 2}', when: reading, scope: 'Everywhere'},
	{command: 'percent', keys: ['%'], label: '%', help: 'After a number, that far in: 50%', when: reading, scope: 'Everywhere'},
	{command: 'picker', keys: ['s'], label: 's', help: 'Pick a speaker: show only their turns', short: 'speaker', when: reading, scope: 'Everywhere', hint: reading},
	{command: 'answers', keys: ['a'], label: 'a', help: 'Answers mode (analysts: their questions)', short: 'answers', when: reading, scope: 'Everywhere', hint: s => reading(s) && s.filter !== null},
	{command: 'clearFilter', keys: ['x'], label: 'x', help: 'Clear the speaker filter', short: 'clear', when: reading, scope: 'Everywhere', hint: s => reading(s) && s.filter !== null},
	{command: 'sidebar', keys: ['i'], label: 'i', help: 'Show or hide the metrics sidebar', when: reading, scope: 'Everywhere'},
	{command: 'trends', keys: ['t'], label: 't', help: 'Trends: each metric across the calls', short: 'trends', when: reading, scope: 'Everywhere', hint: inSidebar},
	{command: 'compare', keys: ['c'], label: 'c', help: 'Compare the open call with another', short: 'compare', when: reading, scope: 'Everywhere', hint: inSidebar},
	{command: 'search', keys: ['/'], label: '/', help: 'Search all calls', short: 'search', when: reading, scope: 'Everywhere', hint: s => reading(s) && !searching(s)},
	{command: 'nextHit', keys: ['n'], label: 'n', help: 'Next search hit, across calls', short: 'next hit', when: reading, scope: 'Everywhere', hint: searching},
	{command: 'prevHit', keys: ['N'], label: 'N', help: 'Previous search hit', short: 'previous hit', when: reading, scope: 'Everywhere', hint: searching},
	{command: 'clearSearch', keys: ['u'], label: 'u', help: 'Clear the search and its highlights', short: 'clear search', when: reading, scope: 'Everywhere', hint: searching},
	{command: 'bookmark', keys: ['m'], label: 'm', help: 'Bookmark the turn at the top, with a note', short: 'bookmark', when: reading, scope: 'Everywhere', hint: inTranscript},
	{command: 'bookmarks', keys: ["'"], label: "'", help: 'Bookmarks: go to, edit, delete', short: 'bookmarks', when: reading, scope: 'Everywhere'},
	{command: 'play', keys: ['P'], label: 'P', help: 'Play the recording from here', short: 'play', when: reading, scope: 'Everywhere'},
	{command: 'exportView', keys: ['E'], label: 'E', help: 'Write this view out as Markdown', short: 'export', when: reading, scope: 'Everywhere'},
];

/** A single printable character (what `text` in a binding stands for); key names are never text. */
export const isText = (name: string) => isPrintable(name);

export function resolve(name: string, state: State): Command | null {
	return KEYMAP.find(b => (b.keys.includes(name) || (isText(name) && b.keys.includes('text'))) && b.when(state))?.command ?? null;
}

export const hints = (state: State) => KEYMAP.filter(b => b.hint?.(state));

/** Help order: scopes in this order, bindings in table order within each. */
export const SCOPES: Binding['scope'][] = ['Everywhere', 'Transcript', 'Call list', 'Sidebar', 'Search', 'Call filter', 'Bookmarks', 'Note', 'Speaker picker', 'Trends', 'Compare', 'Help', 'Terminal'];
