// A PDF's text, read synchronously as every other file is: PDF.js runs in a
// child process (source/cli/pdf-text.ts) with a budget of 30 s and 512 MB
// per file, so a PDF that is damaged, a decompression bomb or 2,000 pages
// long is skipped with its reason, never a crash or a hang of the reader.
import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const PDF_TIME_MS = 30_000;
export const PDF_MEMORY_MB = 512;
/** A PDF may be larger than a text file: pages carry fonts and images. */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;

export const isPdf = (bytes: Uint8Array) => bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;

/** The extractor: the build's dist/pdf-text.js, or the source through tsx in a clone not yet built (looked for once). */
let found: string[] | null | undefined;
const extractor = () => (found === undefined ? (found = findExtractor()) : found);

function findExtractor(): string[] | null {
	let dir: string;
	try {
		dir = dirname(fileURLToPath(import.meta.url));
	} catch {
		return null;
	}
	for (let up = 0; up < 6; up++, dir = dirname(dir)) {
		if (!existsSync(join(dir, 'package.json'))) continue;
		const built = join(dir, 'dist', 'pdf-text.js');
		if (existsSync(built)) return [built];
		const source = join(dir, 'source', 'cli', 'pdf-text.ts');
		if (existsSync(source)) return ['--import', 'tsx', source];
	}
	return null;
}

export type PdfResult = {text: string; furniture: string[]; pages: number} | {error: string};

export function readPdf(bytes: Uint8Array): PdfResult {
	const script = extractor();
	if (!script) return {error: 'a PDF, but the PDF reader is not installed'};
	const run = spawnSync(process.execPath, [`--max-old-space-size=${PDF_MEMORY_MB}`, ...script], {
		input: bytes,
		timeout: PDF_TIME_MS,
		maxBuffer: 64 * 1024 * 1024,
		encoding: 'utf8',
		// No colour or debugging of the child leaks into its output.
		env: {...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0'},
	});
	if (run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return {error: `a PDF not read within ${PDF_TIME_MS / 1000} s`};
	if (run.signal === 'SIGTERM') return {error: `a PDF not read within ${PDF_TIME_MS / 1000} s`};
	// V8 aborts (134, SIGABRT) when the heap's budget runs out; any other ending is a PDF it could not read.
	if (run.signal === 'SIGABRT' || run.status === 134) return {error: `a PDF beyond the reader's budget (${PDF_MEMORY_MB} MB)`};
	if (run.signal || run.status !== 0) return {error: 'a PDF that could not be read'};
	try {
		const out = JSON.parse(run.stdout) as PdfResult;
		if ('error' in out && typeof out.error === 'string') return out;
		if ('text' in out && typeof out.text === 'string') return {text: out.text, furniture: Array.isArray(out.furniture) ? out.furniture : [], pages: Number(out.pages) || 0};
	} catch {}
	return {error: 'a PDF that could not be read'};
}
