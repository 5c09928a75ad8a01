// Transcripts made from a call's audio, with times: Rev's Earnings-21/22 `.nlp`
// token tables (`token|speaker|ts|endTs|punctuation|…`, one token a line,
// punctuation in its own column, numeric speaker ids and no names anywhere),
// EarningsCall's API JSON (level 1: one `text` string; level 2: prepared
// remarks and Q&A strings; levels 3–4: `speakers` with `text`, or `words` and
// `start_times` in seconds, ids such as `spk03`), and Whisper's output
// (segments JSON, SRT, WebVTT). Turns are runs of one speaker id; sentences
// and paragraphs are rebuilt from the tokens; a paragraph's start time
// becomes a `[hh:mm:ss]` mark at its head, which parse/paragraphs.ts keeps as
// data. Ids are named only from what the call says (speaker-names.ts).
import type {Label} from '../parse/labels.js';
import {nameSpeakers, type TimedTurn} from './speaker-names.js';
import {jsonValue} from './json-value.js';
import {speakerless} from './speakerless.js';
import type {Item, LayoutResult} from './items.js';

/** A word with its start time in seconds (null when the file has none). */
export interface Word {
	text: string;
	start: number | null;
	/** Where it ends, when the file says (Whisper's segments); a word's start stands in otherwise. */
	end?: number;
}

/** `[01:02:03]` for 3723 s: the mark paragraphs.ts reads as a time. */
export function timeMark(seconds: number): string {
	const s = Math.max(0, Math.floor(seconds));
	const two = (n: number) => String(n).padStart(2, '0');
	return `[${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}]`;
}

// Fillers a speech-to-text table writes as words; they are no part of what was said.
const FILLER = /^(?:uh|um|er|erm|ah|hmm|mm|mhm|uh-huh)$/i;
// Sound events: kept as a transcriber's note, in brackets, never as a word of speech.
const EVENT = /^<([a-z]+)>$/i;

/**
 * Words → paragraphs: a new paragraph at a pause of 2 s or more after a
 * sentence, or after about 120 words at a sentence's end; each with its start.
 */
export function paragraphsOf(words: readonly Word[]): string[] {
	const out: string[] = [];
	let current: string[] = [];
	let start: number | null = null;
	let last: number | null = null;
	let count = 0;
	const flush = () => {
		if (current.length) out.push(`${start !== null ? `${timeMark(start)} ` : ''}${current.join(' ')}`);
		current = [];
		start = null;
		count = 0;
	};
	for (const w of words) {
		const sentenceEnded = current.length > 0 && /[.?!]["”’)]?$/.test(current[current.length - 1]!);
		const pause = w.start !== null && last !== null && w.start - last >= 2;
		if (sentenceEnded && (pause || count >= 120)) flush();
		if (!current.length) start = w.start;
		current.push(w.text);
		count += w.text.split(' ').length;
		if (w.start !== null) last = w.end ?? w.start;
	}
	flush();
	return out;
}

// ---- Rev .nlp token tables ------------------------------------------------

const NLP_HEADER = /^token\|speaker\|/;
export const detectsNlp = (lines: readonly string[]) => NLP_HEADER.test(lines[0] ?? '');

export function parseNlp(lines: readonly string[]): LayoutResult {
	const columns = lines[0]!.split('|');
	const at = (name: string) => columns.indexOf(name);
	const [tok, spk, ts, punct, prepunct] = [at('token'), at('speaker'), at('ts'), at('punctuation'), at('prepunctuation')];
	const turns: TimedTurn[] = [];
	// The words of the table (fillers aside), as the coverage figure's yardstick.
	const body: string[] = [];
	let words: Word[] = [];
	let id: string | null = null;
	const close = () => {
		if (id !== null && words.length) turns.push({id, paragraphs: paragraphsOf(words)});
		words = [];
	};
	for (let i = 1; i < lines.length; i++) {
		const line = lines[i]!;
		if (!line.trim()) continue;
		const cells = line.split('|');
		const token = cells[tok] ?? '';
		const speaker = cells[spk] ?? '';
		if (speaker !== id) {
			close();
			id = speaker;
		}
		if (FILLER.test(token)) continue;
		if (token) body.push(token);
		const event = EVENT.exec(token);
		const time = ts >= 0 && cells[ts] ? Number(cells[ts]) : null;
		let text = event ? `[${event[1]!.toLowerCase()}]` : token;
		if (prepunct >= 0 && cells[prepunct]) text = `${cells[prepunct]}${text}`;
		if (punct >= 0 && cells[punct]) text += cells[punct];
		if (!text) continue;
		words.push({text, start: Number.isFinite(time) ? time : null});
	}
	close();
	return timedResult(turns, body.join(' '), {});
}

/**
 * Timed turns → the items every layout gives: ids named from the call itself, then turns.
 * `bodyText`: every word of the file as it stands there, so coverage counts what the turns lost.
 */
function timedResult(turns: TimedTurn[], bodyText: string, meta: LayoutResult['meta'], names?: ReadonlyMap<string, Label>): LayoutResult {
	const labels = nameSpeakers(turns, names);
	const items: Item[] = turns.map(t => ({kind: 'turn', label: labels.get(t.id) ?? null, lines: t.paragraphs.flatMap(p => [p, ''])}));
	return {layout: 'timed', items, roster: [], hardWrapped: false, furniture: [], bodyText, meta};
}

// ---- EarningsCall API JSON, Whisper segments JSON --------------------------

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);


