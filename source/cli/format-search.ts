// Quotes as text (`search`, `bookmarks`): each with its call, date, speaker,
// firm and section; the matched words in bold on a terminal.
import {markedParts, type Quote} from '../model/documents/quotes.js';
import type {Style} from './format.js';

const marked = (q: Quote, style: Style) => markedParts(q.text, q.marks).map(p => (p.mark ? style.bold(p.text) : p.text)).join('');

export function formatQuotes(list: readonly Quote[], style: Style, none = 'No hits.'): string {
	if (list.length === 0) return none;
	return list
		.map(q => {
			const head = q.notLoaded
				? `${style.dim(`${q.call}  `)}${style.bold('(not loaded: its folder is not in this run; earnings-reader add PATH, or --dir)')}${style.dim(` · turn ${q.turn + 1}`)}`
				: `${style.dim(`${q.call}  ${q.date ?? '-'}  `)}${q.speaker ?? '(unattributed)'}${q.firm ? ` (${q.firm})` : ''}${style.dim(` · ${q.section}`)}`;
			const note = q.note ? `\n  ${style.bold(`Note: ${q.note}`)}` : '';
			return `${head}${note}${q.text ? `\n  ${marked(q, style).replaceAll('\n\n', '\n  ')}` : ''}`;
		})
		.join('\n');
}
