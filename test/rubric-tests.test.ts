// The seed rubrics' own tests (`rubrics/<name>.tests.jsonc`): cases computed by hand from each document's
// printed rules. Every seed rubric with a rubric title has at least three cases, every case expects
// something and says in a comment which rule it relies on, and every case passes — run per file with
// core's `runCases`, and once for the whole folder as `rubric test rubrics/` does (the CLI's testCommand).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { testCommand } from '@rubric/cli';
import { parseJson, runCases, type JsonNode } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { ROOT, compileRepoFile, read, seedRubrics } from './harness.js';

const entry = (n: JsonNode, key: string): JsonNode | undefined => (n.kind === 'object' ? n.entries.find((e) => e.key === key)?.value : undefined);

describe('rubric tests of the seed rubrics', () => {
  const seeds = seedRubrics().map((file) => ({ file, rubrics: compileRepoFile(file).rubrics }));
  // A section library compiles to one rubric without a title: it has nothing to score.
  const titled = seeds.filter((s) => s.rubrics.some((r) => r.title !== ''));

  it('exist for every seed rubric but the section library', () => {
    expect(seeds.filter((s) => !titled.includes(s)).map((s) => s.file)).toEqual(['rubrics/yueyang-common.rubric']);
    expect(titled.map((s) => s.file.replace(/\.rubric$/, '.tests.jsonc')).filter((t) => !existsSync(join(ROOT, t)))).toEqual([]);
  });

  for (const { file, rubrics } of titled) {
    const tests = file.replace(/\.rubric$/, '.tests.jsonc');
    it(`${tests}: at least three cases, each with an expectation and a comment, all passing`, () => {
      const text = read(tests);
      const run = runCases(text, tests, rubrics);
      expect(run.diagnostics.map((d) => `${d.range.start.line}:${d.range.start.column} ${d.code} ${JSON.stringify(d.args)}`)).toEqual([]);
      expect(run.cases.length).toBeGreaterThanOrEqual(3);
      expect(run.cases.filter((c) => !c.passed).map((c) => c.name)).toEqual([]);

      const parsed = parseJson(text);
      const cases = parsed.value ? entry(parsed.value, 'cases') : undefined;
      expect(cases?.kind).toBe('array');
      const items = cases?.kind === 'array' ? cases.items : [];
      expect(items.length).toBe(run.cases.length);
      const empty = items.filter((c) => {
        const e = entry(c, 'expect');
        return !e || e.kind !== 'object' || e.entries.length === 0;
      });
      expect(empty.map((c) => c.range.start.line), 'cases that expect nothing').toEqual([]);
      // The rule a case relies on is written in a comment inside it (or, for a full start, in the file's head).
      const silent = items.filter((c) => !text.slice(c.range.start.offset, c.range.end.offset).includes('//'));
      expect(silent.map((c) => c.range.start.line), 'cases without a comment').toEqual([]);
    });
  }

  it('`rubric test rubrics/` passes them all', () => {
    const r = testCommand([join(ROOT, 'rubrics')], { locale: 'en' });
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const ran = r.out.filter((l) => /^[✓✗] /.test(l));
    expect(ran.filter((l) => l.startsWith('✗'))).toEqual([]);
    expect(ran.length).toBeGreaterThanOrEqual(3 * titled.length);
  });
});
