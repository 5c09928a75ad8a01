// A call's view → display lines at a width. Wrapped once per (call, view, width)
// and cached, so scrolling only slices an array; the pane renders the visible
// window, one <Text> a line.
import type {Anchor, Place} from './place.js';
import {answerView, isQuestion, SECTION_TITLES, speakerLine, turnTime} from '../../model/store/view.js';
import type {Call, Role} from '../../model/types.js';
import type {Store} from '../../model/store/store.js';
import {callName} from '../../model/store/call-list.js';
import {drill as drillOf, type Drill, type MetricId} from '../../model/metrics/drill.js';
import {fit, textWidth, wrapRanges} from './wrap.js';

export type LineKind = 'heading' | 'text' | 'context-heading' | 'context' | 'divider' | 'blank';

export interface Line {
	kind: LineKind;
	text: string;
	/** For headings: the dimmed part after the name (firm, title). */
	about?: string;
	role?: Role | 'none';
	turn: number;
	/** Column ranges [from, to) of `text` to highlight (the words behind a metric, search hits). */
	marks?: [number, number][];
	/** For a line of a paragraph: which paragraph of the turn, and where in its text the line begins (search hits are drawn from these). */
	paragraph?: number;
	start?: number;
	/** In a view across calls (an analyst's questions): the store index of the line's call; else the open call's. */
	call?: number;
	/** Columns of indentation before the paragraph's text (an Event Brief's outline items). */
	indent?: number;
}

export interface Layout {
	lines: Line[];
	/** Line indexes where a question starts (for ] and [). */
	questions: number[];
}

const CONTEXT_BAR = '│ ';

/** `target.push(...items)` without spreading: a turn can wrap to more lines than a call's arguments may hold (~120k overflowed the stack). */
function append<T>(target: T[], items: readonly T[]): void {
	for (const item of items) target.push(item);
}

// Keyed by the call's turns: a call read from the index drops them (and so its layouts) when others are read.
const cache = new WeakMap<Call['turns'], Map<string, Layout>>();

export function layoutCall(call: Call, speaker: number | null, answers: boolean, width: number): Layout {
	const key = `${speaker}|${answers}|${width}`;
	let perCall = cache.get(call.turns);
	if (!perCall) {
		perCall = new Map();
		cache.set(call.turns, perCall);
	}
	let layout = perCall.get(key);
	if (!layout) {
		layout = build(call, speaker, answers, width);
		perCall.set(key, layout);
	}
	return layout;
}

/** A turn's heading: the speaker (or "Question from …" for context), firm and title dimmed, and `where` after them. */
function headingLine(call: Call, index: number, context: boolean, width: number, where?: string): Line {
	const turn = call.turns[index]!;
	const who = turn.speaker === null ? null : call.speakers[turn.speaker]!;
	const [name, about] = who ? speakerLine(who) : turn.section === 'summary' ? ['Event Brief', 'the editor’s summary, not the call’s own words'] : ['Unattributed', 'speaker not named in the transcript'];
	const head = fit(`${context ? 'Question from ' : ''}${name}`, width);
	return {
		kind: context ? 'context-heading' : 'heading',
		text: head,
		// A transcript made from the audio says when each turn starts: `[12:34]`, first, as a timeline reads.
		about: fit([turnTime(turn), about, where].filter(Boolean).join(' · '), width - textWidth(head) - 2) || undefined,
		role: who?.role ?? 'none',
		turn: index,
	};
}

/** A whole turn's paragraphs, wrapped; context (a question shown for an answer) behind a bar. */
function turnLines(call: Call, index: number, context: boolean, width: number): Line[] {
	const lines: Line[] = [];
	call.turns[index]!.paragraphs.forEach((p, i) => {
		// An outline's items follow one another, each indented to its depth.
		const indent = p.level === undefined ? 0 : Math.min(p.level * 2, Math.floor(width / 3));
		if (i > 0 && p.level === undefined) lines.push({kind: context ? 'context' : 'blank', text: context ? CONTEXT_BAR.trimEnd() : '', turn: index});
		for (const line of wrapRanges(p.text, (context ? width - CONTEXT_BAR.length : width) - indent)) {
			const text = ' '.repeat(indent) + line.text;
			lines.push({kind: context ? 'context' : 'text', text: context ? CONTEXT_BAR + text : text, turn: index, paragraph: i, start: line.start, ...(indent ? {indent} : {})});
		}
	});
	return lines;
}

