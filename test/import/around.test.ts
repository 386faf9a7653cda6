// The text around a table: a stated total, a veto list, a grade list; letter codes keep their
// printed form (the language has no letter codes yet, so they stay in the title).
import { compileText } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { importDocument } from '@rubric/import';

const page = `<html><body>
<p>某市行业协会评估指标</p><p>本表满分为100分。</p>
<table><tr><th>评估指标</th><th>分值</th><th>评分标准</th></tr>
<tr><td>A1 组织建设</td><td>60</td><td>好60分，一般30分，差0分</td></tr>
<tr><td>B.2 会员服务</td><td>40</td><td>每次活动得10分，最高40分</td></tr></table>
<p>有下列情形之一的，实行一票否决：</p><p>1、弄虚作假的；</p><p>2、发生重大安全事故的。</p>
<p>评估得分90分以上的为优秀。</p></body></html>`;

describe('text around the table', () => {
  it('gives the total, the vetoes and the grades', async () => {
    const [r] = (await importDocument(new TextEncoder().encode(page), '评估指标.html')).rubrics;
    const ir = compileText('draft.rubric', r!.text);
    expect(ir.diagnostics).toEqual([]);
    const rubric = ir.rubric!;
    expect(rubric.title).toBe('某市行业协会评估指标');
    expect(rubric.total?.toString()).toBe('100');
    expect(rubric.indicators.map((i) => [i.title, i.points?.toString()])).toEqual([
      ['A1 组织建设', '60'],
      ['B.2 会员服务', '40'],
    ]);
    expect(rubric.vetoes.map((v) => v.text)).toEqual(['弄虚作假的', '发生重大安全事故的']);
    expect(rubric.grades.map((g) => [g.name, g.scores.low?.value.toString()])).toEqual([['优秀', '90']]);
  });
});
