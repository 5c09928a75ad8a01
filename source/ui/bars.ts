// Horizontal bars in block characters, with eighth-blocks for precision.
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

export function bar(fraction: number, width: number): string {
	const cells = Math.max(0, Math.min(1, fraction)) * Math.max(0, width);
	const full = Math.floor(cells);
	const part = EIGHTHS[Math.round((cells - full) * 8)] ?? '';
	return '█'.repeat(full) + (full < width ? part : '');
}

export const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;
