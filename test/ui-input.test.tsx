// What the terminal sends, as the reader meets it: several keys in one read,
// and replies the terminal sends by itself, which are never keys or text.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {KEYS, openReader, tick} from './open-reader.tsx';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('reader: input', () => {
	it('fast Backspaces (two DEL bytes in one read) erase on the search line; nothing invisible is typed', async () => {
		const r = await openReader(100, 30);
		await r.press('/');
		await r.press('teslaabc\u007F\u007F');
		const f = await r.until(f => f.includes('teslaa'), 'the line');
		assert.ok(!f.includes('teslaabc'));
		assert.ok(!CONTROL.test(f.replace(/\n/g, '')));
		r.app.unmount();
	});

	it('a note typed with fast Backspaces is saved without control characters', async () => {
		const r = await openReader(100, 30);
		await r.press(KEYS.tab, 'm');
		await r.until(f => f.includes('Note'), 'the note line');
		await r.press('noteabc\u007F\u007F\u007F', KEYS.enter);
		await r.until(f => f.includes('Bookmarked'), 'bookmarked');
		await tick(50);
		const saved = r.settings.saved?.bookmarks ?? [];
		assert.equal(saved.length, 1);
		assert.equal(saved[0]!.note, 'note');
		r.app.unmount();
	});

	it('focus, mouse, cursor and colour replies in reading mode change nothing', async () => {
		const r = await openReader(100, 30);
		await r.press(KEYS.tab);
		// The sidebar's figures are worked out after the first frame: compare frames once they are in,
		// or the replies' frame differs by figures that came meanwhile (seen on a loaded machine).
		await r.until(f => /Tone +[+-]\d/.test(f), 'the sidebar’s figures');
		await tick(50);
		const before = r.frame();
		await r.press('\u001B[I', '\u001B[O', '\u001B[<0;10;10M', '\u001B[12;40R', '\u001B]11;rgb:ffff/ffff/ffff\u001B\\');
		await tick(80);
		assert.equal(r.frame(), before);
		// And the reader still takes keys.
		await r.press('?');
		await r.until(f => f.includes('Keys — Esc or ? closes'), 'help');
		r.app.unmount();
	});

	it('Esc then ? in one read closes the search line, then opens the help', async () => {
		const r = await openReader(100, 30);
		await r.press('/', 'x');
		await r.until(f => /Search: x|\/x/.test(f), 'the search line');
		await r.press('\u001B?');
		await r.until(f => f.includes('Keys — Esc or ? closes'), 'help after Esc ?');
		r.app.unmount();
	});
});
