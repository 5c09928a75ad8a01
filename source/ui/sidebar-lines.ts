// The sidebar's content as lines: the open call's figures, and the filtered
// person's when a filter is on. Pure, so every line can be checked in a test.
import {callMetrics, personMetrics} from '../model/metrics.js';
import type {Store} from '../model/store.js';
import type {Call, Role} from '../model/types.js';
import {bar, percent} from './bars.js';
import type {Filter} from './state.js';
import {fit, textWidth} from './wrap.js';

export interface SideLine {
	text: string;
	style?: 'title' | 'dim' | 'bar';
	role?: Role;
}

const n = (x: number) => x.toLocaleString('en-US');

/** `label ........ value` in `width` columns. */
function pair(label: string, value: string, width: number): string {
	const room = width - textWidth(value) - 1;
	return `${fit(label, room).padEnd(room)} ${value}`;
}

export function sidebarLines(store: Store, call: Call, filter: Filter | null, width: number): SideLine[] {
	const out: SideLine[] = [];
	if (filter) {
		const person = store.person(filter.person);
		if (person) {
			const m = personMetrics(store, person.id, call);
			out.push({text: fit(person.name, width), style: 'title', role: person.role});
			out.push({text: fit([person.role, person.firms[person.firms.length - 1]].filter(Boolean).join(' · '), width), style: 'dim'});
			if (m.turns === 0) out.push({text: fit(`Not in ${call.meta.quarter ?? call.id}`, width), style: 'dim'});
			else {
				out.push({text: pair('Words', n(m.words), width)});
				out.push({text: pair('Share of call', percent(m.share), width)});
				out.push({text: pair('Turns', String(m.turns), width)});
				if (person.role === 'analyst') out.push({text: pair('Questions asked', String(m.questionsAsked), width)});
				else {
					out.push({text: pair('Questions answered', String(m.questionsAnswered), width)});
					out.push({text: pair('Avg answer', `${n(m.averageAnswer)} w`, width)});
				}
			}
			out.push({text: fit('Talk share by call', width), style: 'dim'});
			const barWidth = Math.max(1, width - 13);
			for (const c of m.perCall) {
				const label = c.quarter.padEnd(8);
				out.push({text: `${label}${c.present ? bar(c.share, barWidth).padEnd(barWidth) : '·'.padEnd(barWidth)} ${c.present ? percent(c.share).padStart(3) : ''}`.trimEnd(), style: 'bar', role: person.role});
			}
			out.push({text: ''});
		}
	}
	const m = callMetrics(call);
	out.push({text: fit(`${call.meta.quarter ?? call.id} call`, width), style: 'title'});
	out.push({text: pair('Words', n(m.words), width)});
	out.push({text: pair('Est. minutes', `~${m.minutes}`, width)});
	out.push({text: pair('Prepared/Q&A', `${percent(m.preparedShare)} / ${percent(m.qaShare)}`, width)});
	out.push({text: pair('Questions', String(m.questions), width)});
	out.push({text: pair('Analysts', String(m.analysts), width)});
	out.push({text: pair('Firms', String(m.firms), width)});
	out.push({text: fit('Talk share', width), style: 'dim'});
	const barWidth = Math.max(1, width - 5);
	for (const t of m.talk) {
		out.push({text: fit(t.name, width), role: t.role});
		out.push({text: `${bar(t.share, barWidth).padEnd(barWidth)} ${percent(t.share).padStart(3)}`, style: 'bar', role: t.role});
	}
	return out;
}
