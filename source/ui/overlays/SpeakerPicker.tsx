// `s`: pick a person — those in the open call first, then everyone else.
import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import type {Candidate} from './picker.js';
import {accent, roleColor} from '../layout/theme.js';
import {fit} from '../layout/wrap.js';

export function SpeakerPicker(props: {query: string; candidates: Candidate[]; cursor: number; callLabel: string; width: number; height: number}) {
	const inner = props.width - 4;
	const rows = Math.max(1, props.height - 5);
	const first = Math.max(0, Math.min(props.cursor - Math.floor(rows / 2), props.candidates.length - rows));
	return (
		<Box flexDirection="column" width={props.width} height={props.height} borderStyle="double" borderColor={accent} paddingX={1}>
			<Text bold wrap="truncate">{fit(`Speaker — in ${props.callLabel} first · ↑↓ Enter Esc`, inner)}</Text>
			<Box>
				<Text>{'> '}</Text>
				{/* Shows the query; the app's keymap edits it (see keymap.ts, pickerType). */}
				<TextInput value={props.query} onChange={() => {}} focus={false} placeholder="type a name or firm" />
				<Text inverse> </Text>
			</Box>
			{props.candidates.length === 0 ? <Text dimColor>No one matches.</Text> : null}
			{props.candidates.slice(first, first + rows).map((c, k) => {
				const i = first + k;
				const about = [c.person.role, c.person.firms[c.person.firms.length - 1], c.inCall ? '' : `not in ${props.callLabel}`].filter(Boolean).join(' · ');
				const name = fit(c.person.name, Math.min(28, inner - 2));
				return (
					<Text key={c.person.id} inverse={i === props.cursor} wrap="truncate">
						<Text color={i === props.cursor ? undefined : roleColor(c.person.role)}>{`${i === props.cursor ? '›' : ' '} ${name}`}</Text>
						<Text dimColor>{fit(`  ${about}`, Math.max(0, inner - name.length - 2))}</Text>
					</Text>
				);
			})}
		</Box>
	);
}
