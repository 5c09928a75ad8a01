// Items from any layout → a call: speakers with roles, sections, Q&A threads.
import {asks} from './questions.js';
import {SPOKEN_QA_START, type Item, type LayoutResult} from '../layouts/items.js';
import type {Label} from './labels.js';
import {clusterNames, fullestName, personSlug, samePerson} from '../people/names.js';
import {buildOutline, buildParagraphs, wordCount} from './paragraphs.js';
import type {CallMeta, ParsedCall, Role, Section, Speaker, Turn} from '../types.js';

// The operator handing the floor to an analyst: `Our next question is from Dan
// Galves of Deutsche Bank`, `comes from the line of Adam Jonas with Morgan Stanley`.
const INTRODUCED =
	/\b(?:question|questions|line)\s+(?:is\s+|comes\s+|will\s+come\s+)?(?:from|of)\s+(?:the\s+line\s+of\s+)?((?:\p{Lu}[\p{L}.'’-]*\s+){1,3}\p{Lu}[\p{L}'’-]+)/gu;
// Spoken start of the Q&A when there is no section header.
const QA_CUE =
	/question-and-answer|questions? and answers?|\bq&a\b|\b(?:first|next) question\b|open (?:up )?(?:the )?(?:line|lines|call|floor) (?:for|to) questions|take (?:your |some )?questions|go (?:right )?(?:in)?to (?:the )?questions/i;

function mostCommon(values: readonly (string | null)[]): string | null {
	const counts = new Map<string, number>();
	for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
	let best: string | null = null;
	for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
	return best;
}

/** The company's distinctive first word (`tesla` of `Tesla, Inc.`), to spot its people. */
function companyKey(company: string | null): string | null {
	const word = company?.toLowerCase().match(/[a-z0-9]{3,}/)?.[0];
	return word ?? null;
}

interface Draft {
	label: Label | null;
	lines: string[];
	section: Section;
}

export function buildCall(result: LayoutResult, meta: CallMeta): ParsedCall {
	// 1. Turns with the section each falls in; unattributed turns with no text are dropped.
	const drafts: Draft[] = [];
	let section: Section = 'presentation';
	const explicitQa = result.items.some(i => i.kind === 'section' && i.section === 'qa');
	for (const item of result.items as Item[]) {
		if (item.kind === 'section') section = item.section;
		else if (item.label || item.lines.some(l => l.trim())) drafts.push({label: item.label, lines: item.lines, section});
	}

	// 2. Speakers: one per person, however the call spells them.
	const labels = drafts.flatMap(d => (d.label && d.label.role !== 'operator' ? [d.label] : []));
	const groups = clusterNames(labels.map(l => l.name));
	const operatorIndex = drafts.some(d => d.label?.role === 'operator') ? groups.length : -1;
	const groupOf = (label: Label) =>
		label.role === 'operator' ? operatorIndex : groups.findIndex(g => g.includes(label.name));
	const introduced = drafts
		.filter(d => d.label?.role === 'operator' || !d.label)
		.flatMap(d => [...d.lines.join(' ').matchAll(INTRODUCED)].map(m => m[1]!));
	const company = companyKey(meta.company);
	// Before the Q&A only the company's people speak (the operator aside), so a
	// firm heard there is the company's, whatever the header says or does not.
	const ownFirms = new Set(
		drafts.filter(d => explicitQa && d.section === 'presentation' && d.label?.firm).map(d => d.label!.firm!.toLowerCase()),
	);
	const unlabelled = result.roster.length === 0 && labels.every(l => !l.firm && !l.title && !l.role);
	const speakers: Speaker[] = groups.map(names => {
		const own = labels.filter(l => names.includes(l.name));
		const listed = result.roster.find(r => names.some(n => samePerson(n, r.name)));
		const firm = mostCommon(own.map(l => l.firm)) ?? listed?.firm ?? null;
		const title = mostCommon(own.map(l => l.title)) ?? listed?.title ?? null;
		const name = fullestName([...names, ...(listed ? [listed.name] : [])]);
		let role = (mostCommon(own.map(l => l.role)) as Role | null) ?? listed?.role ?? null;
		if (!role && firm && ((company && firm.toLowerCase().includes(company)) || ownFirms.has(firm.toLowerCase()))) role = 'executive';
		if (!role && firm) role = 'analyst';
		if (!role && introduced.some(n => samePerson(n, name))) role = 'analyst';
		// Nothing in the file says who is who (plain JSON or inline turns, no roster, no firms):
		// a person heard only in a marked Q&A, while others gave the prepared remarks, asks.
		if (!role && unlabelled && explicitQa && !drafts.some(d => d.section === 'presentation' && d.label && names.includes(d.label.name)) && drafts.some(d => d.section === 'presentation' && d.label && d.label.role !== 'operator')) role = 'analyst';
		// Seeking Alpha writes analysts with their firm and management by bare name.
		role ??= 'executive';
		// Management's labels often name no firm (it is the company's call).
		const ownFirm = role === 'executive' && !firm ? meta.company : firm;
		const speaker: Speaker = {id: personSlug(name), name, role, firm: ownFirm, title, labels: names};
		if (own.length > 0 && own.every(l => l.inferred)) speaker.inferred = true;
		return speaker;
	});
	if (operatorIndex >= 0) {
		speakers.push({id: 'operator', name: 'Operator', role: 'operator', firm: null, title: null, labels: ['Operator']});
	}
	const speakerOf = drafts.map(d => (d.label ? groupOf(d.label) : null));
	const roleOf = (i: number): Role | null => (speakerOf[i] == null ? null : speakers[speakerOf[i]!]!.role);

	// 3. No Q&A header: the Q&A starts where someone says so, or where the first analyst speaks.
	// The operator's cue counts only once management has spoken: the welcome announces the
	// Q&A to come ("there will be a question-and-answer session") before any remarks. An
	// unattributed turn's counts at once (calls that start mid-Q&A open with one).
	if (!explicitQa) {
		let presented = false;
		const start = drafts.findIndex((d, i) => {
			const role = roleOf(i);
			const opening = d.lines.slice(0, 6).join(' ').slice(0, 400);
			// An analyst's turn that asks nothing before the Q&A is a mislabelled remark
			// (earningscall.biz gave Roku's CFO's remarks an analyst's label), not its start.
			if (role === 'analyst') return presented ? asks(d.lines.join(' ')) || QA_CUE.test(opening) : true;
			if ((role === null || (presented && role === 'operator')) && QA_CUE.test(opening)) return true;
			// Investor relations or an executive running the Q&A: "We'll now move over to Q&A."
			if (presented && role === 'executive' && SPOKEN_QA_START.test(opening)) return true;
			if (role === 'executive' && d.lines.some(l => l.trim())) presented = true;
			return false;
		});
		if (start >= 0) for (let i = start; i < drafts.length; i++) drafts[i]!.section = 'qa';
	}

	// 4. Turns and Q&A threads: an analyst's turn that asks is a question (the
	// rule: questions.ts); executives answer it until the next question, another
	// analyst or the operator.
	const turns: Turn[] = [];
	let question: number | null = null;
	let exchange = -1;
	let asker: number | null | undefined;
	drafts.forEach((d, i) => {
		const role = roleOf(i);
		const paragraphs = d.section === 'summary' ? buildOutline(d.lines) : buildParagraphs(d.lines, result.hardWrapped);
		const turn: Turn = {
			speaker: speakerOf[i] ?? null,
			section: d.section,
			paragraphs,
			answers: null,
			exchange: null,
			words: paragraphs.reduce((n, p) => n + wordCount(p.text), 0),
		};
		if (d.section === 'qa') {
			// An unattributed turn that an executive then answers is a question too
			// (calls that start mid-Q&A open with one).
			const unattributedQuestion = role === null && roleOf(i + 1) === 'executive';
			if ((role === 'analyst' || unattributedQuestion) && asks(paragraphs.map(p => p.text).join(' '))) {
				if (asker !== speakerOf[i] || exchange < 0) exchange++;
				asker = speakerOf[i];
				question = i;
				turn.exchange = exchange;
			} else if (role === 'analyst' || unattributedQuestion) {
				// Thanks, a sign-off, an acknowledgement: no question (questions.ts). After another
				// analyst's, an executive's reply answers nothing; after the asker's own, the answer may go on.
				if (asker !== speakerOf[i]) {
					question = null;
					asker = undefined;
				}
			} else if (role === 'operator') {
				question = null;
				asker = undefined;
			} else if (role === 'executive' && question !== null) {
				turn.answers = question;
				turn.exchange = exchange;
			}
		}
		turns.push(turn);
	});
	return {layout: result.layout, meta, speakers, turns};
}
