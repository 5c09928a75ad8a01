// The sidebar's content as lines: the filtered person's figures, the open
// call's (or the open call beside another), talk share as bars. A line with a
// `metric` is a number the reader can open (Enter) to see the words behind it.
// Pure, so every line can be checked in a test.
import {callName, companyOf} from '../../model/store/call-list.js';
import type {MetricId} from '../../model/metrics/drill.js';
import {changeAsShown, formatValue, grouped} from '../../model/metrics/format-number.js';
import {callMetrics, personMetrics} from '../../model/metrics/metrics.js';
import {callReport, speakerFigures} from '../../model/metrics/report.js';
import type {Store} from '../../model/store/store.js';
import {isQuestion} from '../../model/store/view.js';
import {compareCalls} from '../../model/metrics/trends.js';
import type {Call, Role} from '../../model/types.js';
import {bar, percent} from './bars.js';
import type {Filter} from '../state.js';
import {fit, textWidth} from './wrap.js';


/** Guidance counts in a few characters: `2↑ 1= 3+` (raised, maintained, introduced); `0` when none. */
export function guidanceLabel(c: Record<'raised' | 'lowered' | 'maintained' | 'introduced' | 'withdrawn', number>): string {
	const parts = ([['raised', '↑'], ['lowered', '↓'], ['maintained', '='], ['introduced', '+'], ['withdrawn', '×']] as const).filter(([k]) => c[k] > 0).map(([k, s]) => `${c[k]}${s}`);
	return parts.length ? parts.join(' ') : '0';
}

/** A person's name in a narrow column: whole if it fits, else without middle names, else with the first name an initial (never `Alexander Eugene Pott…`). */
export function nameToFit(name: string, width: number): string {
	if (textWidth(name) <= width) return name;
	const parts = name.split(' ').filter(Boolean);
	if (parts.length > 2) {
		const short = `${parts[0]} ${parts[parts.length - 1]}`;
		if (textWidth(short) <= width) return short;
	}
	if (parts.length > 1) {
		const initial = `${parts[0]![0]}. ${parts[parts.length - 1]}`;
		if (textWidth(initial) <= width) return initial;
	}
	return fit(name, width);
}

export interface SideLine {
	text: string;
	style?: 'title' | 'dim' | 'bar' | 'heading';
	role?: Role;
	/** Opens in the transcript (Enter): the metric, and whose part of it (speaker index in the open call). */
	metric?: MetricId;
	speaker?: number | null;
	/** The call the metric belongs to, when not the open one (a person's share in another call). */
	call?: number;
	/** A call's search hits (the keyword trend): Enter shows its first hit. */
	hits?: true;
}

/**
 * While a query is active: its count in each call, as bars. Each row opens
 * the call at its first hit.
 */
export function searchTrendLines(store: Store, query: string, perCall: readonly number[], width: number): SideLine[] {
	if (!query.trim()) return [];
	// A library of many calls: only the calls with hits (the most at most), named with their company.
	const many = store.calls.length > MANY;
	const shown = store.calls.map((c, i) => i).filter(i => !many || perCall[i]! > 0);
	const kept = many ? [...shown].sort((a, b) => perCall[b]! - perCall[a]! || a - b).slice(0, MOST).sort((a, b) => a - b) : shown;
	const name = (c: Call) => (many ? `${c.meta.ticker ?? c.meta.company ?? c.id} ${c.meta.quarter ?? ''}`.trim() : (c.meta.quarter ?? c.id));
	const most = Math.max(1, ...perCall);
	const label = Math.min(many ? 14 : 9, Math.max(1, ...kept.map(i => textWidth(name(store.calls[i]!)))));
	const count = String(Math.max(0, ...perCall)).length;
	const barWidth = Math.max(1, width - label - count - 2);
	const left = shown.length - kept.length;
	return [
		{text: fit(`Search: ${query.trim()}`, width), style: 'heading'},
		...kept.map((i): SideLine => ({
			text: `${fit(name(store.calls[i]!), label).padEnd(label)} ${bar(perCall[i]! / most, barWidth).padEnd(barWidth)} ${String(perCall[i]).padStart(count)}`,
			style: 'bar',
			role: 'analyst',
			call: i,
			hits: true,
		})),
		...(left > 0 ? [{text: fit(`… and ${left.toLocaleString('en-US')} more calls with hits`, width)}] : []),
		{text: ''},
	];
}

/** Past this many calls, the search trend shows the calls with the most hits only. */
const MANY = 40;
const MOST = 12;

const n = grouped;

/** `label ........ value` in `width` columns. */
function pair(label: string, value: string, width: number): string {
	const room = width - textWidth(value) - 1;
	return `${fit(label, room).padEnd(room)} ${value}`;
}

