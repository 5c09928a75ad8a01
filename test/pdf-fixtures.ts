// PDFs made here, byte by byte, for the traps no sample shows: a file of known
// text, a page with no text layer, an encrypted one, 2,000 pages.
const enc = new TextEncoder();

/** A PDF of the given objects (their bodies, numbered from 1), with a correct cross-reference table. */
export function pdfOf(objects: string[], trailer = ''): Uint8Array {
	let out = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((body, i) => {
		offsets.push(enc.encode(out).length);
		out += `${i + 1} 0 obj\n${body}\nendobj\n`;
	});
	const xref = enc.encode(out).length;
	out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map(o => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
	out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`;
	return enc.encode(out);
}

const esc = (s: string) => s.replace(/[\\()]/g, c => `\\${c}`);

/** Pages of text lines: each line at 12 pt, 14 pt apart from the top, in Helvetica. */
export function textPdf(pages: string[][]): Uint8Array {
	const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
	const kids: string[] = [];
	for (const lines of pages) {
		const stream = `BT /F1 12 Tf 72 740 Td 14 TL ${lines.map(l => `(${esc(l)}) Tj T*`).join(' ')} ET`;
		objects.push(`<< /Length ${enc.encode(stream).length} >>\nstream\n${stream}\nendstream`);
		objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${objects.length} 0 R >>`);
		kids.push(`${objects.length} 0 R`);
	}
	objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${kids.length} >>`;
	return pdfOf(objects);
}

/** `n` pages sharing one empty content stream. */
export function manyPagesPdf(n: number): Uint8Array {
	const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Length 0 >>\nstream\n\nendstream'];
	const kids: string[] = [];
	for (let i = 0; i < n; i++) {
		objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>');
		kids.push(`${objects.length} 0 R`);
	}
	objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${n} >>`;
	return pdfOf(objects);
}

/** A text PDF with an /Encrypt dictionary whose password is not empty. */
export function encryptedPdf(): Uint8Array {
	const plain = new TextDecoder().decode(textPdf([['Secret']]));
	const objects = [...plain.matchAll(/\d+ 0 obj\n([\s\S]*?)\nendobj/g)].map(m => m[1]!);
	objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${'28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a'}> /U <${'0'.repeat(64)}> /P -4 >>`);
	return pdfOf(objects, `/Encrypt ${objects.length} 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] `);
}
