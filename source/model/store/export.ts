// The export schema. Fixed fields: calls[].{id, company, quarter, date, source,
// speakers[].{id, name, role, firm, title}, turns[].{speaker, section, text,
// answers}}. The rest (ticker, layout, paragraphs with time marks, exchange,
// words, spellings) is extra and may grow.
import type {Call} from '../types.js';

export function exportCall(call: Call) {
	return {
		id: call.id,
		company: call.meta.company,
		ticker: call.meta.ticker,
		quarter: call.meta.quarter,
		date: call.meta.date,
		source: call.source,
		layout: call.layout,
		speakers: call.speakers.map(s => ({id: s.id, name: s.name, role: s.role, firm: s.firm, title: s.title, labels: s.labels})),
		turns: call.turns.map(t => ({
			// Speaker ids, not indexes: one person has one id in every call.
			speaker: t.speaker === null ? null : call.speakers[t.speaker]!.id,
			section: t.section,
			text: t.paragraphs.map(p => p.text).join('\n\n'),
			answers: t.answers,
			exchange: t.exchange,
			words: t.words,
			paragraphs: t.paragraphs,
		})),
		errors: call.errors,
	};
}

export function exportCalls(calls: readonly Call[]) {
	return {calls: calls.map(exportCall)};
}
