// Bundles the CLI with esbuild. Why: unbundled, importing Ink costs ~700 ms on
// our 2-core machines; one production bundle starts in ~300 ms. Code splitting
// keeps Ink and React in their own chunk, loaded only on the interactive path,
// so `list`, `show` and `export` never pay for them.
import {build} from 'esbuild';
import {rmSync} from 'node:fs';

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
  logLevel: 'warning',
});
