// The instant frame in a real pseudo-terminal (cli/instant-frame.ts): a start
// draws the frame the last one kept for the very same inputs before anything
// loads, the reader's own frame then replaces it, and any change to what the
// frame is made of (the settings, the index, a frame file tampered with) is a
// start without one.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {CORPUS} from '../bench/corpus-check.ts';
import {sqlite} from '../source/model/library/index-db.ts';
import {root} from './helpers.ts';

type Step = {wait: string; timeout?: number} | {keys: string} | {sleep: number} | {signal: string};

function drive(command: string[], steps: Step[], env: Record<string, string>) {
	const r = spawnSync('python3', [`${root}test/pty-driver.py`, '100', '30', '--', ...command], {input: JSON.stringify(steps), encoding: 'utf8', env: {...process.env, ...env, PTY_DRIVER_RAW: '1'}, timeout: 120_000});
	const result = JSON.parse(r.stdout) as {exit: number | null; output: string; raw: string; error?: string};
	assert.equal(result.error, undefined, `${result.error}\n${result.output}`);
	// The terminal makes each line end CR LF; the frames are kept as written.
	result.raw = result.raw.replace(/\r\n/g, '\n');
	return result;
}

const cli = [process.execPath, `${root}dist/cli.js`];
const REDRAW = '\u001B[H\u001B[J';
const ENTER_ALT = '\u001B[?1049h';
const folders = () => ({EARNINGS_READER_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'er-if-cfg-')), EARNINGS_READER_CACHE_DIR: mkdtempSync(join(tmpdir(), 'er-if-cache-'))});
const framesIn = (env: Record<string, string>) => join(env['EARNINGS_READER_CACHE_DIR']!, 'frames');
/** Every kept frame made `text`: what a start draws first shows which (if any) it took. */
const replaceFrames = (env: Record<string, string>, text: string) => {
	for (const name of readdirSync(framesIn(env))) writeFileSync(join(framesIn(env), name), text);
};
const MARK = 'A FRAME KEPT BY AN EARLIER START\n';

