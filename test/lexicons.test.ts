// Word lists of one's own (issue 15): lexicon/*.txt in the settings folder
// extend or replace the shipped lists; the counts change in the CLI and the
// reader; a malformed line is reported with its line number, never a crash.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {parseLexicon} from '../source/model/metrics/user-lexicons.ts';
import {root} from './helpers.ts';

function settingsWith(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'er-lexicon-'));
	mkdirSync(join(dir, 'lexicon'));
	for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'lexicon', name), text);
	return dir;
}
const cli = (dir: string, ...args: string[]) => {
	const r = spawnSync(process.execPath, [`${root}dist/cli.js`, ...args], {encoding: 'utf8', env: {...process.env, EARNINGS_READER_CONFIG_DIR: dir, NO_COLOR: '1'}});
	assert.ok(!/\n\s+at .+:\d+:\d+/.test(r.stderr), `no stack trace: ${r.stderr}`);
	return r;
};
const hedges = (dir: string) => (JSON.parse(cli(dir, 'metrics', 'tesla-2017-q2', '--json').stdout) as {hedging: {count: number}}[])[0]!.hedging.count;

describe('a word list file', () => {
	it('phrases one a line, # comments, "# replace", and each bad line named by its number', () => {
		const {list, problems} = parseLexicon('# mine\nObviously\n\n# replace\nto be honest\n\u0007bad\n!!!\n', 'hedges', 'lexicon/hedges.txt');
		assert.deepEqual(list.phrases, ['obviously', 'to be honest']);
		assert.equal(list.replace, true);
		assert.deepEqual(problems, ['lexicon/hedges.txt line 6: a control character; left out', 'lexicon/hedges.txt line 7: no word in "!!!"; left out']);
		assert.deepEqual(parseLexicon('superb\nvery good\n', 'positive', 'p.txt').problems, ['p.txt line 2: "very good" is more than one word (the positive list is matched word by word); left out']);
	});
});

describe('the user’s lists in force', () => {
	it('extend the hedges in the CLI (96 → 106 in Q2 2017 with "obviously" and "basically"); a bad line is said on stderr, the rest used', () => {
		const none = mkdtempSync(join(tmpdir(), 'er-lexicon-none-'));
		assert.equal(hedges(none), 96);
		const dir = settingsWith({'hedges.txt': '# my hedges\nobviously\n\u0007bad\nbasically\n'});
		assert.equal(hedges(dir), 106);
		const r = cli(dir, 'metrics', 'tesla-2017-q2');
		assert.equal(r.status, 0);
		assert.match(r.stderr, /lexicon\/hedges\.txt line 3: a control character; left out/);
	});

	it('replace the non-answer rules with a list of one’s own', () => {
		const dir = settingsWith({'non-answers.txt': '# replace\nput a pin on\n'});
		const reports = JSON.parse(cli(dir, 'metrics', 'tesla-2017-q2', '--json').stdout) as {nonAnswers: {phrases: string[]}[]}[];
		assert.deepEqual(reports[0]!.nonAnswers.map(n => n.phrases), [['put a pin on']]);
	});

	it('metrics --lexicon says which lists are in force', () => {
		const dir = settingsWith({'hedges.txt': 'obviously\n', 'guidance.txt': 'we are targeting\n'});
		const out = cli(dir, 'metrics', '--lexicon').stdout;
		assert.match(out, /hedges +shipped \+ 1 of yours \(.*hedges\.txt\); 28 in force/);
		assert.match(out, /non-answers +shipped; the project's rules and phrases/);
		assert.match(out, /guidance +shipped \+ 1 of yours .*; 1 cue of yours/);
	});

	it('change the counts in the reader too (the sidebar’s hedging, in a pseudo-terminal)', () => {
		const dir = settingsWith({'hedges.txt': 'obviously\nbasically\n'});
		const steps = [{wait: 'Hedges /100 w +1\\.28', timeout: 20}, {keys: 'q'}];
		const r = spawnSync('python3', [`${root}test/pty-driver.py`, '100', '30', '--', process.execPath, `${root}dist/cli.js`], {input: JSON.stringify(steps), encoding: 'utf8', env: {...process.env, EARNINGS_READER_CONFIG_DIR: dir}, timeout: 60_000});
		const result = JSON.parse(r.stdout) as {error?: string; output: string};
		assert.equal(result.error, undefined, result.output.slice(-2000));
	});
});