const speakerEntries = (v: Json) =>
	Array.isArray(v['speakers']) && v['speakers'].length > 0 && v['speakers'].every(s => isObject(s) && (typeof s['speaker'] === 'string' || typeof s['speaker'] === 'number') && (typeof s['text'] === 'string' || Array.isArray(s['words'])));
const segments = (v: Json) => Array.isArray(v['segments']) && v['segments'].length > 0 && v['segments'].every(s => isObject(s) && typeof s['text'] === 'string' && typeof s['start'] === 'number');
// Level 1: `{"text": "…"}` alone (or with the event); level 2: the two parts as strings.
const oneText = (v: Json) => typeof v['text'] === 'string' && Object.keys(v).every(k => ['text', 'event'].includes(k));
const twoParts = (v: Json) => typeof v['prepared_remarks'] === 'string' && (typeof v['questions_and_answers'] === 'string' || v['questions_and_answers'] === undefined);

export function detectsTimedJson(source: {text: string}): boolean {
	const first = source.text.trimStart()[0];
	if (first !== '{') return false;
	const v = jsonValue(source.text);
	return isObject(v) && (speakerEntries(v) || segments(v) || oneText(v) || twoParts(v));
}

function eventMeta(v: Json): LayoutResult['meta'] {
	const event = isObject(v['event']) ? v['event'] : {};
	const year = typeof event['year'] === 'number' ? event['year'] : null;
	const quarter = typeof event['quarter'] === 'number' && event['quarter'] >= 1 && event['quarter'] <= 4 ? event['quarter'] : null;
	const date = typeof event['conference_date'] === 'string' ? /^\d{4}-\d{2}-\d{2}/.exec(event['conference_date'])?.[0] ?? null : null;
	const meta: LayoutResult['meta'] = {};
	if (year && quarter) meta.quarter = `Q${quarter} ${year}`;
	if (date) meta.date = date;
	for (const [key, field] of [['company', 'company'], ['company_name', 'company'], ['symbol', 'ticker'], ['ticker', 'ticker']] as const) {
		const value = event[key] ?? v[key];
		if (typeof value === 'string' && value.trim()) meta[field] = field === 'ticker' ? value.trim().toUpperCase() : value.trim();
	}
	return meta;
}

/** A name map in the file (`speaker_name_map`, `speaker_names`…): id → name, or id → {name, title}. */
function nameMap(v: Json): Map<string, Label> {
	const map = new Map<string, Label>();
	for (const [key, value] of Object.entries(v)) {
		if (!/speaker.*name|name.*map/i.test(key)) continue;
		const entries = Array.isArray(value) ? value.map(e => (isObject(e) ? [String(e['speaker'] ?? e['id'] ?? ''), e] : ['', null])) : isObject(value) ? Object.entries(value) : [];
		for (const [id, entry] of entries) {
			const name = typeof entry === 'string' ? entry : isObject(entry) && typeof entry['name'] === 'string' ? entry['name'] : null;
			if (!id || !name?.trim()) continue;
			const title = isObject(entry) && typeof entry['title'] === 'string' ? entry['title'] : null;
			map.set(String(id), {name: name.trim(), firm: null, title, role: title && /analyst/i.test(title) ? 'analyst' : null});
		}
	}
	return map;
}

