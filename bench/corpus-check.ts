// The corpus yardstick: every file of ../shared/corpus/ parsed as a user's
// folder would be, against counts.tsv (turns, speakers, sections, date,
// company). Printed as a table per folder; test/corpus.test.ts holds the
// tolerances of issue 12 (turns within max(3, 5 %), speakers within 2).
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {loadFile} from '../source/model/input/load.ts';
import {parseTranscript} from '../source/model/parse/parse.ts';

export const CORPUS = new URL('../../shared/corpus/', import.meta.url).pathname;

export interface Row {
	file: string;
	folder: string;
	expected: {turns: number; speakers: number; prepared: boolean; qa: boolean; date: string | null; company: string | null};
	got: {turns: number; speakers: number; prepared: boolean; qa: boolean; date: string | null; company: string | null; layout: string} | null;
	error?: string;
}

export function corpusRows(): Row[] | null {
	if (!existsSync(join(CORPUS, 'counts.tsv'))) return null;
	const lines = readFileSync(join(CORPUS, 'counts.tsv'), 'utf8').trim().split('\n').slice(1);
	return lines.map(line => {
		const [file, turns, speakers, prepared, qa, date, company] = line.split('\t');
		const expected = {turns: Number(turns), speakers: Number(speakers), prepared: prepared === 'yes', qa: qa === 'yes', date: date || null, company: company || null};
		const folder = file!.split('/')[0]!;
		const loaded = loadFile(join(CORPUS, file!));
		if (!loaded.ok) return {file: file!, folder, expected, got: null, error: loaded.skipped.reason};
		const {call} = parseTranscript(loaded.source.text);
		const used = new Set(call.turns.map(t => t.speaker).filter(s => s !== null));
		return {
			file: file!,
			folder,
			expected,
			got: {
				// counts.tsv counts an Event Brief's summary neither as a turn nor as prepared remarks.
				turns: call.turns.filter(t => t.section !== 'summary').length,
				speakers: used.size,
				prepared: call.turns.some(t => t.section === 'presentation'),
				qa: call.turns.some(t => t.section === 'qa'),
				date: call.meta.date,
				company: call.meta.company,
				layout: call.layout,
			},
		};
	});
}

export const turnsOk = (r: Row) => r.got !== null && Math.abs(r.got.turns - r.expected.turns) <= Math.max(3, Math.ceil(r.expected.turns * 0.05));
export const speakersOk = (r: Row) => r.got !== null && Math.abs(r.got.speakers - r.expected.speakers) <= 2;
export const sectionsOk = (r: Row) => r.got !== null && r.got.prepared === r.expected.prepared && r.got.qa === r.expected.qa;

if (import.meta.url === `file://${process.argv[1]}`) {
	const rows = corpusRows();
	if (!rows) {
		console.log('corpus: ../shared/corpus/ not found, skipped');
	} else {
		const verbose = process.argv.includes('-v');
		for (const folder of [...new Set(rows.map(r => r.folder))]) {
			const mine = rows.filter(r => r.folder === folder);
			console.log(`${folder}: ${mine.length} files; turns ok ${mine.filter(turnsOk).length}, speakers ok ${mine.filter(speakersOk).length}, sections ok ${mine.filter(sectionsOk).length}`);
			for (const r of mine) {
				if (!verbose && turnsOk(r) && speakersOk(r) && sectionsOk(r)) continue;
				console.log(`  ${r.file}: turns ${r.got?.turns}/${r.expected.turns} speakers ${r.got?.speakers}/${r.expected.speakers} prep ${r.got?.prepared}/${r.expected.prepared} qa ${r.got?.qa}/${r.expected.qa} ${r.got?.layout ?? r.error}`);
			}
		}
	}
}
