// Right pane: the open call's figures, and the filtered person's. Focused, a
// cursor moves over the numbers (Enter opens one); the pane scrolls with it.
import {Box, Text} from 'ink';
import {Pane} from './Pane.js';
import type {SideLine} from '../layout/sidebar-lines.js';
import {roleColor} from '../layout/theme.js';

/** Line indexes of the numbers a reader can open, in order. */
export const drillable = (lines: readonly SideLine[]) => lines.flatMap((l, i) => (l.metric || l.hits ? [i] : []));

export function Sidebar(props: {lines: SideLine[]; cursor: number; focused: boolean; width: number; height: number}) {
	const rows = props.height - 3;
	const stops = drillable(props.lines);
	const selected = stops[Math.min(props.cursor, stops.length - 1)] ?? -1;
	// Keep the selected number in view, a few lines of context above it.
	const top = selected < 0 ? 0 : Math.max(0, Math.min(selected - Math.floor(rows / 3), props.lines.length - rows));
	const more = props.lines.length - top - rows;
	return (
		<Pane title="Metrics" right={more > 0 ? `↓${more} ` : top > 0 ? '↑ ' : ''} width={props.width} height={props.height} focused={props.focused}>
			<Box flexDirection="column" width={props.width - 2}>
				{props.lines.slice(top, top + rows).map((line, k) => {
					const i = top + k;
					const here = props.focused && i === selected;
					return (
						<Text
							key={i}
							wrap="truncate"
							inverse={here}
							bold={line.style === 'title' || line.style === 'heading'}
							dimColor={line.style === 'dim' || line.style === 'heading'}
							color={line.style === 'bar' || line.style === 'title' ? roleColor(line.role) : undefined}
						>
							{line.text || ' '}
						</Text>
					);
				})}
			</Box>
		</Pane>
	);
}
