// The reader's commands other than find and keep (find-and-keep.ts): moving,
// paging, the call list and its filter, the speaker filter and answers mode
// (keeping the place), the sidebar's drill-down, help, trends, compare, play,
// suspend and quit. A command of the keymap each; App hands in the store, the
// latest state, dispatch and what a state derives to.
import type {Command} from './keymap.js';
import type {Action, State} from '../state.js';
import type {Store} from '../../model/store/store.js';
import type {Settings} from '../settings/settings.js';
import type {Latest, SaveNow} from '../hooks/use-settings.js';
import type {Group} from '../overlays/HelpOverlay.js';
import type {Geometry} from '../layout/geometry.js';
import type {SideLine} from '../layout/sidebar-lines.js';
import type {Derived, findAndKeep} from './find-and-keep.js';
import {anchorAt} from '../layout/lines.js';
import {callListView, companyName, stepInCompany, stepInView} from '../../model/store/call-list.js';
import {metricScope} from '../../model/store/scope.js';
import {drillable} from '../panes/Sidebar.js';
import {playRecording} from '../terminal/play-recording.js';
import {compareChoices} from '../overlays/ComparePicker.js';
import {pickerCandidates} from '../overlays/picker.js';
import {helpLayout} from '../overlays/HelpOverlay.js';
import {firstColumn, trendsColumns} from '../overlays/Trends.js';

export interface ReadingContext {
	store: Store;
	latest: Latest;
	dispatch: (action: Action) => void;
	derive: (s: State) => Derived;
	keep: ReturnType<typeof findAndKeep>;
	sideFor: (s: State, g: Geometry) => SideLine[];
	settings: Settings;
	save: SaveNow;
	exit: () => void;
	suspend?: (notStopped: () => void) => void;
	cols: number;
	notLoaded: Group[];
	/** A count typed before `%`, set by the key handler for the command it runs. */
	pending: {percent?: number};
}

