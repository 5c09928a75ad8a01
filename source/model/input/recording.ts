// A call's recording: the audio file beside the transcript (same name, .mp3,
// .m4a, .wav, .ogg, .opus, .flac), else in a folder the settings name, under the
// transcript's name or the call's id (`tsla-2017-q2.mp3`). Where to play it
// from: store/view.ts's secondsAt.
import {existsSync} from 'node:fs';
import {basename, join} from 'node:path';
import type {Call} from '../types.js';

export const AUDIO_EXTENSIONS = ['.mp3', '.m4a', '.wav', '.ogg', '.opus', '.flac'];

/** Is this file name a recording's (passed over when a folder of transcripts is read)? */
export const isRecording = (name: string) => {
	const dot = name.lastIndexOf('.');
	return dot > 0 && AUDIO_EXTENSIONS.includes(name.slice(dot).toLowerCase());
};

const withAudioExtension = (base: string) => AUDIO_EXTENSIONS.flatMap(ext => [`${base}${ext}`, `${base}${ext.toUpperCase()}`]);

/** The recording beside the call's file or in one of `folders`, or null. */
export function recordingOf(call: Call, folders: readonly string[] = []): string | null {
	if (call.bundled || !call.path) return null;
	const base = call.path.replace(/\.[^./\\]+$/, '');
	const beside = withAudioExtension(base).find(existsSync);
	if (beside) return beside;
	const names = [basename(base), call.id];
	for (const folder of folders) {
		for (const name of names) {
			const found = withAudioExtension(join(folder, name)).find(existsSync);
			if (found) return found;
		}
	}
	return null;
}
