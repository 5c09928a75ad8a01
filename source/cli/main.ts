// Entry point. Subcommands use the model only; Ink and React are imported
// lazily, on the interactive path alone, so `list` and `show` start fast.
import {join} from 'node:path';
import {applyLexicons, listsInForce} from '../model/metrics/language.js';
import {readUserLexicons} from '../model/input/lexicon-files.js';
import type {UserLexicons} from '../model/metrics/user-lexicons.js';
import {formatLexicons} from './format-metrics.js';
import {parseArgs} from 'node:util';
import pkg from '../../package.json' with {type: 'json'};
import {exportCalls} from '../model/store/export.js';
import type {Store} from '../model/store/store.js';
import {ansi, checkRows, formatCheck, formatList, formatShow, formatSpeakers, plain, type Style} from './format.js';
import {formatCallReport, formatPersonReport} from './format-metrics.js';
import {formatQuotes} from './format-search.js';
import {dateOrder, searchStore} from '../model/search/search.js';
import {hitQuotes} from '../model/documents/quotes.js';
import {bookmarkQuotes, readBookmarks} from '../model/documents/bookmarks.js';
import {bookmarksDocument, searchDocument, viewDocument} from '../model/documents/documents.js';
import {configDir, libraryFolders, peek} from '../ui/settings/settings.js';
import {cacheDir} from '../model/library/index-db.js';
import {instantFrame, keepForNextStart, type StartOptions} from './instant-frame.js';
import {parseCacheUrl, readParseCache} from './load-store.js';
import {indexInUse, readerLibrary} from './reader-library.js';
import type {OpenOptions} from '../model/library/open-library.js';
import {nextStartStore, openForCommand} from './library-open.js';
import {addFolders, deleteIndex, indexStatus, removeFolders, showLibrary, stderrProgress} from './library-commands.js';
import {loadUi} from './load-ui.js';
import {err, exitOnWriteErrors, keepStyle, out} from './output.js';
import {safeJson} from '../model/input/sanitize.js';
import {existsSync} from 'node:fs';
import {MAX_BYTES} from '../model/input/load.js';
import {callReport, personReport} from '../model/metrics/report.js';
import {metricScope} from '../model/store/scope.js';

const PARSE_CACHE = parseCacheUrl(import.meta.url);

const HELP = `earnings-reader — read earnings-call transcripts in the terminal

Usage
  earnings-reader                      open the reader (a terminal is needed)
  cat call.txt | earnings-reader       open a transcript from standard input
  earnings-reader list                 one line per call, in date order
  earnings-reader show CALL [--speaker NAME] [--answers] [--md] [--times]
                                       the transcript as text; --speaker keeps one
                                       person's turns, --answers only their answers,
                                       each under the question it answers; --md as
                                       Markdown quotes; --times each paragraph's
                                       time in the recording, where it has one
  earnings-reader speakers [--call CALL]
                                       each person: role, firms, calls, turns, words
  earnings-reader export [--call CALL] all calls (or one) as JSON
  earnings-reader metrics [CALL] [--speaker NAME] [--json]
                                       Q&A quality, hedging, non-answers, forward-
                                       looking share, tone, figures and standout
                                       terms, per call; --speaker: one person's
  earnings-reader metrics --lexicon    which word lists are in force (yours:
                                       lexicon/*.txt in the settings folder)
  earnings-reader search QUERY [--speaker NAME] [--json | --md] [--rank]
                                       matching sentences from all calls, newest call
                                       first, printed as found: words (all must match),
                                       "a phrase", speaker:NAME, call:2017, -word;
                                       --rank: exact phrase first, then all words,
                                       then near spellings
  earnings-reader check [--json]       one line per file: layout, turns, speakers,
                                       sections, coverage (the share of its text in
                                       turns) and warnings; files skipped, and why
  earnings-reader bookmarks [--json | --md]
                                       the turns marked in the reader (m), with notes
  earnings-reader add PATH…            keep folders (or files) in your library: every
                                       command and the reader open them
  earnings-reader remove PATH…         take folders out of the library
  earnings-reader library              the folders, calls, flagged files, index size
  earnings-reader audio [player NAME | add DIR… | remove DIR…]
                                       where P finds recordings (beside the transcript,
                                       or in these folders) and the player it uses
  earnings-reader markdown-folder [DIR | default]
                                       where the reader's E writes Markdown (made if
                                       missing; default ~/earnings-reader)
  earnings-reader index [--status | --rebuild]
                                       bring the index up to date; --status: calls,
                                       size on disk, last run; --rebuild: made anew

Options
  --dir PATH      add the transcripts in PATH for this run (repeatable; any command)
  --no-bundled    leave the five bundled Tesla calls out
  -h, --help      this help
  -v, --version   the version

Search also takes company:NAME, ticker:AAPL, section:qa|prepared|summary,
role:analyst|executive, after:2019, before:2020-06, and guidance:raised
(lowered, maintained, introduced, withdrawn, any: management's outlook
sentences of that direction; alone, every such sentence).

The index of your library lives in $XDG_CACHE_HOME/earnings-reader (or
~/.cache/earnings-reader; EARNINGS_READER_CACHE_DIR overrides); it can always
be deleted.

CALL is an id (tesla-2017-q2), a quarter (Q2 2017), a date (2017-08-02), or any
fuzzy fragment of them (2017q2). NAME is any spelling of a person (Elon Musk,
Elon R. Musk) or a fragment (musk).
`;

