// The CLI's output boundary. Every byte the subcommands print passes here:
// whatever its origin (a transcript, a file name, a setting, an argument),
// nothing a terminal would act on gets out, but for the styling the CLI
// itself adds (bold and dim, on a terminal only). And a failed write (a full
// disk, a closed pipe) ends the program with one line and a clean status,
// never a stack trace.
import {exitClosingStdio} from '../ui/terminal/exit.js';
import {sanitizeText} from '../model/input/sanitize.js';

// The only escape sequences the CLI writes: SGR (format.ts's bold and dim).
const OWN_STYLE = /(\u001B\[[0-9;]{0,12}m)/;

/** `text` with every control sequence removed, but SGR styling when `keepStyle`. */
export function neutralize(text: string, keepStyle: boolean): string {
	if (!keepStyle || !text.includes('\u001B')) return sanitizeText(text);
	return text
		.split(OWN_STYLE)
		.map((part, i) => (i % 2 === 1 ? part : sanitizeText(part)))
		.join('');
}

let styled = false;
/** Whether stdout keeps the CLI's own styling (a terminal, NO_COLOR unset). */
export function keepStyle(on: boolean): void {
	styled = on;
}

export const out = (text: string) => void process.stdout.write(neutralize(text, styled));
export const err = (text: string) => void process.stderr.write(neutralize(text, false));

const REASONS: Record<string, string> = {ENOSPC: 'no space left on the device', EIO: 'input/output error', EACCES: 'permission denied', EBADF: 'the output is closed'};

export {exitClosingStdio};

/**
 * Write errors on stdout or stderr end the program: a closed pipe (`| head`)
 * quietly with 0, anything else with one line on the other stream and 1.
 */
export function exitOnWriteErrors(): void {
	let done = false;
	const on = (name: 'stdout' | 'stderr') => (error: NodeJS.ErrnoException) => {
		if (done) return;
		done = true;
		if (error.code === 'EPIPE') process.exit(0);
		const other = name === 'stdout' ? process.stderr : process.stdout;
		if (error.code !== 'EIO') {
			try {
				other.write(`earnings-reader: cannot write to ${name}: ${REASONS[error.code ?? ''] ?? error.code ?? error.message}\n`);
			} catch {}
			process.exit(1);
		}
		// EIO: the terminal is gone; there is no one to tell.
		exitClosingStdio(1);
	};
	process.stdout.on('error', on('stdout'));
	process.stderr.on('error', on('stderr'));
}
