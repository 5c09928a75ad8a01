// A PDF's text, in a process of its own: `node pdf-text.js < file.pdf` prints
// {text, furniture, pages} or {error} as JSON. Run by model/input/pdf-read.ts
// with a time and memory budget, so a damaged, huge or hostile PDF costs one
// child process, never the reader (the reading itself: pdf-extract.ts).
import {readFileSync} from 'node:fs';
import {extractPdf} from './pdf-extract.js';

// PDF.js can leave a promise of a damaged file's to reject after the reading has failed and said
// so (seen in the fuzz: `Bad (uncompressed) XRef entry`): that is no second answer, nor a crash.
process.on('unhandledRejection', () => {});

extractPdf(new Uint8Array(readFileSync(0)))
	.then(result => process.stdout.write(JSON.stringify(result)))
	.catch(error => process.stdout.write(JSON.stringify({error: `a PDF that could not be read (${(error as Error)?.name ?? 'error'})`})));
