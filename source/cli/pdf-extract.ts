// A PDF's text through PDF.js, for pdf-text.ts (the child process that
// model/input/pdf-read.ts runs with a budget) and the fuzz test. Mozilla's
// PDF.js: the most used PDF library in JavaScript, kept by Mozilla for
// Firefox's viewer; loaded here only, never on the reader's start path. Font programs are never evaluated
// (isEvalSupported: false: CVE-2024-4367), no font face is made, nothing is
// fetched (the worker runs in this process).
import {pdfToText, type PdfPage, type PdfText} from '../model/pdf/page-lines.js';

/** Beyond this a file is no call transcript (the longest we have seen run 60 pages). */
export const MAX_PAGES = 500;

/** The text of a PDF's bytes, or why there is none; never throws. */
export async function extractPdf(data: Uint8Array): Promise<PdfText | {error: string}> {
	try {
		return await read(data);
	} catch (error) {
		return {error: `a PDF that could not be read (${(error as Error)?.name ?? 'error'})`};
	}
}

async function read(data: Uint8Array): Promise<PdfText | {error: string}> {
	// The worker's code in this process, as PDF.js looks for it first: bundled, it could not find its file.
	(globalThis as {pdfjsWorker?: unknown}).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
	const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const task = pdfjs.getDocument({data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0});
	// Whatever PDF.js still has in hand (a damaged file leaves work pending) is ended with the reading.
	try {
		return await pages(task);
	} finally {
		await task.destroy().catch(() => {});
	}
}

async function pages(task: ReturnType<Awaited<typeof import('pdfjs-dist/legacy/build/pdf.mjs')>['getDocument']>): Promise<PdfText | {error: string}> {
	let doc;
	try {
		doc = await task.promise;
	} catch (error) {
		const name = (error as {name?: string}).name ?? '';
		if (process.env['ER_PDF_DEBUG']) console.error(error);
		return {error: name === 'PasswordException' ? 'an encrypted PDF: it needs a password' : name === 'InvalidPDFException' ? 'a damaged PDF: no page could be read' : `a PDF that could not be read (${name || 'unknown error'})`};
	}
	if (doc.numPages > MAX_PAGES) return {error: `a PDF of ${doc.numPages} pages: more than ${MAX_PAGES}, no call transcript`};
	const read: PdfPage[] = [];
	let chars = 0;
	for (let i = 1; i <= doc.numPages; i++) {
		try {
			const page = await doc.getPage(i);
			const view = page.getViewport({scale: 1});
			const content = await page.getTextContent();
			const items = content.items.flatMap(it =>
				'str' in it ? [{str: it.str, x: it.transform[4] as number, y: it.transform[5] as number, width: it.width, size: Math.hypot(it.transform[2] as number, it.transform[3] as number) || it.height, font: it.fontName}] : [],
			);
			for (const it of items) chars += it.str.trim().length;
			read.push({width: view.width, height: view.height, items});
			page.cleanup();
		} catch {
			// A damaged page: the others are still read, and the coverage shows what was lost.
			read.push({width: 612, height: 792, items: []});
		}
	}
	if (chars < 20 * Math.max(1, Math.min(doc.numPages, 5))) return {error: 'a scanned PDF (no text layer): it needs OCR first'};
	return pdfToText(read);
}

