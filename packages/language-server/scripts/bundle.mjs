// Bundles the language server and everything it imports into one file, dist/server.cjs, as the CLI
// does (packages/cli/scripts/bundle.mjs): loading one file instead of the hundreds of small modules
// Chevrotain and vscode-languageserver consist of lets the server answer `initialize` several times
// sooner. bin/rubric-language-server.js runs the bundle.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../dist/main.js', import.meta.url).pathname],
  outfile: new URL('../dist/server.cjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
});
