// Patches to dependencies, applied by esbuild when it bundles them
// (build.mjs). Each one is measured and says why; test/build.test.ts checks
// that the patched tokenizer and frame writer answer exactly as the originals.
import {readFileSync} from 'node:fs';

/**
 * A plugin that makes exact text replacements in one dependency's file. The
 * build fails when a text is not found: the dependency changed, so the patch
 * must be looked at again rather than silently not applied.
 */
export function patch(name, file, replacements) {
  return {
    name,
    setup(b) {
      b.onLoad({filter: file}, args => ({contents: applyPatch(name, args.path, replacements), loader: 'js'}));
    },
  };
}

/** The file at `path` with the replacements made; throws if one is not found. */
export function applyPatch(name, path, replacements) {
  let source = readFileSync(path, 'utf8');
  for (const [from, to] of replacements) {
    if (!source.includes(from)) throw new Error(`${name}: "${from}" not found in ${path}; re-check the patch`);
    source = source.replace(from, to);
  }
  return source;
}

// Yoga (Ink's layout engine) ships its wasm as a base64 data: URL and, when a
// global fetch exists, decodes it with fetch(). On Node that loads undici just
// to read a string: measured ~27 ms of the reader's first frame. Emscripten
// decodes the same string synchronously when fetch is absent, so make its
// loader take that path.
export const yogaWithoutFetch = patch('yoga-without-fetch', /yoga-wasm-base64-esm\.js$/, [['return w||"function"!=typeof fetch?', 'return w||!0?']]);

// Ink awaits at top level in two places, both only when DEV is set (React
// devtools, its own package.json). A classic script cannot hold a top-level
// await, and the reader ships as one (dist/ui.cjs, below): drop those branches.
export const inkWithoutDevAwaits = patch('ink-without-dev-awaits', /ink[\\/]build[\\/]reconciler\.js$/, [
  ["await import('./devtools.js');", 'void 0;'],
  ['? await loadPackageJson()', '? {}'],
]);

// The first Intl.Segmenter a process makes costs ~10 ms (ICU loads its
// grapheme rules; measured here), and Ink's tokenizer and slice-ansi each make
// one when loaded. Make them on first use, and let the tokenizer, which Ink runs
// on every line of every frame, step one code unit at a time through text in
// which no code unit can join another into one grapheme (below U+0300 but CR,
// general punctuation, letterlike, arrows, box drawing, blocks, shapes).
const lazySegmenter = 'let segmenter_;const segmenter={segment:s=>(segmenter_??=new Intl.Segmenter(undefined,{granularity:"grapheme"})).segment(s)};';
export const TOKENIZE_BY_CODE_UNIT = [
  ['const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });', `${lazySegmenter}
function graphemes(str) {
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (!((c < 0x300 && c !== 13) || (c >= 0x2010 && c < 0x20d0) || (c >= 0x2100 && c < 0x2600))) return segmenter.segment(str);
  }
  return Array.from(str, (segment, index) => ({segment, index}));
}`],
  ['of segmenter.segment(str)', 'of graphemes(str)'],
];
export const tokenizeByCodeUnit = patch('tokenize-by-code-unit', /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/, TOKENIZE_BY_CODE_UNIT);
export const sliceAnsiLazySegmenter = patch('slice-ansi-lazy-segmenter', /slice-ansi[\\/]tokenize-ansi\.js$/, [
  ["const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});", lazySegmenter.replace('const segmenter=', 'const GRAPHEME_SEGMENTER=')],
]);

// Ink turns each frame's cells back into a string, asking at every cell which
// colour codes changed since the last one: three Sets and two arrays a cell,
// ~5,000 cells a frame at 120x40, most of the time of a scroll key (profiled).
// Neighbouring cells mostly share their style; then nothing changed, and the
// answer is known without asking.
export const STYLED_CHARS_SAME_STYLE = [
  ['export function styledCharsToString(chars) {', `function sameStyles(a, b) {
    if (a === b) return true;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
    return true;
}
export function styledCharsToString(chars) {`],
  ['ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));', 'if (!sameStyles(chars[i - 1].styles, char.styles)) ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));'],
  ['ret += ansiCodesToString(diffAnsiCodes(char.styles, []));', 'if (char.styles.length > 0) ret += ansiCodesToString(diffAnsiCodes(char.styles, []));'],
  // Each cell got its own copy of the style codes (and a spread of its token):
  // ~5,000 arrays and objects a frame, most of the garbage of a key press
  // (profiled; the p95 of a key in a list of 1,000 calls). The codes are never
  // changed in place (reduceAnsiCodesIncremental returns a new array), so the
  // cells of one run share one array, and sameStyles above sees it at once.
  [`ret.push({
                ...token,
                styles: [...codes],
            });`, `ret.push({type: token.type, value: token.value, fullWidth: token.fullWidth, styles: codes});`],
];
export const styledCharsSameStyle = patch('styled-chars-same-style', /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/, STYLED_CHARS_SAME_STYLE);

// Ink's frame starts as a grid of blank cells, a new object (and a new empty
// style array) for each: ~5,000 a frame at 120x40, every key press. Cells are
// only ever replaced, never changed in place (output.js writes
// \`currentLine[x] = character\`), so one blank cell serves them all.
export const OUTPUT_SHARED_BLANK = [
  [`                row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`, `                row.push(BLANK_CELL);`],
  ['export default class Output {', "const BLANK_CELL = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])});\nexport default class Output {"],
];
export const outputSharedBlank = patch('output-shared-blank', /ink[\\/]build[\\/]output\.js$/, OUTPUT_SHARED_BLANK);
