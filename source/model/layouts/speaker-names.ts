// Speaker ids that are not names (`spk03`, `2`), named from what the call
// itself says: the operator by what an operator says ("welcome to", "our next
// question comes from"), others by the hand-off before their turn — "I'll now
// turn the call over to our CFO, Luca Maestri", "our first question comes from
// Katy Huberty with Morgan Stanley". A name found so is marked as inferred; an
// id nobody names reads "Speaker 3"; a name map in the file wins over both.
import type {Label} from '../parse/labels.js';

export interface TimedTurn {
	id: string;
	/** Paragraph texts, each maybe headed by a `[hh:mm:ss]` mark. */
	paragraphs: string[];
}

const MARK = /\[\d{2}:\d{2}:\d{2}\]\s*/g;
const OPERATOR_TALK =
	/\b(?:welcome to (?:the|today's|our)|conference (?:call|operator)|question (?:today )?(?:comes |is coming |will come |is |will be )?from|your line is (?:now )?(?:open|live)|please go ahead|press(?:ing)? (?:star|\*)|star(?:,)? (?:followed by )?(?:the number )?one|operator instructions|(?:concludes|conclude) (?:today's|the|our) (?:conference|call|question)|listen-only mode|being recorded)\b/i;
const NAME = String.raw`((?:[A-Z][a-z'’-]+|[A-Z]\.)(?:\s(?:[A-Z][a-z'’-]+|[A-Z]\.|de|van|von|der|da)){0,2}\s[A-Z][a-zA-Z'’-]+)`;
const FIRM = String.raw`((?:[A-Z][\w.&'’-]*|&)(?:\s(?:[A-Z][\w.&'’-]*|&|of|and))*)`;
const TITLE = String.raw`(?:(?:our|my colleague,?|the company's)\s)?((?:Chief\s\w+\sOfficer|CFO|CEO|COO|President|Chairman|(?:Senior\s|Executive\s)?Vice\sPresident[\w\s]*?|Head\sof\s[\w\s]+?|Director\sof\s[\w\s]+?|Treasurer)),?\s`;
// Global (matchAll clones them, so no state is shared): the last hand-off of a turn is the one that counts.
const ASKER = new RegExp(String.raw`\bquestion[s]?\s(?:today\s)?(?:(?:comes|is coming|will come|is|today is|comes today|will be)\s)?(?:from|of)\s(?:the\sline\sof\s)?${NAME}(?:\s(?:with|from|of|at)\s${FIRM})?`, 'g');
const HANDOFF = new RegExp(String.raw`\b(?:(?:turn|hand|pass)(?:ing)?\s(?:the\s(?:call|conference|floor|line)\s|it\s|things\s)?(?:over\s|back\s)?to|introduce(?:\syour\shost(?:\sfor\stoday's\scall)?,)?|(?:over|back)\sto)\s(?:${TITLE})?(?:(?:Mr|Ms|Mrs|Dr|Miss)\.?\s)?${NAME}`, 'g');

