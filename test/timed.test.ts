// Transcripts made from the audio (issue 22): Rev's .nlp token tables,
// EarningsCall's API JSON (levels 1–4), Whisper's segments JSON, SRT and
// WebVTT, and speakerless text. Fixtures written to each trap; the real files
// of ../shared/corpus/timed/ where it is present.
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {CORPUS} from '../bench/corpus-check.ts';
import {loadBytes, loadFile} from '../source/model/input/load.ts';
import {parseTranscript} from '../source/model/parse/parse.ts';
import {timeMark} from '../source/model/layouts/timed.ts';
import {companyFromWelcome, quarterFromWelcome} from '../source/model/parse/meta.ts';
import {speakerLine} from '../source/model/store/view.ts';

const parse = (text: string, name = 'fixture.txt') => {
	const loaded = loadBytes(new TextEncoder().encode(text), name);
	assert.ok(loaded.ok);
	return parseTranscript(loaded.source.text);
};
const who = (r: ReturnType<typeof parse>) => r.call.turns.map(t => (t.speaker === null ? null : r.call.speakers[t.speaker]!.name));
const times = (r: ReturnType<typeof parse>) => r.call.turns.map(t => t.paragraphs[0]!.marks[0]?.time ?? null);

describe('Rev .nlp token tables', () => {
	const table = (tokens: [string, number, string?, string?][]) =>
		['token|speaker|ts|endTs|punctuation|case|tags|wer_tags', ...tokens.map(([t, s, p, ts]) => `${t}|${s}|${ts ?? ''}||${p ?? ''}|LC|[]|[]`)].join('\n');
	const words = (speaker: number, text: string): [string, number, string?][] =>
		text.split(' ').map(w => {
			const m = /^(.*?)([.,?!]?)$/.exec(w)!;
			return [m[1]!, speaker, m[2]!];
		});
	const call = table([
		...words(0, 'Good day and welcome to the Acme third quarter earnings conference call. I would now like to turn the call over to our CFO, Jane Smith.'),
		...words(1, 'Thank you. Revenue grew uh 12% in the quarter. <inaudible> Margins were up.'),
		...words(1, 'With that, we will open the line for questions.'),
		...words(0, 'Our first question comes from Bob Jones with Morgan Stanley. Please go ahead.'),
		...words(2, 'Thanks. Um how are margins trending?'),
		...words(1, 'They are up.'),
	]);
	it('turns are runs of one id; punctuation from its column; fillers dropped, <inaudible> kept as a note', () => {
		const r = parse(call);
		assert.equal(r.call.layout, 'timed');
		assert.equal(r.call.turns.length, 5);
		assert.equal(r.call.turns[1]!.paragraphs.map(p => p.text).join(' '), 'Thank you. Revenue grew 12% in the quarter. [inaudible] Margins were up. With that, we will open the line for questions.');
		assert.ok(!r.call.turns.some(t => t.paragraphs.some(p => /\b(?:uh|um|Um)\b/.test(p.text))));
	});
	it('ids named from the call: the operator by what it says, the CFO and the analyst from the hand-offs, marked inferred', () => {
		const r = parse(call);
		assert.deepEqual(who(r), ['Operator', 'Jane Smith', 'Operator', 'Bob Jones', 'Jane Smith']);
		const jane = r.call.speakers.find(s => s.name === 'Jane Smith')!;
		assert.deepEqual([jane.role, jane.title, jane.inferred], ['executive', 'CFO', true]);
		const bob = r.call.speakers.find(s => s.name === 'Bob Jones')!;
		assert.deepEqual([bob.role, bob.firm, bob.inferred], ['analyst', 'Morgan Stanley', true]);
		// The heading the reader and `show` print says so.
		assert.deepEqual(speakerLine(bob), ['Bob Jones', 'Morgan Stanley · name inferred']);
		assert.equal(r.call.speakers.find(s => s.role === 'operator')!.inferred, undefined);
		// The Q&A starts at the operator's first question; the answer points at it.
		assert.deepEqual(r.call.turns.map(t => t.section), ['presentation', 'presentation', 'qa', 'qa', 'qa']);
		assert.equal(r.call.turns[4]!.answers, 3);
	});
	it('a hand-off by first name ("over to Tim") names the person the call named in full before, with the title said with it', () => {
		const r = parse(table([
			...words(0, 'Good day and welcome to the Acme conference call.'),
			...words(3, 'Thank you. Speaking first today is Acme CEO Tim Cook. I would now like to turn the call over to Tim.'),
			...words(5, 'Thank you, Jane. Revenue grew.'),
			...words(3, 'Now over to Bob.'),
			...words(6, 'Hello.'),
		]));
		assert.deepEqual(who(r), ['Operator', 'Speaker 3', 'Tim Cook', 'Speaker 3', 'Speaker 6']);
		const tim = r.call.speakers.find(s => s.name === 'Tim Cook')!;
		assert.deepEqual([tim.role, tim.title, tim.inferred], ['executive', 'CEO', true]);
	});
	it('an id nobody names reads "Speaker N"', () => {
		const r = parse(table([...words(4, 'Revenue grew a lot this quarter.'), ...words(7, 'How much did it grow?'), ...words(4, 'A lot.')]));
		assert.deepEqual(who(r), ['Speaker 4', 'Speaker 7', 'Speaker 4']);
	});
	it('times in the ts column become each paragraph’s start', () => {
		const r = parse(table([['Hello', 0, '', '1.5'], ['all', 0, '.', '2.0'], ['Revenue', 1, '', '65.2'], ['grew', 1, '.', '66']]));
		assert.deepEqual(times(r), ['00:00:01', '00:01:05']);
		assert.equal(timeMark(3723.9), '[01:02:03]');
	});
});

