// People's names: is a line a name, are two spellings one person, which
// spelling to show. Transcripts spell one person many ways (`Elon R. Musk`,
// `Elon Musk`, `Elon Reeve Musk`; `Jeff` / `Jeffrey K. Evanson`), and two people
// can share a first name (`Jeffrey B. Straubel` is not `Jeffrey K. Evanson`).

/** Words that start sentences, answers or places, never a person's label. */
const NOT_A_FIRST_NAME = new Set(
	(
		'the a an and but so yes no yeah thank thanks okay ok our we i it its this that these those good great hi hello ' +
		'well right sure exactly true correct got understood absolutely really totally fine all any as at by for from ' +
		'in of on or to with what when where which who why how there here then now just also not only very question ' +
		'questions answer answers session presentation operator unidentified unknown end call conference participants ' +
		'executives analysts model mr ms mrs dr prepared remarks ladies gentlemen please next first last copyright ' +
		'definitions disclaimer contents revenue eps total net gross page technical inaudible ' +
		'chief vice president senior executive head director managing general corporate investor'
	).split(' '),
);

const PARTICLES = new Set(['de', 'da', 'del', 'della', 'der', 'di', 'du', 'la', 'le', 'van', 'von', 'bin', 'al', 'y', 'dos', 'das', 'ten', 'ter']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'cfa', 'cpa', 'phd']);
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'sir', 'prof']);

// One name token: a capitalised word (O'Connor, McNeill, Jean-Pierre, Sacconaghi)
// or initials with dots (K., A.M., J.B.).
const WORD = /^(?:\p{Lu}[\p{Ll}\p{Lu}'’]*(?:-\p{Lu}?[\p{Ll}'’]+)*|(?:\p{Lu}\.){1,3}|\p{Lu}\.?-\p{Lu}\.)$/u;

/** `Culp, Jr.` → `Culp Jr.`: the comma before a suffix, for the token checks. */
const withoutSuffixComma = (name: string) => name.replace(/,\s*(Jr|Sr|II|III|IV|CFA|CPA|PhD)\.?$/i, ' $1');

