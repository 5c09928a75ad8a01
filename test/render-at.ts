// ink-testing-library renders at 100 columns whatever the app is given, so a
// frame wider than 100 (200x50) comes out clipped. This renders Ink into a fake
// terminal of any size, the same way: frames captured, keys written to stdin.
import {render} from 'ink';
import type {ReactElement} from 'react';
import {FakeStdin, FakeStdout} from '../source/ui/terminal/fake-terminal.ts';

export function renderAt(tree: ReactElement, columns: number, rows: number) {
	const stdout = new FakeStdout(columns, rows);
	const stdin = new FakeStdin();
	const instance = render(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	return {stdin, unmount: instance.unmount, rerender: instance.rerender, waitUntilExit: instance.waitUntilExit, lastFrame: () => stdout.frames[stdout.frames.length - 1]};
}
