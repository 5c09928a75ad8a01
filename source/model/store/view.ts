// What a reader sees of a call: all turns, one person's turns, or one person's
// answers each under the question it answers. The CLI and the Ink UI share it,
// so `show --answers` and the `a` key can never disagree.
import type {Call, ListFigures, Paragraph, Speaker, Turn} from '../types.js';

export interface ViewRow {
	/** `context`: a question shown so that the answer after it is never out of context. */
	kind: 'turn' | 'context';
	turn: number;
}

/** A question is a Q&A turn that opens a thread rather than answering one. */
/** How the sections are titled wherever a transcript is shown. */
export const SECTION_TITLES = {presentation: 'Prepared remarks', qa: 'Questions & answers', summary: 'Summary (Event Brief)'} as const;

export const isQuestion = (turn: Turn) => turn.section === 'qa' && turn.exchange !== null && turn.answers === null;

export const questionCount = (call: Call) => call.figures?.questions ?? call.turns.filter(isQuestion).length;

/** The call list's counts of a call: kept in the index, worked out here otherwise. */
export function listFigures(call: Call): ListFigures {
	if (call.figures) return call.figures;
	const analysts = new Set(call.turns.filter(t => t.speaker !== null && call.speakers[t.speaker]!.role === 'analyst').map(t => t.speaker));
	return {
		turns: call.turns.length,
		words: call.turns.reduce((n, t) => n + t.words, 0),
		questions: call.turns.filter(isQuestion).length,
		analysts: analysts.size,
		wordsByTurn: call.turns.map(t => t.words).join(),
	};
}

/**
 * When a paragraph starts in the recording, as `12:34` (`1:02:05` past the hour), from a time
 * mark at its very start (transcripts made from the audio); null when it has none.
 */
export function paragraphTime(paragraph: Paragraph): string | null {
	const seconds = startSeconds(paragraph);
	if (seconds === null) return null;
	const two = (n: number) => String(n).padStart(2, '0');
	const [h, m, sec] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
	return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${two(m)}:${two(sec)}`;
}

/** Seconds into the recording where a paragraph starts (a time mark at its very start), or null. */
export function startSeconds(paragraph: Paragraph): number | null {
	const mark = paragraph.marks[0];
	if (!mark || mark.offset !== 0) return null;
	const parts = mark.time.split(':').map(Number);
	if (parts.length < 2 || parts.some(n => !Number.isFinite(n))) return null;
	return parts.reduce((sum, n) => sum * 60 + n, 0);
}

/** Seconds into the recording where turn `turn`'s paragraph `paragraph` starts: its own time, or the last before it; null when the call has none. */
export function secondsAt(call: Call, turn: number, paragraph: number): number | null {
	for (let t = turn; t >= 0; t--) {
		const paragraphs = call.turns[t]!.paragraphs;
		for (let p = t === turn ? Math.min(paragraph, paragraphs.length - 1) : paragraphs.length - 1; p >= 0; p--) {
			const seconds = startSeconds(paragraphs[p]!);
			if (seconds !== null) return seconds;
		}
	}
	return null;
}

/** When a turn starts in the recording, as `[12:34]`; null for a transcript with no times. */
export function turnTime(turn: Turn): string | null {
	const time = turn.paragraphs[0] ? paragraphTime(turn.paragraphs[0]) : null;
	return time && `[${time}]`;
}

/** `[name, firm · title]` for a heading; the second part empty when unknown. */
export function speakerLine(speaker: Speaker): [string, string] {
	// A name the file did not give (an operator's hand-off named them) says so.
	const about = [speaker.firm, speaker.title, speaker.inferred ? 'name inferred' : null].filter(Boolean).join(' · ');
	return [speaker.name, about];
}

export function answerView(call: Call, speaker: number | null, answersOnly: boolean): ViewRow[] {
	const rows: ViewRow[] = [];
	let shownQuestion: number | null = null;
	call.turns.forEach((turn, index) => {
		if (speaker !== null && turn.speaker !== speaker) return;
		if (!answersOnly) {
			rows.push({kind: 'turn', turn: index});
			return;
		}
		if (turn.answers === null) return;
		// Consecutive answers to one question share one copy of it.
		if (turn.answers !== shownQuestion) rows.push({kind: 'context', turn: turn.answers});
		shownQuestion = turn.answers;
		rows.push({kind: 'turn', turn: index});
	});
	return rows;
}
