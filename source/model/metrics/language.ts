// How a call is said: hedging, non-answers, forward-looking talk, tone and the
// figures quoted. Every count keeps the spans behind it, so a reader can open
// any number and see the words (drill-down).
import {FORWARD, HEDGES, NEGATIVE, NEGATORS, NON_ANSWERS, POSITIVE} from './lexicon.js';
import {findFigures, type FigureKind} from './figures.js';
import {isNonAnswer, nonAnswerCues, phrasePattern, type NonAnswerCue} from './non-answers.js';
import {setGuidanceCues} from './guidance.js';
import type {UserLexicons, UserList} from './user-lexicons.js';
import {callTokens, PhraseList, sentences, type Span} from '../text/text-match.js';
import type {Call, Section} from '../types.js';
import {WordTable, wordOf} from '../text/vocabulary.js';

/** A matched stretch of text, with who said it and where. */
export interface Hit extends Span {
	/** The list entry or figure kind that matched ("i think", "money"). */
	what: string;
	speaker: number | null;
	section: Section;
}

export interface Figure extends Hit {
	what: FigureKind;
	text: string;
}

export interface NonAnswer {
	/** The answering turn, and the question turn it answers. */
	turn: number;
	question: number;
	speaker: number | null;
	hits: Hit[];
}

/** Counts for some part of a call (a speaker, a section, the whole). */
export interface Counts {
	words: number;
	sentences: number;
	hedges: number;
	forwardSentences: number;
	positive: number;
	negative: number;
}

export interface CallLanguage {
	hedges: Hit[];
	nonAnswers: NonAnswer[];
	/** Forward cues; `forwardSentences` are the sentences holding at least one. */
	forwardCues: Hit[];
	forwardSentences: Hit[];
	positive: Hit[];
	negative: Hit[];
	figures: Figure[];
	total: Counts;
	bySection: Record<Section, Counts>;
	/** By speaker index in the call; unattributed text is left out. */
	bySpeaker: Map<number, Counts>;
	/** By the speaker's role (the call's headline hedging is management's, analysts' apart), whole call and by section. */
	byRole: Record<'executive' | 'analyst' | 'other', Record<Section | 'all', Counts>>;
}

/**
 * Running the call is not hedging: "maybe one more question", "I think we have
 * time for one more", "let's go to the next question". A hedge in such a
 * sentence (or in an operator's turn) is left out of every count.
 */
