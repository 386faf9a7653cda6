// The CSV assessment form through LibreOffice, as a staffer uses it: `rubric template --format csv`
// writes the blank form, Calc opens it, the values are typed into the 值 column and the sheet is saved
// as CSV by Calc's own filter; `rubric score` then reads that file. For every seed rubric and several
// complete assessments (the one that earns every point and random ones), the CLI's result must be the
// scorer's result for the same values given in memory: every indicator, the totals, vetoes and grade.
// Run by test/export/run.sh (it installs LibreOffice); not part of the default suite.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, fullAssessment, InputIndex, parseCsv, score, scoreResultToJson, type Assessment, type RubricIR } from '@rubric/core';
import { compileRepoFile, ROOT, seedForms } from '../harness.js';
import { arbValue } from '../score/assessments.js';

const OUT = join(ROOT, 'test/artifacts/export/csv');
const CLI = join(ROOT, 'packages/cli/dist/main.js');
const RANDOM = 4;

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, LANG: 'zh_CN.UTF-8' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Complete assessments: every input a final assessment needs (and every flag) given a value. */
function assessments(r: RubricIR, idx: InputIndex, seed: number): Assessment[] {
  const specs = idx.specs.filter((s) => s.kind !== 'score' || s.required);
  const nowhere = { file: '', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, at: '' };
  const random = fc.sample(fc.tuple(...specs.map(arbValue)), { seed, numRuns: RANDOM }).map((vs): Assessment => ({
    name: null,
    rubric: r.title,
    draft: false,
    values: new Map(specs.map((s, i) => [s.key, { value: vs[i]!, where: nowhere }])),
  }));
  return [fullAssessment(r, idx), ...random];
}

/** What a person types for a value. */
function typed(idx: InputIndex, key: string, value: Decimal | string | boolean): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return value;
  return idx.byKey.get(key)!.percent ? `${value.toString()}%` : value.toString();
}

/** The result as JSON, without what depends on the file rather than the values (its name). */
function comparable(json: unknown): unknown {
  const { name: _name, ...rest } = json as Record<string, unknown>;
  return rest;
}

describe('CSV form filled in LibreOffice and scored by the CLI', () => {
  const files = seedForms();
  mkdirSync(OUT, { recursive: true });

  interface Case {
    file: string;
    rubric: RubricIR;
    idx: InputIndex;
    list: Assessment[];
    paths: string[];
  }
  const cases: Case[] = [];
  const jobs: { file: string; outputs: { path: string; cells: [number, number, string][] }[] }[] = [];
  files.forEach((file, n) => {
    const rubric = compileRepoFile(file).rubric!;
    const idx = new InputIndex(rubric);
    const base = file.replace(/^rubrics\//, '').replace(/\.rubric$/, '');
    const template = join(OUT, `${base}.template.csv`);
    const made = cli(['template', file, '--format', 'csv', '-o', template]);
    if (made.status !== 0) throw new Error(`rubric template failed for ${file}: ${made.stderr}`);
    const rows = parseCsv(readFileSync(template, 'utf8'));
    const header = rows[0]!.map((c) => c.text);
    const valueCol = header.length - 1;
    const rowOf = new Map(rows.map((r, i) => [r[0]!.text, i]));
    const list = assessments(rubric, idx, 1000 + n);
    const paths = list.map((_, i) => join(OUT, `${base}.filled-${i}.csv`));
    jobs.push({
      file: template,
      outputs: list.map((a, i) => ({
        path: paths[i]!,
        cells: [...a.values].map(([key, v]): [number, number, string] => {
          const row = rowOf.get(key);
          if (row === undefined) throw new Error(`${file}: the template has no row for ${key}`);
          return [row, valueCol, typed(idx, key, v.value)];
        }),
      })),
    });
    cases.push({ file, rubric, idx, list, paths });
  });

  it('LibreOffice fills and saves every form', () => {
    const dir = join(OUT, 'jobs.json');
    writeFileSync(dir, JSON.stringify(jobs));
    const r = spawnSync('/usr/bin/python3', [join(ROOT, 'test/export/lo_csv.py'), dir], { encoding: 'utf8', timeout: 600_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(cases.length).toBeGreaterThanOrEqual(9);
  });

  for (const c of cases) {
    it(`${c.file}: the CLI scores each saved form as the scorer scores its values`, () => {
      // One run of the CLI for the rubric's forms (a batch: its JSON is the list of results).
      const run = cli(['score', c.file, ...c.paths, '--format', 'json']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const got = JSON.parse(run.stdout) as unknown[];
      expect(got).toHaveLength(c.list.length);
      c.list.forEach((a, i) => {
        const want = scoreResultToJson(score(c.rubric, a, c.idx), 'zh-CN');
        expect(comparable(got[i]), c.paths[i]).toEqual(comparable(want));
      });
    });
  }
});
