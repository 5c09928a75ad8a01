// PDFs (issue 22): read through PDF.js in a child process with a budget, the
// lines rebuilt from positions, running headers and footers set aside, then
// handed to the layout readers. The publishers' traps on the real files of
// ../shared/corpus/pdf/; bad PDFs made here; a fuzz of mutated files.
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {CORPUS} from '../bench/corpus-check.ts';
import {loadBytes, loadFile} from '../source/model/input/load.ts';
import {parseTranscript} from '../source/model/parse/parse.ts';
import {pdfToText, type PdfPage} from '../source/model/pdf/page-lines.ts';
import {encryptedPdf, manyPagesPdf, textPdf} from './pdf-fixtures.ts';

const reason = (bytes: Uint8Array) => {
	const r = loadBytes(bytes, 'x.pdf');
	return r.ok ? null : r.skipped.reason;
};

describe('a PDF’s lines rebuilt from its text items', () => {
	const item = (str: string, x: number, y: number, font = 'body', size = 10) => ({str, x, y, width: str.length * size * 0.5, size, font});
	const page = (items: ReturnType<typeof item>[]): PdfPage => ({width: 612, height: 792, items});
	it('items on one row read left to right as one line; a running header and a page number set aside, the sentence they cut whole', () => {
		const header = (n: number) => [item('Acme Corp – Q1 2023 Earnings Call', 72, 770), item(`Page ${n} of 3`, 500, 30)];
		const r = pdfToText([
			page([...header(1), item('Jane Doe', 72, 700, 'bold'), item('Revenue grew', 72, 680), item('12% in the', 140, 680), item('quarter and margins', 72, 668)]),
			page([...header(2), item('expanded by 150 basis points.', 72, 700)]),
			page([...header(3), item('John Roe', 72, 700, 'bold'), item('Thanks.', 72, 680)]),
		]);
		// The running header is said once, at the top, as the call's title; never where it fell.
		assert.equal(r.text, 'Acme Corp – Q1 2023 Earnings Call\n\nJane Doe\n\nRevenue grew 12% in the\nquarter and margins\nexpanded by 150 basis points.\n\nJohn Roe\n\nThanks.\n');
		assert.deepEqual(r.furniture.filter(f => f.startsWith('Page')), ['Page 1 of 3', 'Page 2 of 3', 'Page 3 of 3']);
	});
	it('a letter-spaced heading is read as words; a marker in a column of its own (Q, A) is set aside; a left column’s name and (Firm) make one label line', () => {
		const spaced = [...'CORPORATE'].map((c, i) => item(c, 72 + i * 9, 700)).concat([...'PARTICIPANTS'].map((c, i) => item(c, 170 + i * 9, 700)));
		const r = pdfToText([page([...spaced, item('Analyst, Seaport Global Securities LLC', 72, 600), item('Q', 560, 600), item('Anke Reingen', 72, 500), item('Good morning and thank you.', 213, 500), item('(RBC)', 100, 488), item('A question on costs.', 213, 488)])]);
		assert.deepEqual(r.text.split('\n').filter(Boolean), ['CORPORATE PARTICIPANTS', 'Analyst, Seaport Global Securities LLC', 'Anke Reingen (RBC)', 'Good morning and thank you.', 'A question on costs.']);
	});
});