class UsageError extends Error {}

/**
 * Standard input, read up to `limit` bytes: past that the read stops (`yes |`
 * would otherwise fill the memory) and `truncated` says so. A pipe that is
 * slow to end (`sleep 30 |`) is said to be read, on the terminal, after a
 * moment, so that the screen is never blank without a word.
 */
async function readLimited(stream: NodeJS.ReadStream, limit: number, showProgress: boolean): Promise<{bytes: Uint8Array; truncated: boolean}> {
	const chunks: Buffer[] = [];
	let total = 0;
	let shown = false;
	const show = () => {
		shown = true;
		process.stderr.write(`\r\u001B[Kearnings-reader: reading standard input… ${(total / 1048576).toFixed(1)} MB (Ctrl+C stops)`);
	};
	const timer = showProgress ? setInterval(show, 250) : undefined;
	try {
		for await (const chunk of stream) {
			const buffer = chunk as Buffer;
			if (total + buffer.length > limit) {
				stream.destroy();
				return {bytes: Buffer.concat(chunks), truncated: true};
			}
			chunks.push(buffer);
			total += buffer.length;
		}
		return {bytes: Buffer.concat(chunks), truncated: false};
	} finally {
		clearInterval(timer);
		if (shown) process.stderr.write('\r\u001B[K');
	}
}

const COMMAND_FLAGS: Record<string, string[]> = {
	list: [],
	audio: [],
	'markdown-folder': [],
	show: ['speaker', 'answers', 'md', 'times'],
	speakers: ['call'],
	export: ['call'],
	metrics: ['speaker', 'json', 'lexicon'],
	search: ['speaker', 'json', 'md', 'rank'],
	bookmarks: ['json', 'md'],
	check: ['json'],
	add: [],
	remove: [],
	library: [],
	index: ['status', 'rebuild'],
};

function fail(message: string): never {
	throw new UsageError(message);
}

function findCall(store: Store, query: string | undefined) {
	if (!query) fail('name a call, e.g. tesla-2017-q2 (see: earnings-reader list)');
	// A quarter or a date many calls share (`Q2 2019` in a library of ten companies) names none of them: said, never guessed.
	const q = query.trim().toLowerCase();
	const same = store.calls.filter(c => c.id !== q && (c.meta.quarter?.toLowerCase() === q || c.meta.date === q));
	if (same.length > 1 && !store.calls.some(c => c.id === q)) {
		const shown = same.slice(0, 12).map(c => c.id).join(', ');
		fail(`'${query}' matches ${same.length} calls: ${shown}${same.length > 12 ? `, and ${same.length - 12} more` : ''}. Name one by its id (see: earnings-reader list)`);
	}
	const known = store.calls.length > 20 ? `${store.calls.slice(0, 20).map(c => c.id).join(', ')}, and ${store.calls.length - 20} more (see: earnings-reader list)` : store.calls.map(c => c.id).join(', ');
	return store.findCall(query) ?? fail(`no call matches '${query}'. Known calls: ${known}`);
}

/** The library (bundled calls, saved folders, `--dir`), through the index; its notices on stderr. */
async function openStore(dirs: string[], noBundled: boolean, stdin?: Uint8Array, background = true, allTurns = false): Promise<Store> {
	const options: OpenOptions = {dirs, noBundled, stdin, cache: readParseCache(PARSE_CACHE), useIndex: indexInUse()};
	const library = await openForCommand(options, import.meta.url, PARSE_CACHE, stderrProgress(), background, allTurns);
	for (const notice of library.notices) err(`earnings-reader: ${notice}\n`);
	// The index stays open: a call's turns are read from it when first used.
	return library.store;
}

