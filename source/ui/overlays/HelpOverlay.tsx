// `?`: every key, grouped by where it works — read from the keymap table.
// As many columns as fit with every description whole; when that is taller
// than the window, the columns scroll together (↓ ↑), never cut mid-word.
import {Box, Text} from 'ink';
import {KEYMAP, SCOPES} from '../input/keymap.js';
import {accent} from '../layout/theme.js';
import {fit} from '../layout/wrap.js';

export type Group = {title: string; rows: string[]};

/**
 * What each number of the sidebar counts, one line each (after the keys in the
 * help). Enter on a number shows the words behind it.
 */
export const SIDEBAR_HELP: Group = {
	title: 'Sidebar numbers (Enter: the words behind one)',
	rows: [
		['Words', 'words spoken; minutes at 150 a minute'],
		['Prepared/Q&A', 'share of the words in each part'],
		['Questions', 'analyst turns asking a question'],
		['Analysts, Firms', 'analysts who asked, and their firms'],
		['Q per analyst', 'questions ÷ analysts'],
		['Answer/question', 'answer words per question word'],
		['Longest thread', 'all answers to one question, in words'],
		['Longest answer', 'one executive’s one turn, in words'],
		['Unanswered', 'questions no executive answered'],
		['Hedges /100 w', 'management’s maybe, we think… /100 w'],
		['  analysts', 'the analysts’ own, apart'],
		['Non-answers', 'answers that decline (can’t say…)'],
		// How far to trust it: its figures against researchers' labels (npm run bench, part metrics).
		['', 'checked: 78% right, finds 88% (labelled)'],
		['Forward-looking', 'share of sentences on what is to come'],
		['', 'checked: F1 0.95 on labelled sentences'],
		['Tone', '(pos−neg)/(pos+neg) words, −1 to +1'],
		['', 'checked: 47% right on labelled news'],
		['Tone (±0.08)', 'change from the company’s last call'],
		['Figures quoted', 'numbers with a unit: $, %, units'],
		['Guidance', '↑raised ↓lowered =kept +new ×withdrawn'],
		['', 'checked: 85% right, finds 76% (labelled)'],
		['Terms', 'phrases used more than in other calls'],
		['Talk share', 'each speaker’s share of the words'],
	].map(([label, what]) => `  ${label!.padEnd(15)} ${what}`),
};

function groups(): {groups: Group[]; rowWidth: number} {
	const out: Group[] = [];
	const seen = new Set<string>();
	const keyWidth = Math.max(...KEYMAP.map(b => b.label.length));
	for (const scope of SCOPES) {
		const rows: string[] = [];
		for (const b of KEYMAP.filter(k => k.scope === scope)) {
			const id = `${scope}|${b.label}|${b.help}`;
			if (seen.has(id)) continue;
			seen.add(id);
			rows.push(`  ${b.label.padEnd(keyWidth)}  ${b.help}`);
		}
		if (rows.length > 0) out.push({title: scope, rows});
	}
	return {groups: out, rowWidth: Math.max(...out.flatMap(g => g.rows.map(r => [...r].length)))};
}

/** Groups whole, in order, into `columns` columns of about equal height; a blank line between groups. */
function pack(all: Group[], columns: number): string[][] {
	const total = all.reduce((n, g) => n + g.rows.length + 2, 0);
	const target = Math.max(Math.ceil(total / columns), ...all.map(g => g.rows.length + 1));
	const out: string[][] = [[]];
	for (const g of all) {
		let column = out[out.length - 1]!;
		const block = [`\u0000${g.title}`, ...g.rows];
		if (column.length > 0 && column.length + 1 + block.length > target && out.length < columns) out.push((column = []));
		if (column.length > 0) column.push('');
		column.push(...block);
	}
	return out;
}

/**
 * The help's lines at a size: the columns, and how far it can scroll.
 * `extra`: groups after the keys (the files that were not loaded, and why);
 * their rows do not widen the columns, and a long one is cut.
 */
export function helpLayout(width: number, height: number, extra: readonly Group[] = []) {
	const inner = width - 4;
	const rows = Math.max(1, height - 3);
	const keys = groups();
	const rowWidth = keys.rowWidth;
	const all = [...keys.groups, SIDEBAR_HELP, ...extra];
	const columns = Math.max(1, Math.min(3, Math.floor(inner / (rowWidth + 2))));
	const packed = pack(all, columns);
	const tall = Math.max(...packed.map(c => c.length));
	return {packed, colWidth: Math.floor(inner / packed.length), rows, maxScroll: Math.max(0, tall - rows)};
}

export function HelpOverlay({width, height, scroll, extra}: {width: number; height: number; scroll: number; extra?: readonly Group[]}) {
	const inner = width - 4;
	const {packed, colWidth, rows, maxScroll} = helpLayout(width, height, extra);
	const top = Math.min(scroll, maxScroll);
	const more = maxScroll > 0 ? ` · ${top < maxScroll ? '↓ more' : ''}${top > 0 && top < maxScroll ? ' ' : ''}${top > 0 ? '↑ back' : ''}` : '';
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="double" borderColor={accent} paddingX={1}>
			<Text bold wrap="truncate">{fit(`Keys — Esc or ? closes${more}`, inner)}</Text>
			<Box flexDirection="row">
				{packed.map((lines, c) => (
					<Box key={c} flexDirection="column" width={colWidth}>
						{lines.slice(top, top + rows).map((line, i) => (
							<Text key={i} bold={line.startsWith('\u0000')} wrap="truncate">
								{fit(line.replace('\u0000', ''), colWidth - 1) || ' '}
							</Text>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