export function readingCommands({store, latest, dispatch, derive, keep, sideFor, settings, save, exit, suspend, cols, notLoaded, pending}: ReadingContext) {
	const hitsOf = keep.hitsOf;
	return (command: Command, s: State, name: string) => {
	const {call, layout, key, maxScroll, top, g} = derive(s);
	const scrollTo = (line: number) => {
		const to = Math.max(0, Math.min(line, maxScroll));
		dispatch({type: 'scrollTo', key, line: to, max: maxScroll, anchor: anchorAt(layout, to)});
	};
	/**
	 * Another view of the call (a filter set or cleared, answers mode): the
	 * words now at the top are where the new view opens, if it holds them.
	 */
	const keepPlace = (change: () => void) => {
		const place = anchorAt(layout, top);
		change();
		let d = derive(latest.current);
		if (d.key === key || typeof place === 'number') return;
		if (d.analyst && place.call === undefined) {
			// Into an analyst's questions across calls: at the open call's, the first at or after the place read.
			const open = latest.current.open;
			const lines = d.layout.lines;
			let line = lines.findIndex(l => l.call === open && l.kind === 'heading' && l.turn >= place.turn);
			if (line < 0) line = lines.findIndex(l => l.call === open);
			if (line < 0) line = lines.findIndex(l => (l.call ?? 0) > open);
			if (line < 0) line = Math.max(0, lines.length - 1);
			// The call's divider stays in view above its first question.
			if (lines[line - 2]?.kind === 'divider') line -= 2;
			const to = Math.min(line, d.maxScroll);
			return dispatch({type: 'scrollTo', key: d.key, line: to, max: d.maxScroll, anchor: anchorAt(d.layout, to)});
		}
		if (!d.analyst && place.call !== undefined) {
			// Out of them: in the call being read there, at that place.
			const {call: where, ...rest} = place;
			if (where !== latest.current.open) dispatch({type: 'open', index: where});
			d = derive(latest.current);
			return dispatch({type: 'scrollTo', key: d.key, line: 0, max: d.maxScroll, anchor: rest});
		}
		dispatch({type: 'scrollTo', key: d.key, line: 0, max: d.maxScroll, anchor: place});
	};
	const list = s.focus === 'calls';
	const view = callListView(store.calls, s.listOrder, s.listFilter);
	const moveInList = (by: number) => {
		const to = stepInView(view, s.cursor, by);
		if (to !== null) dispatch({type: 'cursorTo', index: to});
	};
	/** The filter as typed: the list's cursor on its first match. */
	const typeFilter = (text: string) => dispatch({type: 'listFilter', text, cursor: callListView(store.calls, s.listOrder, text).order[0] ?? null});
	/** The call under the list's cursor, if the list shows it; else the list's first. */
	const underCursor = () => (view.position.has(s.cursor) ? s.cursor : view.order[0]);
	if (s.focus === 'sidebar' && (command === 'down' || command === 'up' || command === 'top' || command === 'bottom')) {
		const count = drillable(sideFor(s, g)).length;
		const by = command === 'down' ? 1 : command === 'up' ? -1 : command === 'top' ? -count : count;
		return dispatch({type: 'sideCursor', by, count});
	}
	if (keep.run(command, s, name)) return;
	switch (command) {
		case 'play': {
			// From the paragraph at the top of the transcript.
			const place = anchorAt(layout, top);
			const turn = typeof place === 'number' ? 0 : place.turn;
			const paragraph = typeof place === 'number' ? 0 : place.paragraph;
			return dispatch({type: 'notice', text: playRecording(call, turn, paragraph)});
		}
		case 'suspend':
			// The terminal's job control (run.tsx): the screen given back, the place saved first.
			save(s);
			settings.flush();
			if (!suspend) return dispatch({type: 'notice', text: 'Ctrl+Z: not in a terminal that can suspend.'});
			return suspend(() => dispatch({type: 'notice', text: 'Ctrl+Z: no job control here (started without a shell’s); the reader goes on.'}));
		case 'quit':
			save(s);
			settings.flush();
			exit();
			return;
		case 'help':
			return dispatch({type: 'overlay', overlay: 'help'});
		case 'closeOverlay':
			// A note opened from the bookmarks goes back to them.
			return dispatch({type: 'overlay', overlay: s.overlay === 'note' && s.note?.index != null ? 'bookmarks' : null});
		case 'focusNext':
			return dispatch({type: 'focusStep', by: 1});
		case 'focusPrev':
			return dispatch({type: 'focusStep', by: -1});
		case 'down':
			return list ? moveInList(1) : scrollTo(top + 1);
		case 'up':
			return list ? moveInList(-1) : scrollTo(top - 1);
		case 'pageDown':
			return scrollTo(top + Math.max(1, g.textRows - 1));
		case 'pageUp':
			return scrollTo(top - Math.max(1, g.textRows - 1));
		case 'top':
			return list ? moveInList(-view.order.length) : scrollTo(0);
		case 'bottom':
			return list ? moveInList(view.order.length) : scrollTo(maxScroll);
		case 'open':
		case 'listFilterApply': {
			const chosen = underCursor();
			if (chosen === undefined) return dispatch({type: 'notice', text: `No call matches “${s.listFilter.trim()}”. Esc clears the filter.`});
			if (command === 'listFilterApply') dispatch({type: 'overlay', overlay: null});
			dispatch({type: 'open', index: chosen});
			return dispatch({type: 'focus', pane: 'transcript'});
		}
		case 'listFilter':
			// A fresh filter each time, from whichever pane: the list takes the keys.
			dispatch({type: 'listFilter', text: '', cursor: null});
			dispatch({type: 'focus', pane: 'calls'});
			return dispatch({type: 'overlay', overlay: 'filter'});
		case 'listFilterType':
			return typeFilter(s.listFilter + (name === 'space' ? ' ' : name));
		case 'listFilterErase':
			return typeFilter([...s.listFilter].slice(0, -1).join(''));
		case 'listFilterClear':
			// The cursor stays on the call it was on, now among all the calls.
			dispatch({type: 'listFilter', text: '', cursor: null});
			return dispatch({type: 'overlay', overlay: null});
		case 'listFilterClose':
			return dispatch({type: 'overlay', overlay: null});
		case 'halfDown':
		case 'halfUp': {
			const by = command === 'halfDown' ? 1 : -1;
			// The list: half of the calls it shows (two lines a call).
			return list ? moveInList(by * Math.max(1, Math.floor(g.bodyHeight / 4))) : scrollTo(top + by * Math.max(1, Math.floor(g.textRows / 2)));
		}
		case 'listPageDown':
		case 'listPageUp':
			return moveInList((command === 'listPageDown' ? 1 : -1) * Math.max(1, Math.floor((g.bodyHeight - 3) / 2) - 1));
		case 'overlayFirst':
		case 'overlayLast':
		case 'overlayPageDown':
		case 'overlayPageUp': {
			const page = Math.max(1, g.bodyHeight - 6);
			const by = command === 'overlayFirst' ? -1e6 : command === 'overlayLast' ? 1e6 : command === 'overlayPageDown' ? page : -page;
			if (s.overlay === 'bookmarks') return dispatch({type: 'bookmarkCursor', by});
			if (s.overlay === 'compare') return dispatch({type: 'compareCursor', by, count: compareChoices(store.calls, call).length});
			if (s.overlay === 'picker') return dispatch({type: 'pickerCursor', by, count: pickerCandidates(store, call, s.picker.query).length});
			if (s.overlay === 'filter') return moveInList(Math.round(by / 2));
			if (s.overlay === 'search') {
				const set = keep.hitsOf(s);
				const count = set.hits.length;
				// End while hits are still being read: the cursor follows the last as more come.
				return count && dispatch({type: 'searchCursor', index: Math.max(0, Math.min(count - 1, s.search.cursor + by)), shown: false, followEnd: command === 'overlayLast' && set.more});
			}
			return;
		}
		case 'percent': {
			const n = Math.min(100, pending.percent ?? -1);
			if (n < 0) return dispatch({type: 'notice', text: 'A number first: 50% goes half-way (g is the top).'});
			if (list) return view.order.length ? dispatch({type: 'cursorTo', index: view.order[Math.round((n / 100) * (view.order.length - 1))]!}) : undefined;
			return scrollTo(Math.round((n / 100) * maxScroll));
		}
		case 'listFilterDown':
			return moveInList(1);
		case 'listFilterUp':
			return moveInList(-1);
		case 'listOrder': {
			const order = s.listOrder === 'company' ? 'date' : 'company';
			dispatch({type: 'listOrder', order});
			return view.many ? dispatch({type: 'notice', text: order === 'date' ? 'All calls by date; o groups them by company.' : 'Calls by company, newest first; o lists all by date.'}) : undefined;
		}
		case 'nextQuestion': {
			const next = layout.questions.find(q => q > top);
			return next === undefined ? dispatch({type: 'notice', text: 'No more questions in this view.'}) : scrollTo(next);
		}
		case 'prevQuestion': {
			const previous = [...layout.questions].reverse().find(q => q < top);
			return scrollTo(previous ?? 0);
		}
		case 'nextCall':
		case 'prevCall': {
			// Within the open call's company: Apple's next call, never Cisco's of the next day.
			const by = command === 'nextCall' ? 1 : -1;
			const to = stepInCompany(store.calls, s.open, by);
			if (to === null) return dispatch({type: 'notice', text: `No ${by > 0 ? 'later' : 'earlier'} ${companyName(call)} call. ${by > 0 ? '{' : '}'} goes back; f in the call list finds another company.`});
			return dispatch({type: 'open', index: to});
		}
		case 'picker':
			return dispatch({type: 'overlay', overlay: 'picker'});
		case 'pickerDown':
		case 'pickerUp': {
			const count = pickerCandidates(store, call, s.picker.query).length;
			return dispatch({type: 'pickerCursor', by: command === 'pickerDown' ? 1 : -1, count});
		}
		case 'pickerType':
			return dispatch({type: 'pickerQuery', query: s.picker.query + (name === 'space' ? ' ' : name)});
		case 'pickerErase':
			return dispatch({type: 'pickerQuery', query: [...s.picker.query].slice(0, -1).join('')});
		case 'pickerApply': {
			const chosen = pickerCandidates(store, call, s.picker.query)[s.picker.cursor];
			if (!chosen) return;
			// Another person starts in the whole transcript: a mode carried over from the last would make their first `a` undo it.
			keepPlace(() => dispatch({type: 'filter', filter: {person: chosen.person.id, answers: false}}));
			return dispatch({type: 'focus', pane: 'transcript'});
		}
		case 'answers':
			return s.filter ? keepPlace(() => dispatch({type: 'toggleAnswers'})) : dispatch({type: 'notice', text: 'Pick a speaker first: press s.'});
		case 'clearFilter':
			return keepPlace(() => dispatch({type: 'filter', filter: null}));
		case 'sidebar':
			return dispatch({type: 'toggleSidebar'});
		case 'drill': {
			const lines = sideFor(s, g);
			const line = lines[drillable(lines)[s.sideCursor] ?? -1];
			if (line?.hits) {
				const first = hitsOf(s).hits.findIndex(h => h.call === store.calls[line.call!]!.id);
				return first >= 0 ? keep.showHit(first) : dispatch({type: 'notice', text: `No hits in ${store.calls[line.call!]!.meta.quarter ?? 'that call'}.`});
			}
			if (!line?.metric) return;
			const where = line.call ?? s.open;
			if (where !== s.open) dispatch({type: 'open', index: where});
			return dispatch({type: 'drill', drill: {metric: line.metric, speaker: line.speaker ?? null, call: where}});
		}
		case 'helpDown':
		case 'helpUp':
			return dispatch({type: 'helpScroll', by: command === 'helpDown' ? 1 : -1, max: helpLayout(cols, g.bodyHeight, notLoaded).maxScroll});
		case 'closeDrill':
			return dispatch({type: 'drill', drill: null});
		case 'trends':
			return dispatch({type: 'overlay', overlay: 'trends'});
		case 'trendsType':
			return dispatch({type: 'trendTerm', term: s.trendTerm + (name === 'space' ? ' ' : name)});
		case 'trendsErase':
			return dispatch({type: 'trendTerm', term: [...s.trendTerm].slice(0, -1).join('')});
		case 'trendsAll':
			return dispatch({type: 'trendsAll'});
		case 'trendsLeft':
		case 'trendsRight': {
			const calls = (s.trendsAll ? store : metricScope(store, call)).calls;
			const {shown} = trendsColumns(cols, calls.length);
			const from = firstColumn(calls.length, shown, calls.indexOf(call), s.trendsColumn);
			// A page of columns at a time, less one, so that a column stays to read across.
			const by = Math.max(1, shown - 1) * (command === 'trendsLeft' ? -1 : 1);
			return dispatch({type: 'trendsColumn', column: Math.min(Math.max(0, calls.length - shown), Math.max(0, from + by))});
		}
		case 'compare': {
			dispatch({type: 'overlay', overlay: 'compare'});
			// The cursor starts on the company's call before the open one: the comparison most made.
			const choices = compareChoices(store.calls, call);
			const before = stepInCompany(store.calls, s.open, -1);
			const at = before === null ? -1 : choices.indexOf(store.calls[before]!);
			return at > 0 ? dispatch({type: 'compareCursor', by: at, count: choices.length}) : undefined;
		}
		case 'compareDown':
		case 'compareUp':
			return dispatch({type: 'compareCursor', by: command === 'compareDown' ? 1 : -1, count: compareChoices(store.calls, call).length});
		case 'compareApply':
			return dispatch({type: 'compare', call: compareChoices(store.calls, call)[s.compareCursor]?.id ?? null});
	}
	};
}
