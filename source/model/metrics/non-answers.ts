// Non-answers: an executive's reply that declines or is unable to answer —
// refuses to disclose, does not know or have the figure, or defers it to
// after the call (the three kinds of Gow, Larcker & Zakolyukina, 2021). The
// rules are the project's own, written as the constructions of spoken English
// that carry each kind, not as a list of one set's sentences, and measured in
// `npm run bench` against the researchers' labelled responses
// (../shared/labels/non-answers/). Each hit keeps the words that made it one,
// so the reader can show why an answer was flagged.

/** Words that may stand between the subject and the verb of a refusal: "we typically don't", "I really can't". */
const ADVERB = String.raw`(?:(?:just|really|actually|typically|generally|usually|normally|obviously|simply|honestly|frankly|certainly|specifically|necessarily|currently|ever|yet|quite|still|even)\s+)*`;
/** What is refused: to disclose, break out, comment, guide, go into… */
const DISCLOSE = String.raw`(?:disclos\w*|break(?:ing)?\s+(?:\w+\s+){0,2}?(?:out|down)|broken\s+(?:\w+\s+){0,2}?(?:out|down)|split\w*\s+(?:\w+\s+)?out|comment\w*|provid\w*|giv\w*|guid\w*|talk\w*\s+about|discuss\w*|go(?:ing)?\s+into|get(?:ting)?\s+into|gotten\s+into|got\s+into|speak\w*\s+(?:specifically|to|about)|shar\w*|speculat\w*|quantif\w*|answer\w*|publish\w*|report\w*\s+(?:\w+\s+)?separately|be\s+(?:more\s+|any\s+more\s+)?(?:specific|granular|precise)|get\s+(?:any\s+)?more\s+(?:specific|granular)|put\s+(?:a|any)\s+(?:number|figure)|mention\w*|elaborate|detail)`;
/** What one lacks when unable to answer: the number, the breakdown, the data… */
const FIGURE = String.raw`(?:numbers?|figures?|data|details?|(?:clear\s+)?idea|clue|clarity|(?:good\s+)?feel|breakdown|breakout|break-out|information|info|estimates?|split|answer|specifics|quantification|visibility|precise|exact|specific|detailed|that\s+(?:number|figure|data|detail|information|breakdown)|it\s+(?:broken|split|with\s+me|here|handy)|that\s+(?:broken|split|with\s+me|here|handy|in\s+front))`;

/** What is refused in the present or future ("we don't talk about", "I won't go into"). */
const REFUSE_NOW = String.raw`(?:do\s+not|don't|never|won't|will\s+not|wouldn't|would\s+not|can't|cannot|can\s+not|couldn't|could\s+not)`;
/** What was not given before ("we haven't disclosed", "we didn't break it out"): only the verbs of disclosure, not of talk. */
const DISCLOSED = String.raw`(?:disclosed|broken\s+(?:\w+\s+){0,2}?(?:out|down)|split\s+(?:\w+\s+)?out|given\s+(?:any\s+|a\s+|the\s+)?(?:guidance|specifics|details?|numbers?|figures?|breakdown|split|color)|provided\s+(?:any\s+|a\s+|the\s+)?(?:guidance|specifics|details?|numbers?|figures?|breakdown|split)|quantified|published|guided|gotten\s+into|got\s+into|gone\s+into|disclose|break\s+(?:\w+\s+){0,2}?(?:out|down)|give\s+(?:any\s+)?(?:guidance|specifics|numbers)|provide\s+(?:any\s+)?(?:guidance|specifics|numbers))`;

