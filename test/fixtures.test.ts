// Every fixture file under test/fixtures carries inline markers for the diagnostics it must
// produce; the checker must report exactly those, no more and no fewer. Together the fixtures
// cover every code of the catalog (except those without a source example, tested apart).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOG } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { NO_SOURCE_EXAMPLE, ROOT, actualMarkers, annotate, compileRepoFile, expectedMarkers, read } from './harness.js';

function fixtures(dir = 'test/fixtures'): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? fixtures(`${dir}/${e.name}`) : e.name.endsWith('.rubric') ? [`${dir}/${e.name}`] : [],
  );
}

const ENTRY_POINTS = fixtures().filter((f) => !f.includes('/imports/') || f.endsWith('/main.rubric'));

describe('fixtures', () => {
  const seen = new Set<string>();
  for (const entry of ENTRY_POINTS) {
    it(entry, () => {
      const result = compileRepoFile(entry);
      const files = entry.includes('/imports/') ? fixtures('test/fixtures/imports') : [entry];
      for (const file of files) {
        const text = read(file);
        const actual = actualMarkers(result.diagnostics, file);
        for (const m of actual) seen.add(m.split(' ')[1]!);
        expect(annotate(text, actual), file).toBe(annotate(text, expectedMarkers(text)));
      }
    });
  }
  it('cover every diagnostic code', () => {
    for (const entry of ENTRY_POINTS) for (const d of compileRepoFile(entry).diagnostics) seen.add(d.code);
    const untested = Object.keys(CATALOG).filter((c) => !seen.has(c) && !NO_SOURCE_EXAMPLE.includes(c));
    expect(untested).toEqual([]);
  });
});
