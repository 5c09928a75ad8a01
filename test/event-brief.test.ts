// Event Briefs (issue 23.3): StreetEvents calls whose prepared remarks are an
// editor's summary. The summary is a part of its own — neither prepared remarks
// nor Q&A — kept as the outline it is, in no talk share, tone or Q&A figure;
// check, metrics, the sidebar and trends say which calls are briefs.
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {describe, it} from 'node:test';
import {CORPUS} from '../bench/corpus-check.ts';
import {loadLibrary} from '../source/model/input/library.ts';
import {callMetrics} from '../source/model/metrics/metrics.ts';
import {callLanguage} from '../source/model/metrics/language.ts';
import {callReport} from '../source/model/metrics/report.ts';
import {trendRows} from '../source/model/metrics/trends.ts';
import {checkRows, formatShow, plain} from '../source/cli/format.ts';
import {formatCallReport} from '../source/cli/format-metrics.ts';

const dir = join(CORPUS, 'streetevents', 'AAPL');
const skip = existsSync(dir) ? false : '../shared/corpus/ not found (a clone without the shared data): Event Brief tests skipped';

describe('Event Briefs', {skip}, () => {
	const store = skip ? null! : loadLibrary({dirs: [dir], noBundled: true});
	const brief = () => store.calls.find(c => c.meta.date === '2019-04-30')!;

	it('the summary is its own part, its outline kept: each item at its depth', () => {
		const call = brief();
		assert.deepEqual([...new Set(call.turns.map(t => t.section))], ['summary', 'qa']);
		const outline = call.turns[2]!.paragraphs;
		assert.deepEqual(outline.slice(0, 4).map(p => [p.level, p.text.slice(0, 21)]), [
			[0, 'I. 2Q19 Review (T.C.)'],
			[1, '1. Highlights:'],
			[2, '1. Revenue $58b, towa'],
			[3, '1. Sees this result a'],
		]);
		const shown = formatShow(call, null, false, plain);
		assert.match(shown, /\(Event Brief: the editor’s summary, not the call’s own words\)\nI\. 2Q19 Review \(T\.C\.\)\n {2}1\. Highlights:\n {4}1\. Revenue \$58b/);
	});

	it('no talk share, tone or Q&A figure is taken from the summary; the call says it is a brief', () => {
		const call = brief();
		const m = callMetrics(call);
		const spoken = call.turns.filter(t => t.section !== 'summary').reduce((n, t) => n + t.words, 0);
		assert.equal(m.words, spoken);
		assert.equal(m.brief, true);
		assert.ok(m.summaryWords > 3000, String(m.summaryWords));
		const shares = m.talk.reduce((n, t) => n + t.share, 0);
		assert.ok(shares > 0.9 && shares <= 1.0001, `talk shares add up to the spoken call: ${shares}`);
		assert.equal(callLanguage(call).total.words, spoken);
		assert.ok(callLanguage(call).figures.every(f => call.turns[f.turn]!.section === 'qa'));
		const report = formatCallReport(callReport(store, call), plain);
		assert.match(report, /all in the Q&A: an Event Brief, whose prepared remarks are an editor’s summary/);
		assert.doesNotMatch(report, /2q19|qtr/, 'the editor’s shorthand is no standout term');
		const check = checkRows(store).find(r => r.call === call.id)!;
		assert.deepEqual(check.warnings, ['an Event Brief: an editor’s summary stands in for the prepared remarks']);
		// A call with prepared remarks is no brief.
		const full = store.calls.find(c => c.turns.some(t => t.section === 'presentation'))!;
		assert.equal(callMetrics(full).brief, false);
		assert.deepEqual(checkRows(store).find(r => r.call === full.id)!.warnings, []);
	});

	it('trends mark which calls are briefs', () => {
		const row = trendRows(store, null, '').find(r => r.label === 'Event Brief')!;
		assert.deepEqual(row.values.map(v => v === 1), store.calls.map(c => c.turns.some(t => t.section === 'summary')));
	});
});
