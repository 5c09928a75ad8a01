// Guidance: sentences where management gives or changes an outlook — revenue,
// margin, EPS, capex, units, growth — with its direction (raised, lowered,
// maintained, introduced, withdrawn), the metric and the figure where one is
// stated. The project's own rules: an outlook cue ("we now expect",
// "raising our full-year guidance", "reaffirm", "outlook for Q3") and a
// metric in one sentence of an executive's turn.
import {findFigures} from './figures.js';
import {sentences} from '../text/text-match.js';
import type {Call, Section} from '../types.js';

export type Direction = 'raised' | 'lowered' | 'maintained' | 'introduced' | 'withdrawn';
export const DIRECTIONS: Direction[] = ['raised', 'lowered', 'maintained', 'introduced', 'withdrawn'];

export interface GuidanceHit {
	turn: number;
	paragraph: number;
	/** The sentence, as offsets in the paragraph's text. */
	start: number;
	end: number;
	speaker: number | null;
	section: Section;
	direction: Direction;
	metric: string;
	/** The figure stated (`$52.5-54.5b`, `25%`), or null. */
	figure: string | null;
	/** The words that made it guidance, and the figure, as paragraph offsets (marked in the drill). */
	marks: [number, number][];
	/** The outlook cue as said ("we now expect"). */
	cue: string;
}

