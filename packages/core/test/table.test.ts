// The table model on the seed rubrics: one row per leaf, parents as merged level cells covering
// exactly their leaves, every grid position covered once, the wrong subtotals marked with what they
// declare and what their children add up to, every diagnostic placed, rules in words where a leaf
// has no standard text, and the assessor's inputs taken from the rules.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allIndicators, buildTable, childrenSum, compile, compileText, describeIndicatorRules, type Host, type Table } from '@rubric/core';

const ROOT = new URL('../../../', import.meta.url).pathname;
const host: Host = {
  readFile(path) {
    try {
      return new Uint8Array(readFileSync(ROOT + path));
    } catch {
      return undefined;
    }
  },
};
const SEEDS = readdirSync(`${ROOT}rubrics`)
  .filter((f) => f.endsWith('.rubric'))
  .sort()
  .map((f) => `rubrics/${f}`);

function tableOf(file: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const r = compile(file, host);
  return { result: r, rubric: r.rubric!, table: buildTable(r.rubric!, r.diagnostics, locale) };
}

/** Every (row, column) of the body is covered by exactly one cell, and every span stays inside. */
function coverage(t: Table): number[][] {
  const seen = t.rows.map(() => t.columns.map(() => 0));
  t.rows.forEach((row, i) => {
    expect(row.cells.length).toBe(t.columns.length);
    row.cells.forEach((c, j) => {
      if (!c) return;
      expect(i + c.rowSpan).toBeLessThanOrEqual(t.rows.length);
      expect(j + c.colSpan).toBeLessThanOrEqual(t.columns.length);
      for (let a = i; a < i + c.rowSpan; a++) for (let b = j; b < j + c.colSpan; b++) seen[a]![b]!++;
    });
  });
  return seen;
}

