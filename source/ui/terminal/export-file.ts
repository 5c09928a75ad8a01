// `E`: a Markdown document written to the Markdown folder (settings.ts's
// markdownFolder, made if missing), never over a file that is there:
// `name.md`, else `name-2.md`, and so on.
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {sanitizeText} from '../../model/input/sanitize.js';

export function writeNewFile(dir: string, name: string, text: string): string {
	const base = name.replace(/[^\p{L}\p{N}.-]+/gu, '-').replace(/^-+|-+$/g, '') || 'earnings-reader';
	mkdirSync(dir, {recursive: true});
	let path = join(dir, `${base}.md`);
	for (let n = 2; existsSync(path); n++) path = join(dir, `${base}-${n}.md`);
	// The file's text passes the same neutraliser as everything shown: a Markdown viewer in a terminal would act on a control byte.
	writeFileSync(path, sanitizeText(text), {flag: 'wx'});
	return path;
}
