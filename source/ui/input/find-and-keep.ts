// Find and keep, in the reader: the search (/, n, N, u), bookmarks (m, ', and
// their notes) and E. Commands of the keymap like the rest; App hands them
// the store, the latest state, dispatch, and what a state derives to.
import {makeBookmark, resolveBookmark} from '../../model/documents/bookmarks.js';
import {fullCallName} from '../../model/store/call-list.js';
import {bookmarksDocument, searchDocument, viewDocument} from '../../model/documents/documents.js';
import type {Store} from '../../model/store/store.js';
import type {Geometry} from '../layout/geometry.js';
import {writeNewFile} from '../terminal/export-file.js';
import {cleanLine} from '../../model/input/sanitize.js';
import type {Command} from './keymap.js';
import {anchorAt, lineOf, type Layout} from '../layout/lines.js';
import {hitSet} from '../hooks/search-hits.js';
import {searchPersonOf, searchText} from '../hooks/use-search.js';
import type {Action, State} from '../state.js';

/** What App derives from a state (the parts these commands use). */
export interface Derived {
	call: Store['calls'][number];
	person: ReturnType<Store['person']>;
	speaker: number | null;
	g: Geometry;
	layout: Layout;
	key: string;
	maxScroll: number;
	top: number;
	/** The view is an analyst's questions across calls. */
	analyst: boolean;
}

export interface Context {
	store: Store;
	/** The state after every action so far (keys can outrun renders). */
	latest: {current: State};
	dispatch: (action: Action) => void;
	derive: (s: State) => Derived;
	/** Where E writes. */
	exportDir: string;
	/** The last bookmark deleted and where it was, for u (kept across renders by App). */
	deleted: {current: {bookmark: State['bookmarks'][number]; index: number} | null};
}

const COMMANDS = new Set<Command>([
	'searchOrder', 'searchOnlyCall', 'bookmarkUndo',
	'search', 'searchType', 'searchErase', 'searchDown', 'searchUp', 'searchJump', 'searchClose', 'searchOnlyPerson', 'nextHit', 'prevHit', 'clearSearch',
	'bookmark', 'bookmarksExport', 'noteType', 'noteErase', 'noteSave', 'bookmarks', 'bookmarkDown', 'bookmarkUp', 'bookmarkJump', 'bookmarkDelete', 'bookmarkEdit', 'exportView',
]);

// A call's place by a map, made once per store: the status line counts the hit shown among thousands, at every frame.
const callIndexes = new WeakMap<Store, Map<string, number>>();
function indexOfCalls(store: Store): Map<string, number> {
	let map = callIndexes.get(store);
	if (!map) callIndexes.set(store, (map = new Map(store.calls.map((c, i) => [c.id, i]))));
	return map;
}

