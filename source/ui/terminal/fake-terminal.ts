// A terminal that is no terminal, for rendering the app off screen: the
// build's warm-up render (script-entry.tsx) and the tests (test/render-at.ts).
// Frames written are kept; keys written to the input reach Ink as typed.
import {EventEmitter} from 'node:events';

export class FakeStdout extends EventEmitter {
	isTTY = true;
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

export class FakeStdin extends EventEmitter {
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
