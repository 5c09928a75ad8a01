// Tone per sentence, with direction (issue 24). Counting good and bad words
// gets "revenue rose 12 %" and "costs rose 12 %" both neutral, and "Good
// morning" positive. Here a sentence's polarity comes first from what moved
// and which way — revenue, margin, demand, orders up is good news; costs,
// losses, debt, delays up is bad; their falls the reverse — then from the
// words of good and bad news, each turned by a negator just before it ("not
// as strong as"). The greetings and courtesies of a call carry no tone.
import {NEGATIVE, NEGATORS, POSITIVE} from './lexicon.js';

export type Polarity = 'positive' | 'negative' | 'neutral';

export interface SentenceTone {
	polarity: Polarity;
	/** Good minus bad, each mover and word counted once. */
	score: number;
	/** The words that decided it ("costs … rose", "not … strong"), for the drill. */
	words: string[];
}

/** Movements up and down. */
const UP = new Set('rise rises rising rose risen up gain gains gained jump jumps jumped surge surges surged soar soars soared climb climbs climbed increase increases increased increasing grow grows grew growing grown higher high rally rallies rallied boost boosts boosted expand expands expanded expanding beat beats improve improves improved improving record hike hikes hiked raise raises raised doubles doubled triples tripled recover recovers recovered rebound rebounds rebounded spurt spurts zoom zooms zoomed'.split(' '));
const DOWN = new Set('fall falls falling fell fallen down drop drops dropped dropping decline declines declined declining slip slips slipped slump slumps slumped plunge plunges plunged tumble tumbles tumbled lower low decrease decreases decreased decreasing shrink shrinks shrank dip dips dipped sink sinks sank slide slides slid cut cuts cutting miss misses missed crash crashes crashed erode erodes eroded weaken weakens weakened halve halved contract contracts contracted plummet plummets plummeted slash slashes slashed'.split(' '));
/** What is good to see go up, and what is bad. */
const GOOD_MOVERS = new Set('revenue revenues sales profit profits earnings income margin margins demand orders order bookings backlog growth share shares stock stocks price prices market volume volumes eps ebitda dividend dividends cash flow deliveries production output customers subscribers users traffic rating ratings sensex nifty index indices rupee exports valuation returns return yield'.split(' '));
const BAD_MOVERS = new Set('cost costs expense expenses loss losses debt debts churn delay delays inflation npa npas npl provisions provision defaults default risk risks deficit unemployment layoffs attrition claims impairment impairments writedowns tax taxes pressure headwinds imports outflows'.split(' '));

const GOOD_WORDS = new Set([...POSITIVE.filter(w => !UP.has(w)), 'lifted', 'lifts', 'stabilise', 'stabilize', 'stabilises', 'stabilizes', 'oversubscribed', 'bounce', 'multibagger', 'upgrade', 'upgrades', 'upgraded', 'wins', 'bags', 'bagged', 'outperform', 'bullish', 'optimistic', 'strength', 'robustly', 'surplus', 'awarded', 'bonanza']);
// "issue" is bad news in a call, not in "a rights issue" of shares.
const BAD_WORDS = new Set([...NEGATIVE.filter(w => !DOWN.has(w) && w !== 'issue' && w !== 'issues'), 'downgrade', 'downgrades', 'downgraded', 'sell', 'underperform', 'bearish', 'fraud', 'probe', 'penalty', 'fine', 'fined', 'default', 'defaults', 'bankruptcy', 'insolvency', 'lawsuit', 'sues', 'sued', 'scam', 'slowdown', 'weak', 'woes', 'worries', 'fears', 'fear', 'warning', 'warns', 'layoffs', 'strike', 'protest', 'ban', 'banned', 'halt', 'halts', 'halted', 'shut', 'shuts', 'closure', 'volatile', 'volatility', 'uncertainty', 'turmoil', 'selloff', 'pessimistic', 'lacklustre', 'lackluster', 'soft', 'choppy', 'bears', 'cautious', 'cautiously', 'crashing', 'avoid', 'retreat', 'retreats', 'sluggish', 'subdued', 'muted', 'tepid']);
/** Movements that are news only when something named moved: "to raise Rs 500 crore", "a record IPO", "Delhi High Court", "top ten stocks" are not. */
const NEEDS_MOVER = new Set(['raise', 'raises', 'raised', 'high', 'low', 'record', 'top', 'cut', 'cuts', 'cutting', 'contract', 'contracts', 'expand', 'expands', 'expanded', 'expanding']);
/** Words good or bad only with a movement to say which: a mover, not news ("loss" alone is bad; "loss narrows" is good). */
const NARROW = new Set(['narrow', 'narrows', 'narrowed', 'narrowing', 'eases', 'eased', 'easing', 'shrinks', 'shrank', 'trims', 'trimmed', 'pares', 'pared']);
const WIDEN = new Set(['widen', 'widens', 'widened', 'widening', 'deepens', 'deepened', 'balloons', 'swells', 'mounts', 'mounting']);
/** The greetings and courtesies of a call, which carry no tone. */
const COURTESY = /^\s*(?:(?:good\s+(?:morning|afternoon|evening|day)|hello|hi|welcome|thanks?(?:\s+you)?|thank\s+you(?:\s+(?:very|so)\s+much)?|great,?\s+thank\s+you|congratulations|congrats)\b[^.!?]{0,80}[.!?]?\s*)+$/i;