describe('table model', () => {
  for (const file of SEEDS) {
    it(`${file}: one row per leaf, a grid covered exactly once, every diagnostic placed`, () => {
      const { result, rubric, table } = tableOf(file);
      const leaves = allIndicators(rubric).filter((x) => x.children.length === 0);
      const rows = table.rows.filter((r) => r.kind === 'leaf');
      expect(rows.map((r) => r.indicatorId).sort()).toEqual(leaves.map((x) => x.id).sort());
      expect(coverage(table).flat().every((n) => n === 1)).toBe(true);
      // Each parent's level cell spans exactly the rows of its leaves.
      for (const g of table.groups) {
        const cell = table.rows[g.firstRow]!.cells[g.level - 1]!;
        expect(cell.indicatorId).toBe(g.indicatorId);
        expect(cell.rowSpan).toBe(g.lastRow - g.firstRow + 1);
        for (let i = g.firstRow; i <= g.lastRow; i++) expect(table.rows[i]!.path).toContain(g.indicatorId);
      }
      // Every diagnostic of the compile is listed, and placed on a cell, a row, the total, a grade, a veto, or left over.
      expect(table.allMarks.map((m) => m.code)).toEqual(result.diagnostics.map((d) => d.code));
      const placed = [
        ...table.rows.flatMap((r) => r.cells.flatMap((c) => c?.marks ?? [])),
        ...table.total.marks,
        ...table.grades.flatMap((g) => g.marks),
        ...table.vetoes.flatMap((v) => v.marks),
        ...table.otherMarks,
      ];
      for (const d of result.diagnostics) {
        expect(placed.some((m) => m.code === d.code && m.file === d.file && m.range.start.offset === d.range.start.offset), `${d.code} at ${d.range.start.line}`).toBe(true);
      }
      expect(table.errors).toBe(result.diagnostics.filter((d) => d.severity === 'error').length);
    });
  }

  it('yueyang-cishan: marks 组织机构 (85 vs Σ 84) and 财务资产 (225 vs Σ 221), and nothing else', () => {
    const { rubric, table } = tableOf('rubrics/yueyang-cishan.rubric');
    const marked = table.groups.filter((g) => g.subtotal !== null);
    expect(marked.map((g) => [g.title, g.subtotal!.code, g.subtotal!.declared.toString(), g.subtotal!.computed.toString()])).toEqual([
      ['组织机构', 'RUB201', '85', '84'],
      ['财务资产', 'RUB201', '225', '221'],
    ]);
    // The computed sum is core's childrenSum of the same indicator.
    const byId = new Map(allIndicators(rubric).map((x) => [x.id, x]));
    for (const g of marked) expect(g.subtotal!.computed.eq(childrenSum(byId.get(g.indicatorId)!)!)).toBe(true);
    // The marked level cells carry the mismatch; 内部治理 (365, right by its leaves) is not marked.
    const cells = table.rows.flatMap((r) => r.cells).filter((c) => c?.subtotal);
    expect(cells.map((c) => c!.lines[0])).toEqual(['组织机构（85分）', '财务资产（225分）']);
    expect(table.groups.find((g) => g.title === '内部治理')!.marks).toEqual([]);
    // No 评价标准, 评定方法 or 评估结果 column: the document has none of them.
    expect(table.columns.map((c) => c.header)).toEqual(['一级指标', '二级指标', '三级指标', '四级指标', '分值', '自评得分', '评估得分', '备注']);
    expect(table.total.computed?.toString()).toBe('1000');
  });

  it('pingdingshan: 四级 depth, the 总计 row, the 特别加分 row below it outside the total, rules in words, inputs', () => {
    const { rubric, table } = tableOf('rubrics/pingdingshan-2016.rubric');
    expect(table.depth).toBe(4);
    const kinds = table.rows.map((r) => r.kind);
    const total = kinds.indexOf('total');
    expect(table.rows[total]!.points?.toString()).toBe('1000');
    expect(table.rows[total + 1]!.indicatorKind).toBe('bonus');
    expect(table.rows[total + 1]!.cells[0]!.lines).toEqual(['特别加分']);
    expect(kinds.slice(total + 2)).toEqual(['final']);
    expect(table.total.bonuses).toEqual([{ row: total + 1 }]);
    expect(table.bonuses).toEqual([{ row: total + 1 }]);
    // 1.1.1: bands and no standard of its own: the standard column says the rules in words.
    const col = (role: string) => table.columns.findIndex((c) => c.role === role);
    const leaf = allIndicators(rubric).find((x) => x.title.startsWith('净资产不低于注册资金数'))!;
    const row = table.rows.find((r) => r.indicatorId === leaf.id)!;
    expect(row.cells[col('standard')]!.lines).toEqual(describeIndicatorRules(leaf, rubric, 'zh-CN'));
    expect(row.cells[col('method')]!.lines).toEqual(['查看资产负债表中上年末净资产数额']);
    expect(row.inputs).toEqual([{ kind: 'label', labels: ['适度递增', '不低于注册资金', '低于注册资金'] }]);
    expect(row.points?.toString()).toBe('10');
    // 活动参与率: a percent measure; 1.3.1: a deduction per item.
    const rate = table.rows.find((r) => r.inputs.some((i) => i.kind === 'measure' && i.measure === '参与率'))!;
    expect(rate.inputs[0]).toMatchObject({ kind: 'measure', valueKind: 'percent' });
    expect(rate.marks.map((m) => m.code)).toEqual(['RUB207', 'RUB207', 'RUB207', 'RUB207']);
    const change = allIndicators(rubric).find((x) => x.code === '1.3.1')!.children[0]!;
    expect(table.rows.find((r) => r.indicatorId === change.id)!.inputs).toEqual([{ kind: 'count', unit: '项' }]);
    // 4.2.5 skips 4.2.4 (RUB109): its level cell is marked.
    const skipped = table.groups.find((g) => g.code === '4.2.5')!;
    expect(skipped.marks.map((m) => m.code)).toEqual(['RUB109']);
  });

  it('jiaxing: a parent’s 评价标准 is one cell merged over its rows when its items have none', () => {
    const { table } = tableOf('rubrics/jiaxing-2016.rubric');
    const g = table.groups.find((x) => x.title === '党建工作')!;
    const col = table.columns.findIndex((c) => c.role === 'standard');
    const cell = table.rows[g.firstRow]!.cells[col]!;
    expect(cell.indicatorId).toBe(g.indicatorId);
    expect(cell.rowSpan).toBe(g.lastRow - g.firstRow + 1);
    expect(cell.lines[0]).toMatch(/^建支部得2分/);
  });

  it('tongzhou: parts with their weights, the weighted total, the grade row, vetoes and notes', () => {
    const { table } = tableOf('rubrics/tongzhou-shanghui.rubric');
    expect(table.rows.map((r) => r.kind)).toEqual(['leaf', 'leaf', 'total', 'grade']);
    expect(table.rows[0]!.cells[0]!.lines).toEqual(['工作目标定量考评（权重 80%）']);
    expect(table.rows[2]!.cells[0]!.lines).toEqual(['综合得分：工作目标定量考评×80% + 民主评议定性评价×20%']);
    expect(table.total.terms.map((t) => t.weight?.toString())).toEqual(['0.8', '0.2']);
    expect(table.grades.map((g) => [g.name, g.condition])).toEqual([['五好商会', '≥ 90']]);
    expect(table.vetoes).toHaveLength(4);
    expect(table.notes.length).toBeGreaterThan(0);
  });

  it('speaks English when asked, with the same layout', () => {
    const zh = tableOf('rubrics/yueyang-cishan.rubric').table;
    const en = tableOf('rubrics/yueyang-cishan.rubric', 'en').table;
    expect(en.columns.map((c) => c.header)).toEqual(['Level 1', 'Level 2', 'Level 3', 'Level 4', 'Points', 'Self score', 'Score', 'Notes']);
    expect(en.rows.map((r) => r.cells.map((c) => (c ? [c.rowSpan, c.colSpan] : null)))).toEqual(zh.rows.map((r) => r.cells.map((c) => (c ? [c.rowSpan, c.colSpan] : null))));
    expect(en.rows.flatMap((r) => r.cells).find((c) => c?.subtotal)!.lines).toEqual(['组织机构 (85 pts)']);
  });

  it('builds a table from a rubric with syntax errors, the broken rows marked', () => {
    const text = '评估表 "t" {\n  指标 "a" 10 {\n    指标 "b" 4\n    指标 "c" 5 { 档 "好" 5 档 ）\n  }\n}\n';
    const r = compileText('t.rubric', text);
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    const t = buildTable(r.rubric!, r.diagnostics, 'zh-CN');
    expect(coverage(t).flat().every((n) => n === 1)).toBe(true);
    expect(t.errors).toBeGreaterThan(0);
    expect(t.allMarks.length).toBe(r.diagnostics.length);
  });
});
