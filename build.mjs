// Bundles the CLI with esbuild. Why: unbundled, importing Ink costs ~700 ms on
// our 2-core machines; one production bundle starts in ~300 ms. Ink, React and
// the app are a script of their own (dist/ui.cjs), loaded only on the
// interactive path, so `list`, `show` and `export` never pay for them.
import {build} from 'esbuild';
import {spawnSync} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {chmodSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {inkWithoutDevAwaits, outputSharedBlank, sliceAnsiLazySegmenter, styledCharsSameStyle, tokenizeByCodeUnit, yogaWithoutFetch} from './source/build/dependency-patches.mjs';

// string-width-fast.ts falls back to the real string-width; in the bundle that
// module loads on first use (see string-width-lazy.cjs).
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({filter: /node_modules\/string-width\/index\.js$/}, args =>
      args.importer.endsWith('string-width-fast.ts') ? {path: new URL('./source/ui/terminal/string-width-lazy.cjs', import.meta.url).pathname} : undefined);
  },
};

const aliases = {
  // Ink imports react-devtools-core only when DEV is set; it is not a dependency.
  'react-devtools-core': './source/ui/terminal/devtools-stub.ts',
  // Measured: string-width was the largest cost of the first frame; see the file.
  'string-width': './source/ui/terminal/string-width-fast.ts',
  // Ink renders nothing live when CI is set; see the file.
  'is-in-ci': './source/ui/terminal/not-in-ci.ts',
};

rmSync('dist', {recursive: true, force: true});
const buildId = randomUUID();
await build({
  entryPoints: {cli: 'source/cli/bin.ts', 'parse-worker': 'source/cli/parse-worker.ts', 'index-worker': 'source/cli/index-worker.ts', 'sync-worker': 'source/cli/sync-worker.ts', 'scan-worker': 'source/cli/scan-worker.ts', 'memory-worker': 'source/cli/memory-worker.ts', 'index-job': 'source/cli/index-job.ts', 'pdf-text': 'source/cli/pdf-text.ts'},
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: process.env.ER_NO_MINIFY !== "1",
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  // React's development build leaks memory per frame and is slower: ship production.
  define: {'process.env.NODE_ENV': '"production"'},
  alias: aliases,
  // Some of Ink's dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: {
    js: "#!/usr/bin/env node\nimport {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);",
  },
  // Ink is not in these files (it is in dist/ui.cjs, below); Yoga and string-width are.
  plugins: [yogaWithoutFetch, lazyStringWidth],
  logLevel: 'warning',
});

/**
 * Bundles `entry` as one classic script (CommonJS, production React), to be
 * run with V8's cached code; `urlName` stands for import.meta.url in it, a
 * parameter of the wrapper that runs it (source/cli/cli-script.ts).
 */
async function classicScript(entry, outfile, urlName, more) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: process.env.ER_NO_MINIFY !== "1",
    legalComments: 'none',
    // The build's id: the instant frame (source/cli/instant-frame.ts) keeps no frame across builds.
    define: {'process.env.NODE_ENV': '"production"', 'import.meta.url': urlName, __ER_BUILD__: JSON.stringify(buildId)},
    alias: aliases,
    logLevel: 'warning',
    ...more,
  });
}

/**
 * Bundles a build step from source/cli/ and runs it with `args`: it writes a
 * file of dist/. The step finds the package as the CLI does, from dist/cli.js.
 * Its stderr is shown only if it fails (the UI's warm-up writes a cursor code there).
 */
async function runStep(entry, args, plugins = [], stdout = 'inherit') {
  const out = join(scratch, `${entry.replace(/^.*\//, '').replace(/\.ts$/, '')}.mjs`);
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    define: {'import.meta.url': JSON.stringify(distCli)},
    banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
    plugins,
    logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, [out, ...args], {stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8'});
  if (run.status !== 0) throw new Error(`build: ${entry} ${args.join(' ')} failed\n${run.stderr}`);
}
const distCli = new URL('./dist/cli.js', import.meta.url).href;
const scratch = mkdtempSync(join(tmpdir(), 'earnings-reader-build-'));

// The CLI itself as one classic script, so that it starts from V8's cached
// code (source/cli/bin.ts); its workers stay the ES modules above. Yoga is
// imported by the entry module and handed in (yoga-import-script.ts).
const yogaFromEntry = {
  name: 'yoga-from-entry',
  setup(b) {
    b.onResolve({filter: /\/yoga-import\.js$/}, args => ({path: new URL('./source/cli/yoga-import-script.ts', import.meta.url).pathname}));
  },
};
await classicScript('source/cli/main.ts', 'dist/main.cjs', '__main_url', {plugins: [yogaFromEntry, lazyStringWidth]});

// The bundled calls' parses, made by this build's parser: the reader reads them
// back at start-up instead of parsing (see ParseCache in source/model/store/store.ts).
// A clone run from source has no such file and parses, which is only slower.
await runStep('source/cli/write-parse-cache.ts', ['dist/parsed-calls.json']);
// After the parses: the cache step's `list` reads them, as a command does.
await runStep('source/cli/write-main-cache.ts', ['dist/main.cjs', 'dist/main.cache', distCli], [yogaWithoutFetch], 'ignore');

// The reader itself (Ink, React, the app) as one classic script, so that it
// can start from V8's cached code (source/cli/load-ui.ts). Yoga stays out: it
// is an ES module with a top-level await, and load-ui.ts hands it in.
await classicScript('source/ui/script-entry.tsx', 'dist/ui.cjs', '__ui_url', {
  external: ['yoga-layout'],
  plugins: [inkWithoutDevAwaits, lazyStringWidth, tokenizeByCodeUnit, sliceAnsiLazySegmenter, styledCharsSameStyle, outputSharedBlank],
});
// The cache: made by running the script once and rendering a first frame, so
// the functions that frame needs are compiled when V8 writes it.
await runStep('source/cli/write-ui-cache.ts', ['dist/ui.cjs', 'dist/ui.cache', distCli], [yogaWithoutFetch]);
rmSync(scratch, {recursive: true, force: true});
// The command npm links (bin): esbuild writes it without the run bit, and a
// rebuild (npm test builds) would leave `npx earnings-reader` with "Permission denied".
chmodSync(new URL('./dist/cli.js', import.meta.url), 0o755);
