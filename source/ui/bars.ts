// Horizontal bars in block characters, with eighth-blocks for precision.
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

export function bar(fraction: number, width: number): string {
	const cells = Math.max(0, Math.min(1, fraction)) * Math.max(0, width);
	const full = Math.floor(cells);
	const part = EIGHTHS[Math.round((cells - full) * 8)] ?? '';
	return '█'.repeat(full) + (full < width ? part : '');
}

// A speaker with a few words is not 0% of a call: say so.
export {percent} from '../model/format-number.js';
