// Suggested fixes: applying them removes the diagnostic they belong to; a check that crashes
// becomes an RUB901 diagnostic and the other checks still report.
import { CHECKS, compileText, type Diagnostic } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { compileRepoFile, fixturePrograms, read } from './harness.js';

function apply(text: string, ds: Diagnostic[], file: string): string {
  const edits = ds.flatMap((d) => d.fix?.edits ?? []).filter((e) => e.file === file).sort((a, b) => b.range.start.offset - a.range.start.offset);
  let out = text;
  for (const e of edits) out = out.slice(0, e.range.start.offset) + e.newText + out.slice(e.range.end.offset);
  return out;
}

describe('fixes', () => {
  it('setting the two wrong subtotals of the 慈善组织类 rubric to their sums clears them', () => {
    const file = 'rubrics/yueyang-cishan.rubric';
    const before = compileRepoFile(file);
    const errs = before.diagnostics.filter((d) => d.code === 'RUB201');
    expect(errs.map((d) => d.fix?.edits[0]?.newText)).toEqual(['84', '221']);
    const others = Object.fromEntries(before.files.filter((f) => f.path !== file).map((f) => [f.path, f.text]));
    const after = compileText(file, apply(read(file), errs, file), others);
    expect(after.diagnostics.filter((d) => d.file === file).map((d) => d.code)).toEqual([]);
  });
  it('every fix in the fixtures removes its own diagnostic', () => {
    for (const { entry: file } of fixturePrograms().filter((p) => p.files.length === 1)) {
      const text = read(file);
      for (const d of compileRepoFile(file).diagnostics.filter((x) => x.fix && x.file === file)) {
        const after = compileText(file, apply(text, [d], file)).diagnostics;
        const same = after.filter((x) => x.code === d.code && x.range.start.line === d.range.start.line);
        expect(same, `${file}:${d.range.start.line} ${d.code}`).toEqual([]);
        // A fix never brings a syntax error of its own.
        const syntax = (ds: Diagnostic[]) => ds.filter((x) => /^RUB00[1-7]$/.test(x.code)).length;
        expect(syntax(after), `${file}:${d.range.start.line} ${d.code} fix`).toBeLessThanOrEqual(syntax(compileRepoFile(file).diagnostics));
      }
    }
  });
  it('a crashing check becomes RUB901 and the other checks still run', () => {
    CHECKS['exploding'] = () => {
      throw new Error('boom');
    };
    try {
      const r = compileText('main.rubric', '评估表 "甲" { 总分 10 指标 "乙" 10 { 指标 "丙" 4 } }');
      expect(r.diagnostics.map((d) => d.code).sort()).toEqual(['RUB201', 'RUB901']);
      expect(r.diagnostics.find((d) => d.code === 'RUB901')!.args).toMatchObject({ check: 'exploding', error: 'boom' });
    } finally {
      delete CHECKS['exploding'];
    }
  });
});