function reportSkipped(store: Store) {
	for (const s of store.skipped) err(`earnings-reader: skipped ${s.path}: ${s.reason}\n`);
}

export async function main(argv: string[]): Promise<number> {
	// Piped into `head`: stop quietly; a full disk: one line, status 1. (The reader puts its own in place.)
	exitOnWriteErrors();
	const {values, positionals} = parseArgs({
		args: argv,
		allowPositionals: true,
		strict: true,
		options: {
			dir: {type: 'string', multiple: true},
			speaker: {type: 'string'},
			answers: {type: 'boolean'},
			call: {type: 'string'},
			json: {type: 'boolean'},
			md: {type: 'boolean'},
			times: {type: 'boolean'},
			'no-bundled': {type: 'boolean'},
			status: {type: 'boolean'},
			rebuild: {type: 'boolean'},
			lexicon: {type: 'boolean'},
			rank: {type: 'boolean'},
			help: {type: 'boolean', short: 'h'},
			version: {type: 'boolean', short: 'v'},
		},
	});
	if (values.help) {
		out(HELP);
		return 0;
	}
	if (values.version) {
		out(`${pkg.version}\n`);
		return 0;
	}
	const [command, ...rest] = positionals;
	if (command !== undefined && !(command in COMMAND_FLAGS)) fail(`unknown command '${command}'`);
	for (const flag of ['speaker', 'answers', 'call', 'json', 'md', 'status', 'rebuild', 'lexicon', 'rank'] as const) {
		if (values[flag] !== undefined && !COMMAND_FLAGS[command ?? '']?.includes(flag)) {
			fail(`--${flag} does not apply to ${command ? `'${command}'` : 'the reader'}`);
		}
	}
	if (values.json && values.md) fail('--json and --md: choose one');
	if (values.status && values.rebuild) fail('--status and --rebuild: choose one');
	if (command === 'audio') return (await import('./audio-command.js')).audioCommand(rest);
	if (command === 'markdown-folder') return (await import('./markdown-folder-command.js')).markdownFolderCommand(rest);
	if (command === 'add' || command === 'remove') {
		if (rest.length === 0) fail(`name a folder, e.g. earnings-reader ${command} ~/transcripts`);
		return command === 'add' ? addFolders(rest) : removeFolders(rest);
	}
	const positional = command === 'show' || command === 'metrics' || command === 'search' ? 1 : 0;
	if (rest.length > positional) fail(`unexpected argument '${rest[positional]}'`);
	if (command === 'index' && values.status) return indexStatus();
	if (command === 'index' && values.rebuild) deleteIndex();

	for (const dir of values.dir ?? []) {
		if (dir.trim() === '') fail('--dir needs a path (an empty one would mean the current folder; say . for that)');
		if (!existsSync(dir)) fail(`--dir ${dir}: no such file or folder`);
	}
	const style = process.stdout.isTTY && !process.env['NO_COLOR'] ? ansi : plain;
	keepStyle(style === ansi);
	// The user's own word lists (lexicon/*.txt in the settings folder): in force for every measure; a bad line said, never fatal.
	const lexicon = readUserLexicons(configDir());
	if (Object.keys(lexicon.lexicons).length) applyLexicons(lexicon.lexicons);
	for (const problem of lexicon.problems) err(`earnings-reader: ${problem}\n`);
	if (command === 'metrics' && values.lexicon) {
		out(formatLexicons(lexicon.lexicons, listsInForce(), join(configDir(), 'lexicon')));
		return 0;
	}
	if (command === undefined) {
		let stdin: Uint8Array | undefined;
		if (!process.stdin.isTTY) {
			const piped = await readLimited(process.stdin, MAX_BYTES, Boolean(process.stdout.isTTY && process.stderr.isTTY));
			if (piped.truncated) {
				err(`earnings-reader: standard input is larger than ${MAX_BYTES / 1048576} MB, the most a transcript may be; stopped reading there.\n`);
				return 2;
			}
			stdin = piped.bytes.length ? piped.bytes : undefined;
		}
		const dirs = [...libraryFolders(configDir()), ...(values.dir ?? [])];
		// Not a terminal on stdout (`earnings-reader | less`, a script): the list, as text.
		if (!process.stdout.isTTY) {
			const store = await openStore(dirs, values['no-bundled'] ?? false, stdin);
			reportSkipped(store);
			out(`${formatList(store)}\n`);
			return 0;
		}
		// The last frame for all the same inputs, on screen before anything else loads (instant-frame.ts).
		const instant = stdin ? null : instantFrame(frameOptions(dirs, values['no-bundled'] ?? false, lexicon.lexicons));
		// The reader handles its own terminal's errors and hang-up (ui/run.tsx).
		// Start the import first: its file read overlaps the loading of the store.
		const ui = loadUi(import.meta.url);
		const reader = await readerLibrary(dirs, values['no-bundled'] ?? false, stdin, PARSE_CACHE, import.meta.url);
		const notices = [...reader.notices, ...lexicon.problems];
		// A frame is kept only from a start with nothing on screen but the library as the next start reads it.
		if (instant) instant.keeps = Boolean(reader.asLastTime) && notices.length === 0;
		const {runInteractive} = await ui;
		// With a word list in error the next start shows its notice: nothing kept for it.
		const nextStart = lexicon.problems.length ? undefined : reader.nextStart;
		return runInteractive(reader.store, {notices, background: reader.background, lexicons: lexicon.lexicons, instant, nextStart});
	}
	// `index` makes the index itself, in the foreground, with its progress.
	const dirs = [...libraryFolders(configDir()), ...(values.dir ?? [])];
	const store = await openStore(dirs, values['no-bundled'] ?? false, undefined, command !== 'index', command === 'search' || command === 'export' || (command === 'metrics' && rest[0] === undefined));
	// `check` lists the skipped files itself.
	if (command !== 'check') reportSkipped(store);
	switch (command) {
		case 'library':
			return showLibrary({calls: store.calls.length, flagged: store.calls.filter(c => c.errors.length).length, skipped: store.skipped.length});
		case 'index': {
			const code = indexStatus();
			// On a terminal, the reader's next start there opens at once on the index just made (instant-frame.ts).
			if (process.stdout.isTTY && !lexicon.problems.length) await keepIndexFrame(dirs, values['no-bundled'] ?? false, lexicon.lexicons);
			return code;
		}
		case 'check': {
			const rows = checkRows(store);
			out(values.json ? `${safeJson(rows, 2)}\n` : `${formatCheck(store)}\n`);
			return 0;
		}
		case 'list':
			out(`${formatList(store)}\n`);
			return 0;
		case 'show': {
			const call = findCall(store, rest[0]);
			let speaker: number | null = null;
			if (values.speaker !== undefined) {
				const person = store.findPerson(values.speaker, call) ?? fail(`no speaker matches '${values.speaker}'`);
				speaker = store.speakerIndex(call, person.id);
				if (speaker < 0) {
					err(`earnings-reader: ${person.name} does not speak in ${call.id} (speaks in ${person.calls.join(', ')})\n`);
					return 1;
				}
			}
			out(values.md ? viewDocument(call, speaker, values.answers ?? false) : formatShow(call, speaker, values.answers ?? false, style, values.times ?? false));
			return 0;
		}
		case 'speakers':
			out(`${formatSpeakers(store, values.call === undefined ? undefined : findCall(store, values.call))}\n`);
			return 0;
		case 'metrics': {
			const calls = rest[0] === undefined ? store.calls : [findCall(store, rest[0])];
			if (values.speaker !== undefined) {
				const person = store.findPerson(values.speaker, calls.length === 1 ? calls[0] : undefined) ?? fail(`no speaker matches '${values.speaker}'`);
				const rows = personReport(store, person.id).filter(r => calls.some(c => c.id === r.call));
				out(values.json ? `${safeJson({person: person.id, name: person.name, role: person.role, calls: rows}, 2)}\n` : `${formatPersonReport(person, rows)}\n`);
				return 0;
			}
			// A library from the index: each call measured against its company's calls, as in the reader.
			const reports = calls.map(c => callReport(metricScope(store, c), c));
			out(values.json ? `${safeJson(reports, 2)}\n` : `${reports.map(r => formatCallReport(r, style)).join('\n\n')}\n`);
			return 0;
		}
		case 'search': {
			if (!rest[0]?.trim()) fail('give a query, e.g. earnings-reader search gigafactory');
			const person = values.speaker === undefined ? null : (store.findPerson(values.speaker) ?? fail(`no speaker matches '${values.speaker}'`));
			const query = rest[0];
			// Through the index, newest first, a page at a time as found (`| head` answers at once);
			// --rank and --md wait for all: ranked by how the hit matches, or a document with its count.
			if (store.indexPage && !values.rank && !values.md) return streamSearch(store, query, person?.id ?? null, values.json === true, style);
			const {hits} = searchStore(store, query, {person: person?.id ?? null});
			if (!values.rank) hits.sort(dateOrder(store, 'newest'));
			if (values.md) {
				out(searchDocument(store, query, hits, person?.name ?? null));
				return 0;
			}
			const found = hitQuotes(store, hits);
			out(values.json ? `${safeJson(found, 2)}\n` : `${formatQuotes(found, style)}\n`);
			return 0;
		}
		case 'bookmarks': {
			const list = readBookmarks(peek(configDir()).bookmarks);
			if (values.md) {
				out(bookmarksDocument(store, list));
				return 0;
			}
			const found = bookmarkQuotes(store, list);
			out(values.json ? `${safeJson(found, 2)}\n` : `${formatQuotes(found, style, 'No bookmarks yet: press m in the reader to mark a turn.')}\n`);
			return 0;
		}
		case 'export': {
			const calls = values.call === undefined ? store.calls : [findCall(store, values.call)];
			out(`${safeJson(exportCalls(calls), 2)}\n`);
			return 0;
		}
	}
	return 2;
}


