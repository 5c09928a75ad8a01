// The reader: one reducer, one keymap, size read once here and passed down.
import {Box, Text, useApp} from 'ink';
import {useCallback, useMemo, useRef, useState} from 'react';
import {readBookmarks} from '../model/documents/bookmarks.js';
import type {Store} from '../model/store/store.js';
import {BookmarkList} from './overlays/BookmarkList.js';
import {NoteEditor} from './overlays/NoteEditor.js';
import {findAndKeep} from './input/find-and-keep.js';
import {SearchResults} from './overlays/SearchResults.js';
import {CallList} from './panes/CallList.js';
import {callListView, callName, companyName, manyCompanies, stepInCompany, stepInView} from '../model/store/call-list.js';
import {Header} from './panes/Header.js';
import {HelpOverlay, helpLayout} from './overlays/HelpOverlay.js';
import {resolve, type Command} from './input/keymap.js';
import {useKeys} from './input/use-keys.js';
import {playRecording} from './terminal/play-recording.js';
import {anchorAt, drillFor, layoutAnalyst, layoutCall, layoutDrill, lineAt, type Layout} from './layout/lines.js';
import {cleanLine} from '../model/input/sanitize.js';
import {metricScope} from '../model/store/scope.js';
import {ComparePicker, compareChoices} from './overlays/ComparePicker.js';
import {drillable} from './panes/Sidebar.js';
import {firstColumn, Trends, trendsColumns} from './overlays/Trends.js';
import {useTrends} from './hooks/use-trends.js';
import type {Call} from '../model/types.js';

/**
 * The trends' column heads. One company: its quarters. Across companies,
 * whose fiscal quarters differ, the month of each call (the columns' date
 * order made visible), then the ticker and the company's own quarter.
 */
function trendHeads(calls: readonly Call[]): {quarters: string[]; companies?: string[]} {
	if (!manyCompanies(calls)) return {quarters: calls.map(c => c.meta.quarter ?? c.id)};
	const month = (c: Call) => {
		const m = /^\d{4}-\d{2}/.exec(c.meta.date ?? '');
		return m ? m[0] : (c.meta.quarter ?? 'undated');
	};
	return {quarters: calls.map(month), companies: calls.map(c => `${c.meta.ticker ?? c.meta.company ?? '?'} ${c.meta.quarter?.slice(0, 2) ?? ''}`.trim())};
}
import {pickerCandidates} from './overlays/picker.js';
import {markdownFolder, type Settings} from './settings/settings.js';
import {useBookmarks} from './hooks/use-bookmarks.js';
import {useLibrary} from './hooks/use-library.js';
import {useReport} from './hooks/use-report.js';
import {useSearch} from './hooks/use-search.js';
import {useSettings} from './hooks/use-settings.js';
import {useSize} from './hooks/use-size.js';
import {geometry, MIN_COLS, MIN_ROWS, type Geometry} from './layout/geometry.js';
import {Sidebar} from './panes/Sidebar.js';
import {searchTrendLines, sidebarLines} from './layout/sidebar-lines.js';
import {SpeakerPicker} from './overlays/SpeakerPicker.js';
import {initialState, reducer, scrollKey, type Action, type State} from './state.js';
import {StatusBar} from './panes/StatusBar.js';
import {Transcript} from './panes/Transcript.js';

/**
 * Who is speaking at the top of the pane, when the top line is inside a turn
 * whose heading has scrolled away: `Elon Reeve Musk, answering Adam Jonas`
 * (in the Q&A, whose question it answers). Null at a heading.
 */
function speakingAt(open: Call, layout: Layout, top: number, calls: readonly Call[]): string | null {
	const line = layout.lines[top];
	const call = line?.call !== undefined ? calls[line.call]! : open;
	if (!line || line.kind === 'heading' || line.kind === 'context-heading' || line.kind === 'divider') return null;
	// A blank line ends a turn: the heading after it is about to show.
	if (line.kind === 'blank' && layout.lines[top + 1]?.turn !== line.turn) return null;
	const turn = call.turns[line.turn];
	if (!turn) return null;
	const name = turn.speaker === null ? 'Unattributed' : call.speakers[turn.speaker]!.name;
	if (line.kind === 'context') return `${name} (the question)`;
	const asked = turn.answers === null ? null : call.turns[turn.answers];
	const asker = asked && asked.speaker !== null ? call.speakers[asked.speaker]!.name : null;
	return asker ? `${name}, answering ${asker}` : name;
}

