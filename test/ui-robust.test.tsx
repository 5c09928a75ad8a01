// The reader's smaller promises: q quits from every list, files not loaded
// are said and listed, characters of disputed width are drawn as a terminal
// draws them.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {loadBytes} from '../source/model/input/load.ts';
import {sanitizeText} from '../source/model/input/sanitize.ts';
import {buildStore} from '../source/model/store/store.ts';
import {App} from '../source/ui/App.tsx';
import {memorySettings} from '../source/ui/settings/settings.ts';
import {bundled} from './helpers.ts';
import {assertFits, KEYS, openReader, tick} from './open-reader.tsx';
import {renderAt} from './render-at.ts';

describe('reader: q quits where no line takes letters', () => {
	for (const [name, keys] of [['help', ['?']], ['compare', ['c']], ['bookmarks', ["'"]]] as const) {
		it(`from the ${name} view`, async () => {
			const r = await openReader(100, 30);
			let exited = false;
			void r.app.waitUntilExit().then(() => (exited = true));
			await r.press(...keys);
			await tick(50);
			await r.press('q');
			for (let i = 0; i < 50 && !exited; i++) await tick(10);
			assert.ok(exited, `q did not quit from ${name}`);
		});
	}

	it('but on the search line q is a letter', async () => {
		const r = await openReader(100, 30);
		await r.press('/', 'q');
		await r.until(f => /Search: q|\/q/.test(f), 'q typed');
		r.app.unmount();
	});
});

describe('reader: files not loaded', () => {
	it('are said at the start and listed with their reasons in ?', async () => {
		const store = bundled();
		const withSkips = {...store, skipped: [{path: '/lib/notes.csv', reason: 'no transcript found'}, {path: '/lib/scan.pdf', reason: 'binary file, not text'}]} as typeof store;
		const app = renderAt(<App store={withSkips} settings={memorySettings()} cols={120} rows={40} />, 120, 40);
		const frame = () => (app.lastFrame() ?? '').replace(/\u001B\[[0-9;]*m/g, '');
		for (let i = 0; i < 50 && !frame().includes('not loaded'); i++) await tick(10);
		assert.match(frame(), /2 files not loaded \(not transcripts, or unreadable\); \? lists them\./);
		app.stdin.write('?');
		for (let i = 0; i < 50 && !frame().includes('Not loaded: 2 files'); i++) await tick(10);
		let f = frame();
		for (let i = 0; i < 150 && !f.includes('scan.pdf'); i++) {
			app.stdin.write('j');
			await tick(15);
			f = frame();
		}
		assert.match(f, /\/lib\/notes\.csv: no transcript found/);
		assert.match(f, /\/lib\/scan\.pdf: binary file, not text/);
		app.unmount();
	});
});

describe('width traps', () => {
	it('Hangul fillers become spaces and soft hyphens go, so a row is as wide as the terminal draws it', async () => {
		assert.equal(sanitizeText('a\u115Fb\u3164c\uFFA0d\u00ADe\u1160f'), 'a b c def');
		const text = `Operator: Welcome to the earnings call.\n\nAlice Smith: Revenue\u115F\u115F grew\u3164 in Kor\u00ADea.\n\nBob Jones: Thanks.\n`;
		const loaded = loadBytes(new TextEncoder().encode(text), `/tmp/fill\u115Fer.txt`);
		assert.ok(loaded.ok);
		const store = buildStore([{source: loaded.source}]);
		const app = renderAt(<App store={store} settings={memorySettings()} cols={80} rows={24} />, 80, 24);
		await tick(60);
		const frame = (app.lastFrame() ?? '').replace(/\u001B\[[0-9;]*m/g, '');
		assert.ok(!/[\u115F\u1160\u3164\uFFA0\u00AD]/.test(frame));
		assert.match(frame, /Revenue +grew +in\s/);
		assertFits(frame, 80, 24);
		app.unmount();
	});
});

describe('reader: settings values reach the screen clean', () => {
	it('a bookmark of a call not loaded, its id holding an OSC title: Enter says it is not loaded, in plain text', async () => {
		const {checkSettings} = await import('../source/ui/settings/settings-values.ts');
		const {settings} = checkSettings({bookmarks: [{call: 'gone\u001B]0;PWNED\u0007-call', turn: 1, snippet: '', note: 'n\u009B2J', created: ''}]});
		const app = renderAt(<App store={bundled()} settings={memorySettings(settings)} cols={100} rows={30} />, 100, 30);
		await tick(50);
		app.stdin.write("'");
		await tick(40);
		app.stdin.write('\r');
		const raw = () => app.lastFrame() ?? '';
		for (let i = 0; i < 50 && !raw().includes('is not loaded'); i++) await tick(10);
		assert.match(raw().replace(/\u001B\[[0-9;]*m/g, ''), /gone-call is not loaded\./);
		assert.ok(!/\u0007|\u001B\]|\u009B/.test(raw()));
		app.unmount();
	});
});

describe('reader: a flagged call', () => {
	it('is marked ! in the call list (check says why)', async () => {
		const store = bundled();
		const calls = store.calls.map((c, i) => (i === 0 ? {...c, errors: ['only 80.0% of the text is in turns']} : c));
		const app = renderAt(<App store={{...store, calls} as typeof store} settings={memorySettings()} cols={100} rows={30} />, 100, 30);
		await tick(60);
		const frame = (app.lastFrame() ?? '').replace(/\u001B\[[0-9;]*m/g, '');
		assert.match(frame, /[│┃]!Q2 2011 +31q[│┃]/);
		assert.match(frame, /[│┃] Q1 2012 +41q[│┃]/);
		app.unmount();
	});
});
