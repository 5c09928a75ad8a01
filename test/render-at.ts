// ink-testing-library renders at 100 columns whatever the app is given, so a
// frame wider than 100 (200x50) comes out clipped. This renders Ink into a fake
// terminal of any size, the same way: frames captured, keys written to stdin.
import {EventEmitter} from 'node:events';
import {render} from 'ink';
import type {ReactElement} from 'react';

class FakeStdout extends EventEmitter {
	frames: string[] = [];
	constructor(
		readonly columns: number,
		readonly rows: number,
	) {
		super();
	}
	write = (frame: string) => {
		this.frames.push(frame);
		return true;
	};
}

class FakeStdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write = (data: string) => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};
	read = () => {
		const data = this.data;
		this.data = null;
		return data;
	};
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

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
	return {stdin, unmount: instance.unmount, lastFrame: () => stdout.frames[stdout.frames.length - 1]};
}
