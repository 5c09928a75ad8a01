// npm run bench: the figures our issues set targets for, measured here.
import {spawnSync} from 'node:child_process';
import {mkdirSync} from 'node:fs';
import {build} from 'esbuild';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function bundle(entry: string, out: string) {
	mkdirSync('.tmp', {recursive: true});
	await build({entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'esm', minify: true, logLevel: 'warning',
		define: {'process.env.NODE_ENV': '"production"'},
		banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"}});
}

async function parseAndIndex() {
	// The probe sits beside the package root so it finds transcripts/ as the CLI does.
	await bundle('bench/parse-probe.ts', '.tmp/parse-probe.mjs');
	const runs = Array.from({length: 7}, () => JSON.parse(spawnSync(process.execPath, ['.tmp/parse-probe.mjs'], {encoding: 'utf8'}).stdout));
	console.log(`parse + index five calls (${runs[0].turns} turns): cold ${fmt(median(runs.map(r => r.cold)))} (median of 7 fresh processes), warm ${fmt(median(runs.map(r => r.warm)))}  [target < 20 ms]`);
}

await parseAndIndex();
