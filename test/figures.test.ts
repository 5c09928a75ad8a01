// Figures are read word by word (metrics-figures.ts); the anchored patterns
// they replaced are kept here as the definition, and both must find the same
// figures on random text made of numbers, units and what stands between them.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import fc from 'fast-check';
import {type FigureKind, findFigures} from '../source/model/metrics/figures.ts';

const NUMBER = /\d[\d,]*(?:\.\d+)?/g;
const SCALE = /\s?(?:thousand|million|billion|trillion|bn|mm|k|m|b)\b/iy;
const PERCENT = /\s?(?:%|percent\b|per cent\b|percentage points?\b|basis points\b|bps\b)/iy;
const CURRENCY_WORD = /\s(?:dollars|euros)\b/iy;
const RATE = /(?:\s[\p{L}\d-]+){0,2}?\s(?:a|an|per|each)\s(?:day|week|month|quarter|year|annum)\b/iuy;
const UNIT =
	/\s(?:units?|cars?|vehicles?|cells?|packs?|batteries|superchargers?|stores?|service centers?|employees|people|customers|owners|reservations?|deliveries|orders?|miles|kilowatt[- ]hours?|kwh|gigawatt[- ]hours?|gwh|megawatt[- ]hours?|mwh|locations?|countries|days|weeks|months)\b/iy;
const NAMING = /(?:model|gen|generation|version|q[1-4]|quarter|phase|series|class|number|no\.?|level|tier)\s$/i;

const sticky = (re: RegExp, text: string, at: number) => {
	re.lastIndex = at;
	return re.test(text) ? re.lastIndex : -1;
};

function referenceFigures(text: string): {kind: FigureKind; start: number; end: number}[] {
	const found: {kind: FigureKind; start: number; end: number}[] = [];
	for (const m of text.matchAll(NUMBER)) {
		let start = m.index;
		if ((start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1]!)) || text[start - 1] === ',' || text[start - 1] === '.') continue;
		let end = start + m[0].length;
		const currency = /(?:US\$|\$|€|£)\s?$/.exec(text.slice(Math.max(0, start - 4), start));
		const scaled = sticky(SCALE, text, end);
		const afterScale = scaled >= 0 ? scaled : end;
		let kind: FigureKind | null = null;
		if (currency) {
			kind = 'money';
			start -= currency[0].length;
			end = afterScale;
		} else if (NAMING.test(text.slice(Math.max(0, start - 12), start))) continue;
		else {
			let to: number;
			if ((to = sticky(PERCENT, text, end)) >= 0) kind = 'percent';
			else if ((to = sticky(CURRENCY_WORD, text, afterScale)) >= 0) kind = 'money';
			else if ((to = sticky(RATE, text, afterScale)) >= 0) kind = 'rate';
			else if ((to = sticky(UNIT, text, afterScale)) >= 0) kind = 'count';
			if (kind) end = to;
		}
		if (!kind) continue;
		const last = found[found.length - 1];
		if (last && start < last.end) continue;
		found.push({kind, start, end});
	}
	return found;
}

// Numbers, the words that may follow them (in any case), and what may stand between.
const pieces = [
	'5', '5,000', '1.5', '2017', '$', 'US$', '€', ' ', ' ', ' ', '  ', '\t', '\u00a0', '-', '.', ',', '%', '_', 'é',
	'thousand', 'Million', 'bn', 'mm', 'k', 'm', 'B', 'min',
	'percent', 'Per', 'cent', 'percentage', 'point', 'points', 'basis', 'bps',
	'dollars', 'Euros', 'a', 'an', 'per', 'each', 'day', 'Week', 'weeks', 'month', 'quarter', 'year', 'annum',
	'cars', 'car', 'Model', '3s', 'units', 'service', 'centers', 'kilowatt', 'hours', 'GWh', 'people', 'miles', 'stores',
	'Q2', 'Gen', 'no.', 'X', '日',
];
const texts = fc.array(fc.constantFrom(...pieces), {maxLength: 20}).map(p => p.join(''));

