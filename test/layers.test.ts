// Arrows point down only: cli → ui → model. The model is pure (no React, no
// Ink, nothing of the UI or the CLI); the UI takes nothing from the CLI.
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {describe, it} from 'node:test';

const source = new URL('../source/', import.meta.url).pathname;
const files = (dir: string): string[] =>
	readdirSync(join(source, dir), {withFileTypes: true}).flatMap(e => (e.isDirectory() ? files(join(dir, e.name)) : /\.(tsx?|mts)$/.test(e.name) ? [join(dir, e.name)] : []));
const imports = (file: string) => [...readFileSync(join(source, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map(m => m[1]!);
/** Where an import lands, as a folder of source/ (`model`, `ui`, `cli`), or the package's name. */
const lands = (file: string, spec: string) => (spec.startsWith('.') ? relative(source, join(source, file, '..', spec)).split('/')[0]! : spec.split('/')[0]!);

describe('layers', () => {
	it('the model imports neither React nor Ink, nor anything of ui/ or cli/', () => {
		const bad = files('model').flatMap(f => imports(f).filter(s => ['react', 'ink', 'ink-text-input', 'ui', 'cli'].includes(lands(f, s))).map(s => `${f}: ${s}`));
		assert.deepEqual(bad, []);
	});
	it('nothing in ui/ imports from cli/', () => {
		const bad = files('ui').flatMap(f => imports(f).filter(s => lands(f, s) === 'cli').map(s => `${f}: ${s}`));
		assert.deepEqual(bad, []);
	});
	it('ui/ is in rooms: panes, overlays, input, layout, hooks, settings, terminal; App, run, its entry and the reducer at the top', () => {
		const top = readdirSync(join(source, 'ui')).sort();
		assert.deepEqual(top, ['App.tsx', 'hooks', 'input', 'layout', 'overlays', 'panes', 'run.tsx', 'script-entry.tsx', 'settings', 'state.ts', 'terminal']);
	});
});
