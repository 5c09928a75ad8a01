// `/`: the search's hits from all calls in date order (newest first; Ctrl+R
// flips), each with its call, speaker and how it matched (all words, near
// spelling), the sentence with the hit marked. `+` while more are being read.
import {callName} from '../../model/store/call-list.js';
import {Box, Text} from 'ink';
import type {Hit} from '../../model/search/search.js';
import type {Store} from '../../model/store/store.js';
import {Pane} from '../panes/Pane.js';
import {MarkedText} from '../panes/MarkedText.js';
import {roleColor} from '../layout/theme.js';
import {fit, textWidth} from '../layout/wrap.js';

const TIER = {phrase: '', all: 'all words', fuzzy: 'near spelling'} as const;

/** The sentence cut to `width` columns around its first mark, so the hit shows: `[text, marks as columns]`. */
export function snippet(text: string, marks: readonly [number, number][], width: number): [string, [number, number][]] {
	const first = marks[0]?.[0] ?? 0;
	let from = 0;
	if (textWidth(text) > width && first > width / 3) from = text.lastIndexOf(' ', first - Math.floor(width / 3)) + 1;
	const lead = from > 0 ? '…' : '';
	const shown = fit(lead + text.slice(from), width);
	const columns = marks
		.map(([s, e]): [number, number] => [s - from + lead.length, e - from + lead.length])
		.filter(([s]) => s >= lead.length && s < shown.length)
		.map(([s, e]): [number, number] => [s, Math.min(e, shown.length)]);
	return [shown, columns];
}

export function SearchResults(props: {store: Store; query: string; hits: Hit[]; more?: boolean; order?: 'newest' | 'oldest'; cursor: number; only: string | null; width: number; height: number}) {
	const {store, hits} = props;
	const inner = props.width - 4;
	const perHit = 2;
	const visible = Math.max(1, Math.floor((props.height - 3) / perHit));
	const first = Math.max(0, Math.min(props.cursor - Math.floor(visible / 2), hits.length - visible));
	const calls = new Set(hits.map(h => h.call)).size;
	const title = !props.query.trim() ? 'Search all calls' : `${hits.length.toLocaleString('en-US')}${props.more ? '+' : ''} ${hits.length === 1 ? 'hit' : 'hits'} in ${calls.toLocaleString('en-US')}${props.more ? '+' : ''} ${calls === 1 ? 'call' : 'calls'}${props.only ? ` · ${props.only} only` : ''} · ${props.order === 'oldest' ? 'oldest' : 'newest'} first`;
	return (
		<Pane title={fit(title, inner)} right={hits.length ? `${props.cursor + 1}/${hits.length} ` : ''} width={props.width} height={props.height} focused>
			<Box flexDirection="column" paddingX={1} width={props.width - 2}>
				{!props.query.trim() ? (
					<Text wrap="wrap" dimColor>
						Words (all must match, any order), "a phrase", speaker:musk, call:2017, -word. Case and punctuation do not matter.
					</Text>
				) : hits.length === 0 ? (
					<Text dimColor>No sentence matches.</Text>
				) : (
					hits.slice(first, first + visible).map((h, k) => {
						const i = first + k;
						const call = store.call(h.call)!;
						const who = h.speaker === null ? null : call.speakers[h.speaker]!;
						// Who first, then the call, then how it matched: what gives way in a narrow pane is the last.
						const speaker = who?.name ?? 'Unattributed';
						const room = inner - 4;
						const full = [callName(store.calls, call), TIER[h.tier]].filter(Boolean).join(' · ');
						const where = textWidth(speaker) + 2 + textWidth(full) <= room ? full : fit(callName(store.calls, call), Math.max(0, room - Math.min(textWidth(speaker), Math.ceil(room / 2)) - 2));
						const name = fit(speaker, Math.max(1, room - textWidth(where)));
						const sentence = call.turns[h.turn]!.paragraphs[h.paragraph]!.text.slice(h.start, h.end);
						const [text, marks] = snippet(sentence, h.marks.map(([s, e]): [number, number] => [s - h.start, e - h.start]), inner - 2);
						return (
							<Box key={i} flexDirection="column">
								<Text wrap="truncate" inverse={i === props.cursor}>
									{`${i === props.cursor ? '›' : ' '} `}
									<Text color={i === props.cursor ? undefined : roleColor(who?.role ?? 'none')}>{name}</Text>
									<Text dimColor>{`  ${where}`}</Text>
								</Text>
								<Box paddingLeft={2}>
									<MarkedText text={text} marks={marks} />
								</Box>
							</Box>
						);
					})
				)}
			</Box>
		</Pane>
	);
}
