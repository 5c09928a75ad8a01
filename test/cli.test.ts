// The scripting CLI, run as a user runs it: the built bundle in a child process,
// stdout a pipe (so no escape byte may appear).
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {fixture, root} from './helpers.ts';

function cli(...args: string[]) {
	const r = spawnSync(process.execPath, [`${root}dist/cli.js`, ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: ''}});
	assert.ok(!/\u001B|\u009B/.test(r.stdout), 'no escape bytes on a pipe');
	assert.ok(!/\n\s+at .+:\d+:\d+/.test(r.stderr), `no stack trace: ${r.stderr}`);
	return {out: r.stdout, err: r.stderr, code: r.status};
}

describe('earnings-reader list', () => {
	it('prints one line per call in date order with turns, words, questions and analysts', () => {
		const {out, code} = cli('list');
		assert.equal(code, 0);
		assert.deepEqual(out.trimEnd().split('\n'), [
			'ID             QUARTER  DATE        TURNS  WORDS  QUESTIONS  ANALYSTS',
			'tesla-2011-q2  Q2 2011  2011-08-03     81   6336         31         9',
			'tesla-2012-q1  Q1 2012  2012-05-09    163   7476         41        12',
			'tesla-2012-q3  Q3 2012  2012-11-05     98   6117         32        13',
			'tesla-2016-q4  Q4 2016  2017-02-22    187  10025         37        14',
			'tesla-2017-q2  Q2 2017  2017-08-02    176  10008         25        12',
		]);
	});

	it('--dir adds the transcripts of a folder (repeatable, any position)', () => {
		const {out} = cli('--dir', fixture(''), 'list');
		assert.match(out, /^cisco-2016-q4 +Q4 2016 +2016-08-17 +66 /m);
		assert.match(out, /^jpmorgan-2018-q2 +Q2 2018 +2018-07-13 +85 /m);
		assert.equal(out.trim().split('\n').length, 8);
	});
});

describe('earnings-reader show', () => {
	it('--speaker "Elon Musk" prints his words and no one else\'s turns', () => {
		const {out, code} = cli('show', 'tesla-2017-q2', '--speaker', 'Elon Musk');
		assert.equal(code, 0);
		const headings = out.split('\n').filter(l => /^(Operator|Elon Reeve Musk|Deepak Ahuja|Jeffrey|Jonathan|Adam|\(unattributed\))/.test(l));
		assert.equal(headings.length, 72);
		assert.ok(headings.every(h => h.startsWith('Elon Reeve Musk')));
		assert.ok(out.includes('One question, Part A through H.'));
		assert.ok(!out.includes('Thank you, Sharie, and good afternoon'));
	});

	it('accepts any spelling or fragment of the name, and a fuzzy call', () => {
		const a = cli('show', 'tesla-2017-q2', '--speaker', 'Elon Musk').out;
		assert.equal(cli('show', '2017q2', '--speaker', 'musk').out, a);
		assert.equal(cli('show', 'Q2 2017', '--speaker', 'Elon R. Musk').out, a);
	});

	it('--answers shows each answer under the question it answers, marked as context', () => {
		const {out} = cli('show', 'tesla-2012-q1', '--speaker', 'musk', '--answers');
		const blocks = out.split('\n\n');
		const first = blocks.findIndex(b => b.startsWith('[question, for context]'));
		// Amir's greeting ("Thank you very much, and good afternoon…") is no question, and Musk's "Hi." no answer: his first question is.
		assert.ok(blocks[first]!.startsWith('[question, for context] Amir Rozwadowski  Barclays\n> Hi. Yes, I was wondering'));
		assert.ok(blocks[first + 1]!.startsWith('Elon Reeve Musk  Tesla\nI mean the initial ramp'));
		// Every answer block follows its question (or another answer to the same question).
		const contexts = blocks.filter(b => b.startsWith('[question, for context]')).length;
		const answers = blocks.filter(b => b.startsWith('Elon Reeve Musk')).length;
		assert.ok(contexts > 20 && answers >= contexts);
	});

	it('unknown call → exit 2 with the known ids; person not in the call → exit 1', () => {
		const evil = cli('show', 'evil');
		assert.equal(evil.code, 2);
		assert.match(evil.err, /no call matches 'evil'. Known calls: tesla-2011-q2/);
		const absent = cli('show', 'tesla-2011-q2', '--speaker', 'Jason Wheeler');
		assert.equal(absent.code, 1);
		assert.match(absent.err, /Jason S. Wheeler does not speak in tesla-2011-q2 \(speaks in tesla-2016-q4\)/);
	});
});

