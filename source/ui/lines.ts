// A call's view → display lines at a width. Wrapped once per (call, view, width)
// and cached, so scrolling only slices an array; the pane renders the visible
// window, one <Text> a line.
import {answerView, isQuestion, SECTION_TITLES, speakerLine} from '../model/view.js';
import type {Call, Role} from '../model/types.js';
import {fit, textWidth, wrapText} from './wrap.js';

export type LineKind = 'heading' | 'text' | 'context-heading' | 'context' | 'divider' | 'blank';

export interface Line {
	kind: LineKind;
	text: string;
	/** For headings: the dimmed part after the name (firm, title). */
	about?: string;
	role?: Role | 'none';
	turn: number;
}

export interface Layout {
	lines: Line[];
	/** Line indexes where a question starts (for ] and [). */
	questions: number[];
}

const CONTEXT_BAR = '│ ';

const cache = new WeakMap<Call, Map<string, Layout>>();

export function layoutCall(call: Call, speaker: number | null, answers: boolean, width: number): Layout {
	const key = `${speaker}|${answers}|${width}`;
	let perCall = cache.get(call);
	if (!perCall) {
		perCall = new Map();
		cache.set(call, perCall);
	}
	let layout = perCall.get(key);
	if (!layout) {
		layout = build(call, speaker, answers, width);
		perCall.set(key, layout);
	}
	return layout;
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
		const who = turn.speaker === null ? null : call.speakers[turn.speaker]!;
		const [name, about] = who ? speakerLine(who) : ['Unattributed', 'speaker not named in the transcript'];
		const context = row.kind === 'context';
		if (context || isQuestion(turn)) questions.push(lines.length);
		const prefix = context ? 'Question from ' : '';
		const head = fit(`${prefix}${name}`, width);
		lines.push({
			kind: context ? 'context-heading' : 'heading',
			text: head,
			about: fit(about, width - textWidth(head) - 2) || undefined,
			role: who?.role ?? 'none',
			turn: row.turn,
		});
		turn.paragraphs.forEach((p, i) => {
			if (i > 0) lines.push({kind: context ? 'context' : 'blank', text: context ? CONTEXT_BAR.trimEnd() : '', turn: row.turn});
			for (const text of wrapText(p.text, context ? width - CONTEXT_BAR.length : width)) {
				lines.push({kind: context ? 'context' : 'text', text: context ? CONTEXT_BAR + text : text, turn: row.turn});
			}
		});
		lines.push({kind: 'blank', text: '', turn: row.turn});
	}
	return {lines, questions};
}
