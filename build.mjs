// Bundles the CLI with esbuild. Why: unbundled, importing Ink costs ~700 ms on
// our 2-core machines; one production bundle starts in ~300 ms. Code splitting
// keeps Ink and React in their own chunk, loaded only on the interactive path,
// so `list`, `show` and `export` never pay for them.
import {build} from 'esbuild';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {inkWithoutDevAwaits, sliceAnsiLazySegmenter, styledCharsSameStyle, tokenizeByCodeUnit, yogaWithoutFetch} from './source/build/dependency-patches.mjs';

// string-width-fast.ts falls back to the real string-width; in the bundle that
// module loads on first use (see string-width-lazy.cjs).
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    b.onResolve({filter: /node_modules\/string-width\/index\.js$/}, args =>
      args.importer.endsWith('string-width-fast.ts') ? {path: new URL('./source/ui/string-width-lazy.cjs', import.meta.url).pathname} : undefined);
  },
};

const aliases = {
  // Ink imports react-devtools-core only when DEV is set; it is not a dependency.
  'react-devtools-core': './source/ui/devtools-stub.ts',
  // Measured: string-width was the largest cost of the first frame; see the file.
  'string-width': './source/ui/string-width-fast.ts',
  // Ink renders nothing live when CI is set; see the file.
  'is-in-ci': './source/ui/not-in-ci.ts',
};

rmSync('dist', {recursive: true, force: true});
await build({
  entryPoints: {cli: 'source/cli/main.ts', 'parse-worker': 'source/cli/parse-worker.ts'},
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  // React's development build leaks memory per frame and is slower: ship production.
  define: {'process.env.NODE_ENV': '"production"'},
  // Ink imports react-devtools-core only when DEV is set; it is not a dependency.
  alias: {
    'react-devtools-core': './source/ui/devtools-stub.ts',
    // Measured: string-width was the largest cost of the first frame; see the file.
    'string-width': './source/ui/string-width-fast.ts',
    // Ink renders nothing live when CI is set; see the file.
    'is-in-ci': './source/ui/not-in-ci.ts',
  },
  // Some of Ink's dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: {
    js: "#!/usr/bin/env node\nimport {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);",
  },
  plugins: [yogaWithoutFetch, lazyStringWidth, tokenizeByCodeUnit, sliceAnsiLazySegmenter, styledCharsSameStyle],
  logLevel: 'warning',
});

// The bundled calls' parses, made by this build's parser: the reader reads them
// back at start-up instead of parsing (see ParseCache in source/model/store.ts).
// A clone run from source has no such file and parses, which is only slower.
const scratch = mkdtempSync(join(tmpdir(), 'earnings-reader-build-'));
const writer = join(scratch, 'write-parse-cache.mjs');
await build({
  entryPoints: ['source/cli/write-parse-cache.ts'],
  outfile: writer,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The writer finds transcripts/ by walking up from itself, as the CLI does; tell it where the package is.
  define: {'import.meta.url': JSON.stringify(new URL('./dist/cli.js', import.meta.url).href)},
  banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
  logLevel: 'warning',
});
const made = spawnSync(process.execPath, [writer, 'dist/parsed-calls.json'], {stdio: 'inherit'});
if (made.status !== 0) throw new Error('build: writing dist/parsed-calls.json failed');

// The reader itself (Ink, React, the app) as one classic script, so that it
// can start from V8's cached code (source/cli/load-ui.ts). Yoga stays out: it
// is an ES module with a top-level await, and load-ui.ts hands it in.
await build({
  entryPoints: ['source/ui/script-entry.tsx'],
  outfile: 'dist/ui.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  define: {'process.env.NODE_ENV': '"production"', 'import.meta.url': '__ui_url'},
  alias: aliases,
  external: ['yoga-layout'],
  plugins: [inkWithoutDevAwaits, lazyStringWidth, tokenizeByCodeUnit, sliceAnsiLazySegmenter, styledCharsSameStyle],
  logLevel: 'warning',
});
// The cache: made by running the script once and rendering a first frame, so
// the functions that frame needs are compiled when V8 writes it.
const uiWriter = join(scratch, 'write-ui-cache.mjs');
await build({
  entryPoints: ['source/cli/write-ui-cache.ts'],
  outfile: uiWriter,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  define: {'import.meta.url': JSON.stringify(new URL('./dist/cli.js', import.meta.url).href)},
  banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
  plugins: [yogaWithoutFetch],
  logLevel: 'warning',
});
// Its stderr is kept: Ink shows the cursor there on exit, which a build log does not need.
const cached = spawnSync(process.execPath, [uiWriter, 'dist/ui.cjs', 'dist/ui.cache', new URL('./dist/cli.js', import.meta.url).href], {stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8'});
rmSync(scratch, {recursive: true, force: true});
if (cached.status !== 0) throw new Error(`build: writing dist/ui.cache failed\n${cached.stderr}`);
