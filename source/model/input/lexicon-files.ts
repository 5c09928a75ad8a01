// Reading the user's word lists from the settings folder (parsing and the
// rules are metrics/user-lexicons.ts). A file that cannot be read is said in
// one line; a missing file is simply no list.
import {readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {LISTS, parseLexicon, type UserLexicons} from '../metrics/user-lexicons.js';
import {cleanLine} from './sanitize.js';

const MAX_BYTES = 2 * 1024 * 1024;

export function readUserLexicons(settingsDir: string): {lexicons: UserLexicons; problems: string[]} {
	const lexicons: UserLexicons = {};
	const problems: string[] = [];
	for (const name of LISTS) {
		const path = join(settingsDir, 'lexicon', `${name}.txt`);
		const shown = cleanLine(path);
		let size: number;
		try {
			const stat = statSync(path, {throwIfNoEntry: false});
			if (!stat) continue;
			size = stat.size;
		} catch (error) {
			problems.push(`${shown}: cannot be read (${(error as {code?: string}).code ?? 'error'}); the shipped list is used`);
			continue;
		}
		if (size > MAX_BYTES) {
			problems.push(`${shown}: larger than 2 MB; not read, the shipped list is used`);
			continue;
		}
		try {
			const {list, problems: found} = parseLexicon(readFileSync(path, 'utf8'), name, shown);
			lexicons[name] = list;
			problems.push(...found);
		} catch (error) {
			problems.push(`${shown}: cannot be read (${(error as {code?: string}).code ?? 'error'}); the shipped list is used`);
		}
	}
	return {lexicons, problems};
}
