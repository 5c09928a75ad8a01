// Placeholder until the interactive reader lands: print the call list.
import {formatList} from '../cli/format.js';
import {loadLibrary} from '../model/library.js';

export async function runInteractive(options: {dirs: string[]}): Promise<number> {
	process.stdout.write(`${formatList(loadLibrary({dirs: options.dirs}))}\n`);
	return 0;
}