describe('EarningsCall API JSON', () => {
	it('level 3/4: speakers with words and start times; the event gives quarter and date; a name map is used', () => {
		const r = parse(JSON.stringify({
			event: {year: 2022, quarter: 1, conference_date: '2022-01-27T14:00:00.000-08:00'},
			speaker_name_map_v2: {spk01: {name: 'Tim Cook', title: 'CEO'}},
			speakers: [
				{speaker: 'spk00', words: ['Good', 'day', 'and', 'welcome', 'to', 'the', 'call.', 'Please', 'go', 'ahead.'], start_times: [0, 0.3, 0.5, 0.7, 1, 1.2, 1.4, 2, 2.2, 2.5]},
				{speaker: 'spk01', words: ['Thank', 'you.', 'Revenue', 'grew.'], start_times: [3, 3.5, 4, 4.5]},
				{speaker: 'spk00', words: ['Our', 'first', 'question', 'comes', 'from', 'Katy', 'Huberty', 'with', 'Morgan', 'Stanley.'], start_times: [600, 600.2, 600.4, 600.6, 600.8, 601, 601.2, 601.4, 601.6, 601.8]},
				{speaker: 'spk04', words: ['What', 'about', 'margins?'], start_times: [605, 605.5, 606]},
				{speaker: 'spk01', words: ['Up.'], start_times: [3725]},
			],
		}), 'aapl.json');
		assert.equal(r.call.layout, 'timed');
		assert.deepEqual([r.call.meta.quarter, r.call.meta.date], ['Q1 2022', '2022-01-27']);
		assert.deepEqual(who(r), ['Operator', 'Tim Cook', 'Operator', 'Katy Huberty', 'Tim Cook']);
		assert.equal(r.call.speakers.find(s => s.name === 'Tim Cook')!.inferred, undefined, 'named by the file, not inferred');
		assert.equal(r.call.speakers.find(s => s.name === 'Katy Huberty')!.inferred, true);
		assert.deepEqual(times(r), ['00:00:00', '00:00:03', '00:10:00', '00:10:05', '01:02:05']);
		assert.deepEqual(r.errors, []);
	});
	it('level 1: one text string is one unidentified speaker, the Q&A split at its spoken start, flagged', () => {
		const remarks = Array.from({length: 12}, (_, i) => `Revenue in segment ${i} grew nicely this quarter.`).join(' ');
		const r = parse(JSON.stringify({text: `Greetings and welcome to the Acme call. ${remarks} With that, let's go to Q&A. Our first question is coming from the line of Keith Weiss. What about margins? They are up.`}));
		assert.equal(r.call.layout, 'speakerless');
		assert.deepEqual(r.call.speakers.map(s => [s.name, s.role]), [['Unidentified', 'unknown']]);
		assert.deepEqual(r.call.turns.map(t => t.section), ['presentation', 'qa']);
		assert.match(r.call.turns[1]!.paragraphs[0]!.text, /^With that, let's go to Q&A\./);
		assert.match(r.errors.join(' '), /no speaker labels/);
		assert.equal(r.coverage.share, 1);
	});
	it('level 2: prepared remarks and Q&A as two strings', () => {
		const r = parse(JSON.stringify({prepared_remarks: 'Welcome. Revenue grew.', questions_and_answers: 'What about margins? Up.'}));
		assert.deepEqual(r.call.turns.map(t => [t.section, t.paragraphs.map(p => p.text).join(' ')]), [['presentation', 'Welcome. Revenue grew.'], ['qa', 'What about margins? Up.']]);
	});
	it('a Motley Fool JSON file (lists of {speaker, speech}) is still read as before', () => {
		const r = parse(JSON.stringify({prepared_remarks: [{speaker: 'Operator', speech: 'Welcome.'}], q_and_a: [{speaker: 'Jane Doe', speech: 'Up.'}]}));
		assert.equal(r.call.layout, 'json');
	});
});

describe('Whisper: segments JSON, SRT, WebVTT, plain text', () => {
	it('segments JSON: speakerless, each paragraph with its start', () => {
		const r = parse(JSON.stringify({text: 'x', segments: [{start: 0, end: 2, text: ' Good afternoon.'}, {start: 2.5, end: 4, text: ' Revenue grew.'}, {start: 70, end: 72, text: ' Margins too.'}]}));
		assert.equal(r.call.layout, 'speakerless');
		assert.deepEqual(r.call.turns[0]!.paragraphs.map(p => [p.marks[0]?.time, p.text]), [['00:00:00', 'Good afternoon. Revenue grew.'], ['00:01:10', 'Margins too.']]);
	});
	it('SRT and WebVTT: cue numbers, times and voice tags are no words', () => {
		const srt = parse('1\n00:00:01,000 --> 00:00:03,000\nGood afternoon.\n\n2\n00:01:05,500 --> 00:01:07,000\nRevenue grew.\n', 'call.srt');
		assert.deepEqual(srt.call.turns[0]!.paragraphs.map(p => [p.marks[0]?.time, p.text]), [['00:00:01', 'Good afternoon.'], ['00:01:05', 'Revenue grew.']]);
		const vtt = parse('WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Speaker>Good afternoon.</v>\n\n01:00:05.000 --> 01:00:07.000\nRevenue grew.\n', 'call.vtt');
		assert.deepEqual(vtt.call.turns[0]!.paragraphs.map(p => [p.marks[0]?.time, p.text]), [['00:00:01', 'Good afternoon.'], ['01:00:05', 'Revenue grew.']]);
		assert.equal(vtt.coverage.share, 1);
	});
});

describe('what the welcome says, where nothing else does (no header in a file made from the audio)', () => {
	it('the quarter and the company, a fiscal year no part of the name', () => {
		assert.equal(quarterFromWelcome("Good day and welcome to Culp's third quarter 2020 earnings conference call. Today's call is being recorded."), 'Q3 2020');
		assert.equal(quarterFromWelcome('Good day and welcome to the Apple Q1 FY 2022 earnings conference call.'), 'Q1 2022');
		const msft = 'Greetings, and welcome to the Microsoft Fiscal Year 2023 First Quarter Earnings Conference Call.';
		assert.deepEqual([quarterFromWelcome(msft), companyFromWelcome(msft)], ['Q1 2023', 'Microsoft']);
		assert.equal(quarterFromWelcome('Welcome to the ONE Gas Third Quarter Earnings Conference Call.'), null, 'no year, no quarter');
	});
});

const timed = join(CORPUS, 'timed');
describe('the real files of ../shared/corpus/timed', {skip: existsSync(timed) ? false : '../shared/corpus/timed not found: real timed files skipped'}, () => {
	const real = (file: string) => {
		const loaded = loadFile(join(timed, file));
		assert.ok(loaded.ok);
		return parseTranscript(loaded.source.text);
	};
	it('EarningsCall level 3 (Apple Q1 2022): times, the operator, analysts named from the operator’s hand-offs with their firms', () => {
		const r = real('earningscall-api/aapl-q1-2022-advanced-data-level-3.json');
		assert.equal(r.call.speakers[r.call.turns[0]!.speaker!]!.role, 'operator');
		const asked = r.call.speakers.filter(s => s.role === 'analyst' && s.inferred);
		assert.ok(asked.length >= 6, asked.map(s => s.name).join(', '));
		assert.ok(asked.some(s => s.name === 'Shannon Cross' && s.firm === 'Cross Research'));
		// "…turn the call over to Tim", after "Speaking first today is Apple CEO Tim Cook".
		assert.equal(r.call.speakers[r.call.turns[2]!.speaker!]!.name, 'Tim Cook');
		assert.ok(asked.every(s => !s.firm || !/\.\s/.test(s.firm)), 'a firm ends with its sentence');
		assert.equal(r.call.turns[1]!.paragraphs[0]!.marks[0]!.time, '00:00:17');
	});
	it('Whisper text: one unidentified speaker, the Q&A from "We’ll now move over to Q&A"; every word read', () => {
		const r = real('whisper/MSFT_2026_Q2_call05.txt');
		assert.equal(r.call.layout, 'speakerless');
		const qa = r.call.turns.find(t => t.section === 'qa')!;
		assert.match(qa.paragraphs[0]!.text, /Q&A/);
		assert.equal(r.coverage.share, 1);
	});
	it('.nlp: no filler and no token-table syntax reaches the text', () => {
		const r = real('earnings21/4330115.nlp');
		const text = r.call.turns.flatMap(t => t.paragraphs.map(p => p.text)).join(' ');
		assert.doesNotMatch(text, /\|/);
		assert.doesNotMatch(text, /\b[Uu]m\b/);
		assert.ok(r.call.speakers.some(s => s.name === 'Iv Culp' && s.inferred));
	});
});

describe('the sidebar of a call with no speaker named', () => {
	it('shows no figure (-) where there is no analyst or executive to measure, not 0', async () => {
		const {buildStore} = await import('../source/model/store/store.ts');
		const {sidebarLines} = await import('../source/ui/layout/sidebar-lines.ts');
		const remarks = Array.from({length: 12}, (_, i) => `Revenue in segment ${i} grew nicely this quarter, we think.`).join(' ');
		const text = JSON.stringify({text: `Greetings and welcome to the Acme earnings call. ${remarks} With that, let's go to Q&A. What about margins? They are up, maybe.`});
		const loaded = loadBytes(new TextEncoder().encode(text), 'acme.json');
		assert.ok(loaded.ok);
		const store = buildStore([{source: loaded.source}]);
		const call = store.calls[0]!;
		const lines = sidebarLines({store, call, filter: null, compare: null, ready: true, width: 34}).map(l => l.text);
		for (const label of ['Q per analyst', 'Answer/question', 'Hedges /100 w', '  prepared', '  analysts']) {
			const line = lines.find(l => l.startsWith(label))!;
			assert.match(line, / -$/, line);
		}
	});
});

describe('times shown where a call has them', () => {
	const call = async () => {
		const {buildStore} = await import('../source/model/store/store.ts');
		const loaded = loadBytes(new TextEncoder().encode(JSON.stringify({
			event: {year: 2022, quarter: 1},
			speakers: [
				{speaker: 'spk00', words: ['Good', 'day', 'and', 'welcome', 'to', 'the', 'Acme', 'call.'], start_times: [0, 0.3, 0.5, 0.7, 1, 1.2, 1.4, 2]},
				{speaker: 'spk01', words: ['Revenue', 'grew.', 'Margins', 'too.'], start_times: [754, 755, 3725, 3726]},
			],
		})), 'acme.json');
		assert.ok(loaded.ok);
		return buildStore([{source: loaded.source}]).calls[0]!;
	};
	it('the transcript’s headings and `show` start each turn with its time; --times heads each paragraph', async () => {
		const c = await call();
		const {layoutCall} = await import('../source/ui/layout/lines.ts');
		const headings = layoutCall(c, null, false, 60).lines.filter(l => l.kind === 'heading');
		assert.deepEqual(headings.map(h => h.about?.split(' · ')[0]), ['[00:00]', '[12:34]']);
		const {formatShow, plain} = await import('../source/cli/format.ts');
		const shown = formatShow(c, null, false, plain, true);
		assert.match(shown, /Speaker 1 {2}\[12:34\]\n\[12:34\] Revenue grew\.\n\n\[1:02:05\] Margins too\./);
		assert.doesNotMatch(formatShow(c, null, false, plain), /^\[12:34\] Revenue/m, 'paragraph times only with --times');
	});
	it('a Markdown quote says when in the recording', async () => {
		const c = await call();
		const {viewQuotes} = await import('../source/model/documents/quotes.ts');
		const {quoteMarkdown} = await import('../source/model/documents/markdown.ts');
		assert.match(quoteMarkdown(viewQuotes(c, null, false)[1]!), / · at 12:34\n$/);
	});
});

describe('playing the recording from a paragraph', () => {
	it('finds the recording beside the call and a player on PATH, and says so in one line when either is missing', async () => {
		const {mkdtempSync, writeFileSync, chmodSync, readFileSync, existsSync: exists} = await import('node:fs');
		const {tmpdir} = await import('node:os');
		const {playRecording} = await import('../source/ui/terminal/play-recording.ts');
		const {buildStore} = await import('../source/model/store/store.ts');
		const {loadFile} = await import('../source/model/input/load.ts');
		const dir = mkdtempSync(join(tmpdir(), 'er-play-'));
		const transcript = join(dir, 'acme.json');
		writeFileSync(transcript, JSON.stringify({speakers: [
			{speaker: 'spk00', words: ['Good', 'day', 'and', 'welcome.'], start_times: [0, 1, 2, 3]},
			{speaker: 'spk01', words: ['Revenue', 'grew.'], start_times: [754, 755]},
		]}));
		const loaded = loadFile(transcript);
		assert.ok(loaded.ok);
		const call = buildStore([{source: loaded.source}]).calls[0]!;
		const bin = join(dir, 'bin');
		const {mkdirSync} = await import('node:fs');
		mkdirSync(bin);
		const env = {PATH: bin};
		const none = {player: null, folders: []};
		assert.equal(playRecording(call, 1, 0, env, none), 'No recording of this call beside it (the same name, .mp3, .m4a or .wav).');
		writeFileSync(join(dir, 'acme.mp3'), 'ID3');
		assert.equal(playRecording(call, 1, 0, env, none), 'No audio player found: install mpv, ffplay or vlc.');
		// A stand-in `mpv` that writes down what it was asked to play.
		const said = join(dir, 'said.txt');
		writeFileSync(join(bin, 'mpv'), `#!/bin/sh\necho "$@" > '${said}'\n`);
		chmodSync(join(bin, 'mpv'), 0o755);
		assert.equal(playRecording(call, 1, 0, env, none), 'Playing from 12:34 with mpv.');
		for (let i = 0; i < 50 && !exists(said); i++) await new Promise(r => setTimeout(r, 20));
		assert.equal(readFileSync(said, 'utf8').trim(), `--start=754 --no-video --really-quiet --no-terminal ${join(dir, 'acme.mp3')}`);
		// A call with no times has nothing to play from.
		const untimed = buildStore([{source: {...loaded.source, text: 'Operator: Welcome.\n\nJane Doe: Revenue grew.\n\nJohn Roe: Margins?\n'}}]).calls[0]!;
		assert.equal(playRecording(untimed, 0, 0, env, none), 'This call has no times to play from.');
	});
	it('`earnings-reader audio` keeps a folder of recordings and a player in the settings, and P uses them', async () => {
		const {mkdtempSync, mkdirSync, writeFileSync, chmodSync, readFileSync, existsSync: exists} = await import('node:fs');
		const {tmpdir} = await import('node:os');
		const {spawnSync} = await import('node:child_process');
		const {playRecording} = await import('../source/ui/terminal/play-recording.ts');
		const {audioSettings} = await import('../source/ui/settings/settings.ts');
		const {buildStore} = await import('../source/model/store/store.ts');
		const {loadFile} = await import('../source/model/input/load.ts');
		const dir = mkdtempSync(join(tmpdir(), 'er-audio-'));
		const config = join(dir, 'config');
		const transcript = join(dir, 'calls', 'acme-q3.json');
		mkdirSync(join(dir, 'calls'));
		mkdirSync(join(dir, 'recordings'));
		mkdirSync(join(dir, 'bin'));
		writeFileSync(transcript, JSON.stringify({speakers: [
			{speaker: 'spk00', words: ['Good', 'day', 'and', 'welcome.'], start_times: [0, 1, 2, 3]},
			{speaker: 'spk01', words: ['Revenue', 'grew.'], start_times: [61, 62]},
		]}));
		const said = join(dir, 'said.txt');
		const player = join(dir, 'bin', 'my-player');
		writeFileSync(player, `#!/bin/sh\necho "$@" > '${said}'\n`);
		chmodSync(player, 0o755);
		const cli = (...args: string[]) => spawnSync(process.execPath, ['dist/cli.js', 'audio', ...args], {encoding: 'utf8', env: {...process.env, EARNINGS_READER_CONFIG_DIR: config, EARNINGS_READER_PLAYER: ''}});
		assert.equal(cli('add', join(dir, 'recordings')).status, 0);
		const shown = cli('player', player);
		assert.equal(shown.status, 0);
		assert.match(shown.stdout, new RegExp(`player      ${player}: ${player}\n`));
		assert.match(shown.stdout, new RegExp(`or in ${join(dir, 'recordings')}\n`));
		assert.equal(cli('add', join(dir, 'nowhere')).status, 2);
		const audio = audioSettings(config);
		assert.deepEqual(audio, {player, folders: [join(dir, 'recordings')]});
		const loaded = loadFile(transcript);
		assert.ok(loaded.ok);
		const call = buildStore([{source: loaded.source}]).calls[0]!;
		const env = {PATH: join(dir, 'bin')};
		assert.equal(playRecording(call, 1, 0, env, audio), 'No recording of this call beside it or in the audio folders (the same name, .mp3, .m4a or .wav).');
		writeFileSync(join(dir, 'recordings', 'acme-q3.m4a'), 'ftyp');
		assert.equal(playRecording(call, 1, 0, env, audio), 'Playing from 1:01 with my-player.');
		for (let i = 0; i < 50 && !exists(said); i++) await new Promise(r => setTimeout(r, 20));
		assert.equal(readFileSync(said, 'utf8').trim(), `${join(dir, 'recordings', 'acme-q3.m4a')} 61`);
		// A player the settings name that is not there: said so, nothing started.
		assert.equal(playRecording(call, 1, 0, env, {...audio, player: 'no-such-player'}), 'The player the settings name (no-such-player) was not found.');
		assert.equal(cli('player', 'default').status, 0);
		assert.equal(cli('remove', join(dir, 'recordings')).status, 0);
		assert.deepEqual(audioSettings(config), {player: null, folders: []});
	});
});

describe('an inferred name in the sidebar', () => {
	it('the person’s block says the name was inferred', async () => {
		const {buildStore} = await import('../source/model/store/store.ts');
		const {sidebarLines} = await import('../source/ui/layout/sidebar-lines.ts');
		const loaded = loadBytes(new TextEncoder().encode(JSON.stringify({speakers: [
			{speaker: 'spk00', text: 'Welcome to the Acme call. I will now turn the call over to our CFO, Jane Smith.'},
			{speaker: 'spk01', text: 'Thank you. Revenue grew.'},
		]})), 'acme.json');
		assert.ok(loaded.ok);
		const store = buildStore([{source: loaded.source}]);
		const call = store.calls[0]!;
		const jane = store.people.find(p => p.name === 'Jane Smith')!;
		const lines = sidebarLines({store, call, filter: {person: jane.id, answers: false}, compare: null, ready: true, width: 40}).map(l => l.text);
		assert.equal(lines[1], 'executive · name inferred');
	});
});
