// Quotes as Markdown, the same from the reader's `E` and the CLI's --md: each
// quote a block quote, then who said it, where and when, and the reader's note.
import {markedParts, type Quote} from './quotes.js';

/** Characters that would turn words into Markdown (emphasis, links, headings, tables, HTML). */
const escape = (text: string) => text.replace(/[\\`*_[\]<>#|]/g, '\\$&');

/** `text` with the marked ranges in bold, the rest escaped. */
const stressed = (text: string, marks: readonly [number, number][]) => markedParts(text, marks).map(p => (p.mark ? `**${escape(p.text)}**` : escape(p.text))).join('');

function source(q: Quote): string {
	const who = q.speaker ? `**${escape(q.speaker)}**${q.firm ? `, ${escape(q.firm)}` : ''}` : '_Unattributed_';
	// The company first: a quote pasted into notes on many companies says whose call it is.
	const company = q.company ?? q.ticker;
	const call = company ? `${company}${q.ticker && q.ticker !== company ? ` (${q.ticker})` : ''} ${q.quarter ?? ''}`.trim() : (q.quarter ?? q.call);
	const when = [call, q.date].filter(Boolean).join(', ');
	return `— ${q.context ? 'Question from ' : ''}${who} · ${escape(when)} · ${q.section}${q.time ? ` · at ${q.time}` : ''}`;
}

export function quoteMarkdown(q: Quote): string {
	// A bookmark of a call not loaded: what it holds of its own, said as such.
	if (q.notLoaded) {
		const words = q.text ? `${stressed(q.text, []).split('\n').map(line => (line ? `> ${line}` : '>')).join('\n')}\n\n` : '';
		return `${words}— ${escape(q.call)}, turn ${q.turn + 1} · _not loaded in this run_${q.note ? `\n\nNote: ${escape(q.note)}` : ''}\n`;
	}
	const body = stressed(q.text, q.marks)
		.split('\n')
		.map(line => (line ? `> ${line}` : '>'))
		.join('\n');
	const note = q.note ? `\n\nNote: ${escape(q.note)}` : '';
	return `${body}\n\n${source(q)}${note}\n`;
}

/** A document: a title, a line on what it holds, then the quotes. */
export function quotesMarkdown(title: string, what: string, quotes: readonly Quote[]): string {
	const head = `# ${escape(title)}\n\n${escape(what)}\n`;
	if (quotes.length === 0) return `${head}\nNothing to quote.\n`;
	return `${head}\n${quotes.map(quoteMarkdown).join('\n')}`;
}
