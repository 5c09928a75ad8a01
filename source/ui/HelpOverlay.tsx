// `?`: every key, grouped by where it works — read from the keymap table.
import {Box, Text} from 'ink';
import {KEYMAP, SCOPES} from './keymap.js';
import {accent} from './theme.js';
import {fit} from './wrap.js';

export function HelpOverlay({width, height}: {width: number; height: number}) {
	const rows: {scope: string; label: string; help: string}[] = [];
	const seen = new Set<string>();
	const ordered = SCOPES.flatMap(scope => KEYMAP.filter(b => b.scope === scope));
	for (const b of ordered) {
		const id = `${b.scope}|${b.label}|${b.help}`;
		if (seen.has(id)) continue;
		seen.add(id);
		rows.push(b);
	}
	const inner = width - 4;
	const lines: {text: string; title?: boolean}[] = [];
	let scope = '';
	for (const r of rows) {
		if (r.scope !== scope) {
			scope = r.scope;
			if (lines.length > 0) lines.push({text: ''});
			lines.push({text: scope, title: true});
		}
		lines.push({text: fit(`  ${r.label.padEnd(12)} ${r.help}`, inner)});
	}
	// Two columns when one does not fit.
	const rowsAvail = height - 4;
	const columns = lines.length > rowsAvail ? 2 : 1;
	const perColumn = Math.ceil(lines.length / columns);
	const colWidth = Math.floor(inner / columns);
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="double" borderColor={accent} paddingX={1}>
			<Text bold wrap="truncate">{fit('Keys — Esc or ? closes', inner)}</Text>
			<Box flexDirection="row">
				{Array.from({length: columns}, (_, c) => (
					<Box key={c} flexDirection="column" width={colWidth}>
						{lines.slice(c * perColumn, (c + 1) * perColumn).slice(0, rowsAvail).map((l, i) => (
							<Text key={i} bold={l.title} wrap="truncate">{fit(l.text, colWidth - 1) || ' '}</Text>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
