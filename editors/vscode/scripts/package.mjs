// Packages the extension into rubric-<version>.vsix with vsce, offline. The workspace package is named
// `rubric-vscode` (for pnpm), but the extension is `rubric.rubric`: vsce runs in a staging folder that
// holds only what the .vsix ships (manifest renamed, bundles, grammar, language configuration, README).
// Run `pnpm build` first; everything is bundled, hence `--no-dependencies`.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stage = `${root}dist/vsix/`;
const manifest = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

for (const f of ['dist/extension.js', 'dist/server.js', 'dist/importer.js']) {
  if (!existsSync(root + f)) {
    console.error(`rubric-vscode: ${f} is missing; run \`pnpm build\` first`);
    process.exit(1);
  }
}
rmSync(stage, { recursive: true, force: true });
mkdirSync(`${stage}dist`, { recursive: true });
mkdirSync(`${stage}syntaxes`, { recursive: true });
const SHIPPED = ['dist/extension.js', 'dist/server.js', 'dist/importer.js', 'language-configuration.json', 'syntaxes/rubric.tmLanguage.json', 'README.md'];
for (const f of SHIPPED) cpSync(root + f, stage + f, { recursive: true });
const { scripts, devDependencies, dependencies, private: _private, ...shipped } = manifest;
writeFileSync(`${stage}package.json`, `${JSON.stringify({ ...shipped, name: 'rubric', files: SHIPPED }, null, 2)}\n`);

const out = `${root}rubric-${manifest.version}.vsix`;
const vsce = `${root}node_modules/@vscode/vsce/vsce`;
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', out], {
  cwd: stage,
  stdio: 'inherit',
});
console.log(`rubric-vscode: ${out}`);
