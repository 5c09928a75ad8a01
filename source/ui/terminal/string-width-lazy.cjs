// Build only (build.mjs sends string-width-fast.ts's import of the real
// string-width here). string-width builds an Intl.Segmenter and four Unicode
// property regexes when its module loads: 12 ms of the reader's start-up,
// measured, for strings the first frame rarely has. A require() inside the
// function makes esbuild load that module on first use instead.
let real;
module.exports = function realStringWidth(text, options) {
	real ??= require('../../../node_modules/string-width/index.js').default;
	return real(text, options);
};
