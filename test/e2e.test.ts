// End to end: the built CLI in a real pseudo-terminal (test/pty-driver.py),
// driven by keys, and the terminal left as it was found.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {fixture, root} from './helpers.ts';

type Step = {wait: string; timeout?: number} | {keys: string} | {sleep: number} | {signal: string} | {resize: [number, number]} | {clear: true};

function drive(cols: number, rows: number, command: string[], steps: Step[]) {
	const r = spawnSync('python3', [`${root}test/pty-driver.py`, String(cols), String(rows), '--', ...command], {
		input: JSON.stringify(steps),
		encoding: 'utf8',
		// Settings in a fresh folder: no test sees another's saved state.
		env: {...process.env, EARNINGS_READER_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'er-e2e-'))},
		timeout: 60_000,
	});
	const result = JSON.parse(r.stdout) as {exit: number | null; output: string; raw_tail: string; error?: string};
	assert.equal(result.error, undefined, `${result.error}\n${result.output}`);
	return result;
}

const cli = [process.execPath, `${root}dist/cli.js`];
const LEAVE_ALT_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';

describe('end to end in a pseudo-terminal', () => {
	it('opens Q2 2017, filters to Elon Musk, shows his answers, quits with 0 and restores the screen', () => {
		const r = drive(140, 40, cli, [
			{wait: 'Q2 2017 · 2017-08-02'},
			{keys: '?'},
			{wait: 'Keys — Esc or \\? closes'},
			{keys: '?'},
			{sleep: 0.2},
			{keys: '\r'},
			{sleep: 0.15},
			{keys: 's'},
			{wait: 'Speaker — in Q2 2017 first'},
			{keys: 'musk'},
			{wait: '> musk'},
			{sleep: 0.1},
			{keys: '\r'},
			{wait: 'Filter: Elon Reeve Musk'},
			{sleep: 0.1},
			{keys: 'a'},
			{wait: 'Question from James Joseph Albertine'},
			{keys: 'q'},
		]);
		assert.equal(r.exit, 0);
		assert.ok(r.raw_tail.includes(LEAVE_ALT_SCREEN), 'left the alternate screen');
		assert.ok(r.raw_tail.includes(SHOW_CURSOR), 'cursor shown again');
	});

	it('SIGTERM restores the terminal too', () => {
		const r = drive(100, 30, cli, [{wait: 'Q2 2017 · 2017-08-02'}, {signal: 'TERM'}]);
		assert.equal(r.exit, 143);
		assert.ok(r.raw_tail.includes(LEAVE_ALT_SCREEN) && r.raw_tail.includes(SHOW_CURSOR));
	});

	it('a transcript piped on stdin opens, with keys from the terminal', () => {
		const r = drive(100, 30, ['sh', '-c', `cat '${fixture('se_csco_2016q4.txt')}' | '${cli[0]}' '${cli[1]}'`], [
			{wait: 'Cisco Systems · Q4 2016 · 2016-08-17'},
			{keys: 'q'},
		]);
		assert.equal(r.exit, 0);
	});

	it('resizes live: 80x24, down to 50x12 (asks for room), back up, still working', () => {
		const r = drive(80, 24, cli, [
			{wait: 'Metrics'},
			{clear: true},
			{resize: [50, 12]},
			{wait: 'Enlarge the window'},
			{clear: true},
			{resize: [80, 24]},
			{wait: 'Metrics'},
			{keys: 'j'},
			{sleep: 0.1},
			{keys: 'q'},
		]);
		assert.equal(r.exit, 0);
	});
});
