// The reader rendered for a test at a fixed size, with real key input.
// Ink has no act(): wait a tick before keys, poll for the expected frame.
import assert from 'node:assert/strict';
import {App} from '../source/ui/App.tsx';
import {memorySettings, type SavedSettings, type Settings} from '../source/ui/settings/settings.ts';
import {textWidth} from '../source/ui/layout/wrap.ts';
import {bundled} from './helpers.ts';
import type {Store} from '../source/model/store/store.ts';
import {renderAt} from './render-at.ts';

export const KEYS = {enter: '\r', escape: '\u001B', down: '\u001B[B', up: '\u001B[A', tab: '\t'};
export const tick = (ms = 20) => new Promise(r => setTimeout(r, ms));

/** `options.settings`: real settings (a file), instead of ones in memory from `initial` (then `settings` of the result is unused). */
export async function openReader(cols: number, rows: number, initial: SavedSettings = {}, options: {settings?: Settings; exportDir?: string; store?: Store} = {}) {
	const memory = memorySettings(initial);
	const settings = options.settings ?? memory;
	const tree = (c: number, r: number) => <App store={options.store ?? bundled()} settings={settings} cols={c} rows={r} exportDir={options.exportDir} />;
	// The fake terminal is as large as the largest size a test resizes to.
	const app = renderAt(tree(cols, rows), Math.max(cols, 200), Math.max(rows, 50));
	/** The terminal resized: the same reader, drawn at the new size. */
	const resize = async (c: number, r: number) => {
		app.rerender(tree(c, r));
		await tick(50);
	};
	await tick(50);
	const frame = () => (app.lastFrame() ?? '').replace(/\u001B\[[0-9;]*m/g, '');
	const until = async (test: (f: string) => boolean, what: string) => {
		for (let i = 0; i < 150; i++) {
			if (test(frame())) return frame();
			await tick(10);
		}
		assert.fail(`never saw ${what}; last frame:\n${frame()}`);
	};
	const press = async (...keys: string[]) => {
		for (const k of keys) {
			app.stdin.write(k);
			await tick(25);
		}
	};
	return {app, frame, until, press, resize, settings: memory};
}

/** Every line fits the width and the frame is at most rows − 1 tall. */
export function assertFits(frame: string, cols: number, rows: number) {
	const lines = frame.split('\n');
	assert.ok(lines.length <= rows - 1, `frame is ${lines.length} rows, terminal ${rows}`);
	for (const line of lines) assert.ok(textWidth(line) <= cols, `line wider than ${cols}: ${line}`);
}
