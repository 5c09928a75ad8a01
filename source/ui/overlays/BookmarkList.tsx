// `'`: the bookmarks — call, speaker, note, the turn's first words. Enter
// goes to one, e edits its note, d deletes it (keys in keymap.ts).
import {fullCallName} from '../../model/store/call-list.js';
import {Box, Text} from 'ink';
import type {Bookmark} from '../../model/documents/bookmarks.js';
import {resolveBookmark} from '../../model/documents/bookmarks.js';
import type {Store} from '../../model/store/store.js';
import {accent, roleColor} from '../layout/theme.js';
import {fit, textWidth} from '../layout/wrap.js';

export function BookmarkList(props: {store: Store; bookmarks: Bookmark[]; cursor: number; unsaved?: string | null; width: number; height: number}) {
	const inner = props.width - 4;
	const perRow = 2;
	const visible = Math.max(1, Math.floor((props.height - 3 - (props.unsaved ? 1 : 0)) / perRow));
	const first = Math.max(0, Math.min(props.cursor - Math.floor(visible / 2), props.bookmarks.length - visible));
	return (
		<Box flexDirection="column" width={props.width} height={props.height} borderStyle="double" borderColor={accent} paddingX={1}>
			<Text bold wrap="truncate">
				{fit(`Bookmarks · ${props.bookmarks.length} · ${props.unsaved ? 'NOT SAVED, kept here and retried · E writes them out' : 'kept with your settings'}`, inner)}
			</Text>
			{props.unsaved ? <Text wrap="truncate">{fit(`Why: ${props.unsaved}`, inner)}</Text> : null}
			{props.bookmarks.length === 0 ? <Text dimColor wrap="wrap">No bookmarks yet: m marks the turn at the top of the transcript, with a note if you like.</Text> : null}
			{props.bookmarks.slice(first, first + visible).map((b, k) => {
				const i = first + k;
				const at = resolveBookmark(props.store, b);
				const turn = at ? at.call.turns[at.turn]! : null;
				const who = at && turn && turn.speaker !== null ? at.call.speakers[turn.speaker]! : null;
				const where = at ? fullCallName(at.call) : `${b.call} (not loaded)`;
				const name = who?.name ?? (at ? 'Unattributed' : '');
				const head = fit(`${i === props.cursor ? '›' : ' '} ${where}  `, inner);
				const note = b.note ? fit(`  ${b.note}`, Math.max(0, inner - textWidth(head) - textWidth(name))) : '';
				return (
					<Box key={`${b.created}-${i}`} flexDirection="column">
						<Text wrap="truncate" inverse={i === props.cursor}>
							{head}
							<Text color={i === props.cursor ? undefined : roleColor(who?.role ?? 'none')}>{fit(name, Math.max(0, inner - textWidth(head)))}</Text>
							<Text bold>{note}</Text>
						</Text>
						<Text dimColor wrap="truncate">
							{fit(`    ${turn?.paragraphs[0]?.text ?? b.snippet}`, inner)}
						</Text>
					</Box>
				);
			})}
		</Box>
	);
}