/** Strong cues flag an answer on their own; weak ones (hard to say, not sure) only in a short answer or at its start. */
const RULES: {kind: 'refuse' | 'unable' | 'after'; strong: boolean; pattern: string}[] = [
	// "we don't disclose", "we typically don't break that out", "I can't comment", "we won't be more specific"
	{kind: 'refuse', strong: true, pattern: String.raw`\b(?:we|i|company|management)\s+${ADVERB}${REFUSE_NOW}\s+${ADVERB}(?:want\s+to\s+|wish\s+to\s+|like\s+to\s+|intend\s+to\s+|plan\s+to\s+|care\s+to\s+|able\s+to\s+|allowed\s+to\s+)?${DISCLOSE}`},
	// "we haven't disclosed", "we didn't give guidance", "we have not broken it out"
	{kind: 'refuse', strong: true, pattern: String.raw`\b(?:we|i)\s+${ADVERB}(?:haven't|have\s+not|hadn't|had\s+not|didn't|did\s+not)\s+${ADVERB}${DISCLOSED}\b`},
	// "not going to comment", "not in a position to say", "not prepared to give", "not comfortable going into"
	{kind: 'refuse', strong: true, pattern: String.raw`\bnot\s+(?:going|gonna|prepared|willing|ready|able|comfortable|in\s+a\s+position|at\s+liberty|allowed|permitted)\s+(?:to\s+)?(?:\w+\s+)?${DISCLOSE}`},
	// "we're not disclosing targets", "I'm not giving out", "we are not breaking out"
	{kind: 'refuse', strong: true, pattern: String.raw`\b(?:we're|we\s+are|i'm|i\s+am)\s+${ADVERB}not\s+${ADVERB}(?:disclosing|breaking\s+(?:\w+\s+)?(?:out|down)|giving\s+(?:out\s+)?(?:any\s+)?(?:guidance|specifics|details?|numbers?|figures?|targets?|specific|this|that|it)|providing\s+(?:any\s+)?(?:guidance|specifics|details?|numbers?|figures?)|discussing\s+(?:the\s+)?(?:details|specifics)|commenting|sharing|guiding|speculating|going\s+to\s+(?:disclose|comment|speculate|break|give|provide|share|get\s+into|go\s+into)|(?:looking|planning|intending|prepared|willing)\s+to\s+(?:provide|give|disclose|comment|break|share|update))\b`},
	// "I don't think we're prepared to make that forecast", "I don't think I can comment", "I don't think we've ever broken that out"
	{kind: 'refuse', strong: true, pattern: String.raw`\b(?:don't|do\s+not)\s+think\s+(?:that\s+)?(?:i|we)(?:'re|\s+are|'d|\s+would|\s+can|'ll|\s+will)?\s+(?:be\s+)?(?:prepared|able|in\s+a\s+position|going|ready)\s+to\b|\b(?:don't|do\s+not)\s+think\s+(?:that\s+)?(?:i|we)\s+(?:can|could|should|would|will)\s+(?:comment|disclose|say|give|share|speculate)\b|\b(?:don't|do\s+not)\s+think\s+(?:that\s+)?we(?:'ve|\s+have)\s+ever\s+(?:broken|disclosed|given|provided|published)\b|\b(?:we've|we\s+have|i've|i\s+have)\s+never\s+(?:evaluated|quantified|disclosed|broken|given|provided|published)\b`},
	// "I'd rather not", "we prefer not to", "I would stop short of", "refrain from", "I'd hesitate to"
	{kind: 'refuse', strong: true, pattern: String.raw`\b(?:i'd|i\s+would|we'd|we\s+would|i|we)\s+(?:rather|prefer(?:red)?)\s+${ADVERB}(?:not|to\s+not|give\s+no|say\s+nothing)\b|\b(?:that's|that\s+is)\s+(?:about\s+)?all\s+(?:i|we)\s+(?:can|could|will|would|want\s+to)\s+(?:say|tell|share)\b|\buncomfortable\s+(?:\w+\s+){0,4}?(?:discussing|disclosing|giving|providing|commenting|talking|sharing|going\s+into|getting\s+into)\b|\bstop\s+short\s+of\b|\brefrain\s+from\b|\bhesitate\s+to\s+(?:say|speculate|guess|give|put|comment|predict)\b|\bno\s+comment\b`},
	// "not something I'm going to say", "not something we disclose"
	{kind: 'refuse', strong: true, pattern: String.raw`\bnot\s+something\s+(?:that\s+)?(?:i|we)(?:'m|'re|\s+am|\s+are|\s+would|\s+want|\s+wish|\s+care)?\s+(?:going\s+to\s+|want\s+to\s+|like\s+to\s+)?(?:disclose|comment|share|break|give|provide|say\s+on|talk\s+about\s+(?:on|publicly))\w*`},
	// "not at a point where we want to disclose", "that's about as far as I want to go", "not going on record", "we shouldn't be talking about"
	{kind: 'refuse', strong: true, pattern: String.raw`\bnot\s+at\s+(?:a|the)\s+(?:point|stage)\s+(?:that|where)\s+(?:we|i)\s+(?:want\s+to|can|could|would|are\s+(?:ready|able)\s+to)\b|\b(?:as\s+far\s+as|all)\s+(?:i|we)\s+(?:want|can|could|would\s+like|care)\s+to\s+(?:go|say)\b|\bnot\s+going\s+on\s+(?:the\s+)?record\b|\bshouldn't\s+be\s+(?:talking|commenting|giving|discussing|speculating)\b|\b(?:cannot|can't)\s+say\s+(?:anything|much|more)\b`},
	// "for reasons of confidentiality", "competitively sensitive", "are not disclosed"
	{kind: 'refuse', strong: true, pattern: String.raw`\b(?:reasons?\s+of\s+confidentiality|confidentiality\s+reasons|for\s+competitive\s+reasons|competitively\s+sensitive|commercially\s+sensitive|(?:is|are)\s+not\s+disclosed|(?:is|are)\s+confidential)\b`},
	// "I don't want to get into", "don't want to swag that"
	{kind: 'refuse', strong: true, pattern: String.raw`\b(?:don't|do\s+not)\s+want\s+to\s+(?:\w+\s+)?(?:get\s+into|go\s+into|give|speculate|comment|be\s+(?:specific|pinned)|disclose|share|swag|guess|predict|forecast|put\s+(?:a|any|out)|get\s+(?:specific|ahead))\b`},
	// "I don't have that number", "we don't have the breakdown here", "I haven't got that"
	{kind: 'unable', strong: true, pattern: String.raw`\b(?:i|we)\s+${ADVERB}(?:don't|do\s+not|didn't|did\s+not)\s+${ADVERB}(?:have|got)\s+(?:\w+\s+){0,3}?${FIGURE}\b|\b(?:i|we)\s+(?:haven't|have\s+not)\s+got\s+(?:\w+\s+){0,3}?${FIGURE}\b`},
	// "we haven't quantified that", "we have not looked at that"
	{kind: 'unable', strong: true, pattern: String.raw`\b(?:i|we)\s+${ADVERB}(?:haven't|have\s+not|hadn't|had\s+not)\s+${ADVERB}(?:quantified|calculated|analy[sz]ed|pinned\s+(?:it|that|this)?\s*down|figured\s+(?:it|that|this)\s+out|worked\s+(?:it|that|this)\s+out|estimated|done\s+(?:the|that)\s+(?:math|analysis|work))\b`},
	// "off the top of my head", "at my fingertips", "in front of me", "no idea"
	{kind: 'unable', strong: true, pattern: String.raw`\b(?:off\s+the\s+top\s+of\s+my\s+head|on\s+top\s+of\s+my\s+head|at\s+my\s+fingertips|(?:right\s+)?in\s+front\s+of\s+me|no\s+idea|not\s+on\s+the\s+table)\b`},
	// "I can't give you the exact number", "we can't say", "I simply can't"; not "I can't say that I expect…" (a softener)
	{kind: 'unable', strong: true, pattern: String.raw`\b(?:i|we)\s+${ADVERB}(?:can't|cannot|can\s+not|couldn't|could\s+not)\s+${ADVERB}(?:tell\s+you(?!\s+how\b)|give\s+you\s+(?:a|an|the|that|any)|guide|answer|quantify|think\s+of|confirm)\b|\b(?:i|we)\s+${ADVERB}(?:can't|cannot)\s+say(?!\s+(?:that|enough|how\s+(?:much|pleased|proud)))\b|\b(?:i|we)\s+(?:simply|really|just)\s+(?:can't|cannot)\b|\breally\s+can't\b|\bcan't\s+(?:right\s+)?at\s+this\s+time\b`},
	// "I don't recall", "I don't remember"
	{kind: 'unable', strong: true, pattern: String.raw`\b(?:i|we)\s+${ADVERB}(?:don't|do\s+not)\s+${ADVERB}(?:recall|remember)\b`},
	// "I don't know", "we don't know yet", "Don't know, give me a moment"; not "I don't know if you saw…" (a turn of phrase).
	// Strong: in the labelled set, 47 of 59 answers holding it are non-answers.
	{kind: 'unable', strong: true, pattern: String.raw`(?:\b(?:i|we)\s+${ADVERB}(?:don't|do\s+not)\s+${ADVERB}|(?:^|[.!?]\s+)don't\s+)know\b(?!\s+(?:if|whether|how|what|that)\s+you\b)|\byou\s+never\s+know\b|\b(?:we|i)\s+(?:typically|usually|generally|normally)\s+don't\b(?=\s*[.,;-])`},
	// "we haven't looked into that", "we have not said when"
	{kind: 'unable', strong: false, pattern: String.raw`\b(?:i|we)\s+${ADVERB}(?:haven't|have\s+not)\s+${ADVERB}(?:looked\s+(?:at|into)|said\s+(?:when|how|what|whether)|settled\s+on|finalized|decided)\b`},
	// "I'm not sure", "we are not aware"; not "I'm not sure I understand" (a request to clarify)
	{kind: 'unable', strong: false, pattern: String.raw`\b(?:i'm|i\s+am|we're|we\s+are)\s+${ADVERB}not\s+(?:sure|aware|certain)\b(?!\s+(?:i|we)\s+(?:understand|follow|got|heard))|\bcrystal\s+ball\b|\bcautious\s+(?:on|about|in)\s+(?:predicting|giving|providing|forecasting|projecting)\b`},
	// "it's hard to say", "difficult for me to predict", "too early to tell", "impossible to project"
	{kind: 'unable', strong: false, pattern: String.raw`\b(?:hard|difficult|tough|impossible|too\s+early|(?:a\s+)?(?:little\s+)?(?:bit\s+)?early|premature|early\s+days)\s+(?:for\s+(?:me|us)\s+)?to\s+(?:\w+\s+)?(?:say|tell|predict|project|speculate|quantify|answer|estimate|know|give|comment|judge|forecast|put|call|determine|pick|pin)\b`},
	// "we'll get back to you", "come back to you on that", "discuss it offline", "follow up after the call", "on the next call"
	{kind: 'after', strong: true, pattern: String.raw`\b(?:get|come|circle|revert)\s+back\s+(?:to\s+(?:you|him|her|them)|on\s+(?:that|this|it))\b|\bfollow(?:\s|-)?up\s+(?:with\s+(?:you|him|her|them)\s+)?(?:after|offline|off-line|later|separately)\b|\b(?:take|discuss|talk\s+about|handle|cover|deal\s+with|go\s+through|dealt\s+with|discussed|taken)\s+(?:\w+\s+){0,4}?(?:offline|off-line|off\s+line)\b|\b(?:offline|off-line)\b(?!\s+(?:channels?|retail\w*|sales|stores?|business\w*|world|media|advertising|marketing|shopping|customers?|players?|market))|\b(?:discuss|talk|follow\s+up|get\s+together|reach\s+out|call\s+you|connect|take\s+(?:it|that|this))\w*\s+(?:\w+\s+){0,4}?after\s+(?:the|this)\s+call\b|\b(?:on|in|at|for)\s+(?:the|our)\s+(?:next|future|upcoming)\s+(?:conference\s+|earnings\s+)?call\b|\bin\s+due\s+course\b|\bat\s+a\s+later\s+(?:date|time|stage|point)\b|\blook\s+(?:that|it)\s+up\b|\btalk\s+about\s+that\s+when\s+we\b|\b(?:we'll|we\s+will|i'll|i\s+will)\s+let\s+you\s+know\b(?=\s*(?:[.,;]|when|once|as\s+soon|at\s+the|in\s+due))|\b(?:we'll|we\s+will|i'll|i\s+will)\s+be\s+back\s+(?:to\s+you\s+)?on\s+(?:this|that|it)\b`},
];

