// `t`: each metric across the loaded calls, one column per call in date order,
// drawn with block characters. With a speaker filter the rows are that person's.
import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import {formatValue} from '../model/metrics/format-number.js';
import type {TrendRow} from '../model/metrics/trends.js';
import {bar} from './bars.js';
import {accent} from './theme.js';
import {fit, textWidth} from './wrap.js';

/**
 * Where a value sits on its row's bar: shares on 0–100% (so two people's talk
 * shares compare at a glance), tone on −1…+1, counts and rates against the
 * row's largest value.
 */
function fraction(row: TrendRow, value: number): number {
	if (row.unit === 'share') return value;
	if (row.unit === 'tone') return (value + 1) / 2;
	const max = Math.max(...row.values.map(v => v ?? 0));
	return max > 0 ? value / max : 0;
}

/** The fullest title that fits, dropping the explanations before cutting anything. */
function title(who: string | null, width: number): string {
	const name = who ? ` — ${who}` : '';
	const forms = [
		`Trends${name} · one column per call, oldest first · type a term to chart it · Esc closes`,
		`Trends${name} · oldest first · type a term to chart it · Esc closes`,
		`Trends${name} · type a term · Esc closes`,
		`Trends${name}`,
	];
	return forms.find(f => textWidth(f) <= width) ?? fit(forms[3]!, width);
}

export function Trends(props: {rows: TrendRow[]; quarters: string[]; open: number; term: string; who: string | null; width: number; height: number}) {
	const inner = props.width - 4;
	const labelWidth = Math.min(24, Math.max(14, Math.floor(inner / 4)));
	const cell = Math.max(4, Math.floor((inner - labelWidth) / Math.max(1, props.quarters.length)));
	const valueWidth = 6;
	const barWidth = Math.max(0, cell - valueWidth - 2);
	// Title, column heads, the term line and the borders take 6 rows.
	const room = Math.max(0, props.height - 6);
	const cellText = (row: TrendRow, v: number | null) => {
		const value = formatValue(v, row.unit).padStart(valueWidth);
		if (barWidth === 0) return value.padStart(cell - 1).padEnd(cell);
		return `${v === null ? ''.padEnd(barWidth) : bar(fraction(row, v), barWidth).padEnd(barWidth)}${value} `.padEnd(cell);
	};
	return (
		<Box flexDirection="column" width={props.width} height={props.height} borderStyle="double" borderColor={accent} paddingX={1}>
			<Text bold wrap="truncate">{title(props.who, inner)}</Text>
			<Text wrap="truncate">
				<Text>{''.padEnd(labelWidth)}</Text>
				{props.quarters.map((q, i) => (
					<Text key={q + i} bold={i === props.open} underline={i === props.open}>
						{fit(q, cell - 1).padStart(cell - 1).padEnd(cell)}
					</Text>
				))}
			</Text>
			{props.rows.slice(0, room).map(row =>
				row.heading ? (
					<Text key={row.label} bold dimColor wrap="truncate">
						{fit(row.label, inner)}
					</Text>
				) : (
				<Text key={row.label} wrap="truncate">
					<Text>{fit(row.label, labelWidth - 1).padEnd(labelWidth)}</Text>
					{row.values.map((v, i) => (
						<Text key={i} dimColor={v === null}>
							{cellText(row, v)}
						</Text>
					))}
				</Text>
				),
			)}
			{props.rows.length > room ? <Text dimColor>{fit(`${props.rows.length - room} more rows: enlarge the window`, inner)}</Text> : null}
			<Box marginTop={props.rows.length > room ? 0 : 1}>
				<Text>{'Term: '}</Text>
				{/* Shows the term; the app's keymap edits it (keymap.ts, trendsType). */}
				<TextInput value={props.term} onChange={() => {}} focus={false} placeholder="type a term, e.g. gigafactory" />
				<Text inverse> </Text>
			</Box>
		</Box>
	);
}
