// The seed rubrics: each reports exactly the diagnostics audited in its `.expected` file, at the
// same line, column, severity and code. The reasons in those files are for readers; the test
// compares the first three fields.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, compileRepoFile, read, seedRubrics } from './harness.js';

describe('seed rubrics', () => {
  const seeds = seedRubrics();
  it('are all there', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(10);
  });
  for (const file of seeds) {
    it(`${file} reports exactly its audited diagnostics`, () => {
      const expectedPath = file.replace(/\.rubric$/, '.expected');
      expect(existsSync(join(ROOT, expectedPath)), `${expectedPath} exists`).toBe(true);
      const expected = read(expectedPath)
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.startsWith('#'))
        .map((l) => l.trim().split(/\s+/).slice(0, 3).join(' '))
        .sort();
      const actual = compileRepoFile(file)
        .diagnostics.filter((d) => d.file === file)
        .map((d) => `${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.code}`)
        .sort();
      expect(actual).toEqual(expected);
    });
  }
});