export interface SidebarInput {
	store: Store;
	call: Call;
	filter: Filter | null;
	/** The call shown beside the open one, if any. */
	compare: Call | null;
	/** False until the language metrics are computed (after the first frame): their rows say `…`. */
	ready: boolean;
	width: number;
	/** The whole library (store is the open company's calls): an analyst's figures cover every company. */
	library?: Store;
}

const made = new WeakMap<Store, Map<string, SideLine[]>>();

/**
 * The lines for these inputs, made once: the render and every cursor key in
 * the sidebar ask for them, and a person's figures walk every call.
 */
export function sidebarLines(input: SidebarInput): SideLine[] {
	const {store, call, filter, compare, ready, width} = input;
	let perStore = made.get(store);
	if (!perStore) made.set(store, (perStore = new Map()));
	const key = `${call.id}|${filter?.person ?? ''}|${filter?.answers ?? ''}|${compare?.id ?? ''}|${ready}|${width}`;
	let lines = perStore.get(key);
	if (!lines) {
		if (perStore.size > 200) perStore.clear();
		perStore.set(key, (lines = makeLines(input)));
	}
	return lines;
}

/** An analyst across the library: calls and companies they ask in, and their questions call by call (the latest first, as many as `most`). */
function analystLines(library: Store, person: string, width: number, most = 12): SideLine[] {
	const asked = library.calls.flatMap((c, i) => {
		const speaker = library.speakerIndex(c, person);
		if (speaker < 0) return [];
		const questions = c.turns.filter(t => t.speaker === speaker && isQuestion(t)).length;
		return [{call: c, index: i, questions}];
	});
	if (asked.length === 0) return [];
	const companies = new Set(asked.map(a => companyOf(a.call) || a.call.id));
	const out: SideLine[] = [
		{text: pair('Calls asked in', String(asked.filter(a => a.questions > 0).length), width)},
		{text: pair('Companies covered', String(companies.size), width)},
		{text: fit('Questions asked by call', width), style: 'dim'},
	];
	const shown = asked.slice(-most).reverse();
	const top = Math.max(1, ...shown.map(a => a.questions));
	const label = Math.min(14, Math.max(...shown.map(a => textWidth(callName(library.calls, a.call)))));
	const count = String(top).length;
	const barWidth = Math.max(1, width - label - count - 2);
	for (const a of shown) {
		out.push({
			text: `${fit(callName(library.calls, a.call), label).padEnd(label)} ${bar(a.questions / top, barWidth).padEnd(barWidth)} ${String(a.questions).padStart(count)}`,
			style: 'bar',
			role: 'analyst',
		});
	}
	if (asked.length > most) out.push({text: fit(`… and ${asked.length - most} earlier calls`, width), style: 'dim'});
	return out;
}

