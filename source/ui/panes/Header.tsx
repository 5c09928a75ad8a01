// Top line: which call is open.
import {Box, Text} from 'ink';
import type {Call} from '../../model/types.js';
import {fit} from '../layout/wrap.js';

export function Header({call, width, callCount}: {call: Call; width: number; callCount: number}) {
	const what = [call.meta.company, call.meta.quarter, call.meta.date].filter(Boolean).join(' · ') || call.source;
	const right = ` ${callCount} calls`;
	return (
		<Box width={width} height={1}>
			<Text bold wrap="truncate">{fit(`earnings-reader  ${what}`, width - right.length).padEnd(width - right.length)}</Text>
			<Text dimColor>{right}</Text>
		</Box>
	);
}