/**
 * Prints a search's hits as the index yields them: a first small page at once,
 * then growing ones, yielding between pages so that a closed pipe (`| head`)
 * is heard and ends the program there.
 */
async function streamSearch(store: Store, query: string, person: string | null, json: boolean, style: Style): Promise<number> {
	let from: number | null = null;
	let printed = 0;
	// Pages of 5, 20, 80, 320, then 500 hits: a closed pipe (`| head`) is heard at the next write, so the
	// first pages are small enough for `head` to end the search at once.
	let pages = 0;
	if (json) out('[');
	do {
		const page = store.indexPage!(query, {person, order: 'newest', from, limit: Math.min(500, 5 * 4 ** pages++), budgetMs: Number.MAX_SAFE_INTEGER, stream: true});
		from = page.next;
		const found = hitQuotes(store, page.hits);
		if (found.length === 0) continue;
		if (json) out(found.map((q, i) => `${printed + i === 0 ? '\n' : ',\n'}${safeJson(q, 2).replace(/^/gm, '  ')}`).join(''));
		else out(`${formatQuotes(found, style)}\n`);
		printed += found.length;
		await new Promise(resolve => setImmediate(resolve));
	} while (from !== null);
	if (json) out(printed ? '\n]\n' : ']\n');
	else if (printed === 0) out(`${formatQuotes([], style)}\n`);
	return 0;
}

