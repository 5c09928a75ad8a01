// `c`: choose the call to show beside the open one in the sidebar.
import {Box, Text} from 'ink';
import type {Call} from '../model/types.js';
import {accent} from './theme.js';
import {fit} from './wrap.js';

/** The chooser's rows: "no comparison" first, then every other call. */
export const compareChoices = (calls: readonly Call[], open: Call): (Call | null)[] => [null, ...calls.filter(c => c !== open)];

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
				const label = c ? `${c.meta.quarter ?? c.id}  ${c.meta.date ?? ''}` : 'No comparison';
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
