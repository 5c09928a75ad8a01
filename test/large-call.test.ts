// A call far larger than any real one must open: a turn that wraps to more
// lines than a function call may take arguments (~120k) overflowed the stack.
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {loadBytes} from '../source/model/input/load.ts';
import {buildStore} from '../source/model/store/store.ts';
import {layoutCall} from '../source/ui/layout/lines.ts';

const storeOf = (text: string) => {
	const loaded = loadBytes(new TextEncoder().encode(text), 'big.txt');
	assert.ok(loaded.ok);
	return buildStore([{source: loaded.source}]);
};

describe('a very large call', () => {
	it("one speaker and 'ok.' 130,000 times lays out at 100x30, every paragraph kept", () => {
		const call = storeOf(`Operator: Welcome to the earnings call.\n\nBob Jones: Thanks.\n\nAlice Smith: ${'ok.\n\n'.repeat(130_000)}`).calls[0]!;
		const layout = layoutCall(call, null, false, 76);
		assert.ok(layout.lines.length > 250_000);
		assert.equal(layout.lines.filter(l => l.text === 'ok.' || l.text.endsWith('ok.')).length, 130_000);
	});

	it('a 9.9 MB one-line turn lays out, then again at a narrower width', () => {
		const call = storeOf(`Operator: Welcome to the earnings call.\n\nBob Jones: Thanks.\n\nAlice Smith: ${'word '.repeat(1_980_000)}\n`).calls[0]!;
		const wide = layoutCall(call, null, false, 76);
		const narrow = layoutCall(call, null, false, 36);
		assert.ok(narrow.lines.length > wide.lines.length);
		assert.ok(wide.lines.length > 120_000);
	});
});
