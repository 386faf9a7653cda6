// Bundles the extension client (src/extension.ts), the language server (packages/language-server) and
// the importer (packages/import) with esbuild into dist/extension.js, dist/server.js and
// dist/importer.js: CommonJS for Node, `vscode` left external. The .vsix ships only these files (plus
// the manifest, grammar and docs), so it needs no node_modules.
// The core must be built first (`pnpm build` at the root does it): the server imports @rubric/core's dist.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const serverEntry = here('../../../packages/language-server/src/main.ts');
const importerEntry = here('../../../packages/import/src/index.ts');
if (!existsSync(serverEntry)) {
  console.error(`rubric-vscode: language server entry not found: ${serverEntry}`);
  process.exit(1);
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
  // ESM sources bundled as CJS: give `import.meta.url` its meaning back.
  define: { 'import.meta.url': '__rubricImportMetaUrl' },
  banner: { js: "var __rubricImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...common, entryPoints: [here('../src/extension.ts')], outfile: here('../dist/extension.js'), external: ['vscode'] }),
  build({ ...common, entryPoints: [serverEntry], outfile: here('../dist/server.js') }),
  // The importer (Word/Excel readers), loaded by the import command on first use.
  build({ ...common, entryPoints: [importerEntry], outfile: here('../dist/importer.js') }),
]);
console.log('rubric-vscode: built dist/extension.js, dist/server.js and dist/importer.js');
