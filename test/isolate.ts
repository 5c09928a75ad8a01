// Loaded before every test file (npm test: --import): the index, the
// settings and the Markdown E writes go to folders of this run's own, never
// the user's, unless a test names its own.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

for (const name of ['EARNINGS_READER_CACHE_DIR', 'EARNINGS_READER_CONFIG_DIR', 'EARNINGS_READER_MARKDOWN_DIR']) {
	if (process.env[name]) continue;
	const dir = mkdtempSync(join(tmpdir(), 'er-test-'));
	process.env[name] = dir;
	process.on('exit', () => rmSync(dir, {recursive: true, force: true}));
}
