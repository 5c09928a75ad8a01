// Terms that stand out in a call: words and two-word phrases ranked by tf-idf
// against the other loaded calls, and how often any term a reader types occurs.
import {STOP_WORDS} from './lexicon.js';
import {nameParts} from '../people/names.js';
import {callTokens, PhraseList, type Span, tokenize, tokenWords} from '../text/text-match.js';
import type {Call} from '../types.js';
import {vocabularySize, WordTable, wordOf} from '../text/vocabulary.js';

export interface Term {
	term: string;
	count: number;
	/** count × idf, idf = ln((1 + calls) / (1 + calls using it)) + 1. */
	score: number;
	/** How many loaded calls use it. */
	calls: number;
}

interface Counted {
	/** Occurrences by word id (vocabulary.ts); ids past its end do not occur. */
	words: Int32Array;
	/** The ids counted twice or more, in the order they reached two: only these can rank. */
	repeated: number[];
	/**
	 * Two-word phrases by `first * stride + second` (word ids): a number key,
	 * no joined string per pair. The stride keeps keys small integers while
	 * the vocabulary is under 32,768 words (measured: a fifth of the time went
	 * to string keys).
	 */
	phrases: Map<number, number>;
	stride: number;
	/** The phrase keys counted twice or more. */
	repeatedPhrases: number[];
}

const CONTENT = 1;
const SHORT_NUMBER = 2;
const isNumber = (w: string) => w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57 && /^[\d.,]+$/.test(w);
// Whether a word may stand out, names aside: not a stop-word, not a bare
// number, 3+ characters. A number of one or two digits may end a phrase ("model 3").
const kindOf = new WordTable(w => (!STOP_WORDS.has(w) && !isNumber(w) && w.length >= 3 ? CONTENT : 0) | (w.length <= 2 && isNumber(w) ? SHORT_NUMBER : 0));

/** Names of the call's speakers: "Elon", "Musk" would otherwise top every list. Their words as the tokenizer reads them. */
function nameWords(call: Call): Set<number> {
	const out = new Set<number>();
	for (const s of call.speakers) {
		for (const label of [s.name, ...s.labels]) for (const t of nameParts(label).tokens) for (const id of tokenize(t).ids) out.add(id);
	}
	return out;
}

const cache = new WeakMap<Call, Counted>();

function counted(call: Call): Counted {
	let c = cache.get(call);
	if (c) return c;
	const tokens = callTokens(call);
	const names = nameWords(call);
	const size = vocabularySize();
	const words = new Int32Array(size);
	const repeated: number[] = [];
	const repeatedPhrases: number[] = [];
	const phrases = new Map<number, number>();
	const stride = size < 32_768 ? 32_768 : 2 ** 26;
	const kinds = kindOf.values();
	// Names are few: marked in the call's own copy of the kinds, so one array read per word says "content".
	const content = new Uint8Array(size);
	for (let id = 0; id < size; id++) content[id] = kinds[id]! & CONTENT;
	for (const id of names) content[id] = 0;
	for (let t = 0; t < call.turns.length; t++) {
		const turn = call.turns[t]!;
		// The operator's script says nothing about the business; an Event Brief's summary is the editor's shorthand ("2q19", "qtr").
		if ((turn.speaker !== null && call.speakers[turn.speaker]!.role === 'operator') || turn.section === 'summary') continue;
		for (let pi = 0; pi < turn.paragraphs.length; pi++) {
			const text = turn.paragraphs[pi]!.text;
			const {ids, starts, ends} = tokens[t]![pi]!;
			const n = ids.length;
			for (let i = 0; i < n; i++) {
				const id = ids[i]!;
				if (content[id] === 0) continue;
				if (++words[id]! === 2) repeated.push(id);
				// Two words in a row, nothing but a space or hyphen between: "gross margin", "model 3".
				if (i + 1 === n) continue;
				const next = ids[i + 1]!;
				const gap = ends[i]!;
				if (starts[i + 1] === gap + 1 && (text[gap] === ' ' || text[gap] === '-') && (content[next] !== 0 || (kinds[next]! & SHORT_NUMBER) !== 0)) {
					const key = id * stride + next;
					const count = (phrases.get(key) ?? 0) + 1;
					phrases.set(key, count);
					if (count === 2) repeatedPhrases.push(key);
				}
			}
		}
	}
	c = {words, repeated, phrases, repeatedPhrases, stride};
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
	const {words: own, repeated} = counted(call);
	const others = all.map(c => counted(c).words);
	const best = new TopTerms(top);
	for (const id of repeated) {
		const count = own[id]!;
		let calls = 0;
		for (const m of others) if (id < m.length && m[id]! > 0) calls++;
		best.offer(wordOf(id), null, count, calls, count * idf(all.length, calls));
	}
	return best.list;
}

function rankPhrases(all: readonly Call[], call: Call, top: number): Term[] {
	const {phrases: own, repeatedPhrases, stride} = counted(call);
	const others = all.map(counted);
	const best = new TopTerms(top);
	for (const key of repeatedPhrases) {
		const count = own.get(key)!;
		const first = Math.floor(key / stride);
		const second = key - first * stride;
		let calls = 0;
		// A call counted before these words had numbers cannot hold them (and its stride may be too small for them).
		for (const m of others) if (second < m.words.length && m.phrases.has(first * m.stride + second)) calls++;
		best.offer(wordOf(first), wordOf(second), count, calls, count * idf(all.length, calls));
	}
	return best.list;
}

/** Counts a call's words for standoutTerms now (cached), so that ranking them later reads counts only. */
export function countTerms(call: Call): void {
	counted(call);
}

export function standoutTerms(all: readonly Call[], call: Call, top = 10): {words: Term[]; phrases: Term[]} {
	return {words: rankWords(all, call, top), phrases: rankPhrases(all, call, top)};
}

/** Every place a typed term occurs in a call (words in order, any case, punctuation ignored). */
export function termSpans(call: Call, query: string, speaker: number | null = null): Span[] {
	const words = tokenWords(query);
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
