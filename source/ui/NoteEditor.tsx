// `m` (and `e` in the bookmarks): the note of a bookmark, typed on one line.
// The app's keymap edits the text (noteType, noteErase), as in the speaker picker.
import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import {accent} from './theme.js';
import {fit} from './wrap.js';

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
				<Text>{'Note: '}</Text>
				<TextInput value={props.text} onChange={() => {}} focus={false} placeholder="optional; Enter keeps the bookmark" />
				<Text inverse> </Text>
			</Box>
		</Box>
	);
}
