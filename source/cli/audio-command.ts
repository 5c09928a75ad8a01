// `earnings-reader audio`: where the reader's `P` key finds recordings and
// what plays them, kept in the settings (the `audio` key of config.json).
//   audio                   what is in force
//   audio player NAME|PATH  the player to use (`default`: mpv, ffplay or vlc on PATH)
//   audio add DIR…          folders holding recordings (named as the transcript, or by the call's id)
//   audio remove DIR…       taken out again
import {existsSync, statSync} from 'node:fs';
import {resolve} from 'node:path';
import {cleanLine} from '../model/input/sanitize.js';
import {findPlayer} from '../ui/terminal/play-recording.js';
import {audioSettings, changeAudioSettings, type AudioSettings} from '../ui/settings/settings.js';
import {err, out} from './output.js';

function change(edit: (audio: AudioSettings) => AudioSettings): number {
	const result = changeAudioSettings(edit);
	if (result.error) {
		err(`earnings-reader: ${result.error}\n`);
		return 1;
	}
	return show();
}

function show(): number {
	const audio = audioSettings();
	const fromEnv = process.env['EARNINGS_READER_PLAYER']?.trim();
	const player = findPlayer(process.env, audio.player);
	const named = fromEnv ? `${cleanLine(fromEnv)} (EARNINGS_READER_PLAYER)` : audio.player ? cleanLine(audio.player) : 'the first of mpv, ffplay, vlc on PATH';
	out(`player      ${named}: ${player ? cleanLine(player.path) : 'not found'}\n`);
	out(`recordings  beside each transcript (same name, .mp3 .m4a .wav .ogg .opus .flac)\n`);
	audio.folders.forEach((folder, i) => out(`            ${i === 0 ? 'or in ' : '      '}${cleanLine(folder)}${existsSync(folder) ? '' : ' (not found)'}\n`));
	return 0;
}

export function audioCommand(args: string[]): number {
	const [action, ...paths] = args;
	if (action === undefined) return show();
	if (action === 'player') {
		if (paths.length !== 1 || !paths[0]!.trim()) {
			err("earnings-reader: name one player, e.g. earnings-reader audio player mpv ('default' for the first on PATH)\n");
			return 2;
		}
		const name = paths[0]!.trim();
		if (cleanLine(name) !== name) {
			err('earnings-reader: a player name with control characters is not kept\n');
			return 2;
		}
		return change(audio => ({...audio, player: name === 'default' ? null : name.includes('/') ? resolve(name) : name}));
	}
	if (action === 'add' || action === 'remove') {
		if (paths.length === 0) {
			err(`earnings-reader: name a folder, e.g. earnings-reader audio ${action} ~/recordings\n`);
			return 2;
		}
		const wanted = paths.map(p => resolve(p));
		if (action === 'add') {
			const bad = wanted.filter(p => !existsSync(p) || !statSync(p).isDirectory() || cleanLine(p) !== p);
			if (bad.length) {
				err(`earnings-reader: not a folder: ${bad.map(cleanLine).join(', ')}\n`);
				return 2;
			}
			return change(audio => ({...audio, folders: [...new Set([...audio.folders, ...wanted])]}));
		}
		return change(audio => ({...audio, folders: audio.folders.filter(f => !wanted.includes(f))}));
	}
	err(`earnings-reader: unknown audio action '${cleanLine(action)}' (player, add or remove)\n`);
	return 2;
}
