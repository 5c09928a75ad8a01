// The fuzz of test/pdf.test.ts, run as the reader runs PDF.js: in a process of
// its own, stray rejections absorbed as pdf-text.ts absorbs them. A made PDF
// mutated N times (argv[2], 1,000), then each sample of ../shared/corpus/pdf
// M times (argv[3], 10). Prints the outcomes as JSON; exits 1 if the reading
// ever threw.
import {extractPdf} from '../source/cli/pdf-extract.ts';
import {parseTranscript} from '../source/model/parse/parse.ts';
import {textPdf} from './pdf-fixtures.ts';

process.on('unhandledRejection', () => {});
const sample = textPdf([['Operator', 'Welcome to the call.'], ['Jane Doe - CEO', 'Revenue grew.']]);
let seed = 3;
const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed);
const outcomes: Record<string, number> = {};
let threw = 0;
const slowest = {ms: 0};
for (let n = 0; n < Number(process.argv[2] ?? 1000); n++) {
	const bytes = sample.slice(0, n % 4 === 0 ? 5 + (next() % sample.length) : sample.length);
	for (let k = 0; k < 1 + (n % 6); k++) bytes[5 + (next() % (bytes.length - 5))] = next() % 256;
	const t = performance.now();
	try {
		const r = await extractPdf(bytes);
		const what = 'error' in r ? r.error : 'text';
		if (!('error' in r)) parseTranscript(r.text);
		outcomes[what] = (outcomes[what] ?? 0) + 1;
	} catch {
		threw++;
	}
	slowest.ms = Math.max(slowest.ms, performance.now() - t);
}
// The real samples too, when ../shared is beside the project: ten mutations of each.
const {existsSync, readdirSync, readFileSync} = await import('node:fs');
const dir = new URL('../../shared/corpus/pdf/', import.meta.url).pathname;
const real = existsSync(dir) ? readdirSync(dir).filter(f => f.endsWith('.pdf')).sort() : [];
for (const [i, file] of real.entries()) {
	const original = new Uint8Array(readFileSync(dir + file));
	for (let n = 0; n < Number(process.argv[3] ?? 10); n++) {
		const bytes = original.slice(0, n % 3 === 0 ? 5 + (next() % original.length) : original.length);
		for (let k = 0; k < 1 + ((n + i) % 8); k++) bytes[5 + (next() % (bytes.length - 5))] = next() % 256;
		const t = performance.now();
		try {
			const r = await extractPdf(bytes);
			if (!('error' in r)) parseTranscript(r.text);
			const what = `sample: ${'error' in r ? r.error : 'text'}`;
			outcomes[what] = (outcomes[what] ?? 0) + 1;
		} catch {
			threw++;
		}
		slowest.ms = Math.max(slowest.ms, performance.now() - t);
	}
}
process.stdout.write(JSON.stringify({outcomes, threw, slowest: Math.round(slowest.ms)}));
process.exit(threw ? 1 : 0);
