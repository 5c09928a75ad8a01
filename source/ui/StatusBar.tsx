// Bottom line: the keys that work here (from the keymap) and the active filter.
import {Box, Text} from 'ink';
import {hints} from './keymap.js';
import type {State} from './state.js';
import {fit, textWidth} from './wrap.js';

export function StatusBar({state, filterLabel, width}: {state: State; filterLabel: string | null; width: number}) {
	const right = state.notice ?? filterLabel ?? '';
	const rightText = right ? ` ${fit(right, Math.floor(width / 2))}` : '';
	const room = width - textWidth(rightText);
	// Whole hints only: a hint that does not fit is left out, never cut mid-word.
	let keys = '';
	for (const h of hints(state)) {
		const next = `${keys ? `${keys}  ` : ''}${h.label} ${h.short ?? h.help.toLowerCase()}`;
		if (textWidth(next) > room) break;
		keys = next;
	}
	return (
		<Box width={width} height={1}>
			<Text dimColor wrap="truncate">{keys.padEnd(room)}</Text>
			<Text color={state.notice ? 'yellow' : 'green'} wrap="truncate">{rightText}</Text>
		</Box>
	);
}
