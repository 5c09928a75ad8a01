// The reader: one reducer, one keymap, size read once here and passed down.
import {Box, Text, useApp, useInput, useStdout} from 'ink';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import type {Store} from '../model/store.js';
import {CallList} from './CallList.js';
import {Header} from './Header.js';
import {HelpOverlay} from './HelpOverlay.js';
import {keyNames, resolve, type Command} from './keymap.js';
import {layoutCall} from './lines.js';
import {pickerCandidates} from './picker.js';
import type {SavedSettings, Settings} from './settings.js';
import {Sidebar} from './Sidebar.js';
import {sidebarLines} from './sidebar-lines.js';
import {SpeakerPicker} from './SpeakerPicker.js';
import {initialState, reducer, scrollKey, type Action, type State} from './state.js';
import {StatusBar} from './StatusBar.js';
import {Transcript} from './Transcript.js';

export const MIN_COLS = 60;
export const MIN_ROWS = 16;

/** Terminal size: fixed when given (tests), else the terminal's, live on resize. */
function useSize(cols?: number, rows?: number) {
	const {stdout} = useStdout();
	const read = () => ({cols: cols ?? stdout.columns ?? 80, rows: rows ?? stdout.rows ?? 24});
	const [size, setSize] = useState(read);
	useEffect(() => {
		if (cols !== undefined && rows !== undefined) return;
		const onResize = () => setSize(read());
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, cols, rows]);
	return size;
}

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

function toSaved(state: State, store: Store): SavedSettings {
	return {call: store.calls[state.open]?.id, scroll: state.scroll, filter: state.filter, sidebar: state.sidebar};
}

