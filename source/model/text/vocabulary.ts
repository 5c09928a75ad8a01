// Every distinct word the tokenizer has seen, numbered. The metrics count and
// flag words by number, in arrays, where they looked each word up in several
// string-keyed maps: a map lookup per word per metric was a third of the
// metrics' time (measured). A word keeps its number for the life of the
// process, so counts made for one call compare with any other's.
//
// It only grows: by the distinct words of the loaded calls (the five bundled
// calls have 3,590, lexicon and names included) and of typed queries.

const numbers = new Map<string, number>();
const words: string[] = [];

/** The number of a (lower-case) word, given one if it is new. */
export function wordId(word: string): number {
	let id = numbers.get(word);
	if (id === undefined) {
		id = words.length;
		numbers.set(word, id);
		words.push(word);
	}
	return id;
}

/** The word with number `id` (the one string kept for it: equal words are one object). */
export const wordOf = (id: number): string => words[id]!;

/** How many words have a number; every id is below it. */
export const vocabularySize = (): number => words.length;

/**
 * A small integer per word (flags, a yes/no), computed once per word, on
 * first use, and read by number: `table.values()[id]`, an array read in the
 * metrics' loops over every word, where a call per word cost ~4 ms in a fresh
 * process (measured: the interpreter runs those loops first).
 */
export class WordTable {
	private table = new Int32Array(1024);
	private filled = 0;
	constructor(private readonly compute: (word: string) => number) {}

	/** The values of every word numbered so far (ids at or past vocabularySize() are not in it). */
	values(): Int32Array {
		const size = words.length;
		if (size > this.filled) {
			if (size > this.table.length) {
				const grown = new Int32Array(Math.max(size, this.table.length * 2));
				grown.set(this.table.subarray(0, this.filled));
				this.table = grown;
			}
			for (let i = this.filled; i < size; i++) this.table[i] = this.compute(words[i]!);
			this.filled = size;
		}
		return this.table;
	}
}
