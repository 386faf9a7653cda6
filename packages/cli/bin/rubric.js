#!/usr/bin/env node
// The `rubric` command: runs the bundled CLI (built by `pnpm build`; see scripts/bundle.mjs). The
// bundle is loaded with `require`: an `import` of a CommonJS file first scans the whole file for its
// exports, which cost more than the rest of the start-up.
import { createRequire } from 'node:module';

createRequire(import.meta.url)('../dist/rubric.cjs');
