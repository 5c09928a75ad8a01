// The project's own word lists for hedging, non-answers, forward-looking talk
// and tone. Written for spoken earnings calls, not taken from a published
// lexicon (the Loughran–McDonald lists need a commercial licence to
// redistribute). Each entry says why it is there; matching is on whole words,
// case-insensitive, with curly apostrophes made straight (text-match.ts).

// Determiners before "kind of"/"sort of" make them nouns ("what kind of margin",
// "that sort of thing"), not hedges.
const NOUN_USE = ['what', 'which', 'this', 'that', 'these', 'those', 'the', 'a', 'any', 'some', 'every', 'each', 'same', 'one', 'no', 'different', 'other', 'right', 'first', 'new'];

/** Hedges: words a speaker uses to soften a claim or keep room to be wrong. */
export const HEDGES = [
	'i think', // the commonest softener in spoken answers; "I know" would be the committed form
	'i believe', // as above, a little more formal
	'i guess', // explicit uncertainty
	'i suspect', // a guess labelled as such
	'we think', // the firm's softener, as frequent as "I think" in prepared remarks
	'we believe', // the same; the favourite of forward-looking statements
	'maybe', // open possibility
	'perhaps', // open possibility
	'probably', // a likelihood, not a commitment
	'possibly', // a likelihood, not a commitment
	'likely', // "we'll likely see": a likelihood, not a commitment
	'hopefully', // a wish in place of a plan
	'might', // modal of possibility ("may" is left out: it is also the month)
	'could be', // possibility ("could" alone is often past ability: "we could not")
	{text: 'sort of', notAfter: NOUN_USE}, // filler that blurs the next word
	{text: 'kind of', notAfter: NOUN_USE}, // the same
	'roughly', // an approximate figure
	'approximately', // an approximate figure
	'somewhat', // a degree left vague
	'fairly', // a degree left vague
	'more or less', // an approximate claim
	'to some extent', // a claim limited without saying how
	'it seems', // an impression, not a fact
	'not sure', // stated uncertainty
	"we'll see", // the outcome left open
	'hard to say', // stated uncertainty
	'in theory', // true on paper only
];

/** Refusals and deferrals: a question met without an answer. */
export const NON_ANSWERS = [
	"we don't disclose", // a refusal on policy
	'we do not disclose', // the same, written out
	"we don't break out", // refusing a split of a figure
	"we don't comment", // a refusal on policy
	'not going to comment', // a refusal
	"won't comment", // a refusal
	"can't comment", // a refusal
	'no comment', // a refusal
	'not going to get into', // declining the detail
	"don't want to get into", // declining the detail
	"we're not going to provide", // declining guidance
	'not going to provide', // declining guidance
	"don't provide guidance", // declining guidance
	"we don't guide", // declining guidance
	"not giving guidance", // declining guidance
	'not in a position to', // declining for now
	'not prepared to', // declining for now
	'too early to tell', // deferral
	'too early to say', // deferral
	'premature to', // deferral
	'put a pin in', // deferral (the idiom)
	'put a pin on', // deferral (as said on these calls)
	'talk about that when we get there', // deferral
	'when we get there', // deferral, shorter form
	"we'll talk about that", // deferral to a later call
	'next call', // "on the next call": deferral to a later call
	'take that offline', // deferral outside the call
	'stay tuned', // deferral with a promise
	"i'd rather not", // a refusal
	"can't really say", // a refusal
	"i can't say", // a refusal
	"we're not going to say", // a refusal
	'not going to talk about', // declining the subject
	"don't want to talk about", // declining the subject
	"don't want to say", // declining the detail
	"don't want to release", // withholding a detail
	"don't want to disclose", // withholding a detail
	'when we get to that', // deferral ("we'll talk about that when we get to that time")
];

