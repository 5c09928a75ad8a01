// How metric values read, the same in the sidebar, trends, compare and the CLI.
import type {Unit} from './trends.js';

/**
 * A whole number with thousands commas: 12,345. Not toLocaleString: its first
 * call loads ICU's number formats, ~4 ms of the reader's first frame (measured).
 */
export function grouped(x: number): string {
	const whole = Math.round(x);
	const digits = String(Math.abs(whole));
	let out = '';
	for (let i = 0; i < digits.length; i++) {
		if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
		out += digits[i];
	}
	return whole < 0 ? `-${out}` : out;
}

/** A share as a whole percent; under 1% but above 0 says `<1%`. */
export function percent(share: number): string {
	if (share > 0 && share < 0.005) return '<1%';
	return `${Math.round(share * 100)}%`;
}

export function formatValue(value: number | null, unit: Unit): string {
	if (value === null) return unit === 'flag' ? '' : '·';
	switch (unit) {
		case 'flag':
			return value ? 'brief' : '';
		case 'count':
		case 'words':
			return grouped(value);
		case 'share':
			return percent(value);
		case 'decimal':
			return value.toFixed(1);
		case 'per100':
			return value.toFixed(2);
		case 'ratio':
			return `${value.toFixed(1)}x`;
		case 'tone':
			return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(2)}`;
	}
	return String(value);
}

/** A change: signed, in the unit's terms (points for shares). */
export function formatChange(delta: number, unit: Unit): string {
	const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
	const x = Math.abs(delta);
	switch (unit) {
		case 'count':
		case 'words':
			return `${sign}${grouped(x)}`;
		case 'share':
			return `${sign}${Math.round(x * 100)}pt`;
		case 'per100':
		case 'tone':
			return `${sign}${x.toFixed(2)}`;
		case 'decimal':
			return `${sign}${x.toFixed(1)}`;
		case 'ratio':
			return `${sign}${x.toFixed(1)}x`;
	}
	return '';
}

/** How finely a unit is shown (formatValue): a value rounded to it is the value the reader sees. */
const SHOWN_STEP: Record<Unit, number> = {count: 1, words: 1, share: 0.01, decimal: 0.1, per100: 0.01, ratio: 0.1, tone: 0.01, flag: 1};

/** A value rounded as formatValue shows it. */
export const asShown = (value: number, unit: Unit) => Math.round(value / SHOWN_STEP[unit]) * SHOWN_STEP[unit];

/**
 * The change from `a` to `b` as shown beside them: worked out from the rounded
 * values, so that `3% → 21%` reads `+18pt`, never the `+17pt` of 3.4 → 20.6.
 */
export function changeAsShown(a: number, b: number, unit: Unit): string {
	const step = SHOWN_STEP[unit];
	// Rounded again: 0.3 - 0.1 is 0.19999… in floating point.
	return formatChange(Math.round((asShown(b, unit) - asShown(a, unit)) / step) * step, unit);
}
