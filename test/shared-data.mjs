// Run by `npm test` before the tests: one line saying whether ../shared/ (the
// real transcripts, formats and labels the corpus tests read) is beside this
// clone. Without it those tests skip, each with its reason; this line says so
// once, at the top, so that a plain clone's green run is not mistaken for a full one.
import {existsSync} from 'node:fs';

const shared = new URL('../../shared/', import.meta.url);
const parts = ['seeds', 'formats', 'corpus', 'labels'];
const missing = parts.filter(p => !existsSync(new URL(`${p}/`, shared)));
if (missing.length === parts.length) {
	console.log(`../shared/ not found beside this clone: the tests on real transcripts and labels (${parts.join(', ')}) skip, each saying so.`);
} else if (missing.length) {
	console.log(`../shared/ lacks ${missing.join(', ')}: the tests that read them skip, each saying so.`);
}
