// Loading bytes from disk: encodings, line ends, control characters, and files
// that must be skipped with a reason while the rest still loads.
import assert from 'node:assert/strict';
import {mkdirSync, mkdtempSync, truncateSync, writeFileSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {decodeBytes, decodeWindows1252} from '../source/model/input/decode.ts';
import {loadBytes, loadFile, loadPath} from '../source/model/input/load.ts';
import {isClean, sanitizeText} from '../source/model/input/sanitize.ts';

const text = (bytes: number[] | Buffer) => {
	const r = loadBytes(Uint8Array.from(bytes), 'x.txt');
	assert.ok(r.ok, r.ok ? '' : r.skipped.reason);
	return r.source;
};

describe('decoding', () => {
	it('UTF-8 with and without BOM', () => {
		assert.equal(text(Buffer.from('\uFEFFElon Musk ’ok’', 'utf8')).text, 'Elon Musk ’ok’');
		assert.equal(text(Buffer.from('Elon Musk ’ok’', 'utf8')).encoding, 'utf-8');
	});

	it('UTF-16 LE and BE with BOM', () => {
		const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Operator\r\nHello ’', 'utf16le')]);
		assert.deepEqual([text(le).text, text(le).encoding], ['Operator\nHello ’', 'utf-16le']);
		const be = Buffer.from(le.subarray(2)).swap16();
		const source = text(Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
		assert.deepEqual([source.text, source.encoding], ['Operator\nHello ’', 'utf-16be']);
	});

	it('Windows-1252 when the bytes are not UTF-8 (0x92 ’, 0x85 …, 0x80 €, 0x93/0x94 “”)', () => {
		const source = text([0x49, 0x92, 0x6d, 0x20, 0x85, 0x20, 0x80, 0x35, 0x20, 0x93, 0x71, 0x94]);
		assert.deepEqual([source.text, source.encoding], ['I’m … €5 “q”', 'windows-1252']);
		assert.equal(decodeWindows1252(Uint8Array.from([0x81, 0xe9])), '\uFFFDé');
		assert.equal(decodeBytes(Uint8Array.from([0xc3, 0xa9])).text, 'é');
	});

	it('CRLF, lone CR, NEL and form feeds all end lines', () => {
		assert.equal(text(Buffer.from('a\r\nb\rc\u0085d\fe\u2028f', 'utf8')).text, 'a\nb\nc\nd\ne\nf');
	});
});

describe('neutralising control characters at load time', () => {
	const cases: [string, string, string][] = [
		['CSI colour', 'a\u001B[31mred\u001B[0m b', 'ared b'],
		['CSI cursor move and erase', 'x\u001B[2J\u001B[10;5Hy', 'xy'],
		['OSC 52 clipboard write ended by BEL', 'safe\u001B]52;c;cm0gLXJmIH4=\u0007text', 'safetext'],
		['OSC 0 window title ended by ST', 'a\u001B]0;pwned\u001B\\b', 'ab'],
		['OSC 8 hyperlink', '\u001B]8;;http://x\u001B\\link\u001B]8;;\u001B\\', 'link'],
		['unterminated OSC stops at the line end', 'a\u001B]2;title\nnext line', 'a\nnext line'],
		['DCS with payload', 'a\u001BPq#0;2;0;0;0\u001B\\b', 'ab'],
		['APC, PM, SOS', 'a\u001B_apc\u001B\\b\u001B^pm\u001B\\c\u001BXsos\u001B\\d', 'abcd'],
		['8-bit CSI and OSC', 'a\u009B31mb\u009D0;t\u009Cc', 'abc'],
		['two-byte ESC sequences (RIS reset)', 'a\u001Bcb\u001B7c', 'abc'],
		['C0 and C1 controls, DEL, BEL, backspace (U+0085 NEL is a line end)', 'a\u0000b\u0007c\u0008d\u007Fe\u0085f\u0091g', 'abcde\nfg'],
		['bidi overrides and isolates', 'abc\u202Edef\u2066g\u2069\u200F', 'abcdefg'],
		['tabs become spaces', 'a\tb', 'a b'],
	];
	for (const [name, input, expected] of cases) {
		it(name, () => {
			const out = sanitizeText(input);
			assert.equal(out, expected);
			assert.ok(isClean(out), JSON.stringify(out));
		});
	}

	it('a transcript carrying escapes loads clean', () => {
		const source = text(Buffer.from('Operator\n\nHello \u001B]52;c;ZXZpbA==\u0007world\u001B[2J.\n', 'utf8'));
		assert.equal(source.text, 'Operator\n\nHello world.\n');
	});
});

describe('files that are skipped with a reason', () => {
	const dir = mkdtempSync(join(tmpdir(), 'er-load-'));
	writeFileSync(join(dir, 'a-good.txt'), 'Operator\n\nWelcome.\n');
	writeFileSync(join(dir, 'b-empty.txt'), '');
	writeFileSync(join(dir, 'c-binary.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
	writeFileSync(join(dir, 'd-huge.txt'), '');
	truncateSync(join(dir, 'd-huge.txt'), 11 * 1024 * 1024);
	mkdirSync(join(dir, 'e-folder'));
	symlinkSync(join(dir, 'nowhere'), join(dir, 'f-broken-link.txt'));
	writeFileSync(join(dir, 'g-blank.txt'), '\n\n   \n');
	writeFileSync(join(dir, '.hidden'), 'x');
	// The recording kept beside a call (for P): passed over, neither loaded nor "not loaded".
	writeFileSync(join(dir, 'a-good.mp3'), Buffer.from([0x49, 0x44, 0x33, 0x04, 0x00]));
	writeFileSync(join(dir, 'a-good.WAV'), Buffer.from([0x52, 0x49, 0x46, 0x46, 0x00]));

	it('empty, binary, oversized, unreadable and blank files (an empty folder is just walked) each get a one-line reason; the good one loads', () => {
		const {sources, skipped} = loadPath(dir);
		assert.deepEqual(sources.map(s => s.name), ['a-good.txt']);
		assert.deepEqual(
			skipped.map(s => [s.path.slice(dir.length + 1), s.reason]),
			[
				['b-empty.txt', 'empty file'],
				['c-binary.bin', 'binary file, not text'],
				['d-huge.txt', 'larger than 10 MB (11.0 MB)'],
				['f-broken-link.txt', 'cannot read: no such file or folder'],
				['g-blank.txt', 'no text in file'],
			],
		);
		for (const s of skipped) assert.ok(!s.reason.includes('\n'));
	});

	it('a missing path is a reason, not an exception', () => {
		assert.deepEqual(loadPath(join(dir, 'missing')).skipped.map(s => s.reason), ['cannot read: no such file or folder']);
		const one = loadFile(join(dir, 'missing.txt'));
		assert.equal(one.ok, false);
	});
});