const CALL_MANAGEMENT = /\b(?:(?:one|two|a\s+few|a\s+couple(?:\s+of)?)\s+more\s+questions?|(?:next|last|final|another)\s+question|(?:time|room)\s+for\s+(?:one|two|a\s+few|a\s+couple|another|more|just)|in\s+the\s+interest\s+of\s+time|(?:let's|let\s+us|we'll|we\s+will)\s+(?:go|move|turn)\s+(?:on\s+)?to\b|move\s+on\s+to|turn\s+(?:it|the\s+call|things)\s+(?:back\s+)?over|(?:open|take)\s+(?:up\s+)?(?:the\s+)?(?:line|lines|call|floor)\s+(?:for|to)\s+questions|(?:that|this)\s+concludes|end\s+of\s+(?:the|our|today's)\s+call|wrap\s+(?:it\s+)?up)\b/i;

let hedgeList = new PhraseList(HEDGES);
// The list's phrases are matched beside the rules of non-answers.ts (each of them a refusal or deferral on its own).
let nonAnswerPhrases = phrasePattern(NON_ANSWERS);
/** false when the user's own non-answer list replaces the shipped one (rules and phrases). */
let nonAnswerRules = true;
const forwardList = new PhraseList(FORWARD);

// One lookup per word says which lists could match there (most words: none).
const HEDGE = 1;
const CUE = 4;
const GOOD = 8;
const BAD = 16;
const NEGATOR = 32;
/** Four digits from 1000 to 2999: a year, maybe a later one. */
const YEAR = 64;
let FLAGS = new Map<string, number>();
const flag = (words: Iterable<string>, bit: number) => {
	for (const w of words) FLAGS.set(w, (FLAGS.get(w) ?? 0) | bit);
};
const makeFlags = (positive: readonly string[], negative: readonly string[]) => {
	FLAGS = new Map();
	flag(hedgeList.firstWords(), HEDGE);
	flag(forwardList.firstWords(), CUE);
	flag(positive, GOOD);
	flag(negative, BAD);
	flag(NEGATORS, NEGATOR);
	return new WordTable(w => (FLAGS.get(w) ?? 0) | (/^[12]\d{3}$/.test(w) ? YEAR : 0));
};
let flagsOf = makeFlags(POSITIVE, NEGATIVE);

/** The lists in force: the shipped ones, extended or replaced by the user's (user-lexicons.ts). */
export interface ListsInForce {
	hedges: number;
	nonAnswers: number | 'rules and phrases';
	positive: number;
	negative: number;
}
let inForce: ListsInForce = {hedges: HEDGES.length, nonAnswers: 'rules and phrases', positive: POSITIVE.length, negative: NEGATIVE.length};
export const listsInForce = () => inForce;

/**
 * Puts the user's word lists in force (before any call is measured: the
 * measures already worked out are forgotten). Without them, the shipped lists.
 */
export function applyLexicons(user: UserLexicons): void {
	const merged = (shipped: readonly (string | {text: string; notAfter: readonly string[]})[], own: UserList | undefined) => (own ? (own.replace ? own.phrases : [...shipped, ...own.phrases]) : shipped);
	const hedges = merged(HEDGES, user.hedges);
	hedgeList = new PhraseList(hedges);
	const refusals = user['non-answers'];
	nonAnswerRules = !refusals?.replace;
	nonAnswerPhrases = phrasePattern(refusals ? (refusals.replace ? refusals.phrases : [...NON_ANSWERS, ...refusals.phrases]) : NON_ANSWERS);
	const positive = merged(POSITIVE, user.positive) as string[];
	const negative = merged(NEGATIVE, user.negative) as string[];
	flagsOf = makeFlags(positive, negative);
	setGuidanceCues(user.guidance?.phrases ?? [], user.guidance?.replace ?? false);
	cache = new WeakMap();
	forgetReports();
	inForce = {hedges: hedges.length, nonAnswers: refusals?.replace ? refusals.phrases.length : 'rules and phrases', positive: positive.length, negative: negative.length};
}

/** Whether the sentence of `text` holding offset `at` is call management (CALL_MANAGEMENT). */
function managingAt(text: string, at: number): boolean {
	for (const [start, end] of sentences(text)) if (at >= start && at < end) return CALL_MANAGEMENT.test(text.slice(start, end));
	return false;
}

/** Words as a turn's count counts them (runs between spaces). */
const wordsIn = (text: string) => (text.trim() ? text.trim().split(/\s+/).length : 0);

export const emptyCounts = (): Counts => ({words: 0, sentences: 0, hedges: 0, forwardSentences: 0, positive: 0, negative: 0});
const emptyCountsBySection = (): Record<Section | 'all', Counts> => ({all: emptyCounts(), presentation: emptyCounts(), qa: emptyCounts(), summary: emptyCounts()});

/** Hedges per 100 words. */
export const hedgeRate = (c: Counts) => (c.words > 0 ? (c.hedges / c.words) * 100 : 0);
/** Words that name an outlook without stating one: with a verb of the past, the sentence reports ("at the top end of our guidance range"). */
const OUTLOOK_NOUNS = new Set(['guidance', 'outlook', 'expectation', 'expectations', 'expected', 'forecast', 'target', 'targets']);
const PAST_VERB = /\b(?:was|were|came\s+in|had|grew|rose|fell|declined|ended|delivered|exceeded|beat|reached)\b/i;

/**
 * Whether a sentence holding forward cues states something about the future:
 * not a question (an analyst's "what happens next year?" asks, it does not
 * state), and not a report of results against an outlook, where the cues are
 * only its nouns and a verb is in the past (NumClaim's annotators label both
 * as not forward-looking; its authors' rules veto "was" / "were" alike).
 */
export function forwardStatement(sentence: string, cues: readonly Pick<Hit, 'what'>[]): boolean {
	if (/\?["'\u201d\u2019)]*\s*$/.test(sentence)) return false;
	if (cues.every(c => OUTLOOK_NOUNS.has(c.what)) && PAST_VERB.test(sentence)) return false;
	return true;
}

/** Share of sentences with a forward cue. */
export const forwardShare = (c: Counts) => (c.sentences > 0 ? c.forwardSentences / c.sentences : 0);
/**
 * Net tone: (positive − negative) / (positive + negative), from −1 (all bad
 * news) to +1 (all good news); 0 when neither occurs.
 */
export const netTone = (c: Counts) => (c.positive + c.negative > 0 ? (c.positive - c.negative) / (c.positive + c.negative) : 0);

let cache = new WeakMap<Call, CallLanguage>();
/** Reports built on the measures (report.ts) register how to forget them when the lists change. */
const forgetters: (() => void)[] = [];
export const onListsChanged = (forget: () => void) => void forgetters.push(forget);
const forgetReports = () => forgetters.forEach(f => f());

export function callLanguage(call: Call): CallLanguage {
	const known = cache.get(call);
	if (known) return known;
	const paragraphTokens = callTokens(call);
	const callYear = Number(call.meta.date?.slice(0, 4) ?? Number.NaN);
	const out: CallLanguage = {
		hedges: [],
		nonAnswers: [],
		forwardCues: [],
		forwardSentences: [],
		positive: [],
		negative: [],
		figures: [],
		total: emptyCounts(),
		bySection: {presentation: emptyCounts(), qa: emptyCounts(), summary: emptyCounts()},
		bySpeaker: new Map(),
		byRole: {executive: emptyCountsBySection(), analyst: emptyCountsBySection(), other: emptyCountsBySection()},
	};
	const countsFor = (speaker: number | null, section: Section) => {
		const role = speaker === null ? 'other' : call.speakers[speaker]!.role;
		const own = out.byRole[role === 'executive' || role === 'analyst' ? role : 'other'];
		const list = [out.total, out.bySection[section], own.all, own[section]];
		if (speaker !== null) {
			let own = out.bySpeaker.get(speaker);
			if (!own) out.bySpeaker.set(speaker, (own = emptyCounts()));
			list.push(own);
		}
		return list;
	};

	const flags = flagsOf.values();
	// Plain loops, not forEach with closures: these run once per call in a
	// fresh process, mostly before V8 optimises them (measured).
	for (let t = 0; t < call.turns.length; t++) {
		const turn = call.turns[t]!;
		const {speaker, section} = turn;
		// An Event Brief's summary is the editor's words: counted as its own part, in no one's tone, hedging or figures.
		if (section === 'summary') {
			out.bySection.summary.words += turn.words;
			continue;
		}
		const operatorTurn = speaker !== null && call.speakers[speaker]!.role === 'operator';
		const counts = countsFor(speaker, section);
		for (const c of counts) c.words += turn.words;
		const refusals: Hit[] = [];
		const refusalCues: (NonAnswerCue & {before: number})[] = [];
		let wordsSoFar = 0;
		for (let pi = 0; pi < turn.paragraphs.length; pi++) {
			const text = turn.paragraphs[pi]!.text;
			const {ids, starts, ends} = paragraphTokens[t]![pi]!;
			// A literal, not a spread of `where`: thousands of hits per call, and spreads were a tenth of the time.
			const hit = (what: string, from: number, to: number): Hit => ({turn: t, paragraph: pi, start: starts[from]!, end: ends[to]!, what, speaker, section});
			const cues: Hit[] = [];
			// Each list's hits do not overlap one another: the next free word per list.
			let hedgeFree = 0;
			let cueFree = 0;
			let negator = -10;
			for (let i = 0; i < ids.length; i++) {
				const f = flags[ids[i]!]!;
				if (f === 0) continue;
				// A year after the call's own is talk about the future ("by 2018").
				if (f & YEAR && i >= cueFree && Number(wordOf(ids[i]!)) > callYear) cues.push(hit('a later year', i, i));
				if (f & HEDGE && i >= hedgeFree && !operatorTurn) {
					const m = hedgeList.matchAt(ids, i);
					if (m) {
						const h = hit(m.text, i, (hedgeFree = i + m.ids.length) - 1);
						if (!managingAt(text, h.start)) out.hedges.push(h);
					}
				}
				if (f & CUE && i >= cueFree) {
					const m = forwardList.matchAt(ids, i);
					if (m) cues.push(hit(m.text, i, (cueFree = i + m.ids.length) - 1));
				}
				if (f & GOOD) {
					// "not good", "never profitable" (a negator up to three words before): bad news.
					if (i - negator <= 3) out.negative.push(hit(`${wordOf(ids[negator]!)} … ${wordOf(ids[i]!)}`, negator, i));
					else out.positive.push(hit(wordOf(ids[i]!), i, i));
				} else if (f & BAD) out.negative.push(hit(wordOf(ids[i]!), i, i));
				if (f & NEGATOR) negator = i;
			}
			for (const c of cues) out.forwardCues.push(c);
			// Only an answer can be a non-answer: the rules run on the turns that answer a question.
			if (turn.answers !== null) {
				for (const c of nonAnswerCues(text, nonAnswerPhrases, nonAnswerRules)) {
					refusalCues.push({...c, before: wordsSoFar + wordsIn(text.slice(0, c.start))});
					refusals.push({turn: t, paragraph: pi, start: c.start, end: c.end, what: c.what, speaker, section});
				}
				wordsSoFar += wordsIn(text);
			}
			// Sentences: how many, and which hold a forward cue.
			let cue = 0;
			for (const [start, end] of sentences(text)) {
				for (const c of counts) c.sentences++;
				while (cue < cues.length && cues[cue]!.start < start) cue++;
				let last = cue;
				while (last < cues.length && cues[last]!.start < end) last++;
				if (last > cue && forwardStatement(text.slice(start, end), cues.slice(cue, last))) {
					for (const c of counts) c.forwardSentences++;
					out.forwardSentences.push({turn: t, paragraph: pi, start, end, what: 'forward', speaker, section});
				}
			}
			for (const f of findFigures(text)) {
				out.figures.push({turn: t, paragraph: pi, start: f.start, end: f.end, what: f.kind, text: text.slice(f.start, f.end), speaker, section});
			}
		}
		if (turn.answers !== null && refusals.length > 0 && isNonAnswer(refusalCues, turn.words, c => (c as NonAnswerCue & {before: number}).before)) {
			out.nonAnswers.push({turn: t, question: turn.answers, speaker, hits: refusals});
		}
	}

	// Counts from the hit lists, so the numbers and the drill-down can never disagree.
	for (const h of out.hedges) for (const c of countsFor(h.speaker, h.section)) c.hedges++;
	for (const h of out.positive) for (const c of countsFor(h.speaker, h.section)) c.positive++;
	for (const h of out.negative) for (const c of countsFor(h.speaker, h.section)) c.negative++;
	cache.set(call, out);
	return out;
}