// A hand-off by first name only ("I'd now like to turn the call over to Tim"): named in full
// where the call said the whole name before ("Speaking first today is Apple CEO Tim Cook").
const FIRST_NAME_HANDOFF = /\b(?:turn(?:ing)?\s(?:the\s(?:call|conference|floor)\s|it\s)?(?:over\s|back\s)?to|hand(?:ing)?\s(?:it\s)?(?:over\s|back\s)?to|(?:over|back)\sto)\s([A-Z][a-z'’-]+)\b(?!\s[A-Z])/g;
const FULL_TITLE = /\b(CEO|CFO|COO|President|Chairman|Chief\s\w+\sOfficer)\s$/;

/** The one full name the call gave `first` before, with the title said just before it; null when none or several. */
function fullName(first: string, said: string): {name: string; title: string | null} | null {
	const found = new Map<string, string | null>();
	for (const m of said.matchAll(new RegExp(String.raw`\b${first}\s((?:[A-Z]\.\s)?[A-Z][a-zA-Z'’-]+)\b`, 'g'))) {
		const name = `${first} ${m[1]}`;
		const title = FULL_TITLE.exec(said.slice(Math.max(0, m.index! - 40), m.index))?.[1] ?? found.get(name) ?? null;
		found.set(name, title);
	}
	if (found.size !== 1) return null;
	const [name, title] = [...found][0]!;
	return {name, title};
}

const plain = (paragraphs: readonly string[]) => paragraphs.join(' ').replace(MARK, '');
const spokenNumber = (id: string) => {
	const n = /(\d+)$/.exec(id)?.[1];
	return n === undefined ? id : String(Number(n));
};

export function nameSpeakers(turns: readonly TimedTurn[], fileNames?: ReadonlyMap<string, Label>): Map<string, Label> {
	const labels = new Map<string, Label>();
	// The operator: an id most of whose turns run the call.
	const byId = new Map<string, {turns: number; operator: number}>();
	for (const t of turns) {
		const seen = byId.get(t.id) ?? {turns: 0, operator: 0};
		seen.turns++;
		if (OPERATOR_TALK.test(plain(t.paragraphs))) seen.operator++;
		byId.set(t.id, seen);
	}
	// One turn of such talk makes the operator only of the call's first speaker: the diarisation
	// puts others' hand-offs (investor relations calling a question) under ids of their own.
	const first = turns[0]?.id;
	const operators = new Set([...byId].filter(([id, s]) => (s.operator >= 2 || (id === first && s.operator >= 1)) && s.operator >= s.turns * 0.6).map(([id]) => id));
	// Hand-offs: the end of one turn names the speaker of the next.
	// Only an id heard for the first time is the one handed to: an id that spoke before is
	// someone else stepping in (an executive adding to an answer), and is left unnamed.
	const spoken = new Set<string>();
	for (let i = 0; i + 1 < turns.length; i++) {
		spoken.add(turns[i]!.id);
		const next = turns[i + 1]!;
		if (next.id === turns[i]!.id || operators.has(next.id) || labels.has(next.id) || spoken.has(next.id)) continue;
		const tail = plain(turns[i]!.paragraphs).slice(-400);
		// The last hand-off of the turn names who speaks next (an operator may name a caller who is not there, then the next).
		const asker = [...tail.matchAll(ASKER)].at(-1);
		if (asker) {
			// A firm ends with its sentence: `Morgan Stanley. Caller, please…`.
			const firm = asker[2]?.split(/(?<!\b(?:[A-Z]|Inc|Co|Corp|Ltd))\.(?:\s|$)/)[0]!.replace(/[.,]$/, '') ?? null;
			labels.set(next.id, {name: asker[1]!, firm: firm || null, title: null, role: 'analyst', inferred: true});
			continue;
		}
		const handoff = [...tail.matchAll(HANDOFF)].at(-1);
		if (handoff) {
			labels.set(next.id, {name: handoff[2]!, firm: null, title: handoff[1]?.trim() ?? null, role: 'executive', inferred: true});
			continue;
		}
		const first = [...tail.matchAll(FIRST_NAME_HANDOFF)].at(-1);
		const full = first ? fullName(first[1]!, turns.slice(0, i + 1).map(t => plain(t.paragraphs)).join(' ')) : null;
		if (full) labels.set(next.id, {name: full.name, firm: null, title: full.title, role: 'executive', inferred: true});
	}
	for (const t of turns) {
		if (fileNames?.has(t.id)) labels.set(t.id, fileNames.get(t.id)!);
		else if (operators.has(t.id)) labels.set(t.id, {name: 'Operator', firm: null, title: null, role: 'operator'});
		else if (!labels.has(t.id)) labels.set(t.id, {name: `Speaker ${spokenNumber(t.id)}`, firm: null, title: null, role: null});
	}
	return labels;
}
