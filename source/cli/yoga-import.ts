// Yoga, imported where the reader needs it (load-ui.ts). It stays an ES module:
// it starts with a top-level await, which a classic script cannot hold. In the
// CLI's script (dist/main.cjs) this module is swapped for yoga-import-script.ts.
export const importYoga = () => import('yoga-layout');