export function parseTimedJson(source: {text: string}): LayoutResult {
	const v = jsonValue(source.text) as Json;
	const meta = eventMeta(v);
	if (speakerEntries(v)) {
		const turns: TimedTurn[] = [];
		const body: string[] = [];
		for (const s of v['speakers'] as Json[]) {
			body.push(Array.isArray(s['words']) ? s['words'].filter(w => typeof w === 'string').join(' ') : String(s['text']));
			const id = String(s['speaker']);
			let paragraphs: string[];
			if (Array.isArray(s['words'])) {
				const times = Array.isArray(s['start_times']) ? s['start_times'] : [];
				const words = (s['words'] as unknown[]).flatMap((w, i) => (typeof w === 'string' && w.trim() ? [{text: w.trim(), start: typeof times[i] === 'number' && Number.isFinite(times[i]) ? (times[i] as number) : null}] : []));
				paragraphs = paragraphsOf(words);
			} else {
				paragraphs = String(s['text']).split(/\n\s*\n|\n/).map(p => p.trim()).filter(Boolean);
				const start = typeof s['start'] === 'number' ? s['start'] : typeof s['start_time'] === 'number' ? s['start_time'] : null;
				if (start !== null && paragraphs[0]) paragraphs[0] = `${timeMark(start)} ${paragraphs[0]}`;
			}
			if (paragraphs.length) turns.push({id, paragraphs});
		}
		return timedResult(turns, body.join('\n'), meta, nameMap(v));
	}
	if (segments(v)) {
		const words = (v['segments'] as Json[]).map(s => ({text: String(s['text']).trim(), start: s['start'] as number, end: typeof s['end'] === 'number' ? s['end'] : undefined})).filter(w => w.text);
		return {...speakerless(paragraphsOf(words)), meta};
	}
	if (twoParts(v)) {
		const prepared = String(v['prepared_remarks']);
		const qa = typeof v['questions_and_answers'] === 'string' ? v['questions_and_answers'] : '';
		return {...speakerless(sentenceParagraphs(prepared), qa ? sentenceParagraphs(qa) : null), meta};
	}
	return {...speakerless(sentenceParagraphs(String(v['text']))), meta};
}

/** Untimed prose (one long string, hard-wrapped lines) → paragraphs of about five sentences. */
export function sentenceParagraphs(text: string): string[] {
	const blocks = text.split(/\n\s*\n/);
	const out: string[] = [];
	for (const block of blocks) {
		const flat = block.replace(/\s+/g, ' ').trim();
		if (!flat) continue;
		const sentences = flat.match(/[^.?!]+(?:[.?!]+["”’)]?|$)\s*/g) ?? [flat];
		for (let i = 0; i < sentences.length; i += 5) out.push(sentences.slice(i, i + 5).join('').trim());
	}
	return out.filter(Boolean);
}

// ---- SRT and WebVTT --------------------------------------------------------

const CUE_TIME = /^(?:(\d{1,2}):)?(\d{2}):(\d{2})[.,](\d{3})\s+-->\s+/;
export const detectsSubtitles = (lines: readonly string[]) => {
	const first = lines.findIndex(l => l.trim());
	if (first < 0) return false;
	if (/^WEBVTT\b/.test(lines[first]!.trim())) return true;
	return /^\d+$/.test(lines[first]!.trim()) && CUE_TIME.test(lines[first + 1]?.trim() ?? '');
};

export function parseSubtitles(lines: readonly string[]): LayoutResult {
	const words: Word[] = [];
	const furniture: string[] = [];
	let start: number | null = null;
	for (const raw of lines) {
		const line = raw.trim();
		const cue = CUE_TIME.exec(line);
		if (cue) {
			start = Number(cue[1] ?? 0) * 3600 + Number(cue[2]) * 60 + Number(cue[3]);
			furniture.push(line);
			continue;
		}
		if (!line || /^\d+$/.test(line) || /^(?:WEBVTT|NOTE\b|STYLE\b|REGION\b)/.test(line)) {
			if (line) furniture.push(line);
			continue;
		}
		// `<v Speaker>` voice tags and styling are markup, not words.
		const text = line.replace(/<[^>]*>/g, '').trim();
		if (text) words.push({text, start});
	}
	return speakerless(paragraphsOf(words), null, furniture);
}
