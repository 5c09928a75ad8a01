// Leaving the process when the terminal may be gone: shared by the CLI's
// output boundary (cli/output.ts) and the reader's hang-up (ui/run.tsx).
import {closeSync} from 'node:fs';

/**
 * Leaves with `code`, never a signal. Node's exit restores the terminal's
 * modes on fds 0-2 and aborts (SIGABRT, at times SIGSEGV) when that fails on a
 * terminal that has been closed (EIO); it passes over fds the program closed,
 * so they are closed first. The reader's hang-up (run.tsx) and a CLI whose output is closed both leave so.
 */
export function exitClosingStdio(code: number): never {
	for (const fd of [0, 1, 2]) {
		try {
			closeSync(fd);
		} catch {}
	}
	process.exit(code);
}
