// The calls a call's metrics are measured against: in a library read from the
// index (thousands of calls, their turns on disk), the calls of the same
// company — its terms ranked against them, its tone against the one before,
// its charts and trends across them — so that no metric reads the whole
// library. A store in memory is its own scope, as before.
import {companyKey} from '../parse/companies.js';
import type {Call} from '../types.js';
import type {Store} from './store.js';

const scopes = new WeakMap<Store, Map<string, Store>>();

/** The company of a call as a key: its canonical name, else its ticker, else the call alone. */
// By the company's name as written: 10,000 calls name a few hundred companies,
// and working a key out is regular expressions (measured: ~40 ms of the first frame).
const byName = new Map<string, string | null>();
function keyOf(call: Call): string {
	const name = call.meta.company;
	let key: string | null = null;
	if (name !== null) {
		key = byName.get(name) ?? null;
		if (!byName.has(name)) byName.set(name, (key = companyKey(name)));
	}
	return key ?? (call.meta.ticker ? `ticker:${call.meta.ticker.toLowerCase()}` : `call:${call.id}`);
}

export function metricScope(store: Store, call: Call): Store {
	if (!store.indexSearch) return store;
	let byKey = scopes.get(store);
	if (!byKey) scopes.set(store, (byKey = new Map()));
	const key = keyOf(call);
	let scope = byKey.get(key);
	if (!scope) {
		const calls = store.calls.filter(c => keyOf(c) === key);
		// Lookups (people, calls by id) are the whole store's; the calls measured are the company's.
		scope = Object.create(store, {calls: {value: calls, enumerable: true}}) as Store;
		byKey.set(key, scope);
	}
	return scope;
}
