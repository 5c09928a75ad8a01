// Worker thread: scans the library's folders (every file's size and mtime)
// while the main thread reads the store's last snapshot from the index; the
// two meet in library-open.ts. It loads no parser and no SQLite.
import {parentPort, workerData} from 'node:worker_threads';
import {scanLibrary, scanSignature} from '../model/library/scan.js';

const data = workerData as {dirs: string[]; withBundled: boolean};
const scanned = scanLibrary(data.dirs, data.withBundled);
parentPort!.postMessage({...scanned, signature: scanSignature(scanned.files)});