function makeLines({store, call, filter, compare, ready, width, library}: SidebarInput): SideLine[] {
	const out: SideLine[] = [];
	const later = (value: () => string) => (ready ? value() : '…');
	const row = (label: string, value: string, metric?: MetricId, speaker: number | null = null): SideLine => ({text: pair(label, value, width), metric, speaker});
	const heading = (text: string): SideLine => ({text: fit(text, width), style: 'heading'});

	if (filter) {
		const person = store.person(filter.person);
		if (person) {
			const m = personMetrics(store, person.id, call);
			const speaker = store.speakerIndex(call, person.id);
			out.push({text: nameToFit(person.name, width), style: 'title', role: person.role});
			// A name the open call's file did not give (an operator's hand-off named them) says so here too.
			const inferred = speaker >= 0 && call.speakers[speaker]!.inferred;
			out.push({text: fit([person.role, person.firms[person.firms.length - 1], inferred ? 'name inferred' : null].filter(Boolean).join(' · '), width), style: 'dim'});
			if (m.turns === 0 || speaker < 0) out.push({text: fit(`Not in ${call.meta.quarter ?? call.id}`, width), style: 'dim'});
			else {
				const talk: MetricId = `talk:${speaker}`;
				out.push(row('Words', n(m.words), talk));
				out.push(row('Share of call', percent(m.share), talk));
				out.push(row('Turns', String(m.turns), talk));
				if (person.role === 'analyst') out.push(row('Questions asked', String(m.questionsAsked), 'asked', speaker));
				else {
					out.push(row('Questions answered', String(m.questionsAnswered), 'answered', speaker));
					out.push(row('Avg answer', `${n(m.averageAnswer)} w`, 'answered', speaker));
					const longest = speakerFigures(call, speaker).longestAnswer;
					out.push(row('Own longest', longest ? `${n(longest.words)} w` : '-', 'longest', speaker));
				}
				const f = () => speakerFigures(call, speaker);
				const previous = store.calls.slice(0, store.calls.indexOf(call)).reverse().find(c => store.speakerIndex(c, person.id) >= 0);
				out.push(row('Hedges /100 w', later(() => f().hedgesPer100.toFixed(2)), 'hedges', speaker));
				out.push(row('Non-answers', later(() => String(f().nonAnswers)), 'nonAnswers', speaker));
				out.push(row('Forward-looking', later(() => percent(f().forwardShare)), 'forward', speaker));
				out.push(
					row(
						'Tone',
						later(() => {
							const tone = f().tone;
							const before = previous ? speakerFigures(previous, store.speakerIndex(previous, person.id)).tone : null;
							return `${formatValue(tone, 'tone')}${before === null ? '' : ` (${changeAsShown(before, tone, 'tone')})`}`;
						}),
						'tone',
						speaker,
					),
				);
				out.push(row('Figures quoted', later(() => String(f().figures)), 'figures', speaker));
			}
			if (person.role === 'analyst') for (const l of analystLines(library ?? store, person.id, width)) out.push(l);
			out.push({text: fit('Talk share by call', width), style: 'dim'});
			const barWidth = Math.max(1, width - 13);
			m.perCall.forEach((c, i) => {
				const label = c.quarter.padEnd(8);
				const text = `${label}${c.present ? bar(c.share, barWidth).padEnd(barWidth) : '·'.padEnd(barWidth)} ${c.present ? percent(c.share).padStart(3) : ''}`.trimEnd();
				// Each call's share opens that call, at the person's turns.
				const there = store.speakerIndex(store.calls[i]!, person.id);
				out.push({text, style: 'bar', role: person.role, ...(c.present ? {metric: `talk:${there}` as MetricId, call: i} : {})});
			});
			out.push({text: ''});
		}
	}

	if (compare && compare !== call) return [...out, ...compareLines(store, call, compare, ready, width)];

	const m = callMetrics(call);
	const r = ready ? callReport(store, call) : null;
	const v = (value: (x: NonNullable<typeof r>) => string) => (r ? value(r) : '…');
	out.push({text: fit(`${call.meta.quarter ?? call.id} call`, width), style: 'title'});
	out.push(row('Words', n(m.words), 'words'));
	out.push(row('Est. minutes', `~${m.minutes}`, 'words'));
	// An Event Brief's prepared remarks are the editor's summary: no share to give them.
	out.push(m.brief ? row('Prepared', 'Event Brief', 'prepared') : row('Prepared/Q&A', `${percent(m.preparedShare)} / ${percent(m.qaShare)}`, 'prepared'));
	out.push(heading('Q&A'));
	out.push(row('Questions', String(m.questions), 'questions'));
	out.push(row('Analysts', String(m.analysts), 'analysts'));
	out.push(row('Firms', String(m.firms), 'firms'));
	// A ratio of nothing is not known, not 0: a call with no analyst or no executive named (text
	// with no speaker labels, read as one unidentified speaker) shows '-' where it has no figure.
	const noAnalysts = m.analysts === 0;
	const noManagement = !call.speakers.some(s => s.role === 'executive');
	out.push(row('Q per analyst', noAnalysts ? '-' : v(x => x.qa.questionsPerAnalyst.toFixed(1)), 'questions'));
	out.push(row('Answer/question', m.questions === 0 ? '-' : v(x => formatValue(x.qa.answerToQuestion, 'ratio')), 'exchanges'));
	// Labelled for what each is: eleven turns of two executives after one question are a thread (an exchange), not an answer.
	out.push(row('Longest thread', v(x => (x.qa.longestAnswer ? `${n(x.qa.longestAnswer.words)} w` : '-')), 'longest'));
	out.push(row('Longest answer', v(x => (x.qa.longestSingleAnswer ? `${n(x.qa.longestSingleAnswer.words)} w` : '-')), 'longestSingle'));
	out.push(row('Unanswered', v(x => String(x.qa.unanswered.length)), 'unanswered'));
	out.push(heading('Language'));
	out.push(row('Hedges /100 w', noManagement ? '-' : v(x => x.hedging.all.toFixed(2)), 'hedges'));
	out.push(row('  prepared', noManagement || m.brief ? '-' : v(x => x.hedging.prepared.toFixed(2)), 'hedgesPrepared'));
	out.push(row('  Q&A', noManagement ? '-' : v(x => x.hedging.qa.toFixed(2)), 'hedgesQa'));
	out.push(row('  analysts', noAnalysts ? '-' : v(x => x.hedging.analysts.toFixed(2)), 'hedgesAnalysts'));
	out.push(row('Non-answers', v(x => String(x.nonAnswers.length)), 'nonAnswers'));
	out.push(row('Forward-looking', v(x => percent(x.forward.all)), 'forward'));
	out.push(row('Tone', v(x => `${formatValue(x.tone.net, 'tone')}${x.tone.change === null ? '' : ` (${changeAsShown(x.tone.net - x.tone.change, x.tone.net, 'tone')})`}`), 'tone'));
	out.push(row('Figures quoted', v(x => String(x.figures.count)), 'figures'));
	// Guidance by direction: ↑ raised, ↓ lowered, = maintained, + introduced, × withdrawn.
	out.push(row('Guidance', v(x => guidanceLabel(x.guidance.counts)), 'guidance'));
	out.push(heading('Terms that stand out'));
	if (r) {
		const terms = [...r.terms.phrases.slice(0, 5), ...r.terms.words.slice(0, 5)];
		for (const t of terms) out.push(row(t.term, String(t.count), `term:${t.term}`));
	} else out.push({text: '…', style: 'dim'});
	out.push(heading('Talk share'));
	const barWidth = Math.max(1, width - 5);
	for (const t of m.talk) {
		out.push({text: nameToFit(t.name, width), role: t.role});
		// The number is on the bar's line: that is the line that opens.
		out.push({text: `${bar(t.share, barWidth).padEnd(barWidth)} ${percent(t.share).padStart(3)}`, style: 'bar', role: t.role, metric: `talk:${t.speaker}`});
	}
	return out;
}

