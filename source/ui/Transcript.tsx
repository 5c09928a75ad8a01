// Centre pane: the transcript, windowed — only the visible lines are rendered,
// one <Text> a line, from lines wrapped once per width (lines.ts).
import {Box, Text} from 'ink';
import type {Layout, Line} from './lines.js';
import {Pane} from './Pane.js';
import {MARK, roleColor} from './theme.js';

/** A line with marked words: plain, marked, plain … (marks are column ranges of the line). */
function Marked({line, dim}: {line: Line; dim?: boolean}) {
	const parts: {text: string; mark: boolean}[] = [];
	let at = 0;
	for (const [from, to] of line.marks!) {
		if (from > at) parts.push({text: line.text.slice(at, from), mark: false});
		parts.push({text: line.text.slice(from, to), mark: true});
		at = to;
	}
	if (at < line.text.length) parts.push({text: line.text.slice(at), mark: false});
	return (
		<Text wrap="truncate" dimColor={dim}>
			{parts.map((p, i) => (p.mark ? <Text key={i} {...MARK}>{p.text}</Text> : p.text))}
		</Text>
	);
}

function LineView({line}: {line: Line}) {
	if (line.marks) return <Marked line={line} dim={line.kind === 'context'} />;
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

export function Transcript(props: {title: string; layout: Layout; scroll: number; message: string | null; focused: boolean; width: number; height: number}) {
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
					lines.slice(top, top + rows).map((line, i) => <LineView key={top + i} line={line} />)
				)}
			</Box>
		</Pane>
	);
}
