// A call's recording: the audio file beside the transcript (same name, .mp3,
// .m4a, .wav, .ogg, .opus, .flac). Where to play it from: store/view.ts's secondsAt.
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
