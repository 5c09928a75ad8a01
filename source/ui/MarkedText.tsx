// A line with marked words (the words behind a metric, search hits): plain,
// marked, plain … — marks are column ranges of the text, in order.
import {Text} from 'ink';
import {MARK} from './theme.js';

export function MarkedText({text, marks, dim}: {text: string; marks: readonly [number, number][]; dim?: boolean}) {
	const parts: {text: string; mark: boolean}[] = [];
	let at = 0;
	for (const [from, to] of marks) {
		if (from > at) parts.push({text: text.slice(at, from), mark: false});
		parts.push({text: text.slice(Math.max(from, at), to), mark: true});
		at = Math.max(at, to);
	}
	if (at < text.length) parts.push({text: text.slice(at), mark: false});
	return (
		<Text wrap="truncate" dimColor={dim}>
			{parts.map((p, i) => (p.mark ? <Text key={i} {...MARK}>{p.text}</Text> : p.text))}
		</Text>
	);
}
