// Bytes → text. Transcripts come from many exporters: UTF-8 with or without a
// BOM, UTF-16 with a BOM, and Windows-1252 (old Seeking Alpha saves).

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
	text: string;
	encoding: Encoding;
}

// Node 20's TextDecoder('windows-1252') drops bytes 0x80–0x9F instead of mapping
// them (measured on 20.20), and those are exactly the curly quotes and ellipses
// that matter. Outside that range Windows-1252 equals Latin-1, so a table of 32
// entries is the whole code page. 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined and
// become U+FFFD.
const CP1252_HIGH =
	'€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ';

export function decodeWindows1252(bytes: Uint8Array): string {
	let out = '';
	const chunk: number[] = [];
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i]!;
		chunk.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b);
		if (chunk.length === 8192) {
			out += String.fromCharCode(...chunk);
			chunk.length = 0;
		}
	}
	return out + String.fromCharCode(...chunk);
}

const strictUtf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true});

export function decodeBytes(bytes: Uint8Array): Decoded {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
		return {text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8'};
	}
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		return {text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le'};
	}
	if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		return {text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be'};
	}
	try {
		return {text: strictUtf8.decode(bytes), encoding: 'utf-8'};
	} catch {
		// Not valid UTF-8: the only other single-byte encoding transcripts come in.
		return {text: decodeWindows1252(bytes), encoding: 'windows-1252'};
	}
}

/** True when the bytes look like a binary file rather than text. */
export function looksBinary(bytes: Uint8Array): boolean {
	// UTF-16 text is full of NULs; it is recognised by its BOM before this check.
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
	const n = Math.min(bytes.length, 8192);
	let control = 0;
	for (let i = 0; i < n; i++) {
		const b = bytes[i]!;
		if (b === 0) return true;
		if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
	}
	return n > 0 && control / n > 0.1;
}
