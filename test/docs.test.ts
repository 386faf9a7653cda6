// The generated diagnostics reference is current and documents every code of the catalog.
import { CATALOG } from '@rubric/core';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { diagnosticsDoc } from '../scripts/gen-diagnostics-doc.mjs';
import { NO_SOURCE_EXAMPLE, read } from './harness.js';

describe('docs/diagnostics.md', () => {
  it('is generated from the catalog (run `pnpm docs`)', () => {
    expect(read('docs/diagnostics.md')).toBe(diagnosticsDoc());
  });
  it('documents every code', () => {
    const doc = read('docs/diagnostics.md');
    for (const code of Object.keys(CATALOG)) expect(doc).toContain(`## ${code} (`);
  });
});
