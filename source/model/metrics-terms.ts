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
	phrases: Map<string, number>;
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
	c = {words: new Map(), phrases: new Map()};
	const names = nameWords(call);
	const content = (w: string) => isContent(w) && !names.has(w);
	const tokens = callTokens(call);
	call.turns.forEach((turn, t) => {
		// The operator's script says nothing about the business.
		if (turn.speaker !== null && call.speakers[turn.speaker]!.role === 'operator') return;
		turn.paragraphs.forEach((p, pi) => {
			const {words, starts, ends} = tokens[t]![pi]!;
			for (let i = 0; i < words.length; i++) {
				const w = words[i]!;
				if (!content(w)) continue;
				c!.words.set(w, (c!.words.get(w) ?? 0) + 1);
				const next = words[i + 1];
				if (next === undefined) continue;
				// Two words in a row, nothing but a space or hyphen between: "gross margin", "model 3".
				const gap = ends[i]!;
				if (starts[i + 1] !== gap + 1 || (p.text[gap] !== ' ' && p.text[gap] !== '-')) continue;
				if (content(next) || (next.length <= 2 && isNumber(next))) {
					const phrase = `${w} ${next}`;
					c!.phrases.set(phrase, (c!.phrases.get(phrase) ?? 0) + 1);
				}
			}
		});
	});
	cache.set(call, c);
	return c;
}

function rank(all: readonly Call[], call: Call, pick: (c: Counted) => Map<string, number>, top: number, minCount: number): Term[] {
	const own = pick(counted(call));
	const others = all.map(c => pick(counted(c)));
	const out: Term[] = [];
	for (const [term, count] of own) {
		if (count < minCount) continue;
		const calls = others.filter(m => m.has(term)).length;
		out.push({term, count, calls, score: count * (Math.log((1 + all.length) / (1 + calls)) + 1)});
	}
	// Ties by count, then alphabetically, so the list is the same on every run.
	out.sort((a, b) => b.score - a.score || b.count - a.count || (a.term < b.term ? -1 : 1));
	return out.slice(0, top);
}

export function standoutTerms(all: readonly Call[], call: Call, top = 10): {words: Term[]; phrases: Term[]} {
	return {words: rank(all, call, c => c.words, top, 2), phrases: rank(all, call, c => c.phrases, top, 2)};
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
