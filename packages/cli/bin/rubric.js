#!/usr/bin/env node
// The `rubric` command: runs the bundled CLI (built by `pnpm build`; see scripts/bundle.mjs), through
// V8's code cache (see @rubric/node-host's run-bundle).
import { fileURLToPath } from 'node:url';
import { runBundle } from '@rubric/node-host/run-bundle';

runBundle(fileURLToPath(new URL('../dist/rubric.cjs', import.meta.url)));
