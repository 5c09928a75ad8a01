// Drill-down: the turns or sentences behind a metric, with the words that
// matched marked. Every number the sidebar shows has an id here.
import {callGuidance} from './guidance.js';
import {callLanguage, type Hit} from './language.js';
import {executiveQa, qaQuality} from './qa.js';
import {termSpans} from './terms.js';
import {sentences, type Span} from '../text/text-match.js';
import type {Call} from '../types.js';
import {answerView, isQuestion} from '../store/view.js';

export type MetricId =
	| 'words' | 'prepared' | 'qa' | 'questions' | 'analysts' | 'firms' | 'unanswered' | 'longest'
	| 'hedges' | 'hedgesPrepared' | 'hedgesQa' | 'nonAnswers' | 'forward' | 'tone' | 'figures'
	| 'turns' | 'answered' | 'asked' | 'exchanges' | 'hedgesAnalysts' | 'longestSingle' | 'guidance'
	| `term:${string}` | `talk:${number}`;

/** A sentence (or stretch) of one paragraph, with marked ranges inside it (paragraph offsets). */
export interface Excerpt {
	paragraph: number;
	start: number;
	end: number;
	marks: [number, number][];
}

export interface DrillItem {
	turn: number;
	/** A question shown so an answer is not out of context. */
	context?: boolean;
	/** Excerpts of the turn, or null for the whole turn. */
	excerpts: Excerpt[] | null;
}

export interface Drill {
	title: string;
	/** How many things the number counts (hits, turns, questions). */
	count: number;
	items: DrillItem[];
}

const wholeTurns = (turns: number[], context: ReadonlySet<number> = new Set()): DrillItem[] =>
	turns.map(turn => ({turn, excerpts: null, ...(context.has(turn) ? {context: true} : {})}));

/** Hits grouped into the sentences that hold them, turn by turn, in text order. */
export function excerptItems(call: Call, spans: readonly Span[]): DrillItem[] {
	const sorted = [...spans].sort((a, b) => a.turn - b.turn || a.paragraph - b.paragraph || a.start - b.start);
	const items: DrillItem[] = [];
	let bounds: [number, number][] = [];
	let boundsKey = '';
	for (const span of sorted) {
		const key = `${span.turn}:${span.paragraph}`;
		if (key !== boundsKey) {
			bounds = sentences(call.turns[span.turn]!.paragraphs[span.paragraph]!.text);
			boundsKey = key;
		}
		const [start, end] = bounds.find(([s, e]) => span.start >= s && span.start < e) ?? [span.start, span.end];
		let item = items[items.length - 1];
		if (!item || item.turn !== span.turn) items.push((item = {turn: span.turn, excerpts: []}));
		const excerpts = item.excerpts!;
		let excerpt = excerpts[excerpts.length - 1];
		if (!excerpt || excerpt.paragraph !== span.paragraph || excerpt.start !== start) {
			excerpts.push((excerpt = {paragraph: span.paragraph, start, end: Math.max(end, span.end), marks: []}));
		}
		excerpt.end = Math.max(excerpt.end, span.end);
		excerpt.marks.push([span.start, span.end]);
	}
	return items;
}

/**
 * What is behind `metric` in `call`; with `speaker`, only that speaker's part
 * (their hedges, their turns). Unknown ids give an empty drill.
 */
