#!/usr/bin/env node
// The `rubric` command: runs the bundled CLI (built by `pnpm build`; see scripts/bundle.mjs).
// The bundle is compiled with V8's code cache (dist/rubric.cjs.cache, written by the build after a
// sample run): compiling the bundle's source was the largest part of the start-up after Node's own.
// When the cache is missing, or V8 refuses it (another Node version), the source is compiled as
// usual; nothing is written at run time.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const bundle = fileURLToPath(new URL('../dist/rubric.cjs', import.meta.url));
const cacheFile = `${bundle}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const source = readFileSync(bundle, 'utf8');
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundle,
  cachedData,
});
// The build asks for the cache once the sample run is over, so that it holds every function the run
// compiled, not only the top level.
if (process.env.RUBRIC_WRITE_CODE_CACHE === '1') process.once('exit', () => writeFileSync(cacheFile, script.createCachedData()));
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
