// Horizontal bars in block characters, with eighth-blocks for precision.
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

export function bar(fraction: number, width: number): string {
	// In eighths of a cell, rounded: 0.99 of a cell is a full block, not nothing.
	const eighths = Math.round(Math.max(0, Math.min(1, fraction)) * Math.max(0, width) * 8);
	const full = Math.floor(eighths / 8);
	return '█'.repeat(full) + (full < width ? EIGHTHS[eighths % 8]! : '');
}

// A speaker with a few words is not 0% of a call: say so.
export {percent} from '../../model/metrics/format-number.js';