export function drill(call: Call, metric: MetricId, speaker: number | null = null): Drill {
	const lang = callLanguage(call);
	const mine = <T extends {speaker: number | null}>(xs: readonly T[]) => (speaker === null ? xs : xs.filter(x => x.speaker === speaker));
	// With a speaker, their own hits whatever their role; the call's, by role.
	const ofRole = <T extends {speaker: number | null}>(xs: readonly T[], role: 'executive' | 'analyst') => (speaker !== null ? xs : xs.filter(x => x.speaker !== null && call.speakers[x.speaker]?.role === role));
	const turnsWhere = (keep: (turn: Call['turns'][number], i: number) => boolean) =>
		call.turns.flatMap((t, i) => (keep(t, i) && (speaker === null || t.speaker === speaker) ? [i] : []));
	const spans = (title: string, hits: readonly Hit[]): Drill => ({title, count: hits.length, items: excerptItems(call, hits)});

	if (metric.startsWith('term:')) {
		const term = metric.slice(5);
		const found = termSpans(call, term, speaker);
		return {title: `"${term}"`, count: found.length, items: excerptItems(call, found)};
	}
	if (metric.startsWith('talk:')) {
		const who = Number(metric.slice(5));
		const turns = call.turns.flatMap((t, i) => (t.speaker === who ? [i] : []));
		return {title: `${call.speakers[who]?.name ?? 'Nobody'}: turns`, count: turns.length, items: wholeTurns(turns)};
	}
	switch (metric) {
		case 'words':
		case 'turns': {
			const turns = turnsWhere(() => true);
			return {title: 'All turns', count: turns.length, items: wholeTurns(turns)};
		}
		case 'prepared':
		case 'qa': {
			const turns = turnsWhere(t => t.section === (metric === 'qa' ? 'qa' : 'presentation'));
			return {title: metric === 'qa' ? 'Questions & answers' : 'Prepared remarks', count: turns.length, items: wholeTurns(turns)};
		}
		case 'questions':
		case 'asked': {
			const turns = turnsWhere(isQuestion);
			return {title: 'Questions', count: turns.length, items: wholeTurns(turns)};
		}
		case 'analysts':
		case 'firms': {
			// Each analyst's (or firm's) first question.
			const seen = new Set<string>();
			const turns = call.turns.flatMap((t, i) => {
				if (!isQuestion(t) || t.speaker === null) return [];
				const s = call.speakers[t.speaker]!;
				const key = metric === 'firms' ? s.firm ?? s.id : s.id;
				if (s.role !== 'analyst' || seen.has(key)) return [];
				seen.add(key);
				return [i];
			});
			return {title: metric === 'firms' ? 'Each firm’s first question' : 'Each analyst’s first question', count: turns.length, items: wholeTurns(turns)};
		}
		case 'unanswered': {
			const turns = qaQuality(call).unanswered.map(t => t.question);
			return {title: 'Unanswered questions', count: turns.length, items: wholeTurns(turns)};
		}
		case 'longest': {
			if (speaker !== null) {
				// One executive's longest single answer, under its question.
				const own = executiveQa(call, speaker).longestAnswer;
				const question = own ? call.turns[own.turn]!.answers! : null;
				return {title: 'Their own longest answer', count: own ? 1 : 0, items: own ? wholeTurns([question!, own.turn], new Set([question!])) : []};
			}
			const t = qaQuality(call).longestAnswer;
			const turns = t ? [t.question, ...t.answers] : [];
			return {title: 'Longest answer exchange', count: t ? 1 : 0, items: wholeTurns(turns, new Set(t ? [t.question] : []))};
		}
		case 'longestSingle': {
			const one = qaQuality(call).longestSingle;
			return {title: 'Longest single answer', count: one ? 1 : 0, items: one ? wholeTurns([one.question, one.turn], new Set([one.question])) : []};
		}
		case 'exchanges': {
			// Answer/question: the words of the answers against those of the questions — each question with the answers it had.
			const items: DrillItem[] = [];
			call.turns.forEach((t, q) => {
				if (!isQuestion(t)) return;
				const answers = call.turns.flatMap((a, i) => (a.answers === q ? [i] : []));
				if (!answers.length) return;
				items.push({turn: q, excerpts: null, context: true}, ...answers.map(turn => ({turn, excerpts: null})));
			});
			return {title: 'Questions and their answers', count: items.filter(i => i.context).length, items};
		}
		case 'answered': {
			// The person's answers, each under its question: the same rows as answers mode.
			const items = answerView(call, speaker, true).map(r => ({turn: r.turn, excerpts: null, ...(r.kind === 'context' ? {context: true} : {})}));
			return {title: 'Answers under their questions', count: new Set(items.filter(x => x.context).map(x => x.turn)).size, items};
		}
		// The call's hedges are management's (the headline figure); analysts' apart.
		case 'hedges':
			return spans(speaker === null ? 'Management’s hedges' : 'Hedges', ofRole(mine(lang.hedges), 'executive'));
		case 'hedgesPrepared':
			return spans('Hedges, prepared remarks', ofRole(mine(lang.hedges), 'executive').filter(h => h.section === 'presentation'));
		case 'hedgesQa':
			return spans('Hedges, Q&A', ofRole(mine(lang.hedges), 'executive').filter(h => h.section === 'qa'));
		case 'guidance': {
			// Each outlook sentence, its cue and figure marked.
			const found = callGuidance(call).filter(g => speaker === null || g.speaker === speaker);
			const items: DrillItem[] = [];
			for (const g of found) {
				const last = items[items.length - 1];
				const excerpt = {paragraph: g.paragraph, start: g.start, end: g.end, marks: g.marks};
				if (last && last.turn === g.turn) last.excerpts!.push(excerpt);
				else items.push({turn: g.turn, excerpts: [excerpt]});
			}
			return {title: 'Guidance: outlook given or changed', count: found.length, items};
		}
		case 'hedgesAnalysts':
			return spans('Analysts’ hedges', ofRole(mine(lang.hedges), 'analyst'));
		case 'nonAnswers': {
			const found = mine(lang.nonAnswers);
			// Each refusal under the question it met.
			const items: DrillItem[] = [];
			for (const n of found) {
				items.push({turn: n.question, excerpts: null, context: true});
				for (const item of excerptItems(call, n.hits)) items.push(item);
			}
			return {title: 'Non-answers', count: found.length, items};
		}
		case 'forward': {
			const cues = mine(lang.forwardCues);
			const drilled = spans('Forward-looking sentences', cues);
			return {...drilled, count: mine(lang.forwardSentences).length};
		}
		case 'tone':
			return spans('Positive and negative words', [...mine(lang.positive), ...mine(lang.negative)]);
		case 'figures':
			return spans('Figures quoted', mine(lang.figures));
	}
	return {title: 'Nothing to show', count: 0, items: []};
}
