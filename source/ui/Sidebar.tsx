// Right pane: the open call's figures, and the filtered person's.
import {Box, Text} from 'ink';
import {Pane} from './Pane.js';
import type {SideLine} from './sidebar-lines.js';
import {roleColor} from './theme.js';

export function Sidebar(props: {lines: SideLine[]; focused: boolean; width: number; height: number}) {
	const rows = props.height - 3;
	return (
		<Pane title="Metrics" width={props.width} height={props.height} focused={props.focused}>
			<Box flexDirection="column" width={props.width - 2}>
				{props.lines.slice(0, rows).map((line, i) => (
					<Text
						key={i}
						wrap="truncate"
						bold={line.style === 'title'}
						dimColor={line.style === 'dim'}
						color={line.style === 'bar' || line.style === 'title' ? roleColor(line.role) : undefined}
					>
						{line.text || ' '}
					</Text>
				))}
			</Box>
		</Pane>
	);
}
