// Left pane: the calls in date order — quarter (and company, when there are several), date, number of questions.
import type {ReactElement} from 'react';
import {Text} from 'ink';
import type {Call} from '../model/types.js';
import {questionCount} from '../model/store/view.js';
import {Pane} from './Pane.js';
import {MARK} from './theme.js';
import {fit, textWidth} from './wrap.js';

/** A list of calls from more than one company names each call's company (its ticker, else its name). */
const companies = new WeakMap<readonly Call[], boolean>();
function manyCompanies(calls: readonly Call[]): boolean {
	let many = companies.get(calls);
	if (many === undefined) {
		const first = calls[0]?.meta.company ?? null;
		many = calls.some(c => c.meta.company !== first);
		companies.set(calls, many);
	}
	return many;
}

/** `hits`: the active search's hits per call, shown under each call's date, marked as hits are. */
export function CallList(props: {calls: Call[]; open: number; cursor: number; focused: boolean; width: number; height: number; hits?: readonly number[]}) {
	const inner = props.width - 2;
	const rows = props.height - 3;
	const perCall = 2;
	const visible = Math.max(1, Math.floor(rows / perCall));
	const first = Math.max(0, Math.min(props.cursor - Math.floor(visible / 2), props.calls.length - visible));
	const lines: ReactElement[] = [];
	const many = manyCompanies(props.calls);
	props.calls.slice(first, first + visible).forEach((call, k) => {
		const i = first + k;
		const selected = props.focused && i === props.cursor;
		// A flagged call (text not in turns, no labels: `earnings-reader check` says why) is marked with `!`.
		const marker = i === props.open ? '▸' : call.errors.length ? '!' : ' ';
		const q = `${questionCount(call)}q`;
		const name = fit(`${marker}${call.meta.quarter ?? call.id}`, inner - q.length - 1);
		// Beside the date, the company: its ticker, else its name (cut to the room left).
		const company = many ? (call.meta.ticker ?? call.meta.company ?? '') : '';
		const hits = props.hits ? String(props.hits[i] ?? 0) : '';
		const room = inner - (hits ? hits.length + 1 : 0);
		const day = ` ${call.meta.date ?? call.source}`;
		// The company only where it fits whole beside the date (a ticker cut to `A…` names nothing).
		const date = fit(company && textWidth(day) + 1 + textWidth(company) <= room ? `${day} ${company}` : day, room).padEnd(inner - hits.length);
		lines.push(
			<Text key={`${call.id}-1`} inverse={selected} bold={i === props.open} wrap="truncate">
				{`${name.padEnd(inner - q.length)}${q}`}
			</Text>,
			<Text key={`${call.id}-2`} wrap="truncate">
				<Text dimColor={!selected} inverse={selected}>
					{date}
				</Text>
				{hits ? props.hits![i] ? <Text {...MARK}>{hits}</Text> : <Text dimColor>{hits}</Text> : null}
			</Text>,
		);
	});
	return (
		<Pane title={props.hits ? 'Calls · hits' : 'Calls'} right={`${props.cursor + 1}/${props.calls.length}`} width={props.width} height={props.height} focused={props.focused}>
			{lines}
		</Pane>
	);
}

