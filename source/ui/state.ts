// The one reducer: everything that more than one pane cares about — open call,
// focus, scroll per call, speaker filter, overlays. Pure; actions that depend
// on the layout (how far a page is, where the last line is) carry the numbers.
import type {Bookmark} from '../model/documents/bookmarks.js';
import type {MetricId} from '../model/metrics/drill.js';
import type {ListOrder} from '../model/store/call-list.js';
import type {Place} from './layout/lines.js';

export type Pane = 'calls' | 'transcript' | 'sidebar';
export const PANES: Pane[] = ['calls', 'transcript', 'sidebar'];

export interface Filter {
	/** Person id, the same in every call. */
	person: string;
	answers: boolean;
}

/** A sidebar number opened in the transcript: the turns or sentences behind it. */
export interface DrillState {
	metric: MetricId;
	/** Index of the speaker in the open call whose part it is, or null for the whole call. */
	speaker: number | null;
	/** The call it was opened in: moving to another call closes it. */
	call: number;
}

/** The search: the query stays active (hits highlighted, n and N) after its line closes, until cleared. */
export interface SearchState {
	/** As typed; empty is no search. */
	query: string;
	/** Selected row of the results while the line is open; the hit last shown after. */
	cursor: number;
	/** Only the filtered person's sentences (Tab on the search line, with a speaker filter). */
	onlyPerson: boolean;
	/** Only the open call (Ctrl+O on the search line). */
	onlyCall: boolean;
	/** Whether hit `cursor` has been shown in the transcript (n then goes on from it). */
	shown: boolean;
	/** The results' order by date (Ctrl+R flips it). */
	order: 'newest' | 'oldest';
	/** End was pressed while hits were still being read: the cursor stays on the last as more come. */
	followEnd: boolean;
	/** n or N met the end of the hits read while more remain: every hit is read now (n / N step in reading order, across all). */
	readAll: boolean;
}

/** The note line of a bookmark: of the turn `turn` of call `call`; `index` is the bookmark whose note is edited, null for a new one. */
export interface NoteState {
	text: string;
	call: string;
	turn: number;
	index: number | null;
}

export interface State {
	callCount: number;
	/** Index of the open call (date order). */
	open: number;
	/** Highlighted row in the call list. */
	cursor: number;
	focus: Pane;
	/** Where each view of each call is read (see scrollKey): a place in the text, so that a resize keeps the words at the top. */
	scroll: Record<string, Place>;
	filter: Filter | null;
	sidebar: boolean;
	/** `filter`: the call list's filter line is open (the list keeps its pane). */
	overlay: 'help' | 'picker' | 'trends' | 'compare' | 'search' | 'bookmarks' | 'note' | 'filter' | null;
	/** The call list: grouped by company, or all calls by date. */
	listOrder: ListOrder;
	/** The call list's filter as typed (`aapl 2019q2`); empty is none. */
	listFilter: string;
	picker: {query: string; cursor: number};
	/** First line of the help shown (it scrolls in a small window). */
	helpScroll: number;
	/** Selected row among the sidebar's numbers (when it has focus). */
	sideCursor: number;
	drill: DrillState | null;
	/** The term charted in the trends view. */
	trendTerm: string;
	/** The trends across every loaded call, not only the open company's. */
	trendsAll: boolean;
	/** The first column shown when the trends scroll sideways; null follows the open call. */
	trendsColumn: number | null;
	/** Call (id) shown beside the open one in the sidebar, and the chooser's row. */
	compare: string | null;
	compareCursor: number;
	search: SearchState;
	bookmarks: Bookmark[];
	/** Selected row of the bookmark list. */
	bookmarkCursor: number;
	note: NoteState | null;
	/** One-line message for the status bar (settings moved aside, …). */
	notice: string | null;
}