const tokens = (sentence: string) => sentence.toLowerCase().replace(/[\u2019\u2018]/g, "'").match(/[a-z]+(?:'[a-z]+)?/g) ?? [];

/** The polarity of one sentence, and the words that decided it. */
export function sentenceTone(sentence: string): SentenceTone {
	if (COURTESY.test(sentence)) return {polarity: 'neutral', score: 0, words: []};
	const words = tokens(sentence);
	let score = 0;
	const said: string[] = [];
	const used = new Set<number>();
	const negatedAt = (i: number) => {
		for (let j = Math.max(0, i - 3); j < i; j++) if (NEGATORS.has(words[j]!) || words[j] === 'less' || words[j] === 'fails') return true;
		return false;
	};
	// Movements first: each with the nearest mover within four words before it, or three after ("increase in costs").
	for (let i = 0; i < words.length; i++) {
		const w = words[i]!;
		const up = UP.has(w) || WIDEN.has(w);
		const down = DOWN.has(w) || NARROW.has(w);
		if (!up && !down) continue;
		let mover: number | null = null;
		for (let d = 1; d <= 4 && mover === null; d++) {
			for (const j of [i - d, d <= 3 ? i + d : -1]) {
				if (j < 0 || j >= words.length || used.has(j)) continue;
				if (GOOD_MOVERS.has(words[j]!) || BAD_MOVERS.has(words[j]!)) {
					mover = j;
					break;
				}
			}
		}
		const bad = mover !== null && BAD_MOVERS.has(words[mover]!);
		// Without a mover, up is good and down bad (a company's own news); "narrows" and "widens" need one.
		if (mover === null && (NARROW.has(w) || WIDEN.has(w) || NEEDS_MOVER.has(w))) continue;
		let sign = (up ? 1 : -1) * (bad ? -1 : 1);
		if (negatedAt(i)) sign = -sign;
		score += sign;
		used.add(i);
		if (mover !== null) used.add(mover);
		said.push(mover === null ? w : mover < i ? `${words[mover]} … ${w}` : `${w} … ${words[mover]}`);
	}
	// Then the words of good and bad news not part of a movement.
	for (let i = 0; i < words.length; i++) {
		if (used.has(i)) continue;
		const w = words[i]!;
		const good = GOOD_WORDS.has(w);
		const badWord = BAD_WORDS.has(w);
		if (!good && !badWord) continue;
		let sign = good ? 1 : -1;
		if (negatedAt(i)) sign = -sign;
		score += sign;
		said.push(negatedAt(i) ? `not … ${w}` : w);
	}
	return {polarity: score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral', score, words: said};
}
