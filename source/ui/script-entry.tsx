// The interactive path as one classic script (dist/ui.cjs), so it can be
// loaded with a V8 code cache (cli/load-ui.ts). Why: Node 20 caches no
// compiled code for ES modules, and compiling Ink, React and the app was a
// large part of the first frame.
import {render} from 'ink';
import type {Store} from '../model/store/store.js';
import {App} from './App.js';
import {FakeStdin, FakeStdout} from './terminal/fake-terminal.js';
import {memorySettings} from './settings/settings.js';

export {drawFirstFrame, runInteractive} from './run.js';

/**
 * Renders the app once into a terminal that goes nowhere, at build time, so
 * the functions the first frame runs are compiled before the cache is made.
 */
export async function warmUp(store: Store): Promise<void> {
	const app = render(<App store={store} settings={memorySettings()} />, {
		stdout: new FakeStdout(100, 30) as unknown as NodeJS.WriteStream,
		stderr: new FakeStdout(100, 30) as unknown as NodeJS.WriteStream,
		stdin: new FakeStdin() as unknown as NodeJS.ReadStream,
		exitOnCtrlC: false,
		patchConsole: false,
		incrementalRendering: false,
	});
	await new Promise(resolve => setTimeout(resolve, 50));
	app.unmount();
}