describe('the instant frame', () => {
	it('the second start draws the first one\'s frame at once, the same the reader draws itself; keys typed meanwhile reach it', () => {
		const env = folders();
		const first = drive(cli, [{wait: 'Metrics'}, {keys: 'q'}], env);
		assert.equal(first.exit, 0);
		assert.ok(readdirSync(framesIn(env)).length >= 1, 'a frame kept');
		// At once: '?' sent as soon as the frame shows, before the reader has loaded.
		const second = drive(cli, [{wait: 'Metrics'}, {keys: '?'}, {wait: 'Keys — Esc or \\? closes'}, {keys: '?'}, {sleep: 0.2}, {keys: 'q'}], env);
		assert.equal(second.exit, 0);
		const raw = second.raw;
		// A kept frame comes with the alternate screen, before the reader's own first write.
		const kept = readdirSync(framesIn(env)).map(name => readFileSync(join(framesIn(env), name), 'utf8'));
		assert.ok(kept.some(frame => raw.includes(`${ENTER_ALT}\u001B[H\u001B[?2004h\u001B[?25l${frame}`)), 'a kept frame drawn at once');
		assert.ok(!raw.includes(REDRAW), 'the reader found its own first frame on screen already: not drawn again');
		assert.equal(raw.split(ENTER_ALT).length - 1, 1, 'the alternate screen entered once');
	});

	it('a kept frame that is not the reader\'s is drawn over at once; one holding a control is never drawn', () => {
		const env = folders();
		drive(cli, [{wait: 'Metrics'}, {keys: 'q'}], env);
		drive(cli, [{wait: 'Metrics'}, {keys: 'q'}], env);
		replaceFrames(env, MARK);
		const shown = drive(cli, [{wait: 'Metrics'}, {keys: 'q'}], env);
		assert.ok(shown.raw.includes(MARK), 'the kept frame drawn first');
		const after = shown.raw.slice(shown.raw.indexOf(MARK) + MARK.length);
		// Then the reader's own, over a cleared screen (after Ink's codes to hide the cursor and sync the output).
		assert.match(after, /^(\u001B\[\?[0-9]+[hl])*\u001B\[H\u001B\[J[^\n]*Tesla · Q2 2017[\s\S]*Metrics/);
		// Tampered with: a clipboard write (OSC 52) in the file is never sent.
		replaceFrames(env, `\u001B]52;c;aGVsbG8=\u0007${MARK}`);
		const tampered = drive(cli, [{wait: 'Metrics'}, {keys: 'q'}], env);
		assert.equal(tampered.exit, 0);
		assert.ok(!tampered.raw.includes(']52;') && !tampered.raw.includes(MARK), 'not drawn');
	});

	it('SIGTERM as the kept frame shows, or while the reader draws its own: the terminal left as it was found, status 143', () => {
		const env = folders();
		drive(cli, [{wait: 'Metrics'}, {keys: 'q'}], env);
		// At once, and at moments across the reader's load and first render (where a
		// signal once found no handler and killed it with the screen taken).
		for (const delay of [0, 0.02, 0.04, 0.06, 0.09, 0.13]) {
			const r = drive(cli, [{wait: 'Metrics'}, {sleep: delay}, {signal: 'TERM'}], env);
			assert.equal(r.exit, 143, `SIGTERM ${delay * 1000} ms after the frame showed`);
			assert.ok(r.raw.includes('\u001B[?1049l\u001B[?25h'), `left the alternate screen, cursor shown (${delay * 1000} ms)`);
		}
	});

	it('used in two sizes by turns, moving to another call each time: every start after the first two opens on a kept frame, the reader\'s own', () => {
		const env = folders();
		const sized = (cols: number, rows: number) => {
			const steps = [{wait: 'Metrics'}, {sleep: 0.3}, {keys: 'k'}, {sleep: 0.1}, {keys: '\r'}, {sleep: 0.3}, {keys: 'q'}];
			const r = spawnSync('python3', [`${root}test/pty-driver.py`, String(cols), String(rows), '--', ...cli], {input: JSON.stringify(steps), encoding: 'utf8', env: {...process.env, ...env, PTY_DRIVER_RAW: '1'}});
			return (JSON.parse(r.stdout) as {raw: string}).raw.replace(/\r\n/g, '\n');
		};
		const opened = (raw: string) => raw.includes(`${ENTER_ALT}\u001B[H\u001B[?2004h\u001B[?25l`);
		sized(100, 30);
		sized(120, 40);
		for (const [cols, rows] of [[100, 30], [120, 40], [100, 30]] as const) {
			const raw = sized(cols, rows);
			assert.ok(opened(raw), `${cols}x${rows}: a kept frame drawn at once`);
			assert.ok(!raw.includes(REDRAW), `${cols}x${rows}: the reader's own first frame`);
		}
		const file = join(env['EARNINGS_READER_CONFIG_DIR']!, 'config.json');
		assert.match(readFileSync(file, 'utf8'), /"call": "tesla-2011-q2"/, 'each start moved to the call before');
	});

	it('changed settings, another terminal size or NO_COLOR: no kept frame is drawn', () => {
		const env = folders();
		drive(cli, [{wait: 'Metrics'}, {keys: 'q'}], env);
		drive(cli, [{wait: 'Metrics'}, {keys: 'q'}], env);
		replaceFrames(env, MARK);
		// The sidebar turned off in the settings file, as another reader would save it.
		const file = join(env['EARNINGS_READER_CONFIG_DIR']!, 'config.json');
		const settings = JSON.parse(readFileSync(file, 'utf8'));
		settings.reader.sidebar = false;
		writeFileSync(file, JSON.stringify(settings));
		const changed = drive(cli, [{wait: 'Tesla · Q2 2017'}, {sleep: 0.2}, {keys: 'q'}], env);
		assert.ok(!changed.raw.includes(MARK));
		assert.ok(!changed.output.includes('Metrics'), 'the sidebar is off, as the settings say');
		const noColor = drive(cli, [{wait: 'Tesla · Q2 2017'}, {keys: 'q'}], {...env, NO_COLOR: '1'});
		assert.ok(!noColor.raw.includes(MARK));
		const r = spawnSync('python3', [`${root}test/pty-driver.py`, '120', '40', '--', ...cli], {input: JSON.stringify([{wait: 'Tesla · Q2 2017'}, {keys: 'q'}]), encoding: 'utf8', env: {...process.env, ...env, PTY_DRIVER_RAW: '1'}});
		assert.ok(!(JSON.parse(r.stdout) as {raw: string}).raw.replace(/\r\n/g, '\n').includes(MARK), 'another size');
	});
});

const here = existsSync(join(CORPUS, 'counts.tsv'));
const skip = !here ? '../shared/corpus/ not found (a clone without the shared data): instant frame library test skipped' : sqlite() ? false : 'better-sqlite3 is not built here (the index is off): instant frame library test skipped';

describe('the instant frame on a library', {skip}, () => {
	it('kept from a start read from the index, and from one that indexed for the next; a frame from before the index changed is never drawn', () => {
		const library = mkdtempSync(join(tmpdir(), 'er-if-lib-'));
		const calls = readdirSync(join(CORPUS, 'seeking-alpha')).filter(f => f.endsWith('.txt'));
		for (const f of calls.slice(0, 3)) copyFileSync(join(CORPUS, 'seeking-alpha', f), join(library, f));
		const env = folders();
		const reader = [...cli, '--dir', library];
		const keptShown = (raw: string) => readdirSync(framesIn(env)).some(name => raw.includes(`${ENTER_ALT}\u001B[H\u001B[?2004h\u001B[?25l${readFileSync(join(framesIn(env), name), 'utf8')}`));
		// The first start indexes (showing the bundled calls meanwhile); at quit it keeps the frame of the index as the next start reads it.
		drive(reader, [{wait: 'Indexed: 8 calls', timeout: 60}, {keys: 'q'}], env);
		assert.equal(readdirSync(framesIn(env)).length, 1, 'a frame kept for the next start');
		// The second draws it at once, and it is the reader's own: not drawn again.
		const second = drive(reader, [{wait: '8 calls'}, {sleep: 0.5}, {keys: 'q'}], env);
		assert.ok(keptShown(second.raw), 'the frame kept by the start that indexed, drawn at once');
		assert.ok(!second.raw.includes(REDRAW), 'and it is the reader\'s first frame');
		replaceFrames(env, MARK);
		// A file added: the index is as it was at start, so the kept frame is still the reader's first (which then indexes the file).
		copyFileSync(join(CORPUS, 'seeking-alpha', calls[3]!), join(library, 'added.txt'));
		const third = drive(reader, [{wait: 'Indexed: 9 calls', timeout: 60}, {keys: 'q'}], env);
		assert.ok(third.raw.includes(MARK), 'the index unchanged at start: its frame drawn');
		// The index has changed since: no frame kept before the change is drawn, but the one the third start kept for it at quit.
		const fourth = drive(reader, [{wait: '9 calls'}, {sleep: 0.5}, {keys: 'q'}], env);
		assert.ok(!fourth.raw.includes(MARK), 'a frame from before the change not drawn');
		assert.ok(keptShown(fourth.raw) && !fourth.raw.includes(REDRAW), 'the frame kept for the changed index, the reader\'s own');
	});

	it('index on a terminal keeps the frame the reader then opens on; on a pipe it draws nothing', () => {
		const library = mkdtempSync(join(tmpdir(), 'er-if-lib-'));
		const calls = readdirSync(join(CORPUS, 'seeking-alpha')).filter(f => f.endsWith('.txt'));
		for (const f of calls.slice(0, 2)) copyFileSync(join(CORPUS, 'seeking-alpha', f), join(library, f));
		const env = folders();
		const piped = spawnSync(process.execPath, [`${root}dist/cli.js`, '--dir', library, 'index'], {encoding: 'utf8', env: {...process.env, ...env}});
		assert.equal(piped.status, 0);
		assert.ok(!existsSync(framesIn(env)), 'nothing kept by index on a pipe (no terminal size to draw at)');
		copyFileSync(join(CORPUS, 'seeking-alpha', calls[2]!), join(library, 'added.txt'));
		const made = drive([...cli, '--dir', library, 'index'], [{wait: 'Size on disk'}, {sleep: 1.5}], env);
		assert.equal(made.exit, 0);
		assert.equal(readdirSync(framesIn(env)).length, 1, 'a frame kept by index');
		const frame = readFileSync(join(framesIn(env), readdirSync(framesIn(env))[0]!), 'utf8');
		const start = drive([...cli, '--dir', library], [{wait: 'Metrics'}, {sleep: 0.5}, {keys: 'q'}], env);
		assert.ok(start.raw.includes(`${ENTER_ALT}\u001B[H\u001B[?2004h\u001B[?25l${frame}`), 'the reader opens on it at once');
		assert.ok(!start.raw.includes(REDRAW), 'and it is the reader\'s own first frame');
	});
});
