// Issue 22: PDFs read as a user's library would have them read — each through
// the child process with its budget (model/input/pdf-read.ts), from the built
// extractor. Pages per second over ../shared/corpus/pdf/, and a 40-page
// transcript made here (text in Helvetica, 46 lines a page), median of 5.
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {loadBytes} from '../source/model/input/load.ts';
import {readPdf} from '../source/model/input/pdf-read.ts';
import {parseTranscript} from '../source/model/parse/parse.ts';
import {textPdf} from '../test/pdf-fixtures.ts';
import {CORPUS} from './corpus-check.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const timed = (bytes: Uint8Array, name: string) => {
	const t = performance.now();
	const loaded = loadBytes(bytes, name);
	if (loaded.ok) parseTranscript(loaded.source.text);
	return performance.now() - t;
};

const sentence = 'Revenue grew in every segment this quarter, and we expect margins to expand again next year as volumes recover.';
const forty = textPdf(Array.from({length: 40}, (_, p) => Array.from({length: 46}, (_, l) => (l === 0 && p % 2 === 0 ? `Speaker ${p} - Chief Executive Officer` : sentence))));
const runs = Array.from({length: 5}, () => timed(forty, 'forty.pdf'));
console.log(`PDF: a 40-page transcript read and parsed in ${median(runs).toFixed(0)} ms (median of 5, a child process each)  [target <= 400 ms]`);

const dir = join(CORPUS, 'pdf');
if (existsSync(dir)) {
	let pages = 0;
	let ms = 0;
	for (const file of readdirSync(dir).filter(f => f.endsWith('.pdf')).sort()) {
		const bytes = new Uint8Array(readFileSync(join(dir, file)));
		const read = readPdf(bytes);
		const count = 'pages' in read ? read.pages : 0;
		const took = median(Array.from({length: 3}, () => timed(bytes, file)));
		pages += count;
		ms += took;
		console.log(`  ${file.slice(0, 60).padEnd(60)} ${String(count).padStart(3)} pages ${took.toFixed(0).padStart(5)} ms`);
	}
	console.log(`PDF: ${pages} pages of ../shared/corpus/pdf in ${ms.toFixed(0)} ms: ${((pages / ms) * 1000).toFixed(1)} pages/s (read and parsed, a child process per file)`);
} else console.log('PDF: ../shared/corpus/pdf not found: the samples skipped');