/** Cues that a sentence is about the future. Years after the call's own are cues too (metrics-language.ts). */
export const FORWARD = [
	'will', // the future tense
	"we'll", // contracted future ("we'll", "it'll", "they'll")
	"it'll",
	"they'll",
	"you'll",
	"i'll",
	"that'll",
	'going to', // spoken future
	'expect', // the verbs of guidance
	'expects',
	'expected',
	'expecting',
	'expectation',
	'expectations',
	'anticipate',
	'anticipates',
	'anticipated',
	'plan', // intentions
	'plans',
	'planning',
	'intend',
	'intends',
	'target', // stated goals
	'targets',
	'targeting',
	'aim',
	'aiming',
	'forecast',
	'assume', // the premises of an outlook ("guidance assumes a 21% tax rate")
	'assumes',
	'assuming',
	'factoring in',
	'outlook', // the guidance section's own words
	'guidance',
	'next year', // time ahead
	'next quarter',
	'next month',
	'next week',
	'later this year',
	'by the end of', // a deadline ahead
	'going forward',
	'in the future',
	'upcoming',
	'soon',
];

/** Words of good news. A negator just before turns one into bad news (metrics-language.ts). */
export const POSITIVE = [
	'good', 'great', 'excellent', 'strong', 'stronger', 'strongest', 'solid', 'robust', 'healthy',
	'growth', 'grow', 'grew', 'growing', 'record', 'records',
	'improve', 'improved', 'improvement', 'improvements', 'improving',
	'progress', 'success', 'successful', 'successfully', 'profitable', 'profitability',
	'gain', 'gains', 'benefit', 'benefits', 'efficient', 'efficiency',
	'confident', 'confidence', 'pleased', 'happy', 'excited', 'exciting', 'proud',
	'positive', 'exceed', 'exceeded', 'exceeding', 'ahead', 'better', 'best',
	'opportunity', 'opportunities', 'achieve', 'achieved', 'win', 'winning',
	'momentum', 'tremendous', 'incredible', 'amazing', 'love', 'favorable', 'upside',
];

/** Words of bad news. */
export const NEGATIVE = [
	'bad', 'worse', 'worst', 'weak', 'weaker', 'weakness', 'poor',
	'loss', 'losses', 'lose', 'losing', 'lost', 'decline', 'declined', 'declining', 'decrease', 'decreased',
	'difficult', 'difficulty', 'difficulties', 'hard', 'tough', 'challenge', 'challenges', 'challenging',
	'problem', 'problems', 'issue', 'issues', 'risk', 'risks', 'risky',
	'delay', 'delays', 'delayed', 'concern', 'concerns', 'concerned', 'worried', 'worry',
	'disappointing', 'disappointed', 'fail', 'failed', 'failure', 'negative',
	'shortage', 'shortfall', 'behind', 'slow', 'slower', 'slowdown', 'miss', 'missed',
	'unfortunately', 'headwind', 'headwinds', 'bottleneck', 'bottlenecks', 'constraint', 'constrained',
	'recall', 'pain', 'painful', 'struggle', 'struggling', 'hell', 'crisis', 'damage', 'impairment', 'unable',
	'expensive', 'costly',
];

/** Negators: within three words before a positive word, they make it negative ("not good", "never profitable"). */
export const NEGATORS = new Set(['not', 'no', 'never', 'nor', "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "won't", "can't", "couldn't", "haven't", "hasn't", 'without']);

/**
 * Stop-words for terms that stand out: English function words, the filler of
 * spoken calls ("yeah", "think", "going") that would top every call's list, and
 * the transcriber's marks ([Inaudible], [indiscernible], [Operator Instructions]).
 */
export const STOP_WORDS = new Set(
	`a about above after again against all also am an and any are aren't as at be because been before being below
between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each few
for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him
himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my
myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd
she'll she's should shouldn't so some such than that that's the their theirs them themselves then there there's
these they they'd they'll they're they've this those through to too under until up very was wasn't we we'd
we'll we're we've were weren't what what's when when's where where's which while who who's whom why why's with
won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
yeah yes okay ok oh um uh well just like really actually think know going get got go goes gonna want wanted
say said says saying thing things lot lots sort kind mean means way ways right sure thank thanks question
questions call good great little bit much many also still even now next time one two three first second
make made making see seen look looking take taking come coming able need needs also maybe probably obviously
basically certainly definitely pretty quite terms point years year quarter quarters will can may might must
shall us let per something anything everything lot
inaudible indiscernible crosstalk unintelligible operator instructions`.split(/\s+/),
);
