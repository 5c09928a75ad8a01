// Word lists of one's own: files in the settings folder (lexicon/hedges.txt,
// non-answers.txt, positive.txt, negative.txt, guidance.txt), one phrase a
// line, `#` comments, that extend the shipped lists — or replace them, with a
// line `# replace`. A user with a licensed list (Loughran–McDonald, say) can
// use it this way; the shipped lists stay the project's own. A malformed line
// is left out and reported with its line number, never a crash.

export const LISTS = ['hedges', 'non-answers', 'positive', 'negative', 'guidance'] as const;
export type ListName = (typeof LISTS)[number];

export interface UserList {
	phrases: string[];
	replace: boolean;
	/** Where it came from (for `metrics --lexicon`). */
	path: string;
}

export type UserLexicons = Partial<Record<ListName, UserList>>;

/** The tone lists are matched word by word: a phrase of several words there is malformed. */
const SINGLE_WORDS: readonly ListName[] = ['positive', 'negative'];
const MAX_PHRASE = 80;

/** One list file's phrases, and what was wrong with which line. */
export function parseLexicon(text: string, name: ListName, path: string): {list: UserList; problems: string[]} {
	const phrases: string[] = [];
	const problems: string[] = [];
	let replace = false;
	text.split(/\r?\n/).forEach((raw, i) => {
		const line = raw.trim();
		const where = `${path} line ${i + 1}`;
		if (!line) return;
		if (line.startsWith('#')) {
			if (/^#\s*replace\s*$/i.test(line)) replace = true;
			return;
		}
		const phrase = line.replace(/[\u2019\u2018]/g, "'").replace(/\s+/g, ' ').toLowerCase();
		// eslint-disable-next-line no-control-regex
		if (/[\u0000-\u001f\u007f-\u009f]/.test(raw.replace(/\r$/, ''))) problems.push(`${where}: a control character; left out`);
		else if (phrase.length > MAX_PHRASE) problems.push(`${where}: longer than ${MAX_PHRASE} characters; left out`);
		else if (!/[\p{L}\p{N}]/u.test(phrase)) problems.push(`${where}: no word in "${phrase.slice(0, 40)}"; left out`);
		else if (SINGLE_WORDS.includes(name) && phrase.includes(' ')) problems.push(`${where}: "${phrase}" is more than one word (the ${name} list is matched word by word); left out`);
		else phrases.push(phrase);
	});
	return {list: {phrases: [...new Set(phrases)], replace, path}, problems};
}
