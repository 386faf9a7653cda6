#!/usr/bin/env node
// Starts the rubric language server; editors run it as `rubric-language-server --stdio`. Runs the
// bundled server (built by `pnpm build`; see scripts/bundle.mjs), through V8's code cache (see
// @rubric/node-host's run-bundle).
import { fileURLToPath } from 'node:url';
import { runBundle } from '@rubric/node-host/run-bundle';

runBundle(fileURLToPath(new URL('../dist/server.cjs', import.meta.url)));
