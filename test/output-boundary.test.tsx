// The output boundary: text from outside the code — file names, settings,
// arguments, typed keys, transcripts — never reaches a terminal, a Markdown
// file or a file name with a control byte in it, whatever path it takes.
// Only the app's own styling (SGR) is let through.
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {bookmarkQuotes} from '../source/model/documents/bookmarks.ts';
import {bookmarksDocument, searchDocument, viewDocument} from '../source/model/documents/documents.ts';
import {exportCalls} from '../source/model/store/export.ts';
import {loadBytes} from '../source/model/input/load.ts';
import {safeJson} from '../source/model/input/sanitize.ts';
import {search} from '../source/model/search/search.ts';
import {buildStore} from '../source/model/store/store.ts';
import {formatList, formatShow, ansi} from '../source/cli/format.ts';
import {formatQuotes} from '../source/cli/format-search.ts';
import {neutralize} from '../source/cli/output.ts';
import {App} from '../source/ui/App.tsx';
import {writeNewFile} from '../source/ui/terminal/export-file.ts';
import {memorySettings} from '../source/ui/settings/settings.ts';
import {checkSettings} from '../source/ui/settings/settings-values.ts';
import {root} from './helpers.ts';
import {renderAt} from './render-at.ts';

/** Any control a terminal acts on: C0 but \n, DEL, C1, bidi controls. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** The styling the app itself writes. */
const OWN_SGR = /\u001B\[[0-9;]*m/g;
const assertClean = (text: string, what: string) => {
	const rest = text.replace(OWN_SGR, '');
	const bad = CONTROL.exec(rest);
	assert.equal(bad, null, `${what}: U+${bad?.[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${bad?.index}: ${JSON.stringify(rest.slice(Math.max(0, (bad?.index ?? 0) - 20), (bad?.index ?? 0) + 20))}`);
};
/** JSON is clean when nothing in it, read as raw text, is a control. */
const assertCleanJson = (text: string, what: string) => assertClean(text, what);

const OSC_TITLE = '\u001B]0;PWNED\u0007';
const OSC_CLIPBOARD = '\u001B]52;c;SGVsbG8=\u0007';
const HOSTILE = `x${OSC_TITLE}${OSC_CLIPBOARD}\u009B31m\u009D0;T\u009C\u202Ey`;

const cliIn = (cwd: string, env: Record<string, string>, ...args: string[]) => {
	const r = spawnSync(process.execPath, [`${root}dist/cli.js`, ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '', ...env}});
	return {out: r.stdout, err: r.stderr, code: r.status};
};

describe('output boundary: the CLI', () => {
	it('a file named with OSC title and clipboard writes: show, list, export, --json and the skipped lines print none of it', () => {
		const dir = mkdtempSync(join(tmpdir(), 'er-names-'));
		writeFileSync(join(dir, `${HOSTILE}.txt`), 'Operator: Welcome to the earnings call.\n\nAlice Smith: Revenue grew.\n\nBob Jones: Thanks.\n');
		writeFileSync(join(dir, `bad${OSC_TITLE}.txt`), Buffer.from([0, 1, 2, 3]));
		const config = mkdtempSync(join(tmpdir(), 'er-names-config-'));
		const env = {EARNINGS_READER_CONFIG_DIR: config};
		for (const args of [['list'], ['show', 'x'], ['export'], ['export', '--call', 'x'], ['show', 'x', '--md'], ['speakers'], ['metrics', 'x', '--json'], ['search', 'revenue', '--json']]) {
			const r = cliIn(dir, env, '--dir', dir, ...args);
			assert.equal(r.code, 0, `${args.join(' ')}: ${r.err}`);
			assertClean(r.out, `${args.join(' ')} stdout`);
			assertClean(r.err, `${args.join(' ')} stderr`);
		}
		const skipped = cliIn(dir, env, '--dir', dir, 'list').err;
		assert.match(skipped, /skipped .*\/bad\.txt: binary file, not text/);
		const shown = cliIn(dir, env, '--dir', dir, 'show', 'x').out;
		assert.match(shown, /Revenue grew\./);
	});

	it('settings values holding escape codes: bookmarks (plain, --md, --json) print their text only', () => {
		const config = mkdtempSync(join(tmpdir(), 'er-hostile-config-'));
		const first = (readFileSync(join(root, 'transcripts/tesla-2017-q2.txt'), 'utf8').split('\n').find(l => l.trim()) ?? '').slice(0, 10);
		void first;
		writeFileSync(
			join(config, 'config.json'),
			JSON.stringify({reader: {call: `tesla-2017-q2${OSC_TITLE}`, bookmarks: [{call: 'tesla-2017-q2', turn: 3, snippet: '', note: `note ${HOSTILE}`, created: ''}, {call: `gone${OSC_TITLE}`, turn: 1, snippet: '', note: HOSTILE, created: ''}]}}),
		);
		for (const args of [['bookmarks'], ['bookmarks', '--md'], ['bookmarks', '--json']]) {
			const r = cliIn(root, {EARNINGS_READER_CONFIG_DIR: config}, ...args);
			assert.equal(r.code, 0, r.err);
			assertClean(r.out, args.join(' '));
			assertClean(r.err, `${args.join(' ')} stderr`);
			assert.match(r.out, /note x.*y/);
		}
	});

	it('arguments are untrusted too: a query or CALL with escape codes is echoed clean', () => {
		for (const args of [['show', HOSTILE], ['search', HOSTILE], ['search', HOSTILE, '--md'], ['show', 'tesla-2017-q2', '--speaker', HOSTILE], [HOSTILE]]) {
			const r = cliIn(root, {}, ...args);
			assertClean(r.out, `${args[0]} stdout`);
			assertClean(r.err, `${args[0]} stderr`);
		}
	});

	it('export --json writes no raw U+202E, C1 or DEL: they are escaped, the same value read back', () => {
		assert.equal(safeJson({a: 'x\u202Ey\u0085\u007F\u2028'}), '{"a":"x\\u202ey\\u0085\\u007f\\u2028"}');
		assert.deepEqual(JSON.parse(safeJson({a: 'x\u202Ey\u0085\u007F'})), {a: 'x\u202Ey\u0085\u007F'});
	});
});

