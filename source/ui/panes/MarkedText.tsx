// A line with marked words (the words behind a metric, search hits): plain,
// marked, plain … — marks are column ranges of the text, in order.
import {Text} from 'ink';
import {markedParts} from '../../model/documents/quotes.js';
import {MARK} from '../layout/theme.js';

export function MarkedText({text, marks, dim}: {text: string; marks: readonly [number, number][]; dim?: boolean}) {
	const parts = markedParts(text, marks);
	return (
		<Text wrap="truncate" dimColor={dim}>
			{parts.map((p, i) => (p.mark ? <Text key={i} {...MARK}>{p.text}</Text> : p.text))}
		</Text>
	);
}
