// When an analyst's turn is a question. The rule, applied where Q&A threads
// are built (build.ts), so that every count — questions, unanswered, per
// analyst, answer/question — counts the same set:
//
//   An analyst turn in the Q&A is a question when it asks: it holds a question
//   mark, or a request ("could you talk about", "I wanted to ask", "any color
//   on", "walk us through", "I was wondering"), or a sentence that opens as a
//   question does ("How should we think about…") where the transcriber left the
//   mark out, or "are you…" / "do you…" inside a sentence. Thanks, sign-offs and acknowledgements ("Okay.", "Great, thank
//   you.", "That's helpful.") are not. A follow-up that asks, in the same
//   exchange, is a question of its own.
//
// Measured by hand on the bundled Q1 2012 call: 72 analyst turns, 41 of them
// questions by this rule (test/questions.test.ts lists them).

const REQUEST = new RegExp(
	[
		String.raw`\b(?:could|can|would|will|might)\s+you\b`,
		String.raw`\b(?:i|we)(?:'d|\s+would)?\s+(?:just\s+)?(?:wanted|want|like|was\s+wondering|were\s+wondering|am\s+wondering|'m\s+wondering|wonder|was\s+curious|am\s+curious|'m\s+curious|was\s+hoping|hope)\b\s+(?:to\s+)?(?:ask|know|understand|get|see|follow|check|clarify|hear|if|whether|what|how|why|about|on|for|you)`,
		String.raw`\b(?:any|some|more)\s+(?:color|colour|thoughts?|comments?|commentary|update|details?|sense|insight|clarity|quantification|guidance|help|visibility|perspective)\b`,
		String.raw`\b(?:talk|speak)\s+(?:to|about|a\s+little)\b`,
		String.raw`\bwalk\s+(?:us|me)\s+through\b`,
		String.raw`\bhelp\s+(?:us|me)\s+(?:understand|think)\b`,
		String.raw`\b(?:give|tell|remind|update|show)\s+(?:us|me)\b`,
		String.raw`\b(?:elaborate|expand|comment)\s+on\b`,
		String.raw`\bmy\s+(?:\w+\s+)?question\b`,
		String.raw`\bquestion\s+(?:is|was|on|about|for|regarding|around)\b`,
		String.raw`\bfollow(?:\s|-)?up\s+(?:on|question|to|with)\b`,
		String.raw`\b(?:just\s+)?(?:curious|wondering)\b`,
		String.raw`\bif\s+(?:i|we)\s+(?:could|can|may|might)\b`,
		String.raw`\bclarif(?:y|ication)\b`,
		String.raw`\b(?:going|want|wanted|like|have|had)\s+to\s+ask\b`,
		String.raw`\ba\s+(?:quick\s+|last\s+|final\s+)?follow(?:\s|-)?up\b`,
		String.raw`\bis\s+what\s+i'?m\s+hearing\b|\bam\s+i\s+(?:right|correct|thinking)\b|\bis\s+that\s+(?:right|correct|fair)\b`,
		String.raw`\btrying\s+to\s+(?:reconcile|understand|figure\s+out|get\s+(?:a\s+)?(?:sense|handle))\b`,
		// A question put as one without its mark: "…, are you providing…", "do you expect…".
		String.raw`\b(?:are|do|does|did|is|will|would|have|has|can|could|should)\s+(?:you|you\s+guys|there)\s+(?:\w+)`,
	].join('|'),
	'i',
);

/** A sentence that opens as a question: "How should we think about…", "Is there any…" (ten letters at least after the word). */
const OPENS_AS_QUESTION = /(?:^|[.!]\s+|,\s+(?:and|but|so)\s+)(?:what|how|why|when|where|which|who|is|are|was|were|do|does|did|can|could|would|will|should|has|have|any)\b[^.!]{10,}/i;

/** Whether an analyst's words ask something (the rule above). */
export function asks(text: string): boolean {
	if (text.includes('?')) return true;
	return REQUEST.test(text) || OPENS_AS_QUESTION.test(text);
}
