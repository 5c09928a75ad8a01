// The reader: one reducer, one keymap, size read once here and passed down.
import {Box, Text, useApp} from 'ink';
import {useCallback, useMemo, useRef, useState} from 'react';
import {readBookmarks} from '../model/documents/bookmarks.js';
import type {Store} from '../model/store/store.js';
import {BookmarkList} from './overlays/BookmarkList.js';
import {NoteEditor} from './overlays/NoteEditor.js';
import {findAndKeep} from './input/find-and-keep.js';
import {readingCommands} from './input/reading-commands.js';
import {SearchResults} from './overlays/SearchResults.js';
import {CallList} from './panes/CallList.js';
import {callListView, callName, companyName, manyCompanies} from '../model/store/call-list.js';
import {Header} from './panes/Header.js';
import {HelpOverlay} from './overlays/HelpOverlay.js';
import {resolve, type Command} from './input/keymap.js';
import {useKeys} from './input/use-keys.js';
import {drillFor, layoutAnalyst, layoutCall, layoutDrill, lineAt, type Layout} from './layout/lines.js';
import {cleanLine} from '../model/input/sanitize.js';
import {metricScope} from '../model/store/scope.js';
import {ComparePicker} from './overlays/ComparePicker.js';
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

	const pending: {percent?: number} = {};
	const run = readingCommands({store, latest, dispatch, derive, keep, sideFor, settings, save, exit, suspend: props.suspend, cols, notLoaded, pending});

	// A count typed before a motion (5j, 3], 50%), as in less and vim.
	const count = useRef(0);
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
