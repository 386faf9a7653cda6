// Bundles the CLI and everything it imports into one file, dist/rubric.cjs. Loading one file
// instead of the hundreds of small modules Chevrotain depends on makes `rubric` start several times
// faster. bin/rubric.js runs the bundle.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../dist/main.js', import.meta.url).pathname],
  outfile: new URL('../dist/rubric.cjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // The importer (Word/Excel readers) and the Word, Excel and PDF writers (and their libraries) are
  // loaded only by the commands that need them, from their own packages.
  external: ['@rubric/import', '@rubric/export/xlsx', '@rubric/export/docx', '@rubric/export/pdf'],
});