/** Ranges of a paragraph's text [start, end) as columns of one of its wrapped lines, `prefix` columns in. */
function columnsOf(marks: readonly (readonly [number, number])[], start: number, length: number, prefix: number): [number, number][] {
	const end = start + length;
	return marks.filter(([s, e]) => s < end && e > start).map(([s, e]): [number, number] => [Math.max(s, start) - start + prefix, Math.min(e, end) - start + prefix]);
}

/**
 * Search hits on a line of a paragraph: `marks` maps `turn:paragraph` to
 * offsets in that paragraph's text. Worked out for the visible lines only.
 */
export function hitColumns(line: Line, marks: ReadonlyMap<string, readonly [number, number][]>): [number, number][] | undefined {
	if (line.paragraph === undefined || line.start === undefined) return undefined;
	const own = marks.get(`${line.turn}:${line.paragraph}`);
	if (!own) return undefined;
	const prefix = (line.kind === 'context' ? CONTEXT_BAR.length : 0) + (line.indent ?? 0);
	const columns = columnsOf(own, line.start, line.text.length - prefix, prefix);
	return columns.length ? columns : undefined;
}

/** The first line of `layout` showing offset `at` of a turn's paragraph, or -1 if the view leaves it out. */
export function lineOf(layout: Layout, turn: number, paragraph: number, at: number, call?: number): number {
	// In a view across calls, only the lines of `call`.
	return layout.lines.findIndex(l => (call === undefined || l.call === undefined || l.call === call) && l.turn === turn && l.paragraph === paragraph && l.start! <= at && at < l.start! + l.text.length - (l.kind === 'context' ? CONTEXT_BAR.length : 0) - (l.indent ?? 0) + 1);
}

function build(call: Call, speaker: number | null, answers: boolean, width: number): Layout {
	const lines: Line[] = [];
	const questions: number[] = [];
	let section: string | null = null;
	for (const row of answerView(call, speaker, answers)) {
		const turn = call.turns[row.turn]!;
		if (turn.section !== section) {
			section = turn.section;
			const label = ` ${SECTION_TITLES[turn.section]} `;
			const side = Math.max(2, Math.floor((width - textWidth(label)) / 2));
			lines.push({kind: 'divider', text: fit(`${'─'.repeat(side)}${label}${'─'.repeat(side)}`, width), turn: row.turn});
			lines.push({kind: 'blank', text: '', turn: row.turn});
		}
		const context = row.kind === 'context';
		if (context || isQuestion(turn)) questions.push(lines.length);
		lines.push(headingLine(call, row.turn, context, width));
		append(lines, turnLines(call, row.turn, context, width));
		lines.push({kind: 'blank', text: '', turn: row.turn});
	}
	return {lines, questions};
}

/** Marks of a text [start, end) window, moved onto each wrapped line's columns. */
function markLines(text: string, marks: readonly [number, number][], width: number, first: string, rest = first): {text: string; marks?: [number, number][]}[] {
	return wrapRanges(text, width).map((line, i) => {
		const prefix = i === 0 ? first : rest;
		const own = columnsOf(marks, line.start, line.text.length, prefix.length);
		return {text: prefix + line.text, ...(own.length ? {marks: own} : {})};
	});
}

const drillCache = new WeakMap<Drill, Map<number, Layout>>();

/**
 * A drill-down as display lines: each turn's heading, then the whole turn or
 * just the sentences behind the number, the matching words marked. Cached
 * per drill and width; `questions` holds each item's first line, for ] and [.
 */
export function layoutDrill(call: Call, drill: Drill, width: number): Layout {
	let perDrill = drillCache.get(drill);
	if (!perDrill) drillCache.set(drill, (perDrill = new Map()));
	const known = perDrill.get(width);
	if (known) return known;
	const lines: Line[] = [];
	const questions: number[] = [];
	for (const item of drill.items) {
		const turn = call.turns[item.turn]!;
		const context = Boolean(item.context);
		questions.push(lines.length);
		lines.push(headingLine(call, item.turn, context, width, SECTION_TITLES[turn.section]));
		if (item.excerpts === null) append(lines, turnLines(call, item.turn, context, width));
		else {
			const prefix = context ? CONTEXT_BAR : '';
			for (const e of item.excerpts) {
				const text = turn.paragraphs[e.paragraph]!.text.slice(e.start, e.end);
				const marks = e.marks.map(([s, x]): [number, number] => [s - e.start, x - e.start]);
				// Each sentence a bullet of its own: they are excerpts, not the whole turn.
				for (const l of markLines(text, marks, width - prefix.length - 2, `${prefix}• `, `${prefix}  `)) {
					lines.push({kind: context ? 'context' : 'text', ...l, turn: item.turn});
				}
			}
		}
		lines.push({kind: 'blank', text: '', turn: item.turn});
	}
	const layout = {lines, questions};
	perDrill.set(width, layout);
	return layout;
}

