#!/usr/bin/env node
// Starts the rubric language server; editors run it as `rubric-language-server --stdio`. Runs the
// bundled server (built by `pnpm build`; see scripts/bundle.mjs), loaded with `require`: an `import`
// of a CommonJS file first scans the whole file for its exports.
import { createRequire } from 'node:module';

createRequire(import.meta.url)('../dist/server.cjs');
