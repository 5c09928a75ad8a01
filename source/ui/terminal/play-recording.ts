// The `P` key: the open call's recording, played from the paragraph at the top
// of the transcript by a player found on PATH (mpv, ffplay, vlc; or the one
// EARNINGS_READER_PLAYER or the settings name), detached, with no terminal of its own — the
// reader keeps the screen. Anything missing is said in one line, and nothing
// else happens.
import {spawn} from 'node:child_process';
import {accessSync, constants} from 'node:fs';
import {basename, delimiter, join} from 'node:path';
import {recordingOf} from '../../model/input/recording.js';
import {cleanLine} from '../../model/input/sanitize.js';
import {audioSettings, type AudioSettings} from '../settings/settings.js';
import {secondsAt} from '../../model/store/view.js';
import type {Call} from '../../model/types.js';

/** Each known player's arguments to play `file` from `at` seconds without a window or a prompt. */
const PLAYERS: Record<string, (file: string, at: number) => string[]> = {
	mpv: (file, at) => [`--start=${at}`, '--no-video', '--really-quiet', '--no-terminal', file],
	ffplay: (file, at) => ['-ss', String(at), '-nodisp', '-autoexit', '-loglevel', 'quiet', file],
	cvlc: (file, at) => [`--start-time=${at}`, '--intf', 'dummy', '--play-and-exit', file],
	vlc: (file, at) => [`--start-time=${at}`, '--intf', 'dummy', '--play-and-exit', file],
};

function onPath(name: string, path = process.env['PATH'] ?? ''): string | null {
	for (const dir of path.split(delimiter)) {
		if (!dir) continue;
		const file = join(dir, name);
		try {
			accessSync(file, constants.X_OK);
			return file;
		} catch {}
	}
	return null;
}

/**
 * The player to use: the one named by EARNINGS_READER_PLAYER, else by the
 * settings (a path or a name on PATH), else the first known one on PATH.
 */
export function findPlayer(env: NodeJS.ProcessEnv = process.env, setting: string | null = null): {path: string; args: (file: string, at: number) => string[]} | null {
	const named = env['EARNINGS_READER_PLAYER']?.trim() || setting?.trim();
	if (named) {
		const path = named.includes('/') ? named : onPath(named, env['PATH']);
		if (!path) return null;
		return {path, args: PLAYERS[basename(path)] ?? ((file, at) => [file, String(at)])};
	}
	for (const name of Object.keys(PLAYERS)) {
		const path = onPath(name, env['PATH']);
		if (path) return {path, args: PLAYERS[name]!};
	}
	return null;
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

/** Plays `call` from its paragraph `paragraph` of turn `turn`; returns the one line to say. */
export function playRecording(call: Call, turn: number, paragraph: number, env: NodeJS.ProcessEnv = process.env, audio: AudioSettings = audioSettings()): string {
	const at = secondsAt(call, turn, paragraph);
	if (at === null) return 'This call has no times to play from.';
	const file = recordingOf(call, audio.folders);
	if (!file) return `No recording of this call beside it${audio.folders.length ? ' or in the audio folders' : ''} (the same name, .mp3, .m4a or .wav).`;
	const player = findPlayer(env, audio.player);
	if (!player) {
		if (env['EARNINGS_READER_PLAYER']?.trim()) return 'The player EARNINGS_READER_PLAYER names was not found.';
		if (audio.player) return `The player the settings name (${cleanLine(audio.player)}) was not found.`;
		return 'No audio player found: install mpv, ffplay or vlc.';
	}
	try {
		const child = spawn(player.path, player.args(file, Math.floor(at)), {detached: true, stdio: 'ignore'});
		child.on('error', () => {});
		child.unref();
	} catch {
		return `Could not start ${basename(player.path)}.`;
	}
	return `Playing from ${clock(at)} with ${cleanLine(basename(player.path))}.`;
}