describe('PDFs that cannot be read: skipped with their reason, within the budget, never a crash', () => {
	it('a PDF of text reads; one with no text layer, an encrypted one, a damaged one, a truncated one and one of 2,000 pages say why', () => {
		const call = textPdf([['Operator', 'Good morning and welcome to the Acme call.', '', 'Jane Doe - Chief Executive Officer', 'Revenue grew.']]);
		const read = loadBytes(call, 'acme.pdf');
		assert.ok(read.ok);
		assert.match(read.source.text, /Jane Doe - Chief Executive Officer\nRevenue grew\./);
		assert.equal(reason(textPdf([[]])), 'a scanned PDF (no text layer): it needs OCR first');
		assert.equal(reason(encryptedPdf()), 'an encrypted PDF: it needs a password');
		assert.equal(reason(new TextEncoder().encode('%PDF-1.4\nnot a pdf at all')), 'a damaged PDF: no page could be read');
		assert.match(reason(call.slice(0, call.length >> 1)) ?? 'read', /damaged|read|scanned/);
		assert.equal(reason(manyPagesPdf(2000)), 'a PDF of 2000 pages: more than 500, no call transcript');
	});
	it('a fuzz of 1,000 mutations (bytes flipped, cut) of a PDF and ten of each sample PDF, read by PDF.js as the reader runs it: each gives text or a reason, none throws or hangs', {timeout: 180_000}, async () => {
		const {spawnSync} = await import('node:child_process');
		const run = spawnSync(process.execPath, ['--import', 'tsx', new URL('./pdf-fuzz-child.ts', import.meta.url).pathname, '1000'], {encoding: 'utf8', timeout: 170_000});
		assert.equal(run.status, 0, run.stderr);
		const {outcomes, threw, slowest} = JSON.parse(run.stdout) as {outcomes: Record<string, number>; threw: number; slowest: number};
		assert.equal(threw, 0);
		const made = Object.entries(outcomes).filter(([k]) => !k.startsWith('sample:')).reduce((a, [, b]) => a + b, 0);
		assert.equal(made, 1000);
		assert.ok(outcomes['text']! > 0 && Object.keys(outcomes).length > 1, JSON.stringify(outcomes));
		assert.ok(slowest < 30_000, `slowest ${slowest} ms`);
	});
	it('a fuzz of 24 mutations (bytes flipped, cut, spliced) of a sample PDF: each read or skipped with a reason in its budget', () => {
		const sample = textPdf([['Operator', 'Welcome to the call.'], ['Jane Doe - CEO', 'Revenue grew.']]);
		let seed = 7;
		const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed);
		for (let n = 0; n < 24; n++) {
			const bytes = sample.slice(0, n % 3 === 0 ? 5 + (next() % sample.length) : sample.length);
			for (let k = 0; k < 1 + (n % 5); k++) bytes[5 + (next() % (bytes.length - 5))] = next() % 256;
			const t = performance.now();
			const r = loadBytes(bytes, `fuzz-${n}.pdf`);
			assert.ok(r.ok ? typeof r.source.text === 'string' : r.skipped.reason.length > 0);
			assert.ok(performance.now() - t < 31_000);
			if (r.ok) parseTranscript(r.source.text);
		}
	});
});

describe('a fuzz of the JSON layouts: fields removed, types changed, text cut', () => {
	it('1,000 mutations of the EarningsCall and Motley Fool JSON: each parses to a result, never a throw', () => {
		const samples = [
			JSON.stringify({event: {year: 2022, quarter: 1}, speakers: [{speaker: 'spk00', words: ['Welcome', 'to', 'the', 'call.'], start_times: [0, 1, 2, 3]}, {speaker: 'spk01', text: 'Revenue grew.'}]}),
			JSON.stringify({prepared_remarks: [{speaker: 'Operator', speech: 'Welcome.'}], q_and_a: [{speaker: 'Jane Doe', speech: 'Up.'}], participants: ['Jane Doe -- CEO']}),
			JSON.stringify({text: 'Welcome to the call. Our first question comes from Bob Jones.'}),
		];
		let seed = 11;
		const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed);
		const values = [null, 0, -1, 1e308, '', 'x', [], {}, true, [null], {speaker: 3}];
		for (let n = 0; n < 1000; n++) {
			const source = samples[n % samples.length]!;
			let text: string;
			if (n % 4 === 0) text = source.slice(0, next() % source.length);
			else {
				const value = JSON.parse(source) as Record<string, unknown>;
				const walk = (v: unknown, depth: number): unknown => {
					if (Array.isArray(v)) return v.map(x => walk(x, depth + 1)).filter(() => next() % 7 !== 0);
					if (v && typeof v === 'object') {
						const out: Record<string, unknown> = {};
						for (const [k, x] of Object.entries(v)) if (next() % 6 !== 0) out[k] = next() % 5 === 0 ? values[next() % values.length] : walk(x, depth + 1);
						return out;
					}
					return v;
				};
				text = JSON.stringify(walk(value, 0));
			}
			const loaded = loadBytes(new TextEncoder().encode(text || ' '), 'fuzz.json');
			if (loaded.ok) parseTranscript(loaded.source.text);
		}
	});
});

