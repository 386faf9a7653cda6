// Grade gaps name the scores that get no grade, on the grid of scores that can occur (whole points,
// or the rubric's 计分单位), never the exclusive bounds around them; a grade name given twice is an error.
import { compileText } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { compileRepoFile } from './harness.js';

const gaps = (text: string) =>
  compileText('main.rubric', text)
    .diagnostics.filter((d) => d.code === 'RUB214')
    .map((d) => d.args['scores']);

describe('grade gaps', () => {
  it('name the missing whole scores: 950 alone, or 891 to 900', () => {
    const ds = compileRepoFile('test/fixtures/grade-gaps.rubric').diagnostics.filter((d) => d.code === 'RUB214');
    expect(ds.map((d) => [d.range.start.line, d.args])).toEqual([
      [6, { scores: { id: 'word.score', args: { score: '950' } } }],
      [7, { scores: { id: 'word.scores', args: { from: '891', to: '900' } } }],
    ]);
  });
  it('follow the score step: with half points, 949.5 to 950.5 get no grade', () => {
    expect(gaps('评估表 "甲" {\n  总分 1000\n  计分单位 0.5\n  指标 工作 1000\n  等级 "5A" 951 以上\n  等级 "4A" 在 [901, 949]\n}\n')).toEqual([{ id: 'word.scores', args: { from: '949.5', to: '950.5' } }]);
  });
  it('read open bounds: 等级 在 (900, 950) and 950 以上 leave 900 alone', () => {
    expect(gaps('评估表 "甲" {\n  总分 1000\n  指标 工作 1000\n  等级 "5A" 950 以上\n  等级 "4A" 在 (900, 950)\n  等级 "3A" < 900\n}\n')).toEqual([{ id: 'word.score', args: { score: '900' } }]);
  });
});

describe('grade names', () => {
  it('given twice are an error at the second, pointing at the first', () => {
    const d = compileRepoFile('test/fixtures/grade-gaps.rubric').diagnostics.find((x) => x.code === 'RUB120')!;
    expect(d.severity).toBe('error');
    expect(d.args).toEqual({ grade: '4A' });
    expect(d.range.start.line).toBe(9);
    expect(d.related?.map((r) => r.range.start.line)).toEqual([7]);
  });
});