describe('earnings-reader speakers and export', () => {
	it('speakers lists each person with role, firms, calls, turns, words', () => {
		const {out} = cli('speakers');
		assert.match(out, /^elon-musk +Elon Reeve Musk +executive +Tesla +5 +253 +\d+$/m);
		assert.match(out, /^colin-rusch +Colin William Rusch +analyst +ThinkEquity; Oppenheimer/m);
		const one = cli('speakers', '--call', 'tesla-2011-q2').out;
		// 12 people (the operator is not a person) and the header.
		assert.equal(one.trim().split('\n').length, 1 + 12);
	});

	it('export gives the fixed schema for 705 turns with stable speaker ids', () => {
		const {out, code} = cli('export');
		assert.equal(code, 0);
		const data = JSON.parse(out) as {calls: any[]};
		assert.equal(data.calls.length, 5);
		assert.equal(data.calls.reduce((n, c) => n + c.turns.length, 0), 705);
		for (const call of data.calls) {
			for (const key of ['id', 'company', 'quarter', 'date', 'source', 'speakers', 'turns']) assert.ok(key in call, key);
			assert.match(call.date, /^\d{4}-\d{2}-\d{2}$/);
			const ids = new Set(call.speakers.map((s: any) => s.id));
			for (const s of call.speakers) for (const key of ['id', 'name', 'role', 'firm', 'title']) assert.ok(key in s);
			for (const t of call.turns) {
				assert.ok(t.speaker === null || ids.has(t.speaker));
				assert.ok(['presentation', 'qa'].includes(t.section));
				assert.equal(typeof t.text, 'string');
				assert.ok(t.answers === null || Number.isInteger(t.answers));
			}
			assert.ok(call.speakers.some((s: any) => s.id === 'elon-musk'));
		}
		const q2 = JSON.parse(cli('export', '--call', '2017q2').out).calls;
		assert.deepEqual(q2.map((c: any) => [c.id, c.source, c.quarter]), [['tesla-2017-q2', 'tesla-2017-q2.txt', 'Q2 2017']]);
	});
});

describe('no command, stdout not a terminal', () => {
	it('prints the call list as plain text and exits 0', () => {
		const {out, code} = cli();
		assert.equal(code, 0);
		assert.equal(out, cli('list').out);
	});
});

describe('usage', () => {
	it('--help and --version exit 0', () => {
		assert.match(cli('--help').out, /earnings-reader show CALL \[--speaker NAME\] \[--answers\]/);
		assert.match(cli('--version').out, /^\d+\.\d+\.\d+\n$/);
	});

	it('unknown command, flag or misplaced flag → a clear error and exit 2', () => {
		for (const args of [['frobnicate'], ['list', '--bogus'], ['list', '--answers'], ['show'], ['list', 'extra']]) {
			const r = cli(...args);
			assert.equal(r.code, 2, args.join(' '));
			assert.match(r.err, /^earnings-reader: .+\nRun earnings-reader --help for usage\.\n$/);
		}
	});

	it('a --dir with a bad file skips it with a one-line reason on stderr', () => {
		const dir = mkdtempSync(join(tmpdir(), 'er-bad-file-'));
		writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
		const r = cli('--dir', dir, 'list');
		assert.equal(r.code, 0);
		assert.match(r.err, /^earnings-reader: skipped .*image\.png: binary file, not text\n$/);
	});

	it('a --dir that does not exist, or is empty, is an error (exit 2), not an empty library or the current folder', () => {
		const missing = cli('--dir', '/nonexistent-dir', 'list');
		assert.equal(missing.code, 2);
		assert.match(missing.err, /^earnings-reader: --dir \/nonexistent-dir: no such file or folder\n/);
		const empty = cli('--dir=', 'list');
		assert.equal(empty.code, 2);
		assert.match(empty.err, /--dir needs a path/);
	});

	it("a query that starts with '-' is explained: quote it after --", () => {
		const r = cli('search', '-model');
		assert.equal(r.code, 2);
		assert.match(r.err, /unknown option '-m'\. A query that starts with '-' goes after --: earnings-reader search -- '-word'/);
		const ok = cli('search', '--', 'gigafactory -model');
		assert.equal(ok.code, 0);
	});
});