export function findAndKeep({store, latest, dispatch, derive, exportDir, deleted}: Context) {
	// Only the open call: the query's own call: field, so that the search's every reader (counts, marks, n / N) agrees.
	const hitsOf = (s: State) => hitSet(store, searchText(store, s), searchPersonOf(s), s.search.order);
	/** A hit's place in reading order: call, turn, paragraph, offset. */
	const callIndex = indexOfCalls(store);
	const placeOf = (h: {call: string; turn: number; paragraph: number; start: number}) => [callIndex.get(h.call) ?? -1, h.turn, h.paragraph, h.start];
	const before = (a: number[], b: number[]) => {
		for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
		return false;
	};
	/** Opens hit `index` of the search in its call, its line near the top; a filter that hides it gives way. */
	const showHit = (index: number) => {
		const set = hitsOf(latest.current);
		const hit = set.hits[index];
		if (!hit) return;
		if (latest.current.overlay) dispatch({type: 'overlay', overlay: null});
		const target = store.calls.findIndex(c => c.id === hit.call);
		if (target !== latest.current.open) dispatch({type: 'open', index: target});
		if (latest.current.drill) dispatch({type: 'drill', drill: null});
		const at = hit.marks[0]?.[0] ?? hit.start;
		let d = derive(latest.current);
		let line = lineOf(d.layout, hit.turn, hit.paragraph, at, target);
		if (line < 0 && latest.current.filter?.answers && d.speaker === hit.speaker) {
			dispatch({type: 'toggleAnswers'});
			dispatch({type: 'notice', text: `Answers mode off: this hit is not in an answer.`});
			d = derive(latest.current);
			line = lineOf(d.layout, hit.turn, hit.paragraph, at, target);
		}
		if (line < 0 && latest.current.filter) {
			dispatch({type: 'notice', text: `Filter cleared: this hit is not ${d.person?.name ?? 'the filtered person'}'s.`});
			dispatch({type: 'filter', filter: null});
			d = derive(latest.current);
			line = lineOf(d.layout, hit.turn, hit.paragraph, at, target);
		}
		// The same hit in the search as it is now (without the filter, "only them" no longer applies).
		const now = hitsOf(latest.current).hits.findIndex(h => h.call === hit.call && h.turn === hit.turn && h.paragraph === hit.paragraph && h.start === hit.start);
		dispatch({type: 'searchCursor', index: Math.max(0, now), shown: true});
		dispatch({type: 'focus', pane: 'transcript'});
		// A third of the way down the pane: what leads up to it stays in view.
		if (line >= 0) {
			const to = Math.min(d.maxScroll, Math.max(0, line - Math.floor(d.g.textRows / 3)));
			dispatch({type: 'scrollTo', key: d.key, line: to, max: d.maxScroll, anchor: anchorAt(d.layout, to)});
		}
	};
	/** Opens bookmark `index` at its turn's heading. */
	const showBookmark = (index: number) => {
		const b = latest.current.bookmarks[index];
		const at = b ? resolveBookmark(store, b) : null;
		if (!at) return dispatch({type: 'notice', text: b ? `${b.call} is not loaded.` : 'No bookmark there.'});
		dispatch({type: 'overlay', overlay: null});
		if (at.index !== latest.current.open) dispatch({type: 'open', index: at.index});
		if (latest.current.drill) dispatch({type: 'drill', drill: null});
		let d = derive(latest.current);
		let line = d.layout.lines.findIndex(l => l.turn === at.turn && (l.kind === 'heading' || l.kind === 'context-heading'));
		if (line < 0 && latest.current.filter) {
			dispatch({type: 'notice', text: 'Filter cleared to show the bookmarked turn.'});
			dispatch({type: 'filter', filter: null});
			d = derive(latest.current);
			line = d.layout.lines.findIndex(l => l.turn === at.turn && l.kind === 'heading');
		}
		dispatch({type: 'focus', pane: 'transcript'});
		if (line >= 0) dispatch({type: 'scrollTo', key: d.key, line, max: d.maxScroll, anchor: anchorAt(d.layout, Math.min(line, d.maxScroll))});
	};

	/** A Markdown file in the export folder, and a notice of where it went (or why it did not). */
	const writeOut = (name: string, text: string, what: string) => {
		try {
			return dispatch({type: 'notice', text: `Wrote ${cleanLine(writeNewFile(exportDir, name, text))}`});
		} catch (error) {
			return dispatch({type: 'notice', text: `Could not write ${what}: ${cleanLine((error as Error).message)}`});
		}
	};

	const act = (command: Command, s: State, name: string) => {
		const {call, layout, top} = derive(s);
		switch (command) {
			case 'search':
				return dispatch({type: 'overlay', overlay: 'search'});
			case 'searchType':
				return dispatch({type: 'searchQuery', query: s.search.query + (name === 'space' ? ' ' : name)});
			case 'searchErase':
				return dispatch({type: 'searchQuery', query: [...s.search.query].slice(0, -1).join('')});
			case 'searchDown':
			case 'searchUp': {
				const count = hitsOf(s).hits.length;
				const next = Math.max(0, Math.min(count - 1, s.search.cursor + (command === 'searchDown' ? 1 : -1)));
				return dispatch({type: 'searchCursor', index: next, shown: false});
			}
			case 'searchJump':
				return hitsOf(s).hits.length ? showHit(s.search.cursor) : dispatch({type: 'notice', text: s.search.query.trim() ? 'No hits to show.' : 'Type what to search for.'});
			case 'searchClose':
				return dispatch({type: 'overlay', overlay: null});
			case 'searchOnlyPerson':
				return s.filter ? dispatch({type: 'searchOnlyPerson'}) : dispatch({type: 'notice', text: 'Pick a speaker first (s) to search only their words.'});
			case 'searchOnlyCall':
				return dispatch({type: 'searchOnlyCall'});
			case 'searchOrder':
				return dispatch({type: 'searchOrder'});
			case 'nextHit':
			case 'prevHit': {
				const {hits} = hitsOf(s);
				if (!hits.length) return dispatch({type: 'notice', text: s.search.query.trim() ? 'No hits.' : 'No search: / searches all calls.'});
				// From where one reads: the hit last shown, else the top of the pane (as less does).
				const line = layout.lines[top];
				const here = s.search.shown && hits[s.search.cursor] ? placeOf(hits[s.search.cursor]!) : [s.open, line?.turn ?? 0, line?.paragraph ?? -1, line?.start ?? -1];
				const places = hits.map(placeOf);
				const forward = command === 'nextHit';
				// The hits read so far are one run of calls by date (the newest, or the oldest): from a call
				// outside it, the next hit may be among those not read yet. Then all are read first.
				if (hitsOf(s).more) {
					const read = places.map(p => p[0]!);
					if (here[0]! < Math.min(...read) || here[0]! > Math.max(...read)) {
						dispatch({type: 'searchReadAll'});
						return dispatch({type: 'notice', text: `Reading all the hits first (${hits.length.toLocaleString('en-US')} read yet); ${forward ? 'n' : 'N'} again in a moment.`});
					}
				}
				let best = -1;
				places.forEach((p, i) => {
					if (forward ? before(here, p) && (best < 0 || before(p, places[best]!)) : before(p, here) && (best < 0 || before(places[best]!, p))) best = i;
				});
				if (best >= 0) return showHit(best);
				// None after (before) it among the hits read, but more remain: all are read now, and said so.
				if (hitsOf(s).more) {
					dispatch({type: 'searchReadAll'});
					return dispatch({type: 'notice', text: `No ${forward ? 'later' : 'earlier'} hit among the ${hits.length.toLocaleString('en-US')} read yet: reading all of them; ${forward ? 'n' : 'N'} again in a moment.`});
				}
				// None after (before) it: round to the first (last), and say so.
				places.forEach((p, i) => {
					if (best < 0 || (forward ? before(p, places[best]!) : before(places[best]!, p))) best = i;
				});
				showHit(best);
				return dispatch({type: 'notice', text: forward ? 'Past the last hit: back to the first.' : 'Before the first hit: on to the last.'});
			}
			case 'clearSearch':
				dispatch({type: 'searchQuery', query: ''});
				return dispatch({type: 'notice', text: 'Search cleared.'});
			case 'bookmark': {
				const line = layout.lines[top];
				if (!line) return dispatch({type: 'notice', text: 'Nothing to bookmark in this view.'});
				// A view across calls: the line's own call.
				const id = line.call !== undefined ? store.calls[line.call]!.id : call.id;
				return dispatch({type: 'note', note: {text: s.bookmarks.find(b => b.call === id && b.turn === line.turn)?.note ?? '', call: id, turn: line.turn, index: null}});
			}
			case 'noteType':
				return s.note && dispatch({type: 'note', note: {...s.note, text: s.note.text + (name === 'space' ? ' ' : name)}});
			case 'noteErase':
				return s.note && dispatch({type: 'note', note: {...s.note, text: [...s.note.text].slice(0, -1).join('')}});
			case 'noteSave': {
				const note = s.note;
				if (!note) return;
				if (note.index !== null) {
					const index = note.index;
					dispatch({type: 'bookmarks', bookmarks: s.bookmarks.map((b, i) => (i === index ? {...b, note: note.text.trim()} : b))});
					dispatch({type: 'note', note: null});
					return dispatch({type: 'overlay', overlay: 'bookmarks'});
				}
				const {call: id, turn} = note;
				const target = store.call(id)!;
				const existing = s.bookmarks.findIndex(b => b.call === id && b.turn === turn);
				const made = makeBookmark(target, turn, note.text);
				dispatch({type: 'bookmarks', bookmarks: existing >= 0 ? s.bookmarks.map((b, i) => (i === existing ? {...b, note: made.note} : b)) : [...s.bookmarks, made]});
				dispatch({type: 'note', note: null});
				const speaker = target.turns[turn]!.speaker;
				return dispatch({type: 'notice', text: `Bookmarked ${fullCallName(target)} · ${speaker === null ? 'unattributed' : target.speakers[speaker]!.name}. ' lists them.`});
			}
			case 'bookmarks':
				return dispatch({type: 'overlay', overlay: 'bookmarks'});
			case 'bookmarkDown':
			case 'bookmarkUp':
				return dispatch({type: 'bookmarkCursor', by: command === 'bookmarkDown' ? 1 : -1});
			case 'bookmarkJump':
				return showBookmark(s.bookmarkCursor);
			case 'bookmarkDelete': {
				const gone = s.bookmarks[s.bookmarkCursor];
				if (!gone) return;
				deleted.current = {bookmark: gone, index: s.bookmarkCursor};
				dispatch({type: 'bookmarks', bookmarks: s.bookmarks.filter((_, i) => i !== s.bookmarkCursor)});
				return dispatch({type: 'notice', text: 'Bookmark deleted: u brings it back.'});
			}
			case 'bookmarkUndo': {
				if (!deleted.current) return dispatch({type: 'notice', text: 'No bookmark deleted to bring back.'});
				const {bookmark, index} = deleted.current;
				deleted.current = null;
				const list = [...s.bookmarks];
				list.splice(Math.min(index, list.length), 0, bookmark);
				dispatch({type: 'bookmarks', bookmarks: list});
				dispatch({type: 'bookmarkCursor', by: index - s.bookmarkCursor});
				return dispatch({type: 'notice', text: 'Bookmark back.'});
			}
			case 'bookmarkEdit': {
				const b = s.bookmarks[s.bookmarkCursor];
				const at = b && resolveBookmark(store, b);
				return b && dispatch({type: 'note', note: {text: b.note, call: b.call, turn: at ? at.turn : b.turn, index: s.bookmarkCursor}});
			}
			case 'bookmarksExport': {
				if (!s.bookmarks.length) return dispatch({type: 'notice', text: 'No bookmarks to write.'});
				return writeOut('bookmarks', bookmarksDocument(store, s.bookmarks), 'the bookmarks');
			}
			case 'exportView': {
				const {speaker} = derive(s);
				const set = hitsOf(s);
				const person = s.filter ? store.person(s.filter.person) : undefined;
				const only = s.search.onlyPerson && person ? person.name : null;
				const [text, name] = set.query
					? [searchDocument(store, set.query, set.hits, only), `search-${set.query}`]
					: [viewDocument(call, speaker !== null && speaker >= 0 ? speaker : null, Boolean(s.filter?.answers)), [call.id, person?.id, s.filter?.answers ? 'answers' : ''].filter(Boolean).join('-')];
				return writeOut(name, text, 'the export');
			}
		}
	};

	return {
		hitsOf,
		showHit,
		/** The hit shown, counted in reading order (what n and N step through): 1-based, or null when none is shown. */
		ordinal(s: State): number | null {
			const {hits} = hitsOf(s);
			const shown = hits[s.search.cursor];
			if (!s.search.shown || !shown) return null;
			const here = placeOf(shown);
			return 1 + hits.filter(h => before(placeOf(h), here)).length;
		},
		/** Runs `command` if it is one of these; says whether it was. */
		run(command: Command, s: State, name: string): boolean {
			if (!COMMANDS.has(command)) return false;
			act(command, s, name);
			return true;
		},
	};
}
