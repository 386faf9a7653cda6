// The name resolver and the IR built from it: what each name stands for, as the checker and the
// editor both see it.
import { compileText, ProgramIndex } from '@rubric/core';
import { describe, expect, it } from 'vitest';

describe('resolution', () => {
  it('keeps a veto written inside an indicator as a veto on the whole evaluation, with its target', () => {
    const r = compileText('main.rubric', '评估表 "甲" {\n  总分 10\n  指标 工作 10 {\n    一票否决 当 工作 < 5 "工作得分低于5分"\n    档 "好" 10\n  }\n}\n');
    expect(r.diagnostics).toEqual([]);
    expect(r.rubric!.vetoes).toHaveLength(1);
    expect(r.rubric!.vetoes[0]!.text).toBe('工作得分低于5分');
    expect(r.rubric!.vetoes[0]!.when).toMatchObject({ ref: '工作', target: '#1', op: '<' });
    expect(r.rubric!.indicators[0]!.note).toEqual([]);
  });

  it('resolves a measure used in a section to the declaration in scope where the section is used', () => {
    const text = [
      '章节 参与 { 指标 "活动" 10 { 档 率 >= 50% 10 档 率 < 50% 0 } }',
      '评估表 "甲" {',
      '  指标 "一" 10 { 度量 率 百分比 使用 参与 }',
      '  指标 "二" 10 { 度量 率 百分比 使用 参与 }',
      '}',
    ].join('\n');
    const r = compileText('main.rubric', text);
    expect(r.diagnostics).toEqual([]);
    expect(r.rubric!.measures.map((m) => [m.name, m.used])).toEqual([
      ['率', true],
      ['率', true],
    ]);
    // The editor links the one written use of 率 (in the section) to both declarations.
    const index = new ProgramIndex(r.files);
    const uses = index.symbols().filter((s) => s.kind === 'measure');
    expect(uses).toHaveLength(2);
    for (const s of uses) expect(s.occurrences.filter((o) => !o.declaration).map((o) => o.range.start.line)).toEqual([1, 1]);
  });

  it('a section that uses itself inside an indicator is one RUB112 and an index that terminates', () => {
    const r = compileText('main.rubric', '章节 S { 指标 "a" 1 { 使用 S } }\n评估表 "甲" { 使用 S }\n');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['RUB112']);
    const index = new ProgramIndex(r.files);
    const s = index.symbols().find((x) => x.kind === 'section')!;
    expect(s.occurrences.map((o) => [o.range.start.line, o.declaration])).toEqual([
      [1, true],
      [1, false],
      [2, false],
    ]);
  });
});
