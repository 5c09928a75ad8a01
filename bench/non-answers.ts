// Non-answers on the labelled set (../shared/labels/non-answers/, Gow, Larcker
// & Zakolyukina 2021): each response written as a call — an analyst's neutral
// question, then the response's turns as an executive's answers — in the
// Motley Fool JSON layout the app reads, parsed as any file is, and the app's
// flag compared with the researchers' label. Run by bench/run.ts; also
// `node --import tsx bench/non-answers.ts [DIR]` (DIR: another set of the
// same kind, e.g. a held-back one) prints the figures, and `--misses` lists
// the responses it gets wrong.
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {callLanguage} from '../source/model/metrics/language.js';
import {parseTranscript} from '../source/model/parse/parse.js';

export const LABELS = new URL('../../shared/labels/non-answers/', import.meta.url).pathname;

/** RFC 4180 rows: fields in double quotes may hold commas, quotes (doubled) and line breaks. */
export function csvRows(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(field), (field = '');
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += c;
	}
	if (field || row.length) row.push(field), rows.push(row);
	return rows.filter(r => r.length > 1 || r[0]);
}

const records = (path: string) => {
	const [head, ...rows] = csvRows(readFileSync(path, 'utf8'));
	return rows.map(r => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
};

export interface Judged {
	key: string;
	label: boolean;
	flagged: boolean;
	phrases: string[];
	text: string;
}

/** The response as a transcript the app reads: a Motley Fool JSON scrape. */
function asCall(turns: string[]): string {
	return JSON.stringify({
		prepared_remarks: [
			{speaker: 'Operator', speech: 'Good day, and welcome to the conference call.'},
			{speaker: 'Pat Executive', speech: 'Thank you, and good morning.'},
		],
		q_and_a: [
			{speaker: 'Operator', speech: 'Our first question comes from Sam Analyst with Example Securities.'},
			{speaker: 'Sam Analyst', speech: 'Could you tell us more about that?'},
			...turns.map(speech => ({speaker: 'Pat Executive', speech})),
		],
		participants: ['Pat Executive--Chief Executive Officer', 'Sam Analyst--Example Securities -- Analyst'],
	});
}

export function judgeSet(dir = LABELS): Judged[] {
	const text = new Map<string, string>();
	for (const t of records(join(dir, 'turns.csv'))) text.set(`${t['file_name']}|${t['section']}|${t['speaker_number']}`, t['speaker_text']!);
	return records(join(dir, 'responses.csv')).map(r => {
		const nums = r['answer_nums']!.replace(/[{}]/g, '').split(',').map(s => s.trim()).filter(Boolean);
		const turns = nums.map(n => text.get(`${r['file_name']}|${r['section']}|${n}`) ?? '').filter(Boolean);
		const {call} = parseTranscript(asCall(turns));
		const found = callLanguage({...call, id: 'x', source: 'x', path: 'x', bundled: false, errors: [], coverage: {body: 0, kept: 0, share: 1}}).nonAnswers;
		return {key: `${r['file_name']} ${r['section']} ${r['answer_nums']}`, label: r['is_nonans'] === 'TRUE', flagged: found.length > 0, phrases: found.flatMap(n => n.hits.map(h => h.what)), text: turns.join(' / ')};
	});
}

export function scores(judged: readonly Judged[]) {
	const tp = judged.filter(j => j.flagged && j.label).length;
	const fp = judged.filter(j => j.flagged && !j.label).length;
	const fn = judged.filter(j => !j.flagged && j.label).length;
	const tn = judged.length - tp - fp - fn;
	return {n: judged.length, positives: tp + fn, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn), accuracy: (tp + tn) / Math.max(1, judged.length), tp, fp, fn};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const dir = process.argv.slice(2).find(a => !a.startsWith('--')) ?? LABELS;
	if (!existsSync(join(dir, 'responses.csv'))) {
		console.log(`non-answers: ${dir} not found, skipped`);
		process.exit(0);
	}
	const judged = judgeSet(dir);
	const s = scores(judged);
	const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
	console.log(`non-answers on ${s.n} labelled responses (${s.positives} non-answers): precision ${pct(s.precision)}, recall ${pct(s.recall)}, accuracy ${pct(s.accuracy)}  [published regular expressions: 68.4 % / 82.8 % / 91.1 %; target >= 75 % / >= 85 %]`);
	if (process.argv.includes('--misses')) {
		for (const j of judged.filter(j => j.flagged !== j.label)) console.log(`${j.label ? 'MISSED' : 'FALSE '} ${j.key} [${j.phrases.join('; ')}] ${j.text.slice(0, 400)}`);
	}
}
