// Centre pane: the transcript, windowed — only the visible lines are rendered,
// one <Text> a line, from lines wrapped once per width (lines.ts).
import {Box, Text} from 'ink';
import type {Layout, Line} from '../layout/lines.js';
import {Pane} from './Pane.js';
import {hitColumns} from '../layout/lines.js';
import {MarkedText} from './MarkedText.js';
import {roleColor} from '../layout/theme.js';

function LineView({line, hits}: {line: Line; hits?: ReadonlyMap<string, readonly [number, number][]>}) {
	const marks = line.marks ?? (hits ? hitColumns(line, hits) : undefined);
	if (marks) return <MarkedText text={line.text} marks={marks} dim={line.kind === 'context'} />;
	switch (line.kind) {
		case 'heading':
			return (
				<Text wrap="truncate">
					<Text bold color={roleColor(line.role)}>{line.text}</Text>
					{line.about ? <Text dimColor>{`  ${line.about}`}</Text> : null}
				</Text>
			);
		case 'context-heading':
			return (
				<Text wrap="truncate" dimColor>
					<Text color={roleColor(line.role)}>{line.text}</Text>
					{line.about ? `  ${line.about}` : ''}
				</Text>
			);
		case 'context':
			return <Text dimColor wrap="truncate">{line.text}</Text>;
		case 'divider':
			return <Text dimColor wrap="truncate">{line.text}</Text>;
		default:
			return <Text wrap="truncate">{line.text || ' '}</Text>;
	}
}

/** `hits`: the search's matched words in this call (`turn:paragraph` → offsets), marked on the visible lines. */
export function Transcript(props: {title: string; layout: Layout; scroll: number; message: string | null; focused: boolean; width: number; height: number; hits?: ReadonlyMap<string, readonly [number, number][]>}) {
	const rows = props.height - 3;
	const {lines} = props.layout;
	const max = Math.max(0, lines.length - rows);
	const top = Math.min(props.scroll, max);
	const position = lines.length <= rows ? 'all' : top >= max ? 'end' : `${Math.round((top / max) * 100)}%`;
	return (
		<Pane title={props.title} right={`${position} `} width={props.width} height={props.height} focused={props.focused}>
			<Box flexDirection="column" paddingX={1} width={props.width - 2}>
				{props.message ? (
					<Text wrap="wrap">{props.message}</Text>
				) : (
					// Already wrapped to this width (lines.ts): render as they are.
					lines.slice(top, top + rows).map((line, i) => <LineView key={top + i} line={line} hits={props.hits} />)
				)}
			</Box>
		</Pane>
	);
}
