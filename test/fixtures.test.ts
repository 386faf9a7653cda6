// Every fixture file under test/fixtures carries inline markers for the diagnostics it must
// produce; the checker must report exactly those, no more and no fewer. Fixtures are discovered:
// adding a file (or a folder with a main.rubric) adds a test.
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
});