// Strings with every control class: C0, ESC sequences of each kind, DEL, C1 (8-bit CSI, OSC, ST), bidi marks, line separators.
const piece = fc.oneof(
	fc.constantFrom('\u001B[31m', '\u001B]0;T\u0007', '\u001B]52;c;SGk=\u001B\\', '\u001BP1$r\u001B\\', '\u001Bc', '\u009B2J', '\u009D0;T\u009C', '\u0007', '\u0008', '\u007F', '\u0085', '\u202E', '\u2066', '\u061C', '\u200F', '\uFEFF', '\u2028', '\r', '\t', '\u0000', '\u000B', '\u000C'),
	fc.integer({min: 0, max: 0x2fff}).map(c => String.fromCharCode(c)),
	fc.constantFrom('Revenue', 'grew', ' ', 'Elon Musk', ':', '\n'),
);
const hostile = fc.array(piece, {minLength: 1, maxLength: 24}).map(p => p.join(''));

function storeFrom(name: string, body: string) {
	const text = `Operator: Welcome to the earnings call.\n\nAlice Smith: Revenue ${body} grew.\n\nBob Jones: Thanks ${body}.\n`;
	const loaded = loadBytes(new TextEncoder().encode(text), `/tmp/${name}.txt`);
	return loaded.ok ? buildStore([{source: loaded.source}]) : null;
}

describe('property: no control byte survives any output path', () => {
	it('CLI text and Markdown, --json, bookmarks, export file names', () => {
		const out = mkdtempSync(join(tmpdir(), 'er-prop-'));
		fc.assert(
			fc.property(hostile, hostile, hostile, (name, body, note) => {
				const store = storeFrom(name, body);
				// A NUL byte makes a file binary (skipped by the loader); every other case is a call:
				// a property that skipped its cases would prove nothing.
				if (!store) return;
				assert.equal(store.calls.length, 1, 'the hostile call loads');
				const call = store.calls[0]!;
				assertClean(neutralize(formatList(store), true), 'list');
				assertClean(neutralize(formatShow(call, null, false, ansi), true), 'show');
				assertClean(viewDocument(call, null, false), 'show --md');
				assertCleanJson(safeJson(exportCalls(store.calls), 2), 'export --json');
				const hits = search(store, 'revenue');
				assertClean(searchDocument(store, note, hits), 'search --md');
				const {settings} = checkSettings({bookmarks: [{call: call.id, turn: 0, snippet: note, note, created: note}]});
				const quotes = bookmarkQuotes(store, settings.bookmarks!);
				assertClean(formatQuotes(quotes, ansi), 'bookmarks');
				assertClean(bookmarksDocument(store, settings.bookmarks!), 'bookmarks --md');
				assertCleanJson(safeJson(quotes), 'bookmarks --json');
				const file = writeNewFile(out, note, `# ${note}\n`);
				assertClean(file, 'export file name');
				assertClean(readFileSync(file, 'utf8'), 'export file text');
				assertClean(neutralize(`no call matches '${note}'`, false), 'an argument echoed');
			}),
			{numRuns: 300},
		);
		assert.ok(readdirSync(out).length > 0);
	});

	it("the reader's frame: hostile file names, transcript text and bookmark notes", async () => {
		await fc.assert(
			fc.asyncProperty(hostile, hostile, hostile, async (name, body, note) => {
				const store = storeFrom(name, body);
				if (!store) return;
				assert.equal(store.calls.length, 1, 'the hostile call loads');
				const {settings} = checkSettings({call: note, bookmarks: [{call: store.calls[0]!.id, turn: 0, snippet: '', note, created: ''}, {call: note, turn: 0, snippet: '', note, created: ''}]});
				const app = renderAt(<App store={store} settings={memorySettings(settings)} cols={100} rows={30} />, 100, 30);
				await new Promise(r => setTimeout(r, 30));
				app.stdin.write("'");
				await new Promise(r => setTimeout(r, 30));
				const frame = app.lastFrame() ?? '';
				app.unmount();
				assert.ok(frame.includes('Bookmarks'), 'the list is open');
				// Cursor moves and the like are Ink's own; only SGR may remain of escapes in the text lines.
				assertClean(frame, 'frame');
			}),
			{numRuns: 25},
		);
	});
});
