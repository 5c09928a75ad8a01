// Reading transcript files from disk: the only I/O the model does. Every file
// that cannot be a transcript is skipped with a one-line reason; one bad file
// never stops the others from loading.
import {readdirSync, readFileSync, realpathSync, statSync, type Dirent} from 'node:fs';
import {basename, sep} from 'node:path';
import {decodeBytes, looksBinary, type Encoding} from './decode.js';
import {isPdf, MAX_PDF_BYTES, readPdf} from './pdf-read.js';
import {isRecording} from './recording.js';
import {cleanLine, sanitizeText} from './sanitize.js';

export const MAX_BYTES = 10 * 1024 * 1024;

// Names and paths are untrusted text too (a file can be named with escape
// sequences): they are kept cleaned, for display; the reading is done by now.
export interface SourceText {
	/** File name without folders, e.g. `tesla-2017-q2.txt`, cleaned. */
	name: string;
	/** Path, cleaned: for display, not for opening. */
	path: string;
	text: string;
	encoding: Encoding;
}

export interface Skipped {
	path: string;
	reason: string;
}

export type LoadResult = {ok: true; source: SourceText} | {ok: false; skipped: Skipped};

/** Three lines or more, each with the same two or more tabs as the first (of the first 50). */
function isTsv(text: string): boolean {
	if (!text.includes('\t')) return false;
	const lines = text.split('\n', 200).filter(l => l.trim()).slice(0, 50);
	const tabs = lines.map(l => l.split('\t').length - 1);
	return lines.length >= 3 && tabs[0]! >= 2 && tabs.every(n => n === tabs[0]);
}

/** Decode and clean bytes that are already in memory (stdin, tests). */
export function loadBytes(bytes: Uint8Array, rawPath: string): LoadResult {
	const path = cleanLine(rawPath);
	const skip = (reason: string): LoadResult => ({ok: false, skipped: {path, reason}});
	if (bytes.length === 0) return skip('empty file');
	if (isPdf(bytes)) return loadPdf(bytes, path);
	if (bytes.length > MAX_BYTES) return skip(`larger than 10 MB (${(bytes.length / 1048576).toFixed(1)} MB)`);
	if (looksBinary(bytes)) return skip('binary file, not text');
	const {text, encoding} = decodeBytes(bytes);
	// Tabs become spaces when the text is cleaned: a tab-separated table is told here, or never.
	if (isTsv(text)) return skip('not a transcript: a table (TSV)');
	const clean = sanitizeText(text);
	if (clean.trim() === '') return skip('no text in file');
	return {ok: true, source: {name: basename(path), path, text: clean, encoding}};
}

/** A PDF's text layer, as the text of a transcript; its reason when it has none to give. */
function loadPdf(bytes: Uint8Array, path: string): LoadResult {
	const skip = (reason: string): LoadResult => ({ok: false, skipped: {path, reason}});
	if (bytes.length > MAX_PDF_BYTES) return skip(`a PDF larger than 50 MB (${(bytes.length / 1048576).toFixed(1)} MB)`);
	const read = readPdf(bytes);
	if ('error' in read) return skip(cleanLine(read.error));
	const clean = sanitizeText(read.text);
	if (clean.trim() === '') return skip('a PDF with no text');
	return {ok: true, source: {name: basename(path), path, text: clean, encoding: 'utf-8'}};
}

export function loadFile(path: string): LoadResult {
	const skip = (reason: string): LoadResult => ({ok: false, skipped: {path: cleanLine(path), reason}});
	let size: number;
	try {
		const stat = statSync(path);
		if (stat.isDirectory()) return skip('is a folder');
		if (!stat.isFile()) return skip('not a regular file');
		size = stat.size;
	} catch (error) {
		return skip(`cannot read: ${errorCode(error)}`);
	}
	// Check the size before reading, so a huge file costs nothing.
	if (size > MAX_PDF_BYTES || (size > MAX_BYTES && !/\.pdf$/i.test(path))) return skip(`larger than 10 MB (${(size / 1048576).toFixed(1)} MB)`);
	try {
		return loadBytes(readFileSync(path), path);
	} catch (error) {
		return skip(`cannot read: ${errorCode(error)}`);
	}
}

/**
 * Load a single file, or every file in a folder tree (company and year
 * sub-folders, as people keep them), in name order. Hidden files and folders
 * (.git, .DS_Store, editor swap files) and recordings (.mp3, .wav…, played
 * beside their transcripts) are passed over; a folder reached again
 * through a link (a loop) is read once.
 */
export function loadPath(path: string): {sources: SourceText[]; skipped: Skipped[]} {
	const {files, skipped} = listPath(path);
	const sources: SourceText[] = [];
	for (const file of files) {
		const result = loadFile(file);
		if (result.ok) sources.push(result.source);
		else skipped.push(result.skipped);
	}
	return {sources, skipped};
}

/** The files `loadPath` would read, in its order, and the folders it could not. */
export function listPath(path: string): {files: string[]; skipped: Skipped[]} {
	const files: string[] = [];
	const skipped: Skipped[] = [];
	const seen = new Set<string>();
	// `real`: the folder's real path, worked out from its parent's (a realpath only for a link: one a folder was a fifth of listing 10,000).
	const walk = (dir: string, real: string) => {
		if (seen.has(real)) return;
		seen.add(real);
		let entries: Dirent[];
		try {
			entries = readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		} catch (error) {
			skipped.push({path: cleanLine(dir), reason: `cannot read: ${errorCode(error)}`});
			return;
		}
		for (const entry of entries) {
			if (entry.name.startsWith('.')) continue;
			// Plain concatenation, not join: readdir's names need no normalising (join was ~5 % of a scan of 10,000).
			const full = dir.endsWith(sep) ? dir + entry.name : dir + sep + entry.name;
			// The entry's own type, read with the folder: a stat only for a link (measured: a stat a file was half of listing 10,000).
			let folder = entry.isDirectory();
			let realChild = real.endsWith(sep) ? real + entry.name : real + sep + entry.name;
			if (entry.isSymbolicLink()) {
				try {
					folder = statSync(full).isDirectory();
					if (folder) realChild = realpathSync(full);
				} catch {}
			}
			// A folder reached again through a link (a loop, or a second way in) is read once.
			if (folder) walk(full, realChild);
			// A recording kept beside its transcript is for the P key, not a file that failed to load.
			else if (!isRecording(entry.name)) files.push(full);
		}
	};
	try {
		if (!statSync(path).isDirectory()) return {files: [path], skipped};
	} catch (error) {
		return {files, skipped: [{path: cleanLine(path), reason: `cannot read: ${errorCode(error)}`}]};
	}
	let real = path;
	try {
		real = realpathSync(path);
	} catch {}
	walk(path, real);
	return {files, skipped};
}

function errorCode(error: unknown): string {
	const code = (error as {code?: string})?.code;
	if (code === 'ENOENT') return 'no such file or folder';
	if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
	return code ?? String(error);
}