export type Action =
	| {type: 'focus'; pane: Pane}
	| {type: 'focusStep'; by: 1 | -1}
	| {type: 'cursor'; by: number}
	| {type: 'cursorTo'; index: number}
	| {type: 'open'; index: number}
	/** `anchor`: the place of `line` in the text, kept instead of the line number when given. */
	| {type: 'scrollTo'; key: string; line: number; max: number; anchor?: Place}
	| {type: 'overlay'; overlay: State['overlay']}
	| {type: 'pickerQuery'; query: string}
	| {type: 'pickerCursor'; by: number; count: number}
	| {type: 'filter'; filter: Filter | null}
	| {type: 'toggleAnswers'}
	| {type: 'toggleSidebar'}
	| {type: 'notice'; text: string | null}
	| {type: 'sideCursor'; by: number; count: number}
	| {type: 'helpScroll'; by: number; max: number}
	| {type: 'drill'; drill: DrillState | null}
	| {type: 'trendTerm'; term: string}
	| {type: 'trendsAll'}
	| {type: 'trendsColumn'; column: number | null}
	| {type: 'compareCursor'; by: number; count: number}
	| {type: 'compare'; call: string | null}
	| {type: 'restore'; saved: Partial<Saved>}
	| {type: 'searchQuery'; query: string}
	| {type: 'searchCursor'; index: number; shown: boolean; followEnd?: boolean}
	| {type: 'searchOrder'}
	| {type: 'searchReadAll'}
	| {type: 'searchOnlyPerson'}
	| {type: 'searchOnlyCall'}
	| {type: 'bookmarks'; bookmarks: Bookmark[]}
	| {type: 'bookmarkCursor'; by: number}
	| {type: 'note'; note: NoteState | null}
	/** `cursor`: the call the list's cursor goes to (the first the filter shows), worked out by the caller. */
	| {type: 'listFilter'; text: string; cursor: number | null}
	| {type: 'listOrder'; order: ListOrder};

/** What is kept across restarts. */
export interface Saved {
	open: number;
	scroll: Record<string, Place>;
	filter: Filter | null;
	sidebar: boolean;
	bookmarks: Bookmark[];
}

