// Terms that stand out in a call: words and two-word phrases ranked by tf-idf
// against the other loaded calls, and how often any term a reader types occurs.
import {STOP_WORDS} from './lexicon.js';
import {nameParts} from './names.js';
import {callTokens, PhraseList, type Span, tokenize} from './text-match.js';
import type {Call} from './types.js';

export interface Term {
	term: string;
	count: number;
	/** count × idf, idf = ln((1 + calls) / (1 + calls using it)) + 1. */
	score: number;
	/** How many loaded calls use it. */
	calls: number;
}

interface Counted {
	words: Map<string, number>;
	/** First word → second word → count: no joined string is made per pair (measured: a fifth of the time). */
	phrases: Map<string, Map<string, number>>;
}

// Whether a word may stand out, names aside: not a stop-word, not a bare
// number, 3+ characters. Shared by all calls (most words recur).
const contentWords = new Map<string, boolean>();
function isContent(w: string): boolean {
	let yes = contentWords.get(w);
	if (yes === undefined) {
		if (contentWords.size > 50_000) contentWords.clear();
		contentWords.set(w, (yes = !STOP_WORDS.has(w) && !isNumber(w) && w.length >= 3));
	}
	return yes;
}

const isNumber = (w: string) => w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57 && /^[\d.,]+$/.test(w);

/** Names of the call's speakers: "Elon", "Musk" would otherwise top every list. */
function nameWords(call: Call): Set<string> {
	const out = new Set<string>();
	for (const s of call.speakers) for (const label of [s.name, ...s.labels]) for (const t of nameParts(label).tokens) out.add(t.toLowerCase());
	return out;
}

const cache = new WeakMap<Call, Counted>();

function counted(call: Call): Counted {
	let c = cache.get(call);
	if (c) return c;
	const words = new Map<string, number>();
	const phrases = new Map<string, Map<string, number>>();
	const names = nameWords(call);
	const tokens = callTokens(call);
	for (let t = 0; t < call.turns.length; t++) {
		const turn = call.turns[t]!;
		// The operator's script says nothing about the business.
		if (turn.speaker !== null && call.speakers[turn.speaker]!.role === 'operator') continue;
		for (let pi = 0; pi < turn.paragraphs.length; pi++) {
			const text = turn.paragraphs[pi]!.text;
			const {words: ws, starts, ends} = tokens[t]![pi]!;
			let content = ws.length > 0 && isContent(ws[0]!) && !names.has(ws[0]!);
			for (let i = 0; i < ws.length; i++) {
				const w = ws[i]!;
				const next = ws[i + 1];
				const nextContent = next !== undefined && isContent(next) && !names.has(next);
				if (content) {
					words.set(w, (words.get(w) ?? 0) + 1);
					// Two words in a row, nothing but a space or hyphen between: "gross margin", "model 3".
					const gap = ends[i]!;
					if (next !== undefined && starts[i + 1] === gap + 1 && (text[gap] === ' ' || text[gap] === '-') && (nextContent || (next.length <= 2 && isNumber(next)))) {
						let seconds = phrases.get(w);
						if (!seconds) phrases.set(w, (seconds = new Map()));
						seconds.set(next, (seconds.get(next) ?? 0) + 1);
					}
				}
				content = nextContent;
			}
		}
	}
	c = {words, phrases};
	cache.set(call, c);
	return c;
}

const idf = (calls: number, using: number) => Math.log((1 + calls) / (1 + using)) + 1;
// Ties by count, then alphabetically, so the list is the same on every run.
const byScore = (a: Term, b: Term) => b.score - a.score || b.count - a.count || (a.term < b.term ? -1 : 1);

/**
 * The `top` best terms by score, kept as they come: most candidates score
 * below the current last and are passed over without a Term or a sort
 * (measured: sorting every candidate was a fifth of all the metrics' time).
 */
class TopTerms {
	readonly list: Term[] = [];
	constructor(private readonly top: number) {}
	/** A word, or a phrase of `first` and `second`. */
	offer(first: string, second: string | null, count: number, calls: number, score: number): void {
		const {list, top} = this;
		const last = list[list.length - 1];
		// Equal scores go on to byScore, which orders by count and then by term.
		if (list.length === top && last !== undefined && (score < last.score || (score === last.score && count < last.count))) return;
		const entry: Term = {term: second === null ? first : `${first} ${second}`, count, calls, score};
		if (list.length === top && byScore(entry, last!) > 0) return;
		let i = list.length;
		while (i > 0 && byScore(entry, list[i - 1]!) < 0) i--;
		list.splice(i, 0, entry);
		if (list.length > top) list.pop();
	}
}

function rankWords(all: readonly Call[], call: Call, top: number): Term[] {
	const own = counted(call).words;
	const others = all.map(c => counted(c).words);
	const best = new TopTerms(top);
	for (const [term, count] of own) {
		if (count < 2) continue;
		let calls = 0;
		for (const m of others) if (m.has(term)) calls++;
		best.offer(term, null, count, calls, count * idf(all.length, calls));
	}
	return best.list;
}

function rankPhrases(all: readonly Call[], call: Call, top: number): Term[] {
	const own = counted(call).phrases;
	const others = all.map(c => counted(c).phrases);
	const best = new TopTerms(top);
	for (const [first, seconds] of own) {
		for (const [second, count] of seconds) {
			if (count < 2) continue;
			let calls = 0;
			for (const m of others) if (m.get(first)?.has(second)) calls++;
			best.offer(first, second, count, calls, count * idf(all.length, calls));
		}
	}
	return best.list;
}

export function standoutTerms(all: readonly Call[], call: Call, top = 10): {words: Term[]; phrases: Term[]} {
	return {words: rankWords(all, call, top), phrases: rankPhrases(all, call, top)};
}

/** Every place a typed term occurs in a call (words in order, any case, punctuation ignored). */
export function termSpans(call: Call, query: string, speaker: number | null = null): Span[] {
	const {words} = tokenize(query);
	if (words.length === 0) return [];
	const list = new PhraseList([words.join(' ')]);
	const tokens = callTokens(call);
	const spans: Span[] = [];
	call.turns.forEach((turn, t) => {
		if (speaker !== null && turn.speaker !== speaker) return;
		turn.paragraphs.forEach((_, pi) => {
			const ws = tokens[t]![pi]!;
			for (const h of list.find(ws)) spans.push({turn: t, paragraph: pi, start: ws.starts[h.from]!, end: ws.ends[h.to]!});
		});
	});
	return spans;
}
