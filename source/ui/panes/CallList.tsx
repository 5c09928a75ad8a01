// Left pane: the calls. Of one company, by date (quarter, date, questions).
// Of several, grouped by company — a heading with its ticker and number of
// calls, its calls newest first — or all by date with the ticker on each row
// (`o` switches); `f` narrows the list as one types. Only the rows on screen
// are drawn: the view (model/store/call-list.ts) is worked out once per list.
import type {ReactElement} from 'react';
import {Text} from 'ink';
import type {CallListView} from '../../model/store/call-list.js';
import type {Call} from '../../model/types.js';
import {questionCount} from '../../model/store/view.js';
import {Pane} from './Pane.js';
import {MARK} from '../layout/theme.js';
import {fit, textWidth} from '../layout/wrap.js';

const height = (row: CallListView['rows'][number]) => (row.kind === 'company' ? 1 : 2);

/** The rows that fit in `room` lines around row `at`: the cursor's row in the middle, or as near as the ends allow. */
function windowAround(rows: CallListView['rows'], at: number, room: number): [number, number] {
	if (rows.length === 0) return [0, 0];
	let start = at;
	let end = at + 1;
	let used = height(rows[at]!);
	// Half the room above, then below, then whatever is left above.
	while (start > 0 && used + height(rows[start - 1]!) <= Math.floor(room / 2)) used += height(rows[--start]!);
	while (end < rows.length && used + height(rows[end]!) <= room) used += height(rows[end++]!);
	while (start > 0 && used + height(rows[start - 1]!) <= room) used += height(rows[--start]!);
	return [start, end];
}

/** `hits`: the active search's hits per call, shown under each call's date, marked as hits are. */
export function CallList(props: {calls: Call[]; view: CallListView; filter: string; open: number; cursor: number; focused: boolean; width: number; height: number; hits?: readonly number[]}) {
	const {view} = props;
	const inner = props.width - 2;
	const room = Math.max(1, props.height - 3);
	const grouped = view.many && view.rows.some(r => r.kind === 'company');
	const cursorRow = view.rowOf.get(props.cursor) ?? 0;
	const [start, end] = windowAround(view.rows, cursorRow, room);
	const lines: ReactElement[] = [];
	for (let r = start; r < end; r++) {
		const row = view.rows[r]!;
		if (row.kind === 'company') {
			// A company known only by its ticker is named once (`PRA 1`, not `PRA PRA 1`).
			const right = ` ${row.ticker && row.ticker !== row.name ? `${row.ticker} ` : ''}${row.count}`;
			lines.push(
				<Text key={`h-${row.name}-${r}`} bold underline wrap="truncate">
					{`${fit(row.name, Math.max(1, inner - textWidth(right)))}${right}`.padEnd(inner)}
				</Text>,
			);
			continue;
		}
		const i = row.index;
		const call = props.calls[i]!;
		const selected = props.focused && i === props.cursor;
		// A flagged call (text not in turns, no labels: `earnings-reader check` says why) is marked with `!`.
		const marker = i === props.open ? '▸' : call.errors.length ? '!' : ' ';
		const q = `${questionCount(call)}q`;
		const name = fit(`${marker}${call.meta.quarter ?? call.id}`, inner - q.length - 1);
		// Beside the date, the company — its ticker, else its name — unless a heading names it.
		const company = view.many && !grouped ? (call.meta.ticker ?? call.meta.company ?? '') : '';
		const hits = props.hits ? String(props.hits[i] ?? 0) : '';
		const width = inner - (hits ? hits.length + 1 : 0);
		// No date: the file's name, unless it says no more than the quarter above it (`Q4.txt`).
		const day = ` ${call.meta.date ?? (/^q[1-4]\.\w+$/i.test(call.source) ? 'no date given' : call.source)}`;
		// The company only where it fits whole beside the date (a ticker cut to `A…` names nothing).
		const date = fit(company && textWidth(day) + 1 + textWidth(company) <= width ? `${day} ${company}` : day, width).padEnd(inner - hits.length);
		lines.push(
			<Text key={`${call.id}-1`} inverse={selected} bold={i === props.open} wrap="truncate">
				{`${name.padEnd(inner - q.length)}${q}`}
			</Text>,
			<Text key={`${call.id}-2`} wrap="truncate">
				<Text dimColor={!selected} inverse={selected}>
					{date}
				</Text>
				{hits ? props.hits![i] ? <Text {...MARK}>{hits}</Text> : <Text dimColor>{hits}</Text> : null}
			</Text>,
		);
	}
	if (view.order.length === 0) {
		lines.push(
			<Text key="none" wrap="truncate">
				{fit(' No call matches.', inner)}
			</Text>,
			<Text key="none-2" dimColor wrap="truncate">
				{fit(' Esc clears.', inner)}
			</Text>,
		);
	}
	const at = view.position.get(props.cursor);
	const title = props.filter ? `“${props.filter.trim()}”` : props.hits ? 'Calls · hits' : 'Calls';
	return (
		<Pane title={title} right={`${at === undefined ? '-' : at + 1}/${view.order.length}`} width={props.width} height={props.height} focused={props.focused}>
			{lines}
		</Pane>
	);
}