const COMPILED = RULES.map(r => ({kind: r.kind, strong: r.strong, re: new RegExp(r.pattern, 'gi')}));
/**
 * Any rule at all, in one pattern: a paragraph it finds nothing in is one no
 * rule finds anything in, and most paragraphs are (the rules one by one were
 * a third of every metric's time).
 */
const ANY_RULE = new RegExp(RULES.map(r => `(?:${r.pattern})`).join('|'), 'i');

export interface NonAnswerCue {
	start: number;
	end: number;
	/** The words that made it one, as said ("we don't break that out"). */
	what: string;
	kind: 'refuse' | 'unable' | 'after' | 'list';
	/** A strong cue makes a non-answer on its own; a weak one only in a short answer or its first sentences (see isNonAnswer). */
	strong: boolean;
}

/** Extra phrases (a user's word list): matched as whole words, any case. */
export function phrasePattern(phrases: readonly string[]): RegExp | null {
	const words = phrases.map(p => p.trim().toLowerCase()).filter(Boolean);
	if (!words.length) return null;
	const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
	return new RegExp(`\\b(?:${words.map(escape).join('|')})\\b`, 'gi');
}

/** The non-answer cues in one paragraph of an answer, in text order, none overlapping; `extra`: a user's phrases. */
export function nonAnswerCues(text: string, extra: RegExp | null = null, rules = true): NonAnswerCue[] {
	// Curly apostrophes made straight, the length unchanged: offsets stay the text's.
	const plain = text.replace(/[\u2019\u2018]/g, "'");
	const found: NonAnswerCue[] = [];
	const run = (re: RegExp, kind: NonAnswerCue['kind'], strong: boolean) => {
		re.lastIndex = 0;
		for (let m = re.exec(plain); m; m = re.exec(plain)) {
			if (m[0].length === 0) {
				re.lastIndex++;
				continue;
			}
			found.push({start: m.index, end: m.index + m[0].length, what: text.slice(m.index, m.index + m[0].length).replace(/\s+/g, ' ').toLowerCase(), kind, strong});
		}
	};
	if (rules && ANY_RULE.test(plain)) for (const r of COMPILED) run(r.re, r.kind, r.strong);
	if (extra) run(extra, 'list', true);
	found.sort((a, b) => a.start - b.start || b.end - a.end);
	const out: NonAnswerCue[] = [];
	for (const f of found) if (!out.length || f.start >= out[out.length - 1]!.end) out.push(f);
	return out;
}

/** Words into an answer within which a weak cue still makes it a non-answer ("Hard to say. …" opens one; "…, though it's hard to say exactly" in a long answer does not). */
export const WEAK_WITHIN = 30;
/** An answer this short with a weak cue anywhere is a non-answer. */
export const SHORT_ANSWER = 60;

/**
 * Whether an answer's cues make it a non-answer: a strong cue (a refusal, a
 * figure not at hand, a deferral) anywhere; a weak one (hard to say, not
 * sure, I don't know) in a short answer, at its start, or twice.
 * `wordsBefore(cue)`: the words of the answer before the cue.
 */
export function isNonAnswer(cues: readonly NonAnswerCue[], words: number, wordsBefore: (cue: NonAnswerCue) => number): boolean {
	if (cues.some(c => c.strong)) return true;
	if (cues.length === 0) return false;
	return words <= SHORT_ANSWER || cues.length >= 2 || cues.some(c => wordsBefore(c) <= WEAK_WITHIN);
}
