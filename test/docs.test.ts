// The generated diagnostics reference is current, and every code has a bad and a good example there
// (encoding and internal codes have no source example: their tests are in encoding.test.ts and fixes.test.ts).
import { CATALOG } from '@rubric/core';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { diagnosticsDoc } from '../scripts/gen-diagnostics-doc.mjs';
import { read } from './harness.js';

describe('docs/diagnostics.md', () => {
  it('is generated from the catalog (run `pnpm docs`)', () => {
    expect(read('docs/diagnostics.md')).toBe(diagnosticsDoc());
  });
  it('documents every code with a bad and a good example', () => {
    const doc = read('docs/diagnostics.md');
    for (const [code, e] of Object.entries(CATALOG)) {
      expect(doc).toContain(`## ${code} (`);
      if (!['RUB008', 'RUB009', 'RUB901'].includes(code)) expect(e.bad.length * e.good.length).toBeGreaterThan(0);
    }
  });
});