/** An expectation stated now: "we expect", "we now anticipate", "is expected to be". Enough, with a metric, to be guidance. */
const EXPECT = /\b(?:we\s+(?:now\s+|still\s+|continue\s+to\s+|currently\s+|also\s+|do\s+)?(?:expect|anticipate|project|forecast|target|plan\s+for|guide\s+to)|we(?:'re|\s+are)\s+(?:now\s+|still\s+)?(?:expecting|anticipating|targeting|projecting|forecasting|guiding\s+to)|(?:is|are)\s+(?:now\s+|still\s+)?(?:expected|projected|forecast)\s+to\s+be)\b/i;
/** A change to guidance said as such: "raising our full-year guidance", "we reaffirm our outlook". */
const CHANGE = /\b(?:rais(?:e|ed|ing)|lower(?:ed|ing)?|increas(?:e|ed|ing)|reduc(?:e|ed|ing)|cut(?:ting)?|narrow(?:ed|ing)?|reaffirm\w*|reiterat\w*|maintain\w*|withdraw\w*|withdrew|suspend\w*|introduc\w*|initiat\w*|updat\w*|confirm\w*)\s+(?:our\s+|the\s+|its\s+)?(?:[\w'-]+\s+){0,3}?(?:guidance|outlook|forecast|targets?|expectations?)\b/i;
/** The nouns of guidance: guidance only with a figure and a time ahead ("our full-year revenue outlook is now more than $6 billion"). */
const NOUN = /\b(?:guidance|outlook|forecast|guide)\b/i;
const AHEAD = /\b(?:now|full[-\s]year|fiscal\s+(?:year|20\d\d)|next\s+(?:year|quarter)|(?:for|in)\s+(?:the\s+)?(?:q[1-4]|(?:first|second|third|fourth)\s+quarter|20\d\d|fy\s?\d\d)|going\s+forward|this\s+year)\b/i;

const METRIC: [RegExp, string][] = [
	[/\b(?:gross\s+margins?)\b/i, 'gross margin'],
	[/\b(?:operating\s+margins?|ebit\s+margins?)\b/i, 'operating margin'],
	[/\b(?:eps|earnings\s+per\s+share)\b/i, 'EPS'],
	[/\b(?:capex|capital\s+(?:expenditures?|spending|spend))\b/i, 'capex'],
	[/\b(?:free\s+cash\s+flow)\b/i, 'free cash flow'],
	[/\b(?:ebitda)\b/i, 'EBITDA'],
	[/\b(?:opex|operating\s+expenses?)\b/i, 'operating expenses'],
	[/\b(?:tax\s+rate)\b/i, 'tax rate'],
	[/\b(?:revenues?|sales|top[-\s]line|turnover)\b/i, 'revenue'],
	[/\b(?:margins?)\b/i, 'margin'],
	[/\b(?:deliveries|shipments|units|volumes?|production|output)\b/i, 'units'],
	[/\b(?:growth|grow)\b/i, 'growth'],
	[/\b(?:earnings|net\s+income|profit)\b/i, 'earnings'],
];

const GUIDE_NOUN = String.raw`(?:guidance|guide|outlook|forecast|range|expectations?|targets?|view)`;
const EARLIER = String.raw`(?:our\s+|the\s+)?(?:(?:previous|prior|earlier|original|last|january|february|march|april|may|june|july|august|september|october|november|december|q[1-4]|quarter's)\s+)*`;
/** The metrics as global patterns, made once: every place each occurs in a sentence. */
const METRIC_ALL = METRIC.map(([re, name]) => [new RegExp(re.source, 'gi'), name] as const);

const DIRECTION: [RegExp, Direction][] = [
	[/\b(?:withdraw\w*|withdrew|suspend\w*|no\s+longer\s+(?:provid|giv|expect)\w*|pull(?:ing|ed)?\s+(?:our\s+)?guidance)\b/i, 'withdrawn'],
	[new RegExp(String.raw`\b(?:(?:rais(?:e|ed|ing)|increas(?:e|ed|ing)|lift(?:ed|ing)?)\s+(?:our\s+|the\s+|its\s+)?(?:[\w'-]+\s+){0,3}?${GUIDE_NOUN}|(?:higher|more)\s+than\s+${EARLIER}${GUIDE_NOUN}|above\s+${EARLIER}${GUIDE_NOUN}|up\s+(?:\S+\s+){0,2}?from\s+${EARLIER}${GUIDE_NOUN})\b`, 'i'), 'raised'],
	[new RegExp(String.raw`\b(?:(?:lower(?:ed|ing)?|reduc(?:e|ed|ing)|cut(?:ting)?|trim(?:med|ming)?)\s+(?:our\s+|the\s+|its\s+)?(?:[\w'-]+\s+){0,3}?${GUIDE_NOUN}|(?:lower|less)\s+than\s+${EARLIER}${GUIDE_NOUN}|below\s+${EARLIER}${GUIDE_NOUN}|down\s+(?:\S+\s+){0,2}?from\s+${EARLIER}${GUIDE_NOUN})\b`, 'i'), 'lowered'],
	[/\b(?:reaffirm\w*|reiterat\w*|maintain\w*|continue\s+to\s+expect|still\s+expect|unchanged|remains?\s+(?:unchanged|the\s+same)|on\s+track|stand\s+by|confirm\w*\s+(?:our\s+)?(?:guidance|outlook))\b/i, 'maintained'],
];

/** Whether the sentence speaks of the past only ("we expected", "guidance we gave last quarter" with no expectation now). */
const PAST_ONLY = /\b(?:was|were|had|came\s+in|grew|rose|fell|declined|ended|reached|delivered|exceeded|beat|met)\b/i;

/** The guidance sentences of an executive's paragraph (offsets in `text`). */
export function guidanceIn(text: string): Omit<GuidanceHit, 'turn' | 'paragraph' | 'speaker' | 'section'>[] {
	const out: Omit<GuidanceHit, 'turn' | 'paragraph' | 'speaker' | 'section'>[] = [];
	const plain = text.replace(/[\u2019\u2018]/g, "'");
	for (const [start, end] of sentences(text)) {
		const sentence = plain.slice(start, end);
		// The direction and the first figure are worked out only for a sentence that may be guidance:
		// most are not, and the two were most of the time spent on them (the patterns keep no state).
		let moved: (typeof DIRECTION)[number] | undefined | null = null;
		const direction = () => (moved === null ? (moved = DIRECTION.find(([re]) => re.test(sentence))) : moved);
		let figure0: ReturnType<typeof findFigures>[number] | undefined | null = null;
		const firstFigure = () => (figure0 === null ? (figure0 = findFigures(text.slice(start, end))[0]) : figure0);
		// An expectation, a change said as one, or the noun with a figure and a time ahead.
		let cue = userOnly ? userCues!.exec(sentence) : (EXPECT.exec(sentence) ?? CHANGE.exec(sentence) ?? userCues?.exec(sentence) ?? null);
		if (!cue && !userOnly) {
			const noun = NOUN.exec(sentence);
			if (noun && firstFigure() && (direction() || AHEAD.test(sentence))) cue = noun;
		}
		if (!cue) continue;
		// Past results against guidance ("came in above our guidance") are not an outlook.
		if (!userOnly && !EXPECT.test(sentence) && !CHANGE.test(sentence) && !userCues?.test(sentence) && PAST_ONLY.test(sentence)) continue;
		// The metric nearest the cue ("EPS is expected to be $1.24, down on lower gross margin": EPS).
		let metric: string | null = null;
		let distance = Infinity;
		const taken: [number, number][] = [];
		// METRIC is ordered specific first: "gross margin" is taken before "margin" inside it.
		for (const [m, name] of METRIC_ALL) {
			m.lastIndex = 0;
			for (let x = m.exec(sentence); x; x = m.exec(sentence)) {
				const from = x.index;
				const to = from + x[0].length;
				if (taken.some(([a, b]) => from >= a && to <= b)) continue;
				taken.push([from, to]);
				const d = Math.abs(from - cue.index);
				if (d < distance) [metric, distance] = [name, d];
			}
		}
		if (!metric) continue;
		const figure = firstFigure();
		const marks: [number, number][] = [[start + cue.index, start + cue.index + cue[0].length]];
		if (figure) marks.push([start + figure.start, start + figure.end]);
		marks.sort((a, b) => a[0] - b[0]);
		out.push({start, end, direction: direction()?.[1] ?? 'introduced', metric, figure: figure ? text.slice(start + figure.start, start + figure.end) : null, marks, cue: text.slice(start + cue.index, start + cue.index + cue[0].length).toLowerCase()});
	}
	return out;
}

let cache = new WeakMap<Call['turns'], GuidanceHit[]>();
/** The user's own guidance cues (lexicon/guidance.txt); `replace`: only theirs. */
let userCues: RegExp | null = null;
let userOnly = false;
export function setGuidanceCues(phrases: readonly string[], replace: boolean): void {
	const escape = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
	userCues = phrases.length ? new RegExp(`\\b(?:${phrases.map(escape).join('|')})\\b`, 'i') : null;
	userOnly = replace && phrases.length > 0;
	cache = new WeakMap();
}

/** Every guidance sentence of a call: executives' words only (analysts' questions about guidance are not guidance). */
export function callGuidance(call: Call): GuidanceHit[] {
	let found = cache.get(call.turns);
	if (found) return found;
	found = [];
	call.turns.forEach((turn, t) => {
		if (turn.speaker === null || call.speakers[turn.speaker]?.role !== 'executive') return;
		turn.paragraphs.forEach((p, pi) => {
			for (const g of guidanceIn(p.text)) found!.push({...g, turn: t, paragraph: pi, speaker: turn.speaker, section: turn.section});
		});
	});
	cache.set(call.turns, found);
	return found;
}

/** Counts by direction. */
export function guidanceCounts(hits: readonly GuidanceHit[]): Record<Direction, number> {
	const counts = {raised: 0, lowered: 0, maintained: 0, introduced: 0, withdrawn: 0};
	for (const h of hits) counts[h.direction]++;
	return counts;
}
