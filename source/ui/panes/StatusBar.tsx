// Bottom line: the keys that work here (from the keymap) and the active filter.
import {Box, Text} from 'ink';
import {hints, type Binding} from '../input/keymap.js';
import {accent, noticeColor, useColor} from '../layout/theme.js';
import type {State} from '../state.js';
import {fit, textWidth} from '../layout/wrap.js';

/**
 * Hints chosen by use here, shown in table order: first the keys of this pane
 * and mode (Space and ] in the transcript, a and x with a filter), then q and
 * ?, then Tab and the arrows, which are known. Whole hints only: one that does
 * not fit is left out, never cut mid-word.
 */
const rank = (h: Binding) => (h.command === 'focusNext' || h.command === 'down' || h.command === 'up' ? 2 : h.command === 'quit' || h.command === 'help' ? 1 : 0);
const words = (h: Binding) => `${h.label.split(' ')[0]} ${h.short ?? h.help.toLowerCase()}`;

function fitHints(state: State, room: number): string {
	const all = hints(state);
	const chosen = new Set<Binding>();
	let used = 0;
	for (const h of [...all].sort((a, b) => rank(a) - rank(b))) {
		const width = textWidth(words(h)) + (chosen.size ? 2 : 0);
		if (used + width > room) continue;
		chosen.add(h);
		used += width;
	}
	return all.filter(h => chosen.has(h)).map(words).join('  ');
}

/** `input`: on the search line (or the call filter's), the text as typed (shown first, after `prompt`, with a cursor). */
export function StatusBar({state, filterLabel, width, input, prompt = '/', progress = null}: {state: State; filterLabel: string | null; width: number; input?: string; prompt?: string; progress?: string | null}) {
	// Indexing's progress is never hidden by a notice: the notice gives way to it at the end of the line.
	const notice = state.notice && progress ? `${fit(state.notice, Math.max(10, width - textWidth(progress) - 6))} · ${progress}` : state.notice;
	const right = notice ?? filterLabel ?? '';
	// A notice (a path written, a file set aside) may take most of the line: it is what the reader needs to read.
	const rightText = right ? ` ${fit(right, state.notice ? width - 2 : Math.floor(width / 2))}` : '';
	// The end of a long query is what is being typed: keep that in view.
	const typed = input === undefined ? '' : `${prompt}${[...input].slice(-Math.max(1, Math.floor(width / 2) - 4 - prompt.length)).join('')}`;
	if (input !== undefined) {
		const hintRoom = width - textWidth(rightText) - textWidth(typed) - 3;
		const keys = fitHints(state, hintRoom);
		return (
			<Box width={width} height={1}>
				<Text bold>{typed}</Text>
				<Text inverse> </Text>
				<Text dimColor wrap="truncate">{`  ${keys}`.padEnd(Math.max(0, hintRoom + 2))}</Text>
				<Text color={state.notice ? noticeColor : accent} bold={Boolean(state.notice) && !useColor} wrap="truncate">{rightText}</Text>
			</Box>
		);
	}
	const room = width - textWidth(rightText);
	const keys = fitHints(state, room);
	return (
		<Box width={width} height={1}>
			<Text dimColor wrap="truncate">{keys.padEnd(room)}</Text>
			<Text color={state.notice ? noticeColor : accent} bold={Boolean(state.notice) && !useColor} wrap="truncate">{rightText}</Text>
		</Box>
	);
}
