// `earnings-reader metrics`: every metric of a call as text, or as JSON.
import type {ListsInForce} from '../model/metrics/language.js';
import type {ListName, UserLexicons} from '../model/metrics/user-lexicons.js';
import {cleanLine} from '../model/input/sanitize.js';
import {changeAsShown, formatValue, percent} from '../model/metrics/format-number.js';
import {personReport, type CallReport} from '../model/metrics/report.js';
import type {Person} from '../model/store/store.js';
import {table, type Style} from './format.js';

// Name and role (or call and quarter) read left-aligned, the figures right-aligned.
const figures = (rows: string[][]) => table(rows, new Set([...rows[0]!.keys()].filter(c => c >= 2))).split('\n');

const n = (x: number) => formatValue(x, 'count');
const list = (xs: string[]) => xs.join(', ') || '-';

export function formatCallReport(r: CallReport, style: Style): string {
	const lines: string[] = [];
	const row = (label: string, text: string) => lines.push(`  ${style.bold(label.padEnd(16))}${text}`);
	lines.push(style.bold([r.call, r.quarter, r.date].filter(Boolean).join('  ')));
	row('Length', r.brief ? `${n(r.words)} words spoken (~${r.minutes} min), all in the Q&A: an Event Brief, whose prepared remarks are an editor’s summary (${n(r.summaryWords)} words, in no figure here)` : `${n(r.words)} words (~${r.minutes} min); prepared ${percent(r.preparedShare)}, Q&A ${percent(r.qaShare)}`);
	row('Q&A', `${r.qa.questions} questions from ${r.qa.analysts} analysts at ${r.qa.firms} firms (${r.qa.questionsPerAnalyst.toFixed(1)} each); answers ${formatValue(r.qa.answerToQuestion, 'ratio')} the length of the questions`);
	if (r.qa.longestAnswer) row('Longest answer', `exchange ${n(r.qa.longestAnswer.words)} words to ${r.qa.longestAnswer.asker ?? 'an unnamed analyst'} (turn ${r.qa.longestAnswer.question}; ${r.qa.longestAnswer.turns} ${r.qa.longestAnswer.turns === 1 ? 'turn' : 'turns'}, ${r.qa.longestAnswer.speakers} ${r.qa.longestAnswer.speakers === 1 ? 'speaker' : 'speakers'})${r.qa.longestSingleAnswer ? `; single answer ${n(r.qa.longestSingleAnswer.words)} words, ${r.qa.longestSingleAnswer.speaker ?? 'unattributed'} (turn ${r.qa.longestSingleAnswer.turn})` : ''}`);
	row('Unanswered', r.qa.unanswered.length === 0 ? '0' : `${r.qa.unanswered.length}: ${r.qa.unanswered.map(u => `${u.asker ?? 'unnamed'} (turn ${u.question})`).join(', ')}`);
	row('Guidance', r.guidance.items.length ? `${r.guidance.items.length}: ${r.guidance.items.map(g => `${g.direction} ${g.metric}${g.figure ? ` ${g.figure}` : ''} (turn ${g.turn})`).join('; ')}` : 'none found');
	row('Hedging', `management ${r.hedging.all.toFixed(2)} per 100 words (prepared ${r.brief ? '-' : r.hedging.prepared.toFixed(2)}, Q&A ${r.hedging.qa.toFixed(2)}), ${r.hedging.count} hedges; analysts ${r.hedging.analysts.toFixed(2)} (${r.hedging.analystCount}); the running of the call left out`);
	row('Non-answers', r.nonAnswers.length === 0 ? '0' : `${r.nonAnswers.length}: ${r.nonAnswers.map(x => `${x.speaker ?? 'unnamed'} "${x.phrases.join('", "')}" (turn ${x.turn})`).join('; ')}`);
	row('Forward-looking', `${percent(r.forward.all)} of sentences (prepared ${r.brief ? '-' : percent(r.forward.prepared)}, Q&A ${percent(r.forward.qa)})`);
	row('Tone', `${formatValue(r.tone.net, 'tone')} (${r.tone.positive} positive, ${r.tone.negative} negative words)${r.tone.change === null ? '' : `, ${changeAsShown(r.tone.net - r.tone.change, r.tone.net, 'tone')} from the previous call`}`);
	const k = r.figures.byKind;
	row('Figures quoted', `${r.figures.count}: ${k.money} money, ${k.percent} percentages, ${k.rate} rates, ${k.count} unit counts`);
	row('Terms', list(r.terms.words.map(t => t.term)));
	row('Phrases', list(r.terms.phrases.map(t => t.term)));
	lines.push(`  ${style.bold('Speakers')}`);
	const header = ['NAME', 'ROLE', 'SHARE', 'HEDGES/100', 'FORWARD', 'TONE', 'FIGURES', 'NON-ANSWERS'];
	const rows = r.speakers.map(s => [s.name, s.role, percent(s.share), s.hedgesPer100.toFixed(2), percent(s.forwardShare), formatValue(s.tone, 'tone'), String(s.figures), String(s.nonAnswers)]);
	lines.push(...figures([header, ...rows]).map(l => `    ${l}`));
	return lines.join('\n');
}

export function formatPersonReport(person: Person, rows: ReturnType<typeof personReport>): string {
	const header = ['CALL', 'QUARTER', 'SHARE', 'WORDS', 'ANSWERED', 'LONGEST', 'ASKED', 'HEDGES/100', 'FORWARD', 'TONE', 'CHANGE', 'NON-ANSWERS', 'FIGURES'];
	const body = rows.map(r => [
		r.call,
		r.quarter ?? '-',
		percent(r.share),
		n(r.words),
		String(r.questionsAnswered),
		r.longestAnswer ? n(r.longestAnswer.words) : '-',
		String(r.questionsAsked),
		r.hedgesPer100.toFixed(2),
		percent(r.forwardShare),
		formatValue(r.tone, 'tone'),
		r.toneChange === null ? '-' : changeAsShown(r.tone - r.toneChange, r.tone, 'tone'),
		String(r.nonAnswers),
		String(r.figures),
	]);
	return [`${person.name} (${person.role}${person.firms.length ? `, ${person.firms.join(' → ')}` : ''})`, ...figures([header, ...body])].join('\n');
}

/** `metrics --lexicon`: which word lists are in force, the shipped ones or the user's. */
export function formatLexicons(user: UserLexicons, force: ListsInForce, folder: string): string {
	const line = (name: ListName, label: string, count: number | string) => {
		const own = user[name];
		const how = own ? (own.replace ? `your list only (${own.path}, ${own.phrases.length})` : `shipped + ${own.phrases.length} of yours (${own.path})`) : 'shipped';
		return `  ${label.padEnd(12)} ${how}; ${typeof count === 'number' ? `${count} in force` : count}\n`;
	};
	return `Word lists (yours go in ${cleanLine(folder)}/NAME.txt: one phrase a line, # comments, a line "# replace" to use yours only):\n${line('hedges', 'hedges', force.hedges)}${line('non-answers', 'non-answers', force.nonAnswers === 'rules and phrases' ? "the project's rules and phrases" : force.nonAnswers)}${line('positive', 'positive', force.positive)}${line('negative', 'negative', force.negative)}${line('guidance', 'guidance', user.guidance ? `${user.guidance.phrases.length} ${user.guidance.phrases.length === 1 ? 'cue' : 'cues'} of yours` : "the project's cues")}`;
}
