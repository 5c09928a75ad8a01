// `c`: choose the call to show beside the open one in the sidebar.
import {Box, Text} from 'ink';
import {companyOf} from '../../model/store/call-list.js';
import type {Call} from '../../model/types.js';
import {accent} from '../layout/theme.js';
import {fit} from '../layout/wrap.js';

const choices = new WeakMap<Call, {calls: readonly Call[]; rows: (Call | null)[]}>();

/**
 * The chooser's rows: "no comparison" first, then the open company's other
 * calls, newest first (the cursor starts on the one before the open call,
 * the comparison most made), then every other company's, by date.
 */
export function compareChoices(calls: readonly Call[], open: Call): (Call | null)[] {
	const kept = choices.get(open);
	if (kept && kept.calls === calls) return kept.rows;
	const key = companyOf(open);
	const same = key ? calls.filter(c => c !== open && companyOf(c) === key).reverse() : [];
	const others = calls.filter(c => c !== open && (!key || companyOf(c) !== key));
	const rows = [null, ...same, ...others];
	choices.set(open, {calls, rows});
	return rows;
}

export function ComparePicker(props: {calls: Call[]; open: Call; cursor: number; current: string | null; width: number; height: number}) {
	const inner = props.width - 4;
	const choices = compareChoices(props.calls, props.open);
	const rows = Math.max(1, props.height - 4);
	const first = Math.max(0, Math.min(props.cursor - Math.floor(rows / 2), choices.length - rows));
	return (
		<Box flexDirection="column" width={props.width} height={props.height} borderStyle="double" borderColor={accent} paddingX={1}>
			<Text bold wrap="truncate">{fit(`Compare ${props.open.meta.quarter ?? props.open.id} with · ↑↓ Enter Esc`, inner)}</Text>
			{choices.slice(first, first + rows).map((c, k) => {
				const i = first + k;
				// Every call named with its company: two companies' Q2 2019 are not one call.
				const label = c ? `${c.meta.quarter ?? c.id}  ${c.meta.date ?? ''}  ${c.meta.company ?? ''}${c.meta.ticker ? ` (${c.meta.ticker})` : ''}` : 'No comparison';
				const current = (c?.id ?? null) === props.current ? '  (now)' : '';
				return (
					<Text key={c?.id ?? '-'} inverse={i === props.cursor} wrap="truncate">
						{fit(`${i === props.cursor ? '›' : ' '} ${label}${current}`, inner)}
					</Text>
				);
			})}
		</Box>
	);
}
