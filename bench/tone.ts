// Tone on labelled financial sentences (../shared/labels/sentiment/,
// SEntFiN 1.0): the headlines whose entities all share one sentiment, each
// given a polarity by today's rule (the sign of good minus bad words, with a
// negator turning a good word, language.ts) and by the sentence rule with
// direction (sentence-tone.ts), beside labelling every one neutral. Accuracy
// and macro-F1. Run by bench/run.ts; also `node --import tsx bench/tone.ts
// [--half even|odd] [--misses]`: the rule was chosen looking at the even rows.
import {existsSync, readFileSync} from 'node:fs';
import {NEGATIVE, NEGATORS, POSITIVE} from '../source/model/metrics/lexicon.js';
import {sentenceTone, type Polarity} from '../source/model/metrics/sentence-tone.js';
import {csvRows} from './non-answers.js';

export const SENTIMENT = new URL('../../shared/labels/sentiment/SEntFiN.csv', import.meta.url).pathname;

/** The headlines whose entities agree, with that sentiment. */
export function labelledSentences(path = SENTIMENT): {text: string; label: Polarity}[] {
	const [, ...rows] = csvRows(readFileSync(path, 'utf8'));
	const out: {text: string; label: Polarity}[] = [];
	for (const r of rows) {
		const labels = [...(r[2] ?? '').matchAll(/'\s*:\s*'(positive|negative|neutral)'/g)].map(m => m[1] as Polarity);
		if (labels.length > 0 && labels.every(l => l === labels[0])) out.push({text: r[1]!, label: labels[0]!});
	}
	return out;
}

const good = new Set(POSITIVE);
const bad = new Set(NEGATIVE);
/** Today's rule: good words minus bad ones, a negator up to three words before a good word turning it. */
export function wordRule(text: string): Polarity {
	const words = text.toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? [];
	let score = 0;
	let negator = -10;
	words.forEach((w, i) => {
		if (good.has(w)) score += i - negator <= 3 ? -1 : 1;
		else if (bad.has(w)) score -= 1;
		if (NEGATORS.has(w)) negator = i;
	});
	return score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
}

export function toneScores(pairs: readonly {label: Polarity; said: Polarity}[]) {
	const classes: Polarity[] = ['positive', 'negative', 'neutral'];
	const accuracy = pairs.filter(p => p.label === p.said).length / Math.max(1, pairs.length);
	const f1s = classes.map(c => {
		const tp = pairs.filter(p => p.said === c && p.label === c).length;
		const fp = pairs.filter(p => p.said === c && p.label !== c).length;
		const fn = pairs.filter(p => p.said !== c && p.label === c).length;
		return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
	});
	return {n: pairs.length, accuracy, macroF1: f1s.reduce((a, b) => a + b, 0) / classes.length};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	if (!existsSync(SENTIMENT)) {
		console.log('tone: ../shared/labels/sentiment/ not found, skipped');
		process.exit(0);
	}
	const half = process.argv.includes('--half') ? process.argv[process.argv.indexOf('--half') + 1] : null;
	const set = labelledSentences().filter((_, i) => half === null || (half === 'even') === (i % 2 === 0));
	const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
	const line = (name: string, said: (t: string) => Polarity) => {
		const s = toneScores(set.map(x => ({label: x.label, said: said(x.text)})));
		return `${name} ${pct(s.accuracy)} (macro-F1 ${s.macroF1.toFixed(3)})`;
	};
	console.log(`tone on ${set.length} labelled financial headlines (SEntFiN, entities agreeing${half ? `; ${half} rows` : ''}): by sentence with direction ${line('', t => sentenceTone(t).polarity).trim()}; today's word rule ${line('', wordRule).trim()}; always neutral ${line('', () => 'neutral').trim()}  [aim >= 85 % on sentence-level labels]`);
	if (process.argv.includes('--misses')) {
		for (const x of set.slice(0, 4000)) {
			const t = sentenceTone(x.text);
			if (t.polarity !== x.label) console.log(`${x.label.padEnd(8)} said ${t.polarity.padEnd(8)} [${t.words.join('; ')}] ${x.text}`);
		}
	}
}
