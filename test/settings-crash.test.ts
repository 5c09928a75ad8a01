// "Never lost on a crash mid-write": a process saving bookmarks as fast as it
// can is killed (SIGKILL, nothing runs after) at random moments; each time the
// settings file must still read, with the bookmark that was saved first.
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, it} from 'node:test';

const settingsModule = new URL('../source/ui/settings/settings.ts', import.meta.url).href;
const writer = `
const {fileSettings} = await import(${JSON.stringify(settingsModule)});
const dir = process.argv[1];
const s = fileSettings(dir, 0);
await s.start();
const first = {call: 'tesla-2017-q2', turn: 40, snippet: 'Yes.', note: 'kept', created: '2026-01-01T00:00:00.000Z'};
for (let i = 0; ; i++) {
	// Long notes, so that a write takes long enough to be cut.
	s.save({call: 'tesla-2017-q2', bookmarks: [first, {...first, turn: i, note: 'x'.repeat(200000 + (i % 7) * 10000)}]});
	s.flush();
	if (i === 0) process.stdout.write('writing\\n');
}`;

function killMidWrite(dir: string, afterMs: number): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', writer, dir], {stdio: ['ignore', 'pipe', 'inherit']});
		child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), afterMs));
		child.once('exit', () => resolve());
		child.once('error', reject);
	});
}

describe('settings: crash safety', () => {
	it('bookmarks survive a kill mid-write: the file always reads, the first bookmark always there', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'er-crash-'));
		for (const afterMs of [3, 17, 41, 70, 111]) {
			await killMidWrite(dir, afterMs);
			const saved = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as {reader: {bookmarks: {note: string}[]}};
			assert.equal(saved.reader.bookmarks[0]!.note, 'kept', `killed after ${afterMs} ms`);
		}
		assert.ok(readdirSync(dir).includes('config.json'));
	});
});
