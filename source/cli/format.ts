// Plain-text renderings for the scripting commands. No Ink, no React: these run
// on every `list`/`show` and must start fast. Styling is added only when a
// terminal is on the other end and NO_COLOR is not set; piped output carries no
// escape byte at all.
import type {Store} from '../model/store/store.js';
import type {Call, Paragraph, Turn} from '../model/types.js';
import {answerView, listFigures, paragraphTime, questionCount, SECTION_TITLES, speakerLine, turnTime, type ViewRow} from '../model/store/view.js';

export interface Style {
	bold(text: string): string;
	dim(text: string): string;
}

export const plain: Style = {bold: t => t, dim: t => t};
export const ansi: Style = {bold: t => `\u001B[1m${t}\u001B[22m`, dim: t => `\u001B[2m${t}\u001B[22m`};

export function table(rows: string[][], rightAligned: ReadonlySet<number>): string {
	const widths = rows[0]!.map((_, c) => Math.max(...rows.map(r => r[c]!.length)));
	return rows
		.map(r => r.map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd())
		.join('\n');
}

export function formatList(store: Store): string {
	const rows = [['ID', 'QUARTER', 'DATE', 'TURNS', 'WORDS', 'QUESTIONS', 'ANALYSTS']];
	for (const call of store.calls) {
		const figures = listFigures(call);
		rows.push([call.id, call.meta.quarter ?? '-', call.meta.date ?? '-', String(figures.turns), String(figures.words), String(figures.questions), String(figures.analysts)]);
		// A flagged call (text not in turns, no labels): marked, and `check` says why.
		if (call.errors.length) rows[rows.length - 1]!.push('!');
	}
	if (rows.some(r => r.length > 7)) for (const r of rows) while (r.length < 8) r.push('');
	return table(rows, new Set([3, 4, 5, 6]));
}

/** `check`: one line per file — layout, turns, speakers, sections, coverage, warnings; skipped files with their reason. */
export function formatCheck(store: Store): string {
	const rows = [['FILE', 'LAYOUT', 'TURNS', 'SPEAKERS', 'SECTIONS', 'COVERAGE', 'WARNINGS']];
	for (const r of checkRows(store)) {
		rows.push([r.file, r.layout ?? '-', r.turns === null ? '-' : String(r.turns), r.speakers === null ? '-' : String(r.speakers), r.sections.join('+') || '-', r.coverage === null ? '-' : `${(Math.floor(r.coverage * 1000) / 10).toFixed(1)}%`, r.warnings.join('; ') || 'ok']);
	}
	return table(rows, new Set([2, 3, 5]));
}

export interface CheckRow {
	file: string;
	call: string | null;
	layout: string | null;
	turns: number | null;
	speakers: number | null;
	sections: string[];
	coverage: number | null;
	warnings: string[];
}

export function checkRows(store: Store): CheckRow[] {
	const rows: CheckRow[] = store.calls.map(call => ({
		file: call.path,
		call: call.id,
		layout: call.layout,
		turns: call.turns.length,
		speakers: call.speakers.length,
		sections: [...new Set(call.turns.map(t => t.section))],
		coverage: call.coverage.share,
		// Not an error, but what every figure of the call depends on: said as a warning is.
		warnings: call.turns.some(t => t.section === 'summary') ? [...call.errors, 'an Event Brief: an editor’s summary stands in for the prepared remarks'] : call.errors,
	}));
	for (const s of store.skipped) rows.push({file: s.path, call: null, layout: null, turns: null, speakers: null, sections: [], coverage: null, warnings: [`skipped: ${s.reason}`]});
	return rows;
}

export function formatSpeakers(store: Store, call?: Call): string {
	const rows = [['ID', 'NAME', 'ROLE', 'FIRM', 'CALLS', 'TURNS', 'WORDS']];
	// Each call's turns and words by speaker, counted once: a person is looked up in their
	// own calls only (over every call for every person, 10,000 calls took 90 s).
	const counted = new Map<Call, {turns: number[]; words: number[]}>();
	const countsOf = (c: Call) => {
		let counts = counted.get(c);
		if (!counts) {
			counts = {turns: c.speakers.map(() => 0), words: c.speakers.map(() => 0)};
			for (const t of c.turns) {
				if (t.speaker === null || t.speaker >= c.speakers.length) continue;
				counts.turns[t.speaker]!++;
				counts.words[t.speaker]! += t.words;
			}
			counted.set(c, counts);
		}
		return counts;
	};
	for (const person of store.people) {
		let turns = 0;
		let words = 0;
		const firms = new Set<string>();
		let present = 0;
		let inferred = false;
		for (const id of new Set(person.calls)) {
			const c = store.call(id);
			if (!c || (call && c !== call)) continue;
			const index = store.speakerIndex(c, person.id);
			if (index < 0) continue;
			present++;
			if (c.speakers[index]!.inferred) inferred = true;
			const firm = c.speakers[index]!.firm;
			if (firm) firms.add(firm);
			const counts = countsOf(c);
			turns += counts.turns[index]!;
			words += counts.words[index]!;
		}
		if (present === 0) continue;
		rows.push([person.id, inferred ? `${person.name} (inferred)` : person.name, person.role, [...firms].join('; ') || '-', String(present), String(turns), String(words)]);
	}
	return table(rows, new Set([4, 5, 6]));
}

function heading(call: Call, turn: Turn, style: Style): string {
	const time = turnTime(turn);
	if (turn.speaker === null) return style.dim([time, turn.section === 'summary' ? '(Event Brief: the editor’s summary, not the call’s own words)' : '(unattributed)'].filter(Boolean).join(' '));
	const [name, about] = speakerLine(call.speakers[turn.speaker]!);
	const after = [time, about].filter(Boolean).join(' · ');
	return after ? `${style.bold(name)}  ${style.dim(after)}` : style.bold(name);
}

/** A paragraph, headed with its time in the recording when asked (`show --times`) and it has one. */
const paragraphText = (p: Paragraph, times: boolean, style: Style) => {
	const time = times ? paragraphTime(p) : null;
	return `${'  '.repeat(p.level ?? 0)}${time ? `${style.dim(`[${time}]`)} ` : ''}${p.text}`;
};

export function formatRows(call: Call, rows: readonly ViewRow[], style: Style, times = false): string {
	const out: string[] = [];
	const title = [call.meta.company, call.meta.quarter, call.meta.date].filter(Boolean).join(' · ');
	out.push(style.bold(title || call.source), style.dim(`${call.id} · ${call.source}`), '');
	let section: string | null = null;
	for (const row of rows) {
		const turn = call.turns[row.turn]!;
		if (turn.section !== section) {
			section = turn.section;
			out.push(style.dim(`── ${SECTION_TITLES[turn.section]} ──`), '');
		}
		if (row.kind === 'context') {
			out.push(`${style.dim('[question, for context]')} ${heading(call, turn, style)}`);
			for (const p of turn.paragraphs) out.push(style.dim(`> ${paragraphText(p, times, style)}`));
		} else {
			out.push(heading(call, turn, style));
			// An Event Brief's outline: one item a line, indented to its depth.
			out.push(turn.paragraphs.map((p, i) => `${i > 0 && p.level === undefined ? '\n' : ''}${paragraphText(p, times, style)}`).join('\n'));
		}
		out.push('');
	}
	return out.join('\n');
}

export function formatShow(call: Call, personIndex: number | null, answersOnly: boolean, style: Style, times = false): string {
	return formatRows(call, answerView(call, personIndex, answersOnly), style, times);
}
