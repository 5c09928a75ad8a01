// `m` (and `e` in the bookmarks): the note of a bookmark, typed on one line.
// The app's keymap edits the text (noteType, noteErase), as in the speaker picker.
import {callName} from '../../model/store/call-list.js';
import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import type {Store} from '../../model/store/store.js';
import type {NoteState} from '../state.js';
import {accent} from '../layout/theme.js';
import {fit} from '../layout/wrap.js';

const tail = (text: string, width: number) => {
	const chars = [...text];
	return chars.length <= width ? text : `…${chars.slice(chars.length - width + 1).join('')}`;
};

export function NoteEditor(props: {store: Store; note: NoteState | null; width: number; height: number}) {
	const inner = props.width - 4;
	const note = props.note ?? {text: '', call: '', turn: 0, index: null};
	const call = props.store.call(note.call);
	const turn = call?.turns[note.turn];
	const who = turn && turn.speaker !== null ? call!.speakers[turn.speaker]!.name : 'Unattributed';
	const about = call && turn ? `${callName(props.store.calls, call)} · ${who}` : `${note.call} (not loaded)`;
	return (
		<Box flexDirection="column" width={props.width} height={props.height} borderStyle="double" borderColor={accent} paddingX={1}>
			<Text bold wrap="truncate">
				{fit(`Bookmark · ${about}`, inner)}
			</Text>
			<Text dimColor wrap="truncate">
				{fit(turn?.paragraphs[0]?.text ?? '', inner)}
			</Text>
			<Text> </Text>
			<Box>
				{/* A box of its own: as a text, its trailing space went when a long note wrapped. */}
				<Box width={6} flexShrink={0}>
					<Text>Note:</Text>
				</Box>
				{/* One line, as a text field is: a long note shows its end, where the typing is. */}
				<TextInput value={tail(note.text, inner - 8)} onChange={() => {}} focus={false} placeholder="optional; Enter keeps the bookmark" />
				<Text inverse> </Text>
			</Box>
		</Box>
	);
}
