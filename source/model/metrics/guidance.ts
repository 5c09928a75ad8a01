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
	/**
	 * Guidance proper, or kept apart from it: a target of policy ("a dividend
	 * payout ratio of 75%") or a sensitivity ("a 1 to 2 point currency
	 * tailwind"), forward-looking figures that are not an outlook for a metric.
	 */
	kind: GuidanceKind;
}

export type GuidanceKind = 'guidance' | 'policy' | 'sensitivity';

const POLICY = /\b(?:payout(?:\s+ratio)?|leverage\s+(?:ratio|target)|(?:net\s+)?debt[-\s]to[-\s]ebitda|credit\s+rating)\b/i;
const SENSITIVITY = /\b(?:tail\s?winds?|head\s?winds?|sensitivity|(?:currency|fx|foreign\s+exchange|commodit(?:y|ies))\s+(?:impact|effect|benefit|drag))\b/i;

/**
 * An expectation stated now, with or without "we": "we expect", "we would
 * expect", "the company anticipates", "is expected to range", "we're planning
 * for", "on track to", "will range between". Enough, with a metric and a
 * figure, to be guidance.
 */
const EXPECT = new RegExp(
	[
		String.raw`\b(?:we|i|they|company|management)\s+(?:now\s+|still\s+|continue\s+to\s+|currently\s+|also\s+|do\s+|would\s+|will\s+|further\s+|again\s+)*(?:expect|anticipate|project|forecast|target|estimate|assume|plan\s+(?:for|on)|guide\s+to)\b`,
		String.raw`\b(?:expects|anticipates|projects|forecasts|estimates)\b`,
		String.raw`\b(?:we|i|they)(?:'re|\s+are|'m|\s+am)\s+(?:now\s+|still\s+|currently\s+|also\s+)*(?:expecting|anticipating|targeting|projecting|forecasting|guiding\s+to|planning\s+(?:for|on)|assuming|factoring\s+in|looking\s+(?:for|at))\b`,
		String.raw`\b(?:(?:is|are|be)\s+)?(?:now\s+|still\s+|currently\s+)?(?:expected|projected|forecast(?:ed)?|anticipated|estimated|targeted|guided|planned)\s+(?:to|at|in\s+the\s+range)\b`,
		String.raw`\b(?:on\s+track\s+to|will\s+(?:range|be\s+(?:between|in\s+the\s+range|approximately|about|around|roughly|up|down|flat))|to\s+range\s+(?:between|from))\b`,
	].join('|'),
	'i',
);
/** A change to guidance said as such: "raising our full-year guidance", "we reaffirm our outlook". */
const CHANGE = /(?<!\byou(?:'re|\s+are|'ve|\s+have)?\s+)\b(?:rais(?:e|ed|ing)|lower(?:ed|ing)?|increas(?:e|ed|ing)|reduc(?:e|ed|ing)|cut(?:ting)?|narrow(?:ed|ing)?|reaffirm\w*|reiterat\w*|maintain\w*|withdraw\w*|withdrew|suspend\w*|introduc\w*|initiat\w*|updat\w*|confirm\w*)\s+(?:our\s+|the\s+|its\s+)?(?:[\w'-]+\s+){0,3}?(?:guidance|outlook|forecast|targets?|expectations?)\b/i;
/** The change made, by a verb with its subject or auxiliary ("we are raising", "have lowered", "to reaffirm"), not an adjective ("our updated guidance"). */
const CHANGE_MADE = /\b(?:we|we're|we've|are|am|is|have|has|will|to|now|today|i'm)\s+(?:[\w'-]+\s+){0,2}?(?:rais(?:e|ed|ing)|lower(?:ed|ing)?|increas(?:e|ed|ing)|reduc(?:e|ed|ing)|cut(?:ting)?|narrow(?:ed|ing)?|reaffirm\w*|reiterat\w*|maintain\w*|withdraw\w*|withdrew|suspend\w*|introduc\w*|initiat\w*|updat\w*|confirm\w*)\b/i;
const YOURS = /\byour\s+(?:[\w'-]+\s+){0,3}?(?:guidance|outlook|forecast|guide|numbers)\b/i;
/** Sentences about what the call will cover. */
const AGENDA = /\b(?:discuss(?:es|ing)?|talk\s+(?:about|through)|walk\s+(?:you\s+)?through|go\s+(?:over|through)|cover|review)\b(?:\s+[\w'-]+){0,4}?\s+(?:guidance|outlook|results|financials|expectations)\b|\bturn\s+(?:the\s+call|it)\s+(?:over\s+)?to\b/i;
/** A figure reaffirmed ("we reaffirmed the $1.9 billion"): guidance held, said by its figure. */
const REAFFIRM = /\b(?:reaffirm\w*|reiterat\w*)\b/i;
/**
 * The future said plainly ("it stays in the range … through the end of the
 * year", "we'll reach 10,000 a week by the end of next year"): guidance only
 * with a listed metric, a quantity after the cue, and a time ahead named, as
 * the plain future of a call is mostly not an outlook ("they will move up
 * into cost of goods sold").
 */
const FUTURE = /\b(?:will|(?:we|it|they|that)'ll|going\s+to|(?:stays?|remains?)\s+in\s+the\s+range)\b/i;
const AHEAD_NAMED = /\b(?:(?:by|through|towards?|until|at)\s+the\s+end\s+of|(?:second|back)\s+half|full[-\s]year|next\s+(?:year|quarter|fiscal)|fiscal\s+(?:year\s+)?20\d\d|(?:in|for|by)\s+(?:calendar\s+)?(?:'\d\d|20\d\d|q[1-4]|the\s+(?:first|second|third|fourth)\s+quarter))\b/i;
/** A quantity, not a span of time ("22 months"): what a plain-future outlook states. */
const isQuantity = (sentence: string, f: {kind: string; start: number; end: number}) => f.kind !== 'count' || !/\b(?:days?|weeks?|months?|years?)$/i.test(sentence.slice(f.start, f.end));
/** The nouns of guidance: guidance only with a figure and a time ahead ("our full-year revenue outlook is now more than $6 billion"). */
const NOUN = /\b(?:guidance|outlook|forecast|guide)\b/i;
const AHEAD = /\b(?:now|full[-\s]year|fiscal\s+(?:year|20\d\d)|next\s+(?:year|quarter)|(?:for|in)\s+(?:the\s+)?(?:q[1-4]|(?:first|second|third|fourth)\s+quarter|20\d\d|fy\s?\d\d)|going\s+forward|this\s+year)\b/i;

const METRIC: [RegExp, string][] = [
	[/\b(?:gross\s+margins?)\b/i, 'gross margin'],
	[/\b(?:d\s?&\s?a|depreciation(?:\s+and\s+amortization)?|amortization)\b/i, 'D&A'],
	[/\b(?:interest\s+expenses?)\b/i, 'interest expense'],
	[/\b(?:arr|annual(?:ized)?\s+recurring\s+revenue|bookings|backlog)\b/i, 'bookings'],
	[/\b(?:dividends?|buybacks?|(?:share\s+)?repurchases?|cash\s+returns?)\b/i, 'capital return'],
	[/\b(?:cash\s+flows?)\b/i, 'cash flow'],
	[/\b(?:operating\s+margins?|ebit\s+margins?)\b/i, 'operating margin'],
	[/\b(?:eps|earnings\s+per\s+share|(?:net\s+)?income\s+per\s+(?:diluted\s+)?share)\b/i, 'EPS'],
	[/\b(?:capex|capital\s+(?:expenditures?|spending|spend))\b/i, 'capex'],
	[/\b(?:free\s+cash\s+flow)\b/i, 'free cash flow'],
	[/\b(?:ebitda)\b/i, 'EBITDA'],
	[/\b(?:opex|operating\s+expenses?)\b/i, 'operating expenses'],
	[/\b(?:tax\s+rate)\b/i, 'tax rate'],
	[/\b(?:revenues?|sales|top[-\s]line|turnover)\b/i, 'revenue'],
	[/\b(?:margins?)\b/i, 'margin'],
	[/\b(?:\d[\d,]*-)?units?\s+(?:a\s+|per\s+|each\s+)?week\b|\bper\s+week\b/i, 'units per week'],
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

/** A number joined to its unit by a hyphen ("a 5,000-unit week", "a 10-store rollout"), which findFigures leaves to the words after. */
function hyphenFigure(sentence: string): {kind: 'count'; start: number; end: number} | undefined {
	const m = /\b\d[\d,]*(?:\.\d+)?-[a-z]+\b/i.exec(sentence);
	return m ? {kind: 'count', start: m.index, end: m.index + m[0].length} : undefined;
}

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
		const firstFigure = () => (figure0 === null ? (figure0 = findFigures(text.slice(start, end))[0] ?? hyphenFigure(text.slice(start, end))) : figure0);
		// An expectation, a change said as one, or the noun with a figure and a time ahead.
		let cue = userOnly ? userCues!.exec(sentence) : (EXPECT.exec(sentence) ?? CHANGE.exec(sentence) ?? userCues?.exec(sentence) ?? null);
		if (cue && !userOnly) {
			const expected = EXPECT.test(sentence);
			// What the call will cover ("John will discuss our raised guidance") is not the outlook itself.
			if (AGENDA.test(sentence)) cue = null;
			// An expectation states a figure or a time ahead ("we expect it to remain so" states neither).
			else if (expected && !CHANGE.test(sentence) && !firstFigure() && !AHEAD.test(sentence) && !AHEAD_NAMED.test(sentence)) cue = null;
			// A change named, not made ("confident in our updated guidance"): only with its figure.
			else if (!expected && !firstFigure() && !CHANGE_MADE.test(sentence)) cue = null;
		}
		if (!cue && !userOnly) {
			const held = REAFFIRM.exec(sentence);
			if (held && firstFigure()) cue = held;
		}
		let plainFuture = false;
		if (!cue && !userOnly) {
			const future = FUTURE.exec(sentence);
			if (future && AHEAD_NAMED.test(sentence) && !PAST_ONLY.test(sentence) && findFigures(sentence).some(f => f.start > future.index && isQuantity(sentence, f))) (cue = future), (plainFuture = true);
		}
		if (!cue && !userOnly) {
			const noun = NOUN.exec(sentence);
			if (noun && firstFigure() && (direction() || AHEAD.test(sentence))) cue = noun;
		}
		// Someone else's outlook restated ("you're lowering your guidance"): a question, not guidance.
		if (cue && !userOnly && YOURS.test(sentence)) cue = null;
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
		// No metric of the list, but an expectation with a figure: a metric the company names itself ("net new ARR", "service stream").
		if (!metric && !plainFuture && EXPECT.test(sentence) && firstFigure()) metric = 'other';
		// A change to the outlook as a whole ("we are raising guidance for the full year").
		if (!metric && CHANGE.test(sentence)) metric = 'outlook';
		if (!metric) continue;
		const figure = firstFigure();
		const marks: [number, number][] = [[start + cue.index, start + cue.index + cue[0].length]];
		if (figure) marks.push([start + figure.start, start + figure.end]);
		marks.sort((a, b) => a[0] - b[0]);
		const kind: GuidanceKind = POLICY.test(sentence) ? 'policy' : SENSITIVITY.test(sentence) ? 'sensitivity' : 'guidance';
		out.push({start, end, direction: direction()?.[1] ?? 'introduced', metric, figure: figure ? text.slice(start + figure.start, start + figure.end) : null, marks, cue: text.slice(start + cue.index, start + cue.index + cue[0].length).toLowerCase(), kind});
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

/**
 * Every forward-looking figure of a call's executives, of each kind: guidance,
 * targets of policy, sensitivities (analysts' questions about guidance are not
 * guidance). Each sentence once.
 */
export function callOutlook(call: Call): GuidanceHit[] {
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

const proper = new WeakMap<GuidanceHit[], GuidanceHit[]>();
/** The guidance sentences of a call: its outlook for metrics (callOutlook's kind 'guidance'). */
export function callGuidance(call: Call): GuidanceHit[] {
	const all = callOutlook(call);
	let found = proper.get(all);
	if (!found) proper.set(all, (found = all.filter(g => g.kind === 'guidance')));
	return found;
}

/** Counts by direction. */
export function guidanceCounts(hits: readonly GuidanceHit[]): Record<Direction, number> {
	const counts = {raised: 0, lowered: 0, maintained: 0, introduced: 0, withdrawn: 0};
	for (const h of hits) counts[h.direction]++;
	return counts;
}
