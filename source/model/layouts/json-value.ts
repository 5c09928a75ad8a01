// A JSON file's value, parsed once: two readers (timed JSON, then JSON turns)
// ask of the same text one after the other, and each asks twice (detects, then
// parses). Null for text that is not JSON.
let last: {text: string; value: unknown} | null = null;

export function jsonValue(text: string): unknown {
	if (last?.text === text) return last.value;
	let value: unknown = null;
	try {
		value = JSON.parse(text);
	} catch {}
	last = {text, value};
	return value;
}
