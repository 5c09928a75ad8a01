// Shared test fixtures: the bundled calls parsed once, and small builders.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {loadBytes} from '../source/model/input/load.ts';
import {loadLibrary} from '../source/model/input/library.ts';
import {parseTranscript} from '../source/model/parse/parse.ts';
import type {Store} from '../source/model/store/store.ts';
import type {Call, ParsedCall} from '../source/model/types.ts';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const fixture = (name: string) => `${root}test/fixtures/${name}`;
export const transcript = (name: string) => `${root}transcripts/${name}`;

let store: Store | undefined;
/** The five bundled calls, parsed once per test file. */
export function bundled(): Store {
	store ??= loadLibrary();
	return store;
}

export function bundledCall(id: string): Call {
	const call = bundled().call(id);
	if (!call) throw new Error(`no bundled call ${id}`);
	return call;
}

/** Parse a file as the app would (decode, sanitise, parse). */
export function parseFile(path: string): ParsedCall {
	const loaded = loadBytes(readFileSync(path), path);
	if (!loaded.ok) throw new Error(loaded.skipped.reason);
	return parseTranscript(loaded.source.text).call;
}

/** Parse literal text (dedented fixtures in tests). */
export function parseText(text: string): ParsedCall {
	return parseTranscript(text).call;
}

export const speakerName = (call: ParsedCall, turn: number) => {
	const index = call.turns[turn]!.speaker;
	return index === null ? null : call.speakers[index]!.name;
};

/** Turns per speaker name, e.g. {'Operator': 9, 'Elon Musk': 30}. */
export function turnsBySpeaker(call: ParsedCall): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const turn of call.turns) {
		const name = turn.speaker === null ? '(none)' : call.speakers[turn.speaker]!.name;
		counts[name] = (counts[name] ?? 0) + 1;
	}
	return counts;
}
