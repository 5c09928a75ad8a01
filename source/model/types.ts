// The shapes the whole app shares. Pure data: no methods, so a call can be
// exported to JSON as it is.

export type Role = 'executive' | 'analyst' | 'operator' | 'unknown';
/** `summary`: an Event Brief's bullet summary (OVERVIEW, FINANCIAL DATA, PRESENTATION SUMMARY), kept as its own part: it is neither prepared remarks nor Q&A. */
export type Section = 'presentation' | 'qa' | 'summary';
/** `timed`: made from the audio, with speaker ids and times (Rev .nlp, EarningsCall API JSON); `speakerless`: no speaker marked at all (Whisper, a one-string JSON, subtitles). */
export type Layout = 'seeking-alpha' | 'capital-iq' | 'streetevents' | 'inline' | 'name-title' | 'json' | 'earningscall' | 'timed' | 'speakerless';

/** A time mark such as `(16:38)` in the text: data of the paragraph, not prose. */
export interface TimeMark {
	time: string;
	/** Character offset in the paragraph's text where the mark stood. */
	offset: number;
}

export interface Paragraph {
	text: string;
	marks: TimeMark[];
	/** In an Event Brief's outline: how deep the item sits (0 the outermost); absent elsewhere. */
	level?: number;
}

/** A speaker as one call names them; `person` ties spellings across calls. */
export interface Speaker {
	/** The person's id, the same in every call (`elon-musk`). */
	id: string;
	/** The fullest clean spelling this call uses. */
	name: string;
	role: Role;
	firm: string | null;
	title: string | null;
	/** Every label spelling this call used for them. */
	labels: string[];
	/** The name was not in the file's labels but inferred from what was said (an operator's hand-off); absent when it was. */
	inferred?: true;
}

export interface Turn {
	/** Index into the call's `speakers`, or null for an unattributed turn. */
	speaker: number | null;
	section: Section;
	paragraphs: Paragraph[];
	/** For an answer in the Q&A: index of the turn holding the question. */
	answers: number | null;
	/** Q&A exchange (one analyst's questions and their answers), 0-based. */
	exchange: number | null;
	words: number;
}

export interface CallMeta {
	company: string | null;
	ticker: string | null;
	/** Fiscal quarter written as `Q2 2017`. */
	quarter: string | null;
	/** Call date as `YYYY-MM-DD`. */
	date: string | null;
}

export interface ParsedCall {
	layout: Layout;
	meta: CallMeta;
	speakers: Speaker[];
	turns: Turn[];
}

export interface ParseResult {
	call: ParsedCall;
	/** Problems found in the text; parsing still returns what it could. A call with any is flagged. */
	errors: string[];
	/** Words of the file less its furniture, and how many of them are in turns (parse/coverage.ts). */
	coverage: {body: number; kept: number; share: number};
}

export interface Call extends ParsedCall {
	id: string;
	/** File name the call came from. */
	source: string;
	/** Its path as loaded (cleaned, for display). */
	path: string;
	bundled: boolean;
	errors: string[];
	coverage: ParseResult['coverage'];
	/** Counts kept with a call read from the library's index, so that listing calls never loads their turns. */
	figures?: ListFigures;
}

/** What the call list shows of a call, and the turns' word counts (which tell apart two calls that would share an id). */
export interface ListFigures {
	turns: number;
	words: number;
	questions: number;
	analysts: number;
	wordsByTurn: string;
}