const pdfs = join(CORPUS, 'pdf');
describe('the publishers’ PDFs of ../shared/corpus/pdf', {skip: existsSync(pdfs) ? false : '../shared/corpus/pdf not found: real PDF tests skipped'}, () => {
	const read = (file: string) => {
		const loaded = loadFile(join(pdfs, file));
		assert.ok(loaded.ok, file);
		return {text: loaded.source.text, ...parseTranscript(loaded.source.text)};
	};
	const speech = (r: ReturnType<typeof read>) => r.call.turns.flatMap(t => t.paragraphs.map(p => p.text)).join('\n');
	const person = (r: ReturnType<typeof read>, name: string) => r.call.speakers.find(s => s.name === name);
	it('TD: the running header and `Page n of 20` gone even mid-sentence; the participant list a roster, not turns', () => {
		const r = read('2023_q1_ca_1_td_transcript.pdf');
		assert.equal(r.text.split('TD Bank Group – Q1 2023 Earnings Call Transcript – March 02, 2023').length, 2, 'the running footer once, as the title');
		assert.ok(r.text.startsWith('TD Bank Group – Q1 2023 Earnings Call Transcript – March 02, 2023\n'));
		assert.doesNotMatch(r.text, /Page \d+ of 20/);
		assert.deepEqual([r.call.meta.date, r.call.meta.quarter], ['2023-03-02', 'Q1 2023']);
		assert.equal(person(r, 'Brooke Hales')!.role, 'executive');
		assert.equal(person(r, 'Gabriel Dechaine')!.role, 'analyst');
		assert.equal(r.call.speakers[r.call.turns[0]!.speaker!]!.name, 'Brooke Hales');
		assert.ok(r.coverage.share >= 0.99);
	});
	it('JPMorgan: `Operator:` turns inline; the Q / A markers beside titles are no text', () => {
		const r = read('2023_q2_us_4_jpm_transcript.pdf');
		assert.ok(r.call.turns.filter(t => t.speaker !== null && r.call.speakers[t.speaker]!.role === 'operator').length >= 15);
		assert.doesNotMatch(r.text, /LLC Q$|& Co\. A$/m);
		assert.deepEqual([person(r, 'Jim Mitchell')?.role, person(r, 'Jeremy Barnum')?.role], ['analyst', 'executive']);
	});
	it('Deutsche Bank: names in capitals are the same people; a left column’s `Name` + `(Firm)` a label; slides’ headings set aside', () => {
		const r = read('2023_q2_de_2_db_transcript.pdf');
		assert.equal(r.call.speakers.filter(s => /moltke/i.test(s.name)).length, 1);
		// The company from its own title line, `Deutsche Bank Q2 2023 Analyst Conference Call`; the date written day first.
		assert.deepEqual([r.call.meta.company, r.call.meta.quarter, r.call.meta.date], ['Deutsche Bank', 'Q2 2023', '2023-07-26']);
		assert.deepEqual([person(r, 'Anke Reingen')?.role, person(r, 'Anke Reingen')?.firm], ['analyst', 'RBC']);
		assert.doesNotMatch(speech(r), /^Slide \d+ –/m);
		assert.doesNotMatch(speech(r), /^\(RBC\)/m);
	});
	it('UBS: `Name, Firm` and `Name; Firm` labels; `Chis Hallam` and `Chris Hallam` one person', () => {
		const r = read('2023_q1_ch_2_ubs_transcript.pdf');
		assert.equal(person(r, 'Benjamin Goy')?.firm, 'Deutsche Bank');
		assert.equal(r.call.speakers.filter(s => /hallam/i.test(s.name)).length, 1);
	});
	it('Capital IQ (AIG): `Peter Zaffino;Chairman and CEO` is a name and a title; the cover’s estimate tables are no speech', () => {
		const r = read('American_International_Group_Inc._Earnings_Call_2023-05-05_English.pdf');
		assert.equal(person(r, 'Peter Zaffino')?.title, 'Chairman and CEO');
		assert.doesNotMatch(speech(r), /EPS Normalized/);
	});
	it('Citi: the copyright footer is no speech', () => {
		const r = read('2023_q2_us_3_citi_transcript.pdf');
		assert.doesNotMatch(speech(r), /Copyright ©/);
	});
	it('every PDF: coverage 99% or more, or flagged', () => {
		for (const file of ['2023_q1_ca_1_td_transcript.pdf', 'qec_bnp_2025_1Q.pdf', 'Digital_Realty_Trust__Inc.__Q1_2024_Earnings_Call__May_02__2024.pdf', 'Equitable_Holdings_Inc._Earnings_Call_2023-05-04_English.pdf']) {
			const r = read(file);
			assert.ok(r.coverage.share >= 0.99 || r.errors.length > 0, `${file}: ${r.coverage.share}`);
		}
	});
});
