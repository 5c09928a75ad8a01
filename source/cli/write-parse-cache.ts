// Run by build.mjs: writes the bundled calls' parses (see ParseCache in
// store.ts) to the file named on the command line.
import {writeFileSync} from 'node:fs';
import {collectInputs} from '../model/input/library.js';
import {makeParseCache} from '../model/store/store.js';

const {inputs, skipped} = collectInputs({});
if (skipped.length > 0 || inputs.length === 0) {
	process.stderr.write(`write-parse-cache: bundled transcripts unreadable: ${JSON.stringify(skipped)}\n`);
	process.exit(1);
}
writeFileSync(process.argv[2]!, JSON.stringify(makeParseCache(inputs)));