export function cleanName(raw: string): string {
	return raw
		.replace(/[’‘`´]/g, "'")
		.replace(/^[\s[(*•·]+|[\s\])*:,;]+$/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Does this text look like a person's name (what a label line holds)? */
export function isNameShaped(text: string): boolean {
	// Cheap rejections first: this runs on every line of every transcript.
	if (text.length > 60) return false;
	// `[Technical Difficulty]`, `(inaudible)`: transcriber's notes, not people.
	if (/^\s*[[(]/.test(text)) return false;
	// `H. Lawrence Culp, Jr.`: a suffix after a comma is part of the name.
	const name = withoutSuffixComma(cleanName(text));
	if (name.length < 3 || name.length > 48) return false;
	const tokens = name.split(' ');
	if (tokens.length < 2 || tokens.length > 5) return false;
	if (NOT_A_FIRST_NAME.has(tokens[0]!.toLowerCase().replace(/[.']/g, '').split('-')[0]!)) return false;
	let words = 0;
	for (let i = 0; i < tokens.length; i++) {
		const token = tokens[i]!;
		const lower = token.toLowerCase().replace(/[.,]/g, '');
		if (i > 0 && PARTICLES.has(token)) continue;
		if (i === tokens.length - 1 && SUFFIXES.has(lower)) continue;
		if (!WORD.test(token)) return false;
		if (!token.includes('.')) words++;
	}
	// A surname at least: `A.M. Sacconaghi` is a name, `J. K.` is not.
	const last = tokens[tokens.length - 1]!;
	return words >= 1 && (!last.endsWith('.') || SUFFIXES.has(last.toLowerCase().replace(/\./g, '')));
}

export interface NameParts {
	first: string;
	middles: string[];
	last: string;
	/** All tokens, cleaned, in order; used to choose the fullest form. */
	tokens: string[];
	/** Folded (lower case, no accents) forms, for comparing. */
	key: {first: string; middle: string; last: string};
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9-]/g, '');

// Spellings recur hundreds of times per call, and across calls; parse each once
// (a library of 10,000 calls has ~40,000 spellings: a cap of 5,000 made the cache
// start again over and over, measured).
const partsCache = new Map<string, NameParts>();
const PARTS_KEPT = 60_000;

export function nameParts(raw: string): NameParts {
	let parts = partsCache.get(raw);
	if (!parts) {
		if (partsCache.size > PARTS_KEPT) partsCache.clear();
		parts = computeNameParts(raw);
		partsCache.set(raw, parts);
	}
	return parts;
}

function computeNameParts(raw: string): NameParts {
	let tokens = withoutSuffixComma(cleanName(raw))
		.split(' ')
		.filter(t => t && !HONORIFICS.has(fold(t)));
	while (tokens.length > 1 && SUFFIXES.has(fold(tokens[tokens.length - 1]!))) tokens = tokens.slice(0, -1);
	// `A.M. Sacconaghi`: glued initials are a first and a middle initial.
	const expanded: string[] = [];
	for (const t of tokens) {
		const initials = /^(?:\p{Lu}\.){2,3}$/u.test(t) ? t.match(/\p{Lu}\./gu)! : [t];
		expanded.push(...initials);
	}
	// Surname particles belong to the surname (`van der Berg`).
	let lastStart = expanded.length - 1;
	while (lastStart > 1 && PARTICLES.has(expanded[lastStart - 1]!)) lastStart--;
	const first = expanded[0] ?? '';
	const middles = expanded.slice(1, Math.max(1, lastStart));
	const last = expanded.slice(Math.max(1, lastStart)).join(' ') || first;
	return {first, middles, last, tokens, key: {first: fold(first), middle: fold(middles[0] ?? '').slice(0, 1), last: fold(last)}};
}

// Nicknames that are not prefixes of the formal name.
const NICKNAMES: Record<string, string> = {
	bob: 'robert', rob: 'robert', bobby: 'robert', bill: 'william', will: 'william', billy: 'william',
	mike: 'michael', mick: 'michael', jim: 'james', jimmy: 'james', joe: 'joseph', tony: 'anthony',
	toni: 'antonio', dick: 'richard', rick: 'richard', ted: 'edward', ned: 'edward', ed: 'edward',
	peggy: 'margaret', meg: 'margaret', liz: 'elizabeth', beth: 'elizabeth', betsy: 'elizabeth',
	kate: 'katherine', katie: 'katherine', jack: 'john', hank: 'henry', chuck: 'charles', charlie: 'charles',
	sandy: 'alexander', sasha: 'alexander', andy: 'andrew', drew: 'andrew', matt: 'matthew', steve: 'stephen',
	jon: 'jonathan', jeff: 'jeffrey', geoff: 'geoffrey', greg: 'gregory', ben: 'benjamin', dan: 'daniel',
	dave: 'david', al: 'albert', pat: 'patrick', sam: 'samuel', tom: 'thomas', tim: 'timothy', nick: 'nicholas',
	chris: 'christopher', rod: 'rodney', ken: 'kenneth', larry: 'lawrence', gerry: 'gerard', jerry: 'gerald',
	// Seen splitting people across real calls.
	kash: 'kasthuri', katy: 'katherine', kathy: 'katherine', kathryn: 'katherine', catherine: 'katherine', raji: 'rajvindra',
	betsey: 'elizabeth', alex: 'alexander', aleksandr: 'alexander', aleksander: 'alexander',
	rich: 'richard', jen: 'jennifer', jenny: 'jennifer', vinny: 'vincent', vince: 'vincent',
};

const canonicalFirst = (first: string) => NICKNAMES[first] ?? first;

function firstNamesAgree(x: string, y: string): boolean {
	if (!x || !y) return false;
	if (x === y) return true;
	// An initial agrees with any name it starts (`A.` and `Alexander`).
	if (x.length === 1 || y.length === 1) return x[0] === y[0];
	if (canonicalFirst(x) === canonicalFirst(y)) return true;
	// `Jeff`/`Jeffrey`, `Chris`/`Christopher`: a short form of three letters or more.
	const [short, long] = x.length < y.length ? [x, y] : [y, x];
	if (short.length >= 3 && long.startsWith(short)) return true;
	// `Jen-Hsun` / `Jensen`: the first part of a hyphenated name starts the other.
	const part = (n: string) => (n.includes('-') ? n.slice(0, n.indexOf('-')) : null);
	const px = part(x);
	const py = part(y);
	return (px !== null && px.length >= 3 && y.startsWith(px)) || (py !== null && py.length >= 3 && x.startsWith(py));
}

/**
 * Could these two spellings name one person? Surnames must match; first names
 * must agree (equal, a nickname, a short form or an initial); middle names, where
 * both give one, must start with the same letter (`Jeffrey K.` ≠ `Jeffrey B.`).
 */
export function samePerson(a: string, b: string): boolean {
	const p = nameParts(a).key;
	const q = nameParts(b).key;
	if (p.last !== q.last || !p.last) return false;
	const single = (k: typeof p) => k.first === k.last;
	if (single(p) || single(q)) return single(p) && single(q);
	if (!firstNamesAgree(p.first, q.first)) return false;
	return !p.middle || !q.middle || p.middle === q.middle;
}

/** How full a spelling is: more names, then more written out, then longer. */
function fullness(name: string): number[] {
	const {tokens} = nameParts(name);
	const written = tokens.filter(t => !t.endsWith('.')).length;
	return [tokens.length, written, name.length];
}

/** The fullest clean spelling among several of one person. */
export function fullestName(names: readonly string[]): string {
	let best = cleanName(names[0] ?? '');
	for (const raw of names.slice(1)) {
		const name = cleanName(raw);
		const [a, b] = [fullness(name), fullness(best)];
		for (let i = 0; i < a.length; i++) {
			if (a[i]! !== b[i]!) {
				if (a[i]! > b[i]!) best = name;
				break;
			}
		}
	}
	return best;
}

export function slug(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/['’]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/** Stable id for a person: first and last name (`elon-musk`, `jeffrey-evanson`). */
export function personSlug(name: string): string {
	const {first, last, tokens} = nameParts(name);
	return slug(tokens.length > 1 ? `${first} ${last}` : first) || 'unknown';
}

/**
 * Group spellings into people. Fullest spellings go first so each group is
 * anchored by its most specific form, and a spelling joins a group only if it
 * agrees with every member — so `Jeff Evanson` cannot bridge `Jeffrey K.` and a
 * hypothetical `Jeffrey B. Evanson` into one person.
 */
/**
 * One call's two spellings of one person, a letter dropped from the first name (`Chis Hallam` /
 * `Chris Hallam` in UBS's transcript). Only within a call: across calls, `Dana` and `Diana` of one
 * surname may well be two people.
 */
function misspeltInCall(a: string, b: string): boolean {
	const p = nameParts(a).key;
	const q = nameParts(b).key;
	if (!p.last || p.last !== q.last || p.first === p.last || q.first === q.last) return false;
	const [short, long] = p.first.length < q.first.length ? [p.first, q.first] : [q.first, p.first];
	if (short.length < 4 || long.length !== short.length + 1) return false;
	for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
	return false;
}

export function clusterNames(names: readonly string[]): string[][] {
	const unique = [...new Set(names.map(cleanName))];
	unique.sort((a, b) => {
		const [x, y] = [fullness(a), fullness(b)];
		for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i]! - x[i]!;
		return a < b ? -1 : 1;
	});
	const groups: string[][] = [];
	for (const name of unique) {
		const group = groups.find(g => g.every(member => samePerson(member, name) || misspeltInCall(member, name)));
		if (group) group.push(name);
		else groups.push([name]);
	}
	return groups;
}
