// In dist/main.cjs, a classic script, there is no import(): the entry module
// (bin.ts) hands its own in as __import_yoga.
declare const __import_yoga: () => Promise<typeof import('yoga-layout')>;
export const importYoga = () => __import_yoga();
