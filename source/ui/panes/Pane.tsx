// A bordered pane with a one-line title; the border shows which pane has focus.
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import {accent, quiet} from '../layout/theme.js';
import {fit} from '../layout/wrap.js';

export function Pane(props: {title: string; right?: string; width: number; height: number; focused: boolean; children: ReactNode}) {
	const inner = props.width - 2;
	const right = props.right ?? '';
	const title = fit(props.title, Math.max(0, inner - right.length - (right ? 1 : 0)));
	return (
		<Box flexDirection="column" width={props.width} height={props.height} borderStyle={props.focused ? 'bold' : 'round'} borderColor={props.focused ? accent : quiet} flexShrink={0}>
			<Box width={inner} height={1}>
				<Text bold={props.focused} wrap="truncate">{title.padEnd(inner - right.length)}</Text>
				<Text dimColor wrap="truncate">{right}</Text>
			</Box>
			{props.children}
		</Box>
	);
}
