// One indexer at a time in a cache folder: the background job (cli/index-job.ts)
// holds `index.lock`, holding its process id. Two writers would still be safe
// (each file is one transaction, and a second write of a file replaces the
// first), only twice the work; the lock saves that work. A lock left by a
// process that is gone (killed, the machine restarted) is taken over.
import {openSync, readFileSync, rmSync, writeSync, closeSync} from 'node:fs';
import {join} from 'node:path';

export const LOCK_FILE = 'index.lock';

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists, owned by someone else.
		return (error as {code?: string}).code === 'EPERM';
	}
}

/** The process indexing in `dir` now, or null. */
export function lockHolder(dir: string): number | null {
	let text: string;
	try {
		text = readFileSync(join(dir, LOCK_FILE), 'utf8');
	} catch {
		return null;
	}
	const pid = Number(text.trim());
	return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

/** Takes the lock for this process: a function that gives it back, or null when another live process has it. */
export function takeLock(dir: string): (() => void) | null {
	const path = join(dir, LOCK_FILE);
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const fd = openSync(path, 'wx');
			writeSync(fd, `${process.pid}\n`);
			closeSync(fd);
			return () => rmSync(path, {force: true});
		} catch (error) {
			if ((error as {code?: string}).code !== 'EEXIST') return null;
			if (lockHolder(dir) !== null) return null;
			// Left by a process that is gone.
			rmSync(path, {force: true});
		}
	}
	return null;
}