export function initialState(callCount: number, saved: Partial<Saved> = {}): State {
	return restore(
		{
			callCount,
			open: callCount - 1,
			cursor: callCount - 1,
			focus: 'calls',
			scroll: {},
			filter: null,
			sidebar: true,
			overlay: null,
			listOrder: 'company',
			listFilter: '',
			picker: {query: '', cursor: 0},
			helpScroll: 0,
			sideCursor: 0,
			drill: null,
			trendTerm: '',
			trendsAll: false,
			trendsColumn: null,
			compare: null,
			compareCursor: 0,
			search: {query: '', cursor: 0, onlyPerson: false, onlyCall: false, shown: false, order: 'newest', followEnd: false, readAll: false},
			bookmarks: [],
			bookmarkCursor: 0,
			note: null,
			notice: null,
		},
		saved,
	);
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

function restore(state: State, saved: Partial<Saved>): State {
	const open = Number.isInteger(saved.open) ? clamp(saved.open!, 0, Math.max(0, state.callCount - 1)) : state.open;
	return {
		...state,
		open,
		cursor: open,
		scroll: saved.scroll && typeof saved.scroll === 'object' ? {...saved.scroll} : state.scroll,
		filter: saved.filter && typeof saved.filter.person === 'string' ? {person: saved.filter.person, answers: Boolean(saved.filter.answers)} : state.filter,
		sidebar: typeof saved.sidebar === 'boolean' ? saved.sidebar : state.sidebar,
		bookmarks: Array.isArray(saved.bookmarks) ? saved.bookmarks : state.bookmarks,
	};
}

export const savedPart = (s: State): Saved => ({open: s.open, scroll: s.scroll, filter: s.filter, sidebar: s.sidebar, bookmarks: s.bookmarks});

/** Scroll is kept per call and per view: Musk's answers have their own position. */
export const scrollKey = (callId: string, filter: Filter | null) =>
	filter ? `${callId}|${filter.person}|${filter.answers ? 'a' : 't'}` : callId;

export function reducer(state: State, action: Action): State {
	switch (action.type) {
		case 'focus':
			return {...state, focus: action.pane};
		case 'focusStep': {
			const panes = state.sidebar ? PANES : PANES.filter(p => p !== 'sidebar');
			const i = panes.indexOf(state.focus);
			return {...state, focus: panes[(i + action.by + panes.length) % panes.length]!};
		}
		case 'cursor':
			return {...state, cursor: clamp(state.cursor + action.by, 0, state.callCount - 1)};
		case 'cursorTo':
			return {...state, cursor: clamp(action.index, 0, state.callCount - 1)};
		case 'open': {
			const open = clamp(action.index, 0, state.callCount - 1);
			return {...state, open, cursor: open, drill: open === state.open ? state.drill : null};
		}
		case 'scrollTo':
			return {...state, scroll: {...state.scroll, [action.key]: action.anchor ?? clamp(action.line, 0, Math.max(0, action.max))}};
		case 'overlay':
			return {
				...state,
				overlay: action.overlay,
				picker: action.overlay === 'picker' ? {query: '', cursor: 0} : state.picker,
				compareCursor: action.overlay === 'compare' ? 0 : state.compareCursor,
				trendsColumn: action.overlay === 'trends' ? null : state.trendsColumn,
				helpScroll: action.overlay === 'help' ? 0 : state.helpScroll,
				bookmarkCursor: action.overlay === 'bookmarks' ? clamp(state.bookmarkCursor, 0, Math.max(0, state.bookmarks.length - 1)) : state.bookmarkCursor,
				note: action.overlay === 'note' ? state.note : null,
			};
		case 'pickerQuery':
			return {...state, picker: {query: action.query, cursor: 0}};
		case 'pickerCursor':
			return {...state, picker: {...state.picker, cursor: clamp(state.picker.cursor + action.by, 0, Math.max(0, action.count - 1))}};
		case 'filter':
			return {...state, filter: action.filter, overlay: null, drill: null, sideCursor: 0};
		case 'toggleAnswers':
			return state.filter ? {...state, filter: {...state.filter, answers: !state.filter.answers}} : state;
		case 'toggleSidebar': {
			const sidebar = !state.sidebar;
			return {...state, sidebar, focus: !sidebar && state.focus === 'sidebar' ? 'transcript' : state.focus};
		}
		case 'notice':
			return {...state, notice: action.text};
		case 'sideCursor':
			return {...state, sideCursor: clamp(state.sideCursor + action.by, 0, Math.max(0, action.count - 1))};
		case 'helpScroll':
			return {...state, helpScroll: clamp(state.helpScroll + action.by, 0, action.max)};
		case 'drill':
			return {...state, drill: action.drill, focus: action.drill ? 'transcript' : state.drill ? 'sidebar' : state.focus};
		case 'trendTerm':
			return {...state, trendTerm: action.term};
		case 'trendsAll':
			return {...state, trendsAll: !state.trendsAll, trendsColumn: null};
		case 'trendsColumn':
			return {...state, trendsColumn: action.column === null ? null : Math.max(0, action.column)};
		case 'compareCursor':
			return {...state, compareCursor: clamp(state.compareCursor + action.by, 0, Math.max(0, action.count - 1))};
		case 'compare':
			return {...state, compare: action.call, overlay: null, sideCursor: 0};
		case 'restore':
			return restore(state, action.saved);
		case 'searchQuery':
			return {...state, search: {...state.search, query: action.query, cursor: 0, shown: false, followEnd: false, readAll: false}};
		case 'searchCursor':
			return {...state, search: {...state.search, cursor: Math.max(0, action.index), shown: action.shown, followEnd: action.followEnd ?? false}};
		case 'searchReadAll':
			return state.search.readAll ? state : {...state, search: {...state.search, readAll: true}};
		case 'searchOrder':
			return {...state, search: {...state.search, order: state.search.order === 'newest' ? 'oldest' : 'newest', cursor: 0, shown: false, followEnd: false}};
		case 'searchOnlyPerson':
			return {...state, search: {...state.search, onlyPerson: !state.search.onlyPerson, cursor: 0, shown: false}};
		case 'searchOnlyCall':
			return {...state, search: {...state.search, onlyCall: !state.search.onlyCall, cursor: 0, shown: false}};
		case 'bookmarks':
			return {...state, bookmarks: action.bookmarks, bookmarkCursor: clamp(state.bookmarkCursor, 0, Math.max(0, action.bookmarks.length - 1))};
		case 'bookmarkCursor':
			return {...state, bookmarkCursor: clamp(state.bookmarkCursor + action.by, 0, Math.max(0, state.bookmarks.length - 1))};
		case 'note':
			return {...state, note: action.note, overlay: action.note ? 'note' : state.overlay === 'note' ? null : state.overlay};
		case 'listFilter':
			return {...state, listFilter: action.text, cursor: action.cursor === null ? state.cursor : clamp(action.cursor, 0, state.callCount - 1)};
		case 'listOrder':
			return {...state, listOrder: action.order};
	}
}