main(process.argv.slice(2)).then(
	code => {
		process.exitCode = code;
	},
	(error: unknown) => {
		const usage = error instanceof UsageError || (error as {code?: string}).code?.startsWith('ERR_PARSE_ARGS');
		// parseArgs explains `--` at length; the first sentence is the message.
		let message = (error as Error).message.replace(/^Unknown option '([^']+)'.*$/s, "unknown option '$1'");
		// A search for an excluded word (`search '-model'`) reads as an option.
		if (/^unknown option/.test(message) && process.argv.slice(2).some(a => /^-[^-]/.test(a) && a.length > 2)) {
			message += ". A query that starts with '-' goes after --: earnings-reader search -- '-word'";
		}
		err(`earnings-reader: ${message}\n${usage ? 'Run earnings-reader --help for usage.\n' : ''}`);
		// Never a stack trace: a usage error is 2, anything else 1.
		process.exitCode = usage ? 2 : 1;
	},
);

/** What the reader's first frame is made of, for its instant frame (instant-frame.ts). A declaration: main() runs above, before a const here would be set. */
function frameOptions(dirs: string[], noBundled: boolean, lexicons: UserLexicons): StartOptions {
	return {cacheDir: cacheDir(), configDir: configDir(), dirs, noBundled, lexicons, useIndex: indexInUse()};
}

/** The frame of the reader's next start in this terminal, drawn off screen from the index as that start will read it. */
async function keepIndexFrame(dirs: string[], noBundled: boolean, lexicons: UserLexicons): Promise<void> {
	const {columns, rows} = process.stdout;
	await keepForNextStart(frameOptions(dirs, noBundled, lexicons), columns, rows, () => nextStartStore({dirs, noBundled}), async (store, c, r) => (await loadUi(import.meta.url)).drawFirstFrame(store, c, r, lexicons));
}
