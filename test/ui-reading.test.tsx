// Reading as one reads in less and vim (issue 14): the place kept as words in
// the text across a resize, a restart and a change of view; who is speaking
// when their heading has scrolled away; counts, %, Ctrl+D; n / N from where
// one reads; a deleted bookmark brought back; a search of the open call only.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {assertFits, KEYS, openReader} from './open-reader.tsx';
import {bundled} from './helpers.ts';
import {anchorAt, layoutCall, lineAt} from '../source/ui/layout/lines.ts';

/** Row `row` of the transcript pane (0: its title; 1: the top line of text): the header, the border, then the pane. */
const paneRow = (frame: string, row: number) => (frame.split('\n')[2 + row] ?? '').split(/[┃│]/)[3]?.trim() ?? '';
/** The first words in the pane: its first line of text that is not blank. */
const topText = (frame: string) => {
	for (let row = 1; row < 6; row++) if (paneRow(frame, row)) return paneRow(frame, row);
	return '';
};

describe('the place is words, not a line', () => {
	it('a place found again at another width is the line holding the same words', () => {
		const call = bundled().call('tesla-2017-q2')!;
		const wide = layoutCall(call, null, false, 180);
		const narrow = layoutCall(call, null, false, 60);
		for (const line of [40, 333, 800]) {
			const place = anchorAt(wide, line);
			assert.equal(typeof place, 'object');
			const lead = typeof place === 'object' ? place.lead : 0;
			const at = lineAt(narrow, place);
			// The line of text the place is anchored on, in each layout (the pane starts `lead` lines above it).
			const a = wide.lines[line + lead]!;
			const b = narrow.lines[at + lead]!;
			assert.equal(b.turn, a.turn);
			// The narrow line holds the words the wide line began with.
			const from = a.start ?? 0;
			assert.ok(b.paragraph === a.paragraph && b.start! <= from && from < b.start! + b.text.length + 1, `${line}: ${a.text} / ${b.text}`);
		}
	});

	it('resized from 200x50 to 80x24, the same words stay at the top', async () => {
		const r = await openReader(200, 50);
		await r.press(KEYS.tab, ...'40%');
		let f = await r.until(f => / 40% ┃/.test(f), '40% in');
		const words = topText(f).split(' ').slice(0, 3).join(' ');
		assert.ok(words.length > 5, words);
		await r.resize(80, 24);
		f = await r.until(f => f.split('\n').length <= 23 && f.includes('┃'), 'the frame at 80x24');
		assertFits(f, 80, 24);
		// At 80 columns the line that held them starts earlier or at them: they are on it.
		assert.ok(topText(f).includes(words), `${words} at the top:\n${f}`);
		r.app.unmount();
	});

	it('a restart at another size opens at the same words (the place is kept in the settings)', async () => {
		const first = await openReader(200, 50);
		await first.press(KEYS.tab, ...'60%');
		const f = await first.until(f => / 60% ┃/.test(f), '60% in');
		const words = topText(f).split(' ').slice(0, 2).join(' ');
		await first.press('q');
		const saved = first.settings.initial;
		first.app.unmount();
		const again = await openReader(80, 24, saved);
		const g = await again.until(f => f.includes('Q2 2017'), 'the reader again');
		assert.ok(topText(g).includes(words), `${words}:\n${g}`);
		again.app.unmount();
	});

	it('x clears a filter with the same words at the top; a heading scrolled away is named on the first line', async () => {
		const r = await openReader(120, 40, {filter: {person: 'elon-musk', answers: false}});
		await r.press(KEYS.tab, 'j', 'j', 'j');
		// The pane's title is the filter's person; the turn's speaker follows it once the heading is gone.
		let f = await r.until(f => paneRow(f, 0).startsWith('Elon Reeve Musk · Elon Reeve Musk'), 'the speaker named on the pane’s first line');
		const words = topText(f);
		await r.press('x');
		f = await r.until(f => !f.includes('Filter: Elon'), 'the filter cleared');
		assert.equal(topText(f), words);
		r.app.unmount();
	});

	it('in the Q&A, the first line says whose question the answer answers', async () => {
		const r = await openReader(120, 40);
		await r.press(KEYS.tab, ...'50%');
		for (let i = 0; i < 40; i++) {
			if (/answering /.test(paneRow(r.frame(), 0))) break;
			await r.press('j');
		}
		assert.match(paneRow(r.frame(), 0), /^Q2 2017 · [A-Z][\w. -]+, answering [A-Z]/);
		r.app.unmount();
	});
});

describe('habits of less and vim', () => {
	it('5j moves five lines, 50% goes half-way, Ctrl+D half a page, and G to the end', async () => {
		const r = await openReader(100, 30);
		await r.press(KEYS.tab, '5', 'j');
		let f = await r.until(f => f.includes('Q2 2017'), 'moved');
		const five = topText(f);
		await r.press('g', 'j', 'j', 'j', 'j', 'j');
		f = r.frame();
		assert.equal(topText(f), five, '5j is five j');
		await r.press('5', '0', '%');
		await r.until(f => / 50% ┃/.test(f), 'half-way');
		await r.press('\u0004');
		await r.until(f => / 5[1-9]% ┃/.test(f), 'half a page further');
		await r.press('G');
		await r.until(f => / end ┃/.test(f), 'the end');
		r.app.unmount();
	});

	it('in the call list: 2j, G and g, and a count before }', async () => {
		const r = await openReader(100, 30);
		await r.press('g');
		await r.until(f => f.includes('Calls        1/5'), 'the first call');
		await r.press('2', 'j');
		await r.until(f => f.includes('Calls        3/5'), 'two down');
		await r.press(KEYS.enter);
		await r.until(f => f.startsWith('earnings-reader  Tesla · Q3 2012'), 'Q3 2012');
		await r.press('2', '}');
		await r.until(f => f.startsWith('earnings-reader  Tesla · Q2 2017'), 'two calls on');
		r.app.unmount();
	});
});

describe('find and keep', () => {
	it('u in the bookmarks brings back the one just deleted', async () => {
		const r = await openReader(100, 30, {bookmarks: [{call: 'tesla-2017-q2', turn: 5, note: 'keep me', quote: ''} as never]});
		await r.press("'");
		await r.until(f => f.includes('keep me'), 'the bookmark');
		await r.press('d');
		await r.until(f => f.includes('u brings it back') && !f.includes('keep me'), 'deleted');
		await r.press('u');
		await r.until(f => f.includes('keep me'), 'back');
		r.app.unmount();
	});

	it('Ctrl+O on the search line limits the search to the open call', async () => {
		const r = await openReader(140, 40);
		await r.press('/', ...'gigafactory');
		await r.until(f => f.includes('22 hits in 2 calls'), 'all calls');
		await r.press('\u000f');
		const f = await r.until(f => f.includes('7 hits in 1 call'), 'the open call only');
		// No result of another call: every result row names Q2 2017.
		assert.doesNotMatch(f, /┃ +(?:› )?[A-Z][^┃]*? {2}Q4 2016/);
		r.app.unmount();
	});
});
