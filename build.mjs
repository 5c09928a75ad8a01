// Bundles the CLI with esbuild. Why: unbundled, importing Ink costs ~700 ms on
// our 2-core machines; one production bundle starts in ~300 ms. Code splitting
// keeps Ink and React in their own chunk, loaded only on the interactive path,
// so `list`, `show` and `export` never pay for them.
import {build} from 'esbuild';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

// Yoga (Ink's layout engine) ships its wasm as a base64 data: URL and, when a
// global fetch exists, decodes it with fetch(). On Node that loads undici just
// to read a string: measured ~27 ms of the reader's first frame. Emscripten
// decodes the same string synchronously when fetch is absent, so make its
// loader take that path. The build fails if the code it patches changes.
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onLoad({filter: /yoga-wasm-base64-esm\.js$/}, args => {
      const source = readFileSync(args.path, 'utf8');
      const from = 'return w||"function"!=typeof fetch?';
      if (!source.includes(from)) throw new Error(`yoga-without-fetch: "${from}" not found in ${args.path}; re-check the patch`);
      return {contents: source.replace(from, 'return w||!0?'), loader: 'js'};
    });
  },
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
  plugins: [yogaWithoutFetch],
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
rmSync(scratch, {recursive: true, force: true});
if (made.status !== 0) throw new Error('build: writing dist/parsed-calls.json failed');
