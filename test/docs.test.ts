// The generated diagnostics reference is current, and every code has a bad and a good example there
// (codes without a source example are listed, with where they are tested, in harness.ts).
import { CATALOG } from '@rubric/core';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { diagnosticsDoc } from '../scripts/gen-diagnostics-doc.mjs';
import { NO_SOURCE_EXAMPLE, read } from './harness.js';

describe('docs/diagnostics.md', () => {
  it('is generated from the catalog (run `pnpm docs`)', () => {
    expect(read('docs/diagnostics.md')).toBe(diagnosticsDoc());
  });
  it('documents every code with a bad and a good example', () => {
    const doc = read('docs/diagnostics.md');
    for (const [code, e] of Object.entries(CATALOG)) {
      expect(doc).toContain(`## ${code} (`);
      if (!NO_SOURCE_EXAMPLE.includes(code)) expect(e.bad.length * e.good.length).toBeGreaterThan(0);
    }
  });
});