const drills = new WeakMap<Call['turns'], Map<string, Drill>>();

/** The drill for (call, metric, speaker), made once: its layouts are cached by identity. */
export function drillFor(call: Call, metric: MetricId, speaker: number | null): Drill {
	let perCall = drills.get(call.turns);
	if (!perCall) drills.set(call.turns, (perCall = new Map()));
	const key = `${metric}|${speaker}`;
	let d = perCall.get(key);
	if (!d) perCall.set(key, (d = drillOf(call, metric, speaker)));
	return d;
}

/** The place of line `line` of a layout: the first line of text at or below it. */
export function anchorAt(layout: Layout, line: number): Place {
	const {lines} = layout;
	for (let i = Math.max(0, line), lead = 0; i < lines.length && lead < 12; i++, lead++) {
		const l = lines[i]!;
		if (l.paragraph !== undefined && l.start !== undefined) return {turn: l.turn, paragraph: l.paragraph, start: l.start, lead, ...(l.call !== undefined ? {call: l.call} : {})};
	}
	return line;
}

const found = new WeakMap<Layout, Map<string, number>>();

/** The line of a layout a place is at: the line holding the anchored words, less its lead; the nearest before them if this view lacks them. */
export function lineAt(layout: Layout, place: Place | undefined): number {
	if (place === undefined) return 0;
	if (typeof place === 'number') return place;
	let known = found.get(layout);
	if (!known) found.set(layout, (known = new Map()));
	const key = `${place.call ?? ''}:${place.turn}:${place.paragraph}:${place.start}:${place.lead}`;
	const hit = known.get(key);
	if (hit !== undefined) return hit;
	const {lines} = layout;
	let at = -1;
	let before = -1;
	for (let i = 0; i < lines.length; i++) {
		const l = lines[i]!;
		if (l.paragraph === undefined || l.start === undefined) continue;
		const cmp = (l.call ?? -1) - (place.call ?? -1) || l.turn - place.turn || l.paragraph - place.paragraph || l.start - place.start;
		if ((l.call ?? -1) === (place.call ?? -1) && l.turn === place.turn && l.paragraph === place.paragraph && l.start <= place.start) at = i;
		else if (cmp < 0) before = i;
		else if (at >= 0) break;
	}
	// The words themselves, else the last line before them (a view without this turn).
	const line = at >= 0 ? Math.max(0, at - place.lead) : Math.max(0, before);
	if (known.size > 64) known.clear();
	known.set(key, line);
	return line;
}

export type {Anchor, Place} from './place.js';

const analystCache = new WeakMap<Store, Map<string, Layout>>();

/**
 * The analyst's side of the Q&A: each of their questions in every call they
 * ask in (oldest call first), management's replies beneath it, a divider
 * naming each call. Lines carry their call, since the view spans many.
 */
export function layoutAnalyst(store: Store, person: string, width: number): Layout {
	let perStore = analystCache.get(store);
	if (!perStore) analystCache.set(store, (perStore = new Map()));
	const key = `${person}|${width}`;
	const known = perStore.get(key);
	if (known) return known;
	const lines: Line[] = [];
	const questions: number[] = [];
	store.calls.forEach((call, c) => {
		const speaker = store.speakerIndex(call, person);
		if (speaker < 0) return;
		const asked = call.turns.flatMap((t, i) => (t.speaker === speaker && isQuestion(t) ? [i] : []));
		if (asked.length === 0) return;
		const label = ` ${callName(store.calls, call)} · ${call.meta.date ?? call.source} `;
		const side = Math.max(2, Math.floor((width - textWidth(label)) / 2));
		lines.push({kind: 'divider', text: fit(`${'─'.repeat(side)}${label}${'─'.repeat(side)}`, width), turn: asked[0]!, call: c});
		lines.push({kind: 'blank', text: '', turn: asked[0]!, call: c});
		for (const q of asked) {
			questions.push(lines.length);
			for (const turn of [q, ...call.turns.flatMap((t, i) => (t.answers === q ? [i] : []))]) {
				lines.push({...headingLine(call, turn, false, width), call: c});
				for (const l of turnLines(call, turn, false, width)) lines.push({...l, call: c});
				lines.push({kind: 'blank', text: '', turn, call: c});
			}
		}
	});
	const layout = {lines, questions};
	if (perStore.size > 16) perStore.clear();
	perStore.set(key, layout);
	return layout;
}