export function App(props: {store: Store; settings: Settings; cols?: number; rows?: number}) {
	const {store, settings} = props;
	const {exit} = useApp();
	const {cols, rows} = useSize(props.cols, props.rows);
	const [state, setState] = useState(() => {
		const saved = settings.initial;
		const open = store.calls.findIndex(c => c.id === saved.call);
		return initialState(store.calls.length, {...saved, open: open >= 0 ? open : undefined});
	});
	// Keys can arrive faster than React renders (key repeat, Tab then ]): each is
	// resolved against the latest state, kept here, not the last rendered one.
	const latest = useRef(state);
	const dispatch = useCallback((action: Action) => {
		latest.current = reducer(latest.current, action);
		setState(latest.current);
	}, []);

	// After the first frame: import conf and check the settings file.
	useEffect(() => {
		let live = true;
		settings.start().then(notice => live && notice && dispatch({type: 'notice', text: notice}), () => {});
		return () => {
			live = false;
		};
	}, [settings]);
	const firstSave = useRef(true);
	useEffect(() => {
		if (firstSave.current) {
			firstSave.current = false;
			return;
		}
		settings.save(toSaved(state, store));
	}, [state.open, state.scroll, state.filter, state.sidebar]);

	/** Everything the view and the commands derive from a state. */
	const derive = (s: State) => {
		const call = store.calls[s.open]!;
		const person = s.filter ? store.person(s.filter.person) : undefined;
		const speaker = person ? store.speakerIndex(call, person.id) : null;
		const g = geometry(cols, rows, s.sidebar);
		const layout = layoutCall(call, speaker !== null && speaker >= 0 ? speaker : null, Boolean(s.filter?.answers), Math.max(10, g.textWidth));
		const key = scrollKey(call.id, s.filter);
		const maxScroll = Math.max(0, layout.lines.length - g.textRows);
		const top = Math.min(s.scroll[key] ?? 0, maxScroll);
		return {call, person, speaker, g, layout, key, maxScroll, top};
	};
	const {call, person, speaker, g, layout, top} = derive(state);
	const absent = person && speaker === -1;
	const candidates = useMemo(
		() => (state.overlay === 'picker' ? pickerCandidates(store, call, state.picker.query) : []),
		[state.overlay, state.picker.query, call, store],
	);
	const sideLines = useMemo(
		() => (state.sidebar ? sidebarLines(store, call, state.filter, g.sideWidth - 2) : []),
		[store, call, state.filter, state.sidebar, g.sideWidth],
	);

	const run = (command: Command, s: State, name: string) => {
		const {call, layout, key, maxScroll, top, g} = derive(s);
		const scrollTo = (line: number) => dispatch({type: 'scrollTo', key, line, max: maxScroll});
		const list = s.focus === 'calls';
		switch (command) {
			case 'quit':
				settings.save(toSaved(s, store));
				settings.flush();
				exit();
				return;
			case 'help':
				return dispatch({type: 'overlay', overlay: 'help'});
			case 'closeOverlay':
				return dispatch({type: 'overlay', overlay: null});
			case 'focusNext':
				return dispatch({type: 'focusStep', by: 1});
			case 'focusPrev':
				return dispatch({type: 'focusStep', by: -1});
			case 'down':
				return list ? dispatch({type: 'cursor', by: 1}) : scrollTo(top + 1);
			case 'up':
				return list ? dispatch({type: 'cursor', by: -1}) : scrollTo(top - 1);
			case 'pageDown':
				return scrollTo(top + Math.max(1, g.textRows - 1));
			case 'pageUp':
				return scrollTo(top - Math.max(1, g.textRows - 1));
			case 'top':
				return list ? dispatch({type: 'cursorTo', index: 0}) : scrollTo(0);
			case 'bottom':
				return list ? dispatch({type: 'cursorTo', index: store.calls.length - 1}) : scrollTo(maxScroll);
			case 'open':
				dispatch({type: 'open', index: s.cursor});
				return dispatch({type: 'focus', pane: 'transcript'});
			case 'nextQuestion': {
				const next = layout.questions.find(q => q > top);
				return next === undefined ? dispatch({type: 'notice', text: 'No more questions in this view.'}) : scrollTo(next);
			}
			case 'prevQuestion': {
				const previous = [...layout.questions].reverse().find(q => q < top);
				return scrollTo(previous ?? 0);
			}
			case 'nextCall':
				return dispatch({type: 'open', index: s.open + 1});
			case 'prevCall':
				return dispatch({type: 'open', index: s.open - 1});
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
				dispatch({type: 'filter', filter: {person: chosen.person.id, answers: s.filter?.answers ?? false}});
				return dispatch({type: 'focus', pane: 'transcript'});
			}
			case 'answers':
				return s.filter ? dispatch({type: 'toggleAnswers'}) : dispatch({type: 'notice', text: 'Pick a speaker first: press s.'});
			case 'clearFilter':
				return dispatch({type: 'filter', filter: null});
			case 'sidebar':
				return dispatch({type: 'toggleSidebar'});
		}
	};

	useInput((input, k) => {
		for (const name of keyNames(input, k)) {
			const s = latest.current;
			const command = resolve(name, s);
			if (!command) continue;
			if (s.notice) dispatch({type: 'notice', text: null});
			run(command, latest.current, name);
		}
	});

	if (cols < MIN_COLS || rows < MIN_ROWS) {
		return (
			<Box width={Math.max(1, cols)} height={Math.max(1, rows - 1)}>
				<Text wrap="wrap">{`Enlarge the window: earnings-reader needs ${MIN_COLS}x${MIN_ROWS}, this one is ${cols}x${rows}. q quits.`}</Text>
			</Box>
		);
	}

	const quarter = call.meta.quarter ?? call.id;
	const title = person ? `${person.name}${state.filter?.answers ? ' · answers' : ''}` : quarter;
	const message = absent
		? `${person!.name} does not speak in ${quarter}. } and { move to another call (they speak in ${person!.calls.map(id => store.call(id)?.meta.quarter ?? id).join(', ')}); x clears the filter.`
		: layout.lines.length === 0
			? `${person?.name ?? 'This view'} has no answers in the Q&A of ${quarter}. a shows all their turns.`
			: null;
	const overlayHeight = g.bodyHeight;
	const side = sideLines;
	return (
		<Box flexDirection="column" width={cols} height={rows - 1}>
			<Header call={call} width={cols} callCount={store.calls.length} />
			{state.overlay === 'help' ? (
				<HelpOverlay width={cols} height={overlayHeight} />
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
					<CallList calls={store.calls} open={state.open} cursor={state.cursor} focused={state.focus === 'calls'} width={g.listWidth} height={g.bodyHeight} />
					<Transcript title={title} layout={layout} scroll={top} message={message} focused={state.focus === 'transcript'} width={g.mainWidth} height={g.bodyHeight} />
					{state.sidebar ? (
						<Sidebar lines={side} focused={state.focus === 'sidebar'} width={g.sideWidth} height={g.bodyHeight} />
					) : null}
				</Box>
			)}
			<StatusBar state={state} filterLabel={person ? `${person.name}${state.filter?.answers ? ' (answers)' : ''}` : null} width={cols} />
		</Box>
	);
}
