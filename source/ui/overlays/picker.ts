// Who the speaker picker offers: the people of the open call (most words
// first), then everyone else across the loaded calls; fuzzysort as you type.
import fuzzysort from 'fuzzysort';
import type {Person, Store} from '../../model/store/store.js';
import type {Call} from '../../model/types.js';

export interface Candidate {
	person: Person;
	inCall: boolean;
}

export function pickerCandidates(store: Store, call: Call, query: string): Candidate[] {
	const words = new Map<string, number>();
	for (const turn of call.turns) {
		if (turn.speaker === null) continue;
		const id = call.speakers[turn.speaker]!.id;
		words.set(id, (words.get(id) ?? 0) + turn.words);
	}
	const all = store.people
		.map(person => ({person, inCall: words.has(person.id)}))
		.sort((a, b) => Number(b.inCall) - Number(a.inCall) || (words.get(b.person.id) ?? 0) - (words.get(a.person.id) ?? 0));
	const q = query.trim();
	if (!q) return all;
	const hits = fuzzysort.go(q, all, {keys: [c => c.person.name, c => c.person.spellings.join(' '), c => c.person.firms.join(' ')], threshold: 0.2});
	return hits.map(h => h.obj).sort((a, b) => Number(b.inCall) - Number(a.inCall));
}
