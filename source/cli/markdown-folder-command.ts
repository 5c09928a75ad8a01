// `earnings-reader markdown-folder [DIR | default]`: where the reader's E
// writes its Markdown (settings.ts's markdownFolder), said or changed.
import {existsSync, statSync} from 'node:fs';
import {resolve} from 'node:path';
import {cleanLine} from '../model/input/sanitize.js';
import {changeMarkdownFolder, markdownFolder} from '../ui/settings/settings.js';
import {err, out} from './output.js';

export function markdownFolderCommand(args: string[]): number {
	if (args.length > 1) {
		err('earnings-reader: name one folder, e.g. earnings-reader markdown-folder ~/notes (default: ~/earnings-reader)\n');
		return 2;
	}
	const [named] = args;
	if (named !== undefined) {
		const folder = named === 'default' ? null : resolve(named);
		if (folder !== null && (cleanLine(folder) !== folder || (existsSync(folder) && !statSync(folder).isDirectory()))) {
			err(`earnings-reader: not a folder: ${cleanLine(folder)}\n`);
			return 2;
		}
		const {error} = changeMarkdownFolder(folder);
		if (error) {
			err(`earnings-reader: ${error}\n`);
			return 1;
		}
	}
	const env = process.env['EARNINGS_READER_MARKDOWN_DIR']?.trim();
	out(`E writes Markdown to ${cleanLine(markdownFolder())}${env ? ' (EARNINGS_READER_MARKDOWN_DIR)' : ''}\n`);
	return 0;
}
