// Keys for the app, read from what the terminal sends (see key-reader.ts),
// instead of Ink's useInput, which hands a run of text or a terminal reply
// over as one "key" with its escape byte cut off.
import {useStdin} from 'ink';
import {useEffect, useRef} from 'react';
import {createKeyReader} from './key-reader.js';

export function useKeys(onKey: (name: string) => void): void {
	const {setRawMode, internal_eventEmitter: events} = useStdin();
	const handler = useRef(onKey);
	handler.current = onKey;
	useEffect(() => {
		setRawMode(true);
		return () => setRawMode(false);
	}, [setRawMode]);
	useEffect(() => {
		const reader = createKeyReader();
		let ending: NodeJS.Immediate | undefined;
		// Ink emits the pieces of one read in one go; the read ends when they stop.
		const onInput = (data: string) => {
			for (const name of reader.push(data)) handler.current(name);
			if (ending) clearImmediate(ending);
			ending = setImmediate(() => reader.end());
		};
		events?.on('input', onInput);
		return () => {
			events?.off('input', onInput);
			if (ending) clearImmediate(ending);
		};
	}, [events]);
}