/** A number, then words from a small set with what stands between them: each word meets the others often. */
const after = (...words: string[]) =>
	fc
		.tuple(
			fc.constantFrom('', '', '$', 'Model ', 'a', ','),
			fc.constantFrom('5', '5,000', '1.5'),
			fc.array(fc.tuple(fc.constantFrom(' ', ' ', ' ', '', '-', '  ', '\t', '\u00a0', '.'), fc.constantFrom(...words), fc.boolean()), {maxLength: 6}),
			fc.constantFrom('', '', '.', 's', '_', 'é', '2'),
		)
		.map(([before, n, rest, end]) => before + n + rest.map(([sep, w, up]) => sep + (up ? w.toUpperCase() : w)).join('') + end);

describe('figures', () => {
	it('read word by word, answer as the patterns that define them', () => {
		fc.assert(
			fc.property(texts, text => assert.deepEqual(findFigures(text), referenceFigures(text), JSON.stringify(text))),
			{numRuns: 20000},
		);
	});

	for (const [what, words] of [
		['scales, percentages and currencies', ['per', 'cent', 'percent', 'percentage', 'point', 'points', 'basis', 'bps', 'dollars', 'euros', 'million', 'm', 'k', 'thousand', 'bn', 'min']],
		['rates', ['a', 'an', 'per', 'each', 'day', 'week', 'weeks', 'annum', 'cars', 'model', '3s', 'x-ray', 'é', 'quarter']],
		['units', ['service', 'center', 'centers', 'kilowatt', 'hour', 'hours', 'gigawatt', 'cars', 'units', 'people', 'kwh', 'days', 'x']],
	] as const) {
		it(`the same on numbers followed by ${what}`, () => {
			fc.assert(
				fc.property(after(...words), text => assert.deepEqual(findFigures(text), referenceFigures(text), JSON.stringify(text))),
				{numRuns: 30000},
			);
		});
	}

	it('the same on the five bundled calls, paragraph by paragraph', async () => {
		const {loadLibrary} = await import('../source/model/input/library.ts');
		let figures = 0;
		for (const call of loadLibrary({}).calls) {
			for (const turn of call.turns) {
				for (const p of turn.paragraphs) {
					const found = findFigures(p.text);
					assert.deepEqual(found, referenceFigures(p.text), p.text);
					figures += found.length;
				}
			}
		}
		assert.equal(figures, 254);
	});
});

describe('a change beside two values agrees with them', () => {
	it('is worked out from the values as shown (3% → 21% is +18pt, not the +17pt of 3.4 → 20.6)', async () => {
		const {changeAsShown, formatValue} = await import('../source/model/metrics/format-number.ts');
		assert.equal(`${formatValue(0.034, 'share')} → ${formatValue(0.206, 'share')} (${changeAsShown(0.034, 0.206, 'share')})`, '3% → 21% (+18pt)');
		assert.equal(changeAsShown(0.274, 0.354, 'tone'), '+0.08');
		assert.equal(changeAsShown(0.1, 0.3, 'per100'), '+0.20');
		assert.equal(changeAsShown(2.64, 2.06, 'decimal'), '−0.5');
		assert.equal(changeAsShown(10025, 10008, 'words'), '−17');
		// Every pair of shown values and its shown change agree, for random values of each unit.
		for (const unit of ['share', 'tone', 'per100', 'decimal', 'ratio', 'count'] as const) {
			for (let i = 0; i < 500; i++) {
				const a = Math.random() * (unit === 'count' ? 500 : 2) - (unit === 'tone' ? 1 : 0);
				const b = Math.random() * (unit === 'count' ? 500 : 2) - (unit === 'tone' ? 1 : 0);
				// `<1%` stands for a share under half a percent: not a number to add up.
				if (unit === 'share' && (a < 0.005 || b < 0.005)) continue;
				const num = (s: string) => Number(s.replace(/[,%xpt+±]/g, '').replace('−', '-'));
				const shownA = num(formatValue(a, unit)) / (unit === 'share' ? 100 : 1);
				const shownB = num(formatValue(b, unit)) / (unit === 'share' ? 100 : 1);
				const change = num(changeAsShown(a, b, unit)) / (unit === 'share' ? 100 : 1);
				assert.ok(Math.abs(shownB - shownA - change) < 1e-9, `${unit}: ${a} ${b} → ${formatValue(a, unit)} ${formatValue(b, unit)} ${changeAsShown(a, b, unit)}`);
			}
		}
	});
});
