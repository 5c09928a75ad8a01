// `?`: every key, grouped by where it works — read from the keymap table.
import {Box, Text} from 'ink';
import {KEYMAP, SCOPES} from './keymap.js';
import {accent} from './theme.js';
import {fit} from './wrap.js';

type Group = {title: string; rows: string[]};

/**
 * Lay groups out in `columns` columns of at most `height` lines, each group
 * whole (its heading never apart from its keys); null when they do not fit.
 */
function pack(groups: Group[], height: number, columns: number, gaps = true): string[][] | null {
	const out: string[][] = [[]];
	for (const g of groups) {
		const block = [`\u0000${g.title}`, ...g.rows];
		const column = out[out.length - 1]!;
		const gap = gaps && column.length > 0 ? 1 : 0;
		if (column.length + gap + block.length <= height) {
			if (gap) column.push('');
			column.push(...block);
		} else if (block.length <= height && out.length < columns) out.push(block);
		else return null;
	}
	return out;
}

export function HelpOverlay({width, height}: {width: number; height: number}) {
	const inner = width - 4;
	const rowsAvail = height - 3;
	const groups: Group[] = [];
	const seen = new Set<string>();
	const keyWidth = Math.max(...KEYMAP.map(b => b.label.length));
	for (const scope of SCOPES) {
		const rows: string[] = [];
		for (const b of KEYMAP.filter(k => k.scope === scope)) {
			const id = `${b.label}|${b.help}`;
			if (seen.has(`${scope}|${id}`)) continue;
			seen.add(`${scope}|${id}`);
			rows.push(`  ${b.label.padEnd(keyWidth)}  ${b.help}`);
		}
		if (rows.length > 0) groups.push({title: scope, rows});
	}
	// The fewest columns that hold every group whole; in a window too small even
	// for three, the lines simply flow (the status bar still shows the keys).
	const all = groups.flatMap(g => [`\u0000${g.title}`, ...g.rows]);
	// Blank lines between groups go before a third column does.
	const columns =
		pack(groups, rowsAvail, 1) ??
		pack(groups, rowsAvail, 2) ??
		pack(groups, rowsAvail, 2, false) ??
		pack(groups, rowsAvail, 3) ??
		pack(groups, rowsAvail, 3, false) ??
		Array.from({length: Math.ceil(all.length / rowsAvail)}, (_, i) => all.slice(i * rowsAvail, (i + 1) * rowsAvail));
	const colWidth = Math.floor(inner / columns.length);
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="double" borderColor={accent} paddingX={1}>
			<Text bold wrap="truncate">{fit('Keys — Esc or ? closes', inner)}</Text>
			<Box flexDirection="row">
				{columns.map((lines, c) => (
					<Box key={c} flexDirection="column" width={colWidth}>
						{lines.slice(0, rowsAvail).map((line, i) => (
							<Text key={i} bold={line.startsWith('\u0000')} wrap="truncate">
								{fit(line.replace('\u0000', ''), colWidth - 1) || ' '}
							</Text>
						))}
					</Box>
				))}
			</Box>
		</Box>
	);
}
