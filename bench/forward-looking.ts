// Guidance and forward-looking sentences on the labelled set
// (../shared/labels/forward-looking/, NumClaim, Shah et al. 2024): each
// sentence written as the prepared remarks of one executive in a small call
// (Motley Fool JSON, a layout the app reads), parsed as any file is; the app's
// guidance (a sentence found as guidance) and forward-looking findings (a
// forward cue in it) compared with the label (1 = a forward-looking claim
// with a number). Run by bench/run.ts; also `node --import tsx
// bench/forward-looking.ts [DIR] [--misses] [--half even|odd]`: DIR another set
// of the same kind (a held-back one), --half the rows rules were chosen on
// (even) or checked on (odd).
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {callOutlook} from '../source/model/metrics/guidance.js';
import {callLanguage} from '../source/model/metrics/language.js';
import {parseTranscript} from '../source/model/parse/parse.js';
import {csvRows} from './non-answers.js';

export const FORWARD_LABELS = new URL('../../shared/labels/forward-looking/', import.meta.url).pathname;

export interface Sentence {
	text: string;
	label: boolean;
	guidance: boolean;
	forward: boolean;
	why: string;
}

function asCall(sentence: string): string {
	return JSON.stringify({
		date: 'Jul 27, 2021',
		prepared_remarks: [
			{speaker: 'Operator', speech: 'Good day, and welcome to the conference call.'},
			{speaker: 'Pat Executive', speech: sentence},
		],
		q_and_a: [],
		participants: ['Pat Executive--Chief Financial Officer'],
	});
}

export function judgeSentences(dir = FORWARD_LABELS): Sentence[] {
	const [head, ...rows] = csvRows(readFileSync(join(dir, 'sentences.csv'), 'utf8'));
	const at = (name: string) => head!.indexOf(name);
	return rows.map(r => {
		const text = r[at('text')]!;
		const {call: parsed} = parseTranscript(asCall(text));
		const call = {...parsed, id: 'x', source: 'x', path: 'x', bundled: false, errors: [], coverage: {body: 0, kept: 0, share: 1}};
		const exec = call.speakers.findIndex(s => s.role === 'executive');
		// Every forward-looking figure (guidance, targets of policy, sensitivities): what NumClaim labels a claim.
		const guidance = callOutlook(call);
		const language = callLanguage(call);
		const forward = language.forwardSentences.some(s => s.speaker === exec);
		const why = [...guidance.map(g => `${g.kind}: ${g.cue} / ${g.metric}`), ...language.forwardCues.filter(c => c.speaker === exec).map(c => `forward: ${c.what}`)].join('; ');
		return {text, label: r[at('label')] === '1', guidance: guidance.length > 0, forward, why};
	});
}

/** Precision and recall of in-claim, and the F1 of both classes weighted by their counts (the paper's measure). */
export function claimScores(judged: readonly Sentence[], by: 'guidance' | 'forward') {
	const tp = judged.filter(j => j[by] && j.label).length;
	const fp = judged.filter(j => j[by] && !j.label).length;
	const fn = judged.filter(j => !j[by] && j.label).length;
	const tn = judged.length - tp - fp - fn;
	const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
	const precision = tp / Math.max(1, tp + fp);
	const recall = tp / Math.max(1, tp + fn);
	const negPrecision = tn / Math.max(1, tn + fn);
	const negRecall = tn / Math.max(1, tn + fp);
	const positives = tp + fn;
	const weightedF1 = (positives * f1(precision, recall) + (judged.length - positives) * f1(negPrecision, negRecall)) / Math.max(1, judged.length);
	return {n: judged.length, positives, precision, recall, weightedF1};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const dir = process.argv.slice(2).find(a => !a.startsWith('--') && a !== 'even' && a !== 'odd') ?? FORWARD_LABELS;
	if (!existsSync(join(dir, 'sentences.csv'))) {
		console.log(`forward-looking: ${dir} not found, skipped`);
		process.exit(0);
	}
	const half = process.argv.includes('--half') ? process.argv[process.argv.indexOf('--half') + 1] : null;
	const judged = judgeSentences(dir).filter((_, i) => half === null || (half === 'even') === (i % 2 === 0));
	const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
	const g = claimScores(judged, 'guidance');
	const f = claimScores(judged, 'forward');
	const part = half ? ` (${half} rows)` : '';
	console.log(`guidance (with targets of policy and sensitivities, all forward-looking figures) on ${g.n} labelled earnings-call sentences${part} (${g.positives} forward-looking claims; rules chosen on the even rows): precision ${pct(g.precision)}, recall ${pct(g.recall)}  [NumClaim's published rules: 90.0 % / 71.1 %; target recall >= 70 % at precision >= 80 %]`);
	console.log(`forward-looking sentences on the same: weighted F1 ${f.weightedF1.toFixed(3)} (precision ${pct(f.precision)}, recall ${pct(f.recall)}); guidance as the forward-looking finding: ${g.weightedF1.toFixed(3)}  [all "not forward": 0.777; published rules 0.941; target >= 0.93]`);
	if (process.argv.includes('--misses')) {
		for (const j of judged.filter(j => j.guidance !== j.label)) console.log(`${j.label ? 'MISSED' : 'FALSE '} [${j.why}] ${j.text}`);
	}
}
