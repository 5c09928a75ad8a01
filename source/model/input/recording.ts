// A call's recording and the time to play it from: the audio file beside the
// transcript (same name, .mp3, .m4a, .wav, .ogg, .opus, .flac), and the time of
// the paragraph a reader is at, or the nearest before it.
import {existsSync} from 'node:fs';
import type {Call} from '../types.js';

export const AUDIO_EXTENSIONS = ['.mp3', '.m4a', '.wav', '.ogg', '.opus', '.flac'];

/** The recording beside the call's file, or null. */
export function recordingOf(call: Call): string | null {
	if (call.bundled || !call.path) return null;
	const base = call.path.replace(/\.[^./\\]+$/, '');
	for (const ext of AUDIO_EXTENSIONS) for (const name of [`${base}${ext}`, `${base}${ext.toUpperCase()}`]) if (existsSync(name)) return name;
	return null;
}

/** Seconds into the recording where turn `turn`'s paragraph `paragraph` starts: its own time, or the last before it; null when the call has none. */
export function secondsAt(call: Call, turn: number, paragraph: number): number | null {
	for (let t = turn; t >= 0; t--) {
		const paragraphs = call.turns[t]!.paragraphs;
		for (let p = t === turn ? Math.min(paragraph, paragraphs.length - 1) : paragraphs.length - 1; p >= 0; p--) {
			const mark = paragraphs[p]!.marks.find(m => m.offset === 0);
			if (!mark) continue;
			const parts = mark.time.split(':').map(Number);
			if (parts.some(n => !Number.isFinite(n))) continue;
			return parts.reduce((sum, n) => sum * 60 + n, 0);
		}
	}
	return null;
}
