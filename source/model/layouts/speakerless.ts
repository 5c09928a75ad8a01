// Text in which no speaker is marked (Whisper's output, a one-string API
// transcript, subtitles): one "Unidentified" speaker, in paragraphs, with the
// Q&A started where the call says it starts ("We'll now move over to Q&A",
// "our first question is coming from…"), split at that sentence.
import type {Label} from '../parse/labels.js';
import {SPOKEN_QA_START, type Item, type LayoutResult} from './items.js';

export const UNIDENTIFIED: Label = {name: 'Unidentified', firm: null, title: null, role: 'unknown'};

/** Where the Q&A starts: [paragraph, character], or null. Not in the opening tenth, where the operator announces it. */
export function spokenQaStart(paragraphs: readonly string[]): [number, number] | null {
	const from = Math.max(1, Math.floor(paragraphs.length * 0.1));
	for (let i = from; i < paragraphs.length; i++) {
		const m = SPOKEN_QA_START.exec(paragraphs[i]!);
		if (!m) continue;
		// From the start of the sentence that holds the cue.
		const before = paragraphs[i]!.slice(0, m.index);
		const end = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '));
		return [i, end < 0 ? 0 : end + 2];
	}
	return null;
}

/** Paragraphs (and, when the file says, the Q&A's apart) → one unidentified speaker's turns, prepared remarks then Q&A. */
export function speakerless(paragraphs: readonly string[], qa: readonly string[] | null = null, furniture: string[] = []): LayoutResult {
	let prepared = [...paragraphs];
	let questions = qa ? [...qa] : [];
	if (!qa) {
		const at = spokenQaStart(paragraphs);
		if (at) {
			const [p, c] = at;
			const head = paragraphs[p]!.slice(0, c).trim();
			prepared = [...paragraphs.slice(0, p), ...(head ? [head] : [])];
			questions = [paragraphs[p]!.slice(c).trim(), ...paragraphs.slice(p + 1)];
		}
	}
	const lines = (ps: readonly string[]) => ps.flatMap(p => [p, '']);
	const items: Item[] = [{kind: 'section', section: 'presentation'}, {kind: 'turn', label: UNIDENTIFIED, lines: lines(prepared)}];
	if (questions.length) items.push({kind: 'section', section: 'qa'}, {kind: 'turn', label: UNIDENTIFIED, lines: lines(questions)});
	return {layout: 'speakerless', items, roster: [], hardWrapped: false, furniture, bodyText: [...paragraphs, ...(qa ?? [])].join('\n')};
}
