// `t`: each metric across the open company's calls (Tab: every call loaded),
// one column per call in date order, drawn with block characters. With a
// speaker filter the rows are that person's. More calls than fit: the columns
// scroll sideways (← →), the open call's in view to begin with.
import {Box, Text} from 'ink';
import TextInput from 'ink-text-input';
import {formatValue} from '../../model/metrics/format-number.js';
import type {TrendRow} from '../../model/metrics/trends.js';
import {bar} from '../layout/bars.js';
import {accent} from '../layout/theme.js';
import {fit, textWidth} from '../layout/wrap.js';

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
function title(who: string | null, scope: string, shown: string, width: number): string {
	const name = who ? ` — ${who}` : '';
	const forms = [
		`Trends${name} · ${scope}${shown} · oldest first · type a term to chart it · Esc closes`,
		`Trends${name} · ${scope}${shown} · type a term · Esc closes`,
		`Trends${name} · ${scope}${shown}`,
		`Trends${name}`,
	];
	return forms.find(f => textWidth(f) <= width) ?? fit(forms[3]!, width);
}

const VALUE_WIDTH = 6;
/** The narrowest column: a value and a space either side. */
const MIN_CELL = VALUE_WIDTH + 2;

/** How the columns sit at a width: the label's width, a column's, and how many fit. */
export function trendsColumns(width: number, count: number) {
	const inner = width - 4;
	const labelWidth = Math.min(24, Math.max(14, Math.floor(inner / 4)));
	const fits = Math.max(1, Math.floor((inner - labelWidth) / MIN_CELL));
	const shown = Math.min(count, fits);
	const cell = Math.max(MIN_CELL, Math.floor((inner - labelWidth) / Math.max(1, shown)));
	return {inner, labelWidth, cell, shown};
}

/** The first column shown: `column` if the reader scrolled, else the one that keeps the open call in view (at the right). */
export function firstColumn(count: number, shown: number, open: number, column: number | null): number {
	const last = Math.max(0, count - shown);
	return Math.min(last, Math.max(0, column ?? open - shown + 1));
}

/**
 * `quarters`: each column's head; `companies`: a second line of heads (the
 * ticker) when the calls are of several companies. `scope`: what the columns
 * are ("Tesla's 5 calls").
 */
export function Trends(props: {rows: TrendRow[]; quarters: string[]; companies?: string[]; scope: string; open: number; column: number | null; term: string; who: string | null; width: number; height: number}) {
	const {inner, labelWidth, cell, shown} = trendsColumns(props.width, props.quarters.length);
	const from = firstColumn(props.quarters.length, shown, props.open, props.column);
	const to = from + shown;
	const valueWidth = VALUE_WIDTH;
	const barWidth = Math.max(0, cell - valueWidth - 2);
	// Title, column heads, the term line and the borders take 6 rows (7 with a line of tickers).
	const room = Math.max(0, props.height - 6 - (props.companies ? 1 : 0));
	const cols = <X,>(xs: readonly X[]) => xs.slice(from, to);
	const more = props.quarters.length > shown ? ` · calls ${from + 1}–${to} of ${props.quarters.length}, ← →` : '';
	const head = (labels: readonly string[], bold: boolean, label = '') => (
		<Text wrap="truncate">
			<Text dimColor>{fit(label, labelWidth - 1).padEnd(labelWidth)}</Text>
			{cols(labels).map((q, k) => (
				<Text key={q + k} bold={bold && from + k === props.open} underline={from + k === props.open} dimColor={!bold}>
					{fit(q, cell - 1).padStart(cell - 1).padEnd(cell)}
				</Text>
			))}
		</Text>
	);
	const cellText = (row: TrendRow, v: number | null) => {
		const value = formatValue(v, row.unit).padStart(valueWidth);
		if (barWidth === 0 || row.unit === 'flag') return value.padStart(cell - 1).padEnd(cell);
		return `${v === null ? ''.padEnd(barWidth) : bar(fraction(row, v), barWidth).padEnd(barWidth)}${value} `.padEnd(cell);
	};
	return (
		<Box flexDirection="column" width={props.width} height={props.height} borderStyle="double" borderColor={accent} paddingX={1}>
			<Text bold wrap="truncate">{title(props.who, props.scope, more, inner)}</Text>
			{head(props.quarters, true)}
			{props.companies ? head(props.companies, false) : null}
			{props.rows.slice(0, room).map(row =>
				row.heading ? (
					<Text key={row.label} bold dimColor wrap="truncate">
						{fit(row.label, inner)}
					</Text>
				) : (
				<Text key={row.label} wrap="truncate">
					<Text>{fit(row.label, labelWidth - 1).padEnd(labelWidth)}</Text>
					{cols(row.values).map((v, i) => (
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
