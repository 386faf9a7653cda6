// Every fixture file under test/fixtures carries inline markers for the diagnostics it must
// produce; the checker must report exactly those, no more and no fewer. Fixtures are discovered:
// adding a file (or a folder with a main.rubric) adds a test. Together they show every code of the
// catalog that a small rubric can show (the others name their own test in the catalog).
import { CATALOG } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { actualMarkers, annotate, compileRepoFile, expectedMarkers, fixturePrograms, read } from './harness.js';

describe('fixtures', () => {
  for (const { entry, files } of fixturePrograms()) {
    it(entry, () => {
      const result = compileRepoFile(entry);
      for (const file of files) {
        const text = read(file);
        const actual = actualMarkers(result.diagnostics, file, text);
        expect(annotate(text, actual), file).toBe(annotate(text, expectedMarkers(text)));
      }
    });
  }
  it('cover every diagnostic code that has a source example', () => {
    const seen = new Set<string>();
    for (const { entry } of fixturePrograms()) for (const d of compileRepoFile(entry).diagnostics) seen.add(d.code);
    const untested = Object.entries(CATALOG).filter(([c, e]) => e.bad !== '' && !seen.has(c)).map(([c]) => c);
    expect(untested).toEqual([]);
  });
});
