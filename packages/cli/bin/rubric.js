#!/usr/bin/env node
// The `rubric` command: runs the bundled CLI (built by `pnpm build`; see scripts/bundle.mjs).
import "../dist/rubric.cjs";
