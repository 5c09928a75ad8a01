// `m` (and `e` in the bookmarks): the note of a bookmark, typed on one line.
// The app's keymap edits the text (noteType, noteErase), as in the speaker picker.
import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import {accent} from './theme.js';
import {fit} from './wrap.js';

const tail = (text: string, width: number) => {
	const chars = [...text];
	return chars.length <= width ? text : `…${chars.slice(chars.length - width + 1).join('')}`;
};

export function NoteEditor(props: {text: string; about: string; snippet: string; width: number; height: number}) {
	const inner = props.width - 4;
	return (
		<Box flexDirection="column" width={props.width} height={props.height} borderStyle="double" borderColor={accent} paddingX={1}>
			<Text bold wrap="truncate">
				{fit(`Bookmark · ${props.about}`, inner)}
			</Text>
			<Text dimColor wrap="truncate">
				{fit(props.snippet, inner)}
			</Text>
			<Text> </Text>
			<Box>
				{/* A box of its own: as a text, its trailing space went when a long note wrapped. */}
				<Box width={6} flexShrink={0}>
					<Text>Note:</Text>
				</Box>
				{/* One line, as a text field is: a long note shows its end, where the typing is. */}
				<TextInput value={tail(props.text, inner - 8)} onChange={() => {}} focus={false} placeholder="optional; Enter keeps the bookmark" />
				<Text inverse> </Text>
			</Box>
		</Box>
	);
}
