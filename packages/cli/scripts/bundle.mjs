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
  // The Word, Excel and PDF writers (and their libraries) are loaded only when an export needs them.
  external: ['@rubric/export/xlsx', '@rubric/export/docx', '@rubric/export/pdf'],
});
