// The calls a call's metrics are measured against: the calls of the same
// company — its terms ranked against them, its tone and every "change from
// the previous call" against the company's call before (never another
// company's call of the same day), its charts and trends across them. In a
// library of one company that is the whole store, as before; in one read
// from the index (thousands of calls, their turns on disk) it also keeps any
// metric from reading the whole library.
import type {Call} from '../types.js';
import {companyOf} from './call-list.js';
import type {Store} from './store.js';

const scopes = new WeakMap<Store, Map<string, Store>>();

export function metricScope(store: Store, call: Call): Store {
	let byKey = scopes.get(store);
	if (!byKey) scopes.set(store, (byKey = new Map()));
	// A call of no known company is measured alone.
	const key = companyOf(call) || `call:${call.id}`;
	let scope = byKey.get(key);
	if (!scope) {
		const calls = store.calls.filter(c => (companyOf(c) || `call:${c.id}`) === key);
		// One company's library is its own scope: the same store, and its caches.
		// Lookups (people, calls by id) are the whole store's; the calls measured are the company's.
		scope = calls.length === store.calls.length ? store : (Object.create(store, {calls: {value: calls, enumerable: true}}) as Store);
		byKey.set(key, scope);
	}
	return scope;
}