describe('earnings-reader metrics', () => {
	it('--json gives every metric for the five calls', () => {
		const {out, code} = cli('metrics', '--json');
		assert.equal(code, 0);
		const reports = JSON.parse(out) as Record<string, unknown>[];
		assert.deepEqual(reports.map(r => r['call']), ['tesla-2011-q2', 'tesla-2012-q1', 'tesla-2012-q3', 'tesla-2016-q4', 'tesla-2017-q2']);
		for (const r of reports) {
			for (const key of ['words', 'minutes', 'preparedShare', 'qaShare', 'qa', 'hedging', 'forward', 'tone', 'nonAnswers', 'figures', 'terms', 'speakers']) assert.ok(key in r, `${r['call']}: ${key}`);
		}
		const q2 = reports[4] as {qa: {questions: number; analysts: number}; hedging: {count: number}; tone: {change: number | null}; terms: {phrases: {term: string}[]}};
		assert.deepEqual([q2.qa.questions, q2.qa.analysts, q2.hedging.count], [25, 12, 96]);
		assert.equal(q2.terms.phrases[0]!.term, 'model 3');
		assert.equal((reports[0] as {tone: {change: null}}).tone.change, null);
	});

	it('CALL and --speaker give one person\'s figures; text by default', () => {
		const {out, code} = cli('metrics', '2017q2', '--speaker', 'musk');
		assert.equal(code, 0);
		const lines = out.trimEnd().split('\n');
		assert.equal(lines[0], 'Elon Reeve Musk (executive, Tesla)');
		assert.equal(lines.length, 3);
		assert.match(lines[2]!, /^tesla-2017-q2 +Q2 2017 +62% +6,239 +24 +366 +0 +1\.28 +15% +\+0\.27 +\+0\.28 +5 +25$/);
		const text = cli('metrics', 'tesla-2017-q2').out;
		// Six, each with the words that made it one (checked by hand; see test/non-answers.test.ts).
		assert.match(text, /^ {2}Non-answers {5}6: Elon Reeve Musk "hard for us to know", "impossible to predict" \(turn 27\);/m);
		assert.match(text, /Deepak Ahuja "put a pin on", "we'll talk about that", "when we get to that", "i can't necessarily break it out" \(turn 139\)/);
	});

	it('a flag that does not apply is a usage error', () => {
		const {code, err} = cli('list', '--json');
		assert.equal(code, 2);
		assert.match(err, /--json does not apply to 'list'/);
	});
});

describe('earnings-reader search', () => {
	it('gives the same hits as the reader, newest call first, each quote with call, date, speaker, firm, section and how it matched', () => {
		const {out, code} = cli('search', 'gigafactory', '--json');
		assert.equal(code, 0);
		const quotes = JSON.parse(out) as {call: string; date: string; speaker: string; firm: string; section: string; text: string; marks: [number, number][]}[];
		assert.equal(quotes.length, 22);
		assert.deepEqual(quotes.map(q => q.call), [...Array(7).fill('tesla-2017-q2'), ...Array(15).fill('tesla-2016-q4')]);
		assert.deepEqual(quotes[0], {
			call: 'tesla-2017-q2',
			company: 'Tesla',
			ticker: 'TSLA',
			quarter: 'Q2 2017',
			date: '2017-08-02',
			speaker: 'James Joseph Albertine',
			firm: 'Consumer Edge Research',
			section: 'Questions & answers',
			turn: 26,
			text: 'And then, I guess, if I can nest one in related to Gigafactory.',
			marks: [[51, 62]],
			tier: 'phrase',
		});
		assert.ok(quotes.every(q => q.marks.every(([s, e]) => q.text.slice(s, e).toLowerCase() === 'gigafactory')));
	});

	it('--rank: the exact phrase first, then all words, then near spellings, each in date order (oldest first)', () => {
		const {out, code} = cli('search', 'gigafactory', '--json', '--rank');
		assert.equal(code, 0);
		const quotes = JSON.parse(out) as {call: string; date: string; speaker: string; firm: string; section: string; text: string; marks: [number, number][]}[];
		assert.equal(quotes.length, 22);
		assert.deepEqual(quotes[0], {
			call: 'tesla-2016-q4',
			company: 'Tesla',
			ticker: 'TSLA',
			quarter: 'Q4 2016',
			date: '2017-02-22',
			speaker: 'Elon Reeve Musk',
			firm: 'Tesla',
			section: 'Questions & answers',
			turn: 35,
			text: 'We have the Gigafactory, of course.',
			marks: [[12, 23]],
			tier: 'phrase',
		});
		assert.ok(quotes.every(q => q.marks.every(([s, e]) => q.text.slice(s, e).toLowerCase() === 'gigafactory')));
	});

	it('--speaker limits to one person; text by default', () => {
		const {out, code} = cli('search', 'gigafactory', '--speaker', 'musk');
		assert.equal(code, 0);
		const lines = out.trimEnd().split('\n');
		assert.equal(lines.length, 12);
		assert.equal(lines[0], 'tesla-2017-q2  2017-08-02  Elon Reeve Musk (Tesla) · Questions & answers');
		assert.equal(lines[1], '  But just on Buffalo, if I may, I really want to emphasize we expect the Buffalo Gigafactory to be a powerhouse of solar panel and solar glass tile output.');
	});

	it('no query is a usage error', () => {
		assert.equal(cli('search').code, 2);
	});
});
