// The corpus yardstick: every file of ../shared/corpus/ parsed as a user's
// folder would be, against counts.tsv (turns, speakers, sections, date,
// company). Printed as a table per folder; test/corpus.test.ts holds the
// tolerances of issue 12 (turns within max(3, 5 %), speakers within 2).
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {loadFile} from '../source/model/input/load.ts';
import {parseTranscript} from '../source/model/parse/parse.ts';

export const CORPUS = new URL('../../shared/corpus/', import.meta.url).pathname;

/**
 * The folders whose layouts have landed: the test holds every row of these to
 * the tolerances; the others are printed by the bench and listed as to do.
 * A folder joins when its reader lands (issue 22 lands them one by one).
 */
export const LANDED = ['motley-fool-json', 'seeking-alpha', 'streetevents', 'earningscall-biz', 'timed', 'pdf'];

export interface Row {
	file: string;
	folder: string;
	expected: {turns: number; speakers: number; prepared: boolean; qa: boolean; date: string | null; company: string | null; qaStart: number | null};
	got: {turns: number; speakers: number; prepared: boolean; qa: boolean; date: string | null; company: string | null; qaStart: number | null; layout: string} | null;
	error?: string;
}

export function corpusRows(): Row[] | null {
	if (!existsSync(join(CORPUS, 'counts.tsv'))) return null;
	const lines = readFileSync(join(CORPUS, 'counts.tsv'), 'utf8').trim().split('\n').slice(1);
	return lines.map(line => {
		const [file, turns, speakers, prepared, qa, date, company, qaStart] = line.split('\t');
		const expected = {turns: Number(turns), speakers: Number(speakers), prepared: prepared === 'yes', qa: qa === 'yes', date: date || null, company: company || null, qaStart: qaStart ? Number(qaStart) : null};
		const folder = file!.split('/')[0]!;
		const loaded = loadFile(join(CORPUS, file!));
		if (!loaded.ok) return {file: file!, folder, expected, got: null, error: loaded.skipped.reason};
		const {call} = parseTranscript(loaded.source.text);
		const used = new Set(call.turns.map(t => t.speaker).filter(s => s !== null));
		const counted = call.turns.filter(t => t.section !== 'summary');
		const firstQa = counted.findIndex(t => t.section === 'qa');
		return {
			file: file!,
			folder,
			expected,
			got: {
				// counts.tsv counts an Event Brief's summary neither as a turn nor as prepared remarks.
				turns: counted.length,
				speakers: used.size,
				prepared: call.turns.some(t => t.section === 'presentation'),
				qa: call.turns.some(t => t.section === 'qa'),
				date: call.meta.date,
				company: call.meta.company,
				qaStart: firstQa >= 0 ? firstQa + 1 : null,
				layout: call.layout,
			},
		};
	});
}

export const turnsOk = (r: Row) => r.got !== null && Math.abs(r.got.turns - r.expected.turns) <= Math.max(3, Math.ceil(r.expected.turns * 0.05));
export const speakersOk = (r: Row) => r.got !== null && Math.abs(r.got.speakers - r.expected.speakers) <= 2;
/** The Q&A starts within 3 turns of where counts.tsv says (files with no turns counted give no start). */
export const qaStartOk = (r: Row) => r.expected.qaStart === null || (r.got?.qaStart != null && Math.abs(r.got.qaStart - r.expected.qaStart) <= 3);
export const sectionsOk = (r: Row) => r.got !== null && r.got.prepared === r.expected.prepared && r.got.qa === r.expected.qa;

if (import.meta.url === `file://${process.argv[1]}`) {
	const rows = corpusRows();
	if (!rows) {
		console.log('corpus: ../shared/corpus/ not found, skipped');
	} else {
		const verbose = process.argv.includes('-v');
		for (const folder of [...new Set(rows.map(r => r.folder))]) {
			const mine = rows.filter(r => r.folder === folder);
			const ok = (r: Row) => turnsOk(r) && speakersOk(r) && sectionsOk(r) && qaStartOk(r);
			console.log(`${folder.padEnd(17)} ${String(mine.length).padStart(3)} files: all ok ${String(mine.filter(ok).length).padStart(3)}; turns ${mine.filter(turnsOk).length}, speakers ${mine.filter(speakersOk).length}, sections ${mine.filter(sectionsOk).length}, Q&A start ${mine.filter(qaStartOk).length}${LANDED.includes(folder) ? '' : '  (layout not landed)'}`);
			for (const r of mine) {
				if (!verbose && ok(r)) continue;
				console.log(`  ${r.file}: turns ${r.got?.turns}/${r.expected.turns} speakers ${r.got?.speakers}/${r.expected.speakers} prep ${r.got?.prepared}/${r.expected.prepared} qa ${r.got?.qa}/${r.expected.qa} qa start ${r.got?.qaStart}/${r.expected.qaStart} ${r.got?.layout ?? r.error}`);
			}
		}
	}
}
