// `earnings-reader search`: the hits, each quote with its call, date, speaker,
// firm and section — as text (marks in bold on a terminal) or JSON.
import {SECTION_TITLES} from '../model/view.js';
import {hitText, type Hit} from '../model/search.js';
import type {Store} from '../model/store.js';
import type {Style} from './format.js';

export interface Quote {
	call: string;
	quarter: string | null;
	date: string | null;
	speaker: string | null;
	firm: string | null;
	section: string;
	turn: number;
	text: string;
	/** The matched words, as offsets in `text`. */
	marks: [number, number][];
	tier: Hit['tier'];
}

export function quotes(store: Store, hits: readonly Hit[]): Quote[] {
	return hits.map(h => {
		const call = store.call(h.call)!;
		const who = h.speaker === null ? null : call.speakers[h.speaker]!;
		return {
			call: call.id,
			quarter: call.meta.quarter,
			date: call.meta.date,
			speaker: who?.name ?? null,
			firm: who?.firm ?? null,
			section: SECTION_TITLES[h.section],
			turn: h.turn,
			text: hitText(call, h),
			marks: h.marks.map(([s, e]): [number, number] => [s - h.start, e - h.start]),
			tier: h.tier,
		};
	});
}

function marked(q: Quote, style: Style): string {
	let out = '';
	let at = 0;
	for (const [s, e] of q.marks) {
		out += q.text.slice(at, s) + style.bold(q.text.slice(s, e));
		at = e;
	}
	return out + q.text.slice(at);
}

export function formatQuotes(list: readonly Quote[], style: Style): string {
	if (list.length === 0) return 'No hits.';
	return list
		.map(q => `${style.dim(`${q.call}  ${q.date ?? '-'}  `)}${q.speaker ?? '(unattributed)'}${q.firm ? ` (${q.firm})` : ''}${style.dim(` · ${q.section}`)}\n  ${marked(q, style)}`)
		.join('\n');
}