/** The motions a count repeats (5j, 3], 2}). */
const REPEATABLE = new Set<Command>(['down', 'up', 'pageDown', 'pageUp', 'halfDown', 'halfUp', 'listPageDown', 'listPageUp', 'nextQuestion', 'prevQuestion', 'nextCall', 'prevCall', 'nextHit', 'prevHit', 'bookmarkDown', 'bookmarkUp', 'compareDown', 'compareUp']);

/** `exportDir`: where E writes (the Markdown folder of the settings, unless a test says otherwise). */
export function App(props: {store: Store; settings: Settings; cols?: number; rows?: number; exportDir?: string; indexing?: string | null; notice?: string | null; suspend?: (notStopped: () => void) => void}) {
	const {store, settings} = props;
	const {exit} = useApp();
	const {cols, rows} = useSize(props.cols, props.rows);
	const [state, setState] = useState(() => {
		const saved = settings.initial;
		const open = store.calls.findIndex(c => c.id === saved.call);
		return initialState(store.calls.length, {...saved, open: open >= 0 ? open : undefined, bookmarks: readBookmarks(saved.bookmarks)});
	});
	// Keys can arrive faster than React renders (key repeat, Tab then ]): each is
	// resolved against the latest state, kept here, not the last rendered one.
	const latest = useRef(state);
	/** When the last key came: background work waits while keys keep coming. */
	const lastKey = useRef(0);
	const dispatch = useCallback((action: Action) => {
		latest.current = reducer(latest.current, action);
		setState(latest.current);
	}, []);

	// Effects by concern (hooks/): each gets what it needs, nothing more.
	const save = useSettings(settings, store, state);
	const unsaved = useBookmarks(settings, state, latest, dispatch, save);
	const notLoaded = useLibrary(store, props.notice, dispatch);
	const ready = useReport(store, settings, latest, lastKey, dispatch);
	useSearch(store, state, latest, lastKey, dispatch);

	/** Everything the view and the commands derive from a state. */
	const derive = (s: State) => {
		const call = store.calls[s.open]!;
		const person = s.filter ? store.person(s.filter.person) : undefined;
		const speaker = person ? store.speakerIndex(call, person.id) : null;
		const g = geometry(cols, rows, s.sidebar);
		const width = Math.max(10, g.textWidth);
		const drill = s.drill && s.drill.call === s.open ? drillFor(call, s.drill.metric, s.drill.speaker) : null;
		// A call that cannot be laid out (too large for this machine, a bug) is said so; the reader goes on.
		let layout: Layout;
		let broken: string | null = null;
		// An analyst in answers mode: their questions, with the replies, across every call they ask in.
		const analyst = !drill && Boolean(s.filter?.answers) && person?.role === 'analyst';
		try {
			layout = drill ? layoutDrill(call, drill, width) : analyst ? layoutAnalyst(store, person!.id, width) : layoutCall(call, speaker !== null && speaker >= 0 ? speaker : null, Boolean(s.filter?.answers), width);
		} catch (error) {
			layout = {lines: [], questions: []};
			broken = cleanLine((error as Error)?.message ?? String(error));
		}
		const key = drill ? `${call.id}|drill|${s.drill!.metric}|${s.drill!.speaker}` : analyst ? `analyst|${person!.id}` : scrollKey(call.id, s.filter);
		const maxScroll = Math.max(0, layout.lines.length - g.textRows);
		const top = Math.min(lineAt(layout, s.scroll[key]), maxScroll);
		return {call, person, speaker, g, layout, key, maxScroll, top, drill, broken, analyst};
	};
	const deleted = useRef<{bookmark: State['bookmarks'][number]; index: number} | null>(null);
	// Read once: the settings file is not read again at every frame.
	const exportDir = useMemo(() => props.exportDir ?? markdownFolder(), [props.exportDir]);
	const keep = findAndKeep({store, latest, dispatch, derive, exportDir, deleted});
	const hitsOf = keep.hitsOf;
	const sideFor = (s: State, g: Geometry) => {
		if (!s.sidebar) return [];
		const set = hitsOf(s);
		const trend = set.query ? searchTrendLines(store, set.query, set.perCall, g.sideWidth - 2) : [];
		const lines = sidebarLines({
			store: metricScope(store, store.calls[s.open]!),
			library: store,
			call: store.calls[s.open]!,
			filter: s.filter,
			compare: s.compare ? (store.call(s.compare) ?? null) : null,
			ready,
			width: g.sideWidth - 2,
		});
		return trend.length ? [...trend, ...lines] : lines;
	};
	const {call, person, speaker, g, layout, top, drill, broken, analyst} = derive(state);
	const absent = person && speaker === -1;
	const candidates = useMemo(
		() => (state.overlay === 'picker' ? pickerCandidates(store, call, state.picker.query) : []),
		[state.overlay, state.picker.query, call, store],
	);
	const sideLines = sideFor(state, g);
	// The open company's calls; Tab widens to every call loaded.
	const trendScope = state.trendsAll ? store : metricScope(store, call);
	const trendOpen = trendScope.calls.indexOf(call);
	const trendWindow = (() => {
		const {shown} = trendsColumns(cols, trendScope.calls.length);
		const from = firstColumn(trendScope.calls.length, shown, trendOpen, state.trendsColumn);
		return Array.from({length: Math.min(shown, trendScope.calls.length - from)}, (_, k) => from + k);
	})();
	const trends = useTrends(state.overlay === 'trends' ? trendScope : null, state.filter?.person ?? null, state.trendTerm, trendWindow, trendOpen, lastKey);

	const run = (command: Command, s: State, name: string) => {
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
				if (!props.suspend) return dispatch({type: 'notice', text: 'Ctrl+Z: not in a terminal that can suspend.'});
				return props.suspend(() => dispatch({type: 'notice', text: 'Ctrl+Z: no job control here (started without a shell’s); the reader goes on.'}));
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

	// A count typed before a motion (5j, 3], 50%), as in less and vim.
	const count = useRef(0);
	const pending: {percent?: number} = {};
	useKeys(name => {
		lastKey.current = Date.now();
		const s = latest.current;
		const command = resolve(name, s);
		if (!command) return;
		if (s.notice) dispatch({type: 'notice', text: null});
		if (command === 'count') {
			if (name === '0' && count.current === 0) return;
			count.current = Math.min(99_999, count.current * 10 + Number(name));
			return dispatch({type: 'notice', text: `${count.current} — then a motion: j k Space ] [ } { n N, or %`});
		}
		const times = count.current;
		count.current = 0;
		if (command === 'percent') {
			pending.percent = times > 0 ? times : undefined;
			return run(command, latest.current, name);
		}
		const repeat = REPEATABLE.has(command) ? Math.max(1, times) : 1;
		for (let i = 0; i < repeat; i++) run(command, latest.current, name);
	});

	if (cols < MIN_COLS || rows < MIN_ROWS) {
		return (
			<Box width={Math.max(1, cols)} height={Math.max(1, rows - 1)}>
				<Text wrap="wrap">{`Enlarge the window: earnings-reader needs ${MIN_COLS}x${MIN_ROWS}, this one is ${cols}x${rows}. q quits.`}</Text>
			</Box>
		);
	}

	const quarter = call.meta.quarter ?? call.id;
	// A drill's title whole, with as much of `· Esc returns` as the pane has room for (80x24 has ~30 columns).
	const titleRoom = g.mainWidth - 2 - 6;
	const base = drill
		? [`${drill.title} · ${drill.count} · Esc returns`, `${drill.title} · ${drill.count}`].find(t => t.length <= titleRoom) ?? drill.title
		: person && analyst
			? `${person.name} · questions, replies beneath`
			: person
			? `${person.name}${state.filter?.answers ? ' · answers' : ''}`
			: quarter;
	// Across calls, the line's own call is named with its speaker.
	const atCall = analyst ? layout.lines[top]?.call : undefined;
	const speaking = drill ? null : speakingAt(call, layout, top, store.calls);
	const who = atCall !== undefined && speaking ? `${callName(store.calls, store.calls[atCall]!)} · ${speaking}` : speaking;
	const title = who ? `${base} · ${who}` : base;
	const message = broken
		? `This call cannot be shown (${broken}). } and { move to another call.`
		: drill
		? drill.items.length === 0
			? `Nothing behind this number in ${quarter}. Esc returns.`
			: null
		: analyst && layout.lines.length === 0
		? `${person!.name} asks no question in the calls loaded. a shows all their turns.`
		: absent && !analyst
		? `${person!.name} does not speak in ${quarter}. } and { move to another call (they speak in ${person!.calls.map(id => store.call(id)?.meta.quarter ?? id).join(', ')}); x clears the filter.`
		: layout.lines.length === 0
			? `${person?.name ?? 'This view'} has no answers in the Q&A of ${quarter}. a shows all their turns.`
			: null;
	const overlayHeight = g.bodyHeight;
	const hits = hitsOf(state);
	const searchOpen = state.overlay === 'search';
	const only = state.search.onlyPerson && person ? person.name : null;
	return (
		<Box flexDirection="column" width={cols} height={rows - 1}>
			<Header call={call} width={cols} callCount={store.calls.length} />
			{state.overlay === 'help' ? (
				<HelpOverlay width={cols} height={overlayHeight} scroll={state.helpScroll} extra={notLoaded} />
			) : state.overlay === 'trends' ? (
				<Trends
					rows={trends.rows}
					{...trendHeads(trendScope.calls)}
					scope={`${trendScope === store && manyCompanies(store.calls) ? `all ${store.calls.length.toLocaleString('en-US')} calls (Tab: ${companyName(call)}’s)` : `${companyName(call)}’s ${trendScope.calls.length} calls${manyCompanies(store.calls) ? ' (Tab: all)' : ''}`}${trends.done < trends.total ? ` · measuring ${trends.done.toLocaleString('en-US')}/${trends.total.toLocaleString('en-US')}` : ''}`}
					open={trendOpen}
					column={state.trendsColumn}
					term={state.trendTerm}
					who={person?.name ?? null}
					width={cols}
					height={overlayHeight}
				/>
			) : state.overlay === 'compare' ? (
				<ComparePicker calls={store.calls} open={call} cursor={state.compareCursor} current={state.compare} width={cols} height={overlayHeight} />
			) : state.overlay === 'bookmarks' ? (
				<BookmarkList store={store} bookmarks={state.bookmarks} cursor={state.bookmarkCursor} unsaved={unsaved} width={cols} height={overlayHeight} />
			) : state.overlay === 'note' ? (
				<NoteEditor store={store} note={state.note} width={cols} height={overlayHeight} />
			) : state.overlay === 'picker' ? (
				<SpeakerPicker
					query={state.picker.query}
					candidates={candidates}
					cursor={state.picker.cursor}
					callLabel={quarter}
					width={cols}
					height={overlayHeight}
				/>
			) : (
				<Box flexDirection="row" height={g.bodyHeight}>
					<CallList
						calls={store.calls}
						view={callListView(store.calls, state.listOrder, state.listFilter)}
						filter={state.listFilter}
						open={state.open}
						cursor={state.cursor}
						focused={state.focus === 'calls' && !searchOpen}
						width={g.listWidth}
						height={g.bodyHeight}
						hits={hits.query ? hits.perCall : undefined}
					/>
					{searchOpen ? (
						<SearchResults store={store} query={state.search.query} hits={hits.hits} more={hits.more} order={state.search.order} cursor={state.search.cursor} only={only} width={g.mainWidth} height={g.bodyHeight} />
					) : (
						<Transcript
							title={title}
							layout={layout}
							scroll={top}
							message={message}
							focused={state.focus === 'transcript'}
							width={g.mainWidth}
							height={g.bodyHeight}
							hits={hits.query && !drill && !analyst ? hits.marks(call.id) : undefined}
						/>
					)}
					{state.sidebar ? (
						<Sidebar lines={sideLines} cursor={state.sideCursor} focused={state.focus === 'sidebar'} width={g.sideWidth} height={g.bodyHeight} />
					) : null}
				</Box>
			)}
			<StatusBar
				state={state}
				filterLabel={
					[
						person ? `Filter: ${person.name}${state.filter?.answers ? ' (answers)' : ''}` : '',
						state.compare && state.compare !== call.id ? `vs ${store.call(state.compare) ? callName(store.calls, store.call(state.compare)!) : state.compare}` : '',
						hits.query && !searchOpen ? `/${hits.query.trim()} ${hits.hits.length ? `${keep.ordinal(state) ?? '-'}/${hits.hits.length}${hits.more ? '+' : ''}` : 'no hits'}` : '',
						props.indexing ?? '',
					]
						.filter(Boolean)
						.join(' · ') || null
				}
				width={cols}
				progress={props.indexing ?? null}
				input={searchOpen ? state.search.query : state.overlay === 'filter' ? state.listFilter : undefined}
				prompt={state.overlay === 'filter' ? 'Filter calls: ' : '/'}
			/>
		</Box>
	);
}