/** The open call beside another: each metric in both and the change, then analysts who came and went. */
function compareLines(store: Store, call: Call, other: Call, ready: boolean, width: number): SideLine[] {
	const out: SideLine[] = [];
	const a = callName(store.calls, other);
	const b = callName(store.calls, call);
	out.push({text: fit(`${b} vs ${a}`, width), style: 'title'});
	if (!ready) return [...out, {text: '…', style: 'dim'}];
	// Oldest first reads as a change over time.
	const [older, newer] = store.calls.indexOf(other) < store.calls.indexOf(call) ? [other, call] : [call, other];
	const c = compareCalls(store, older, newer);
	const oq = older.meta.quarter ?? older.id;
	const nq = newer.meta.quarter ?? newer.id;
	const cols = (x: string, y: string, d: string) => `${x.padStart(7)} ${y.padStart(7)} ${d.padStart(7)}`;
	const wide = width >= 16 + 24;
	const narrowHead = [`${oq} → ${nq}, change`, `${oq} → ${nq}`].find(t => textWidth(t) <= width) ?? fit(`${oq} → ${nq}`, width);
	out.push({text: wide ? `${''.padEnd(width - 24)}${cols(fit(oq, 7), fit(nq, 7), 'change')}` : narrowHead, style: 'dim'});
	const ids: Record<string, MetricId> = {
		Words: 'words', Prepared: 'prepared', Questions: 'questions', Analysts: 'analysts', Firms: 'firms', 'Q per analyst': 'questions',
		'Answer/question': 'exchanges', Unanswered: 'unanswered', 'Hedges /100 w': 'hedges', 'Non-answers': 'nonAnswers',
		'Forward-looking': 'forward', Tone: 'tone', Figures: 'figures', 'Guidance ↑': 'guidance', 'Guidance ↓': 'guidance',
	};
	for (const r of c.rows) {
		const values = [formatValue(r.a, r.unit), formatValue(r.b, r.unit), changeAsShown(r.a, r.b, r.unit)] as const;
		if (wide) out.push({text: `${fit(r.label, width - 25).padEnd(width - 24)}${cols(...values)}`, metric: ids[r.label]});
		else {
			out.push({text: fit(r.label, width), metric: ids[r.label]});
			// The fullest form that fits: never a number cut short.
			const forms = [`  ${values[0]} → ${values[1]} (${values[2]})`, `  ${values[0]} → ${values[1]} ${values[2]}`, `${values[0]} → ${values[1]} ${values[2]}`, `${values[0]} ${values[1]} ${values[2]}`];
			out.push({text: forms.find(f => textWidth(f) <= width) ?? fit(forms[3]!, width), style: 'dim'});
		}
	}
	const names = (ids: string[]) => ids.map(id => store.person(id)?.name ?? id);
	out.push({text: fit(`Analysts new in ${nq}`, width), style: 'heading'});
	for (const name of names(c.came)) out.push({text: `+ ${nameToFit(name, width - 2)}`});
	if (c.came.length === 0) out.push({text: '  none', style: 'dim'});
	out.push({text: fit(`Analysts gone since ${oq}`, width), style: 'heading'});
	for (const name of names(c.went)) out.push({text: `− ${nameToFit(name, width - 2)}`});
	if (c.went.length === 0) out.push({text: '  none', style: 'dim'});
	return out;
}
