// Every notation the reference documents, in every position where it is allowed (docs/language.md §1,
// §2): points, ranges of points and conditions as documents print them. A form may mean nothing in a
// position (a range of points as an indicator's worth): then it is a located placement error (RUB013),
// never a syntax error.
import { compileText } from '@rubric/core';
import { describe, expect, it } from 'vitest';

const codes = (text: string) => compileText('main.rubric', text).diagnostics.map((d) => d.code);
const rubric = (body: string, head = '') => `评估表 "甲" {\n  ${head}${body}\n}\n`;

const SINGLE = ['10', '10分', '１０', '2.5'];
const RANGES = ['3~5', '3～5', '3-5', '3—5', '3–5', '3~5分', '3分~5分', '3 - 5'];

/** Positions of points: a template with `P` where the points go, and whether a range means something there. */
const POINTS: { where: string; text: (p: string) => string; range: boolean }[] = [
  { where: 'indicator', text: (p) => rubric(`指标 "乙" ${p}`), range: false },
  { where: 'total', text: (p) => rubric(`指标 "乙" ${p}`, `总分 ${p}\n  `), range: false },
  { where: 'band', text: (p) => rubric(`指标 "乙" 10 { 档 "好" ${p} 档 "差" 0 }`), range: true },
  { where: 'per', text: (p) => rubric(`指标 "乙" 10 { 每 "项" ${p} }`), range: true },
  { where: 'per cap', text: (p) => rubric(`指标 "乙" 10 { 每 "项" 1 最高 ${p} }`), range: false },
  { where: 'deduct', text: (p) => rubric(`指标 "乙" 10 { 扣 ${p} 每 "次" }`), range: true },
  { where: 'deduct floor', text: (p) => rubric(`指标 "乙" 10 { 扣 1 每 "次" 最低 ${p} }`), range: false },
  { where: 'base', text: (p) => rubric(`指标 "乙" 10 { 基础 ${p} "配备" 每 "人" 1 }`), range: false },
  { where: 'bonus', text: (p) => rubric(`加分 "丙" ${p}`, `指标 "乙" 10\n  `), range: false },
  { where: 'penalty', text: (p) => rubric(`减分 "丙" ${p} { 每 "次" 1 }`, `指标 "乙" 10\n  `), range: false },
];

describe('points in every position', () => {
  for (const pos of POINTS) {
    it(`${pos.where}: every single value and every range parses`, () => {
      for (const p of SINGLE) expect(codes(pos.text(p)).filter((c) => c.startsWith('RUB0') || c === 'RUB013'), `${pos.where} ${p}`).toEqual([]);
      for (const p of RANGES) {
        const cs = codes(pos.text(p));
        expect(cs.filter((c) => /^RUB00\d$/.test(c)), `${pos.where} ${p}`).toEqual([]);
        expect(cs.includes('RUB013'), `${pos.where} ${p}: a range ${pos.range ? 'is meant' : 'is a placement error'} here`).toBe(!pos.range);
      }
    });
  }
  it('a range of points in a band is kept: the band gives 1 to 3', () => {
    const r = compileText('main.rubric', rubric('指标 "乙" 3 { 档 "视情况" 1~3 档 "差" 0 }'));
    const band = r.rubric!.indicators[0]!.rules[0]!;
    expect(band.kind === 'bands' && [band.bands[0]!.pointsLow?.toString(), band.bands[0]!.points.toString()]).toEqual(['1', '3']);
    expect(r.diagnostics).toEqual([]);
  });
});

const CONDITIONS = [
  '>= 60%', '≥ 60%', '达到 60%', '不低于 60%', '60% 以上', '60%以上', '60%及以上', '> 60%', '高于 60%', '超过 60%',
  '<= 30%', '≤ 30%', '不超过 30%', '30% 以下', '30%及以下', '< 30%', '低于 30%', '= 100%', '等于 100%',
  '50%~60%', '50%～60%', '50%-60%', '50%—60%', '50% - 60%', '在 [50%, 60%)', '在 (50%, 60%]', '在 [50%，60%)', '在 [50%、60%)',
  '﹥ 60%', '﹤ 30%', '≧ 60%', '≦ 30%', '＞＝ 60%',
];

describe('conditions in every position', () => {
  it('band: every documented comparison, range and interval parses', () => {
    for (const c of CONDITIONS) {
      const cs = codes(rubric(`指标 "乙" 10 { 度量 率 百分比 档 率 ${c} 10 }`));
      expect(cs.filter((x) => /^RUB0(0[12]|07)$/.test(x) || x === 'RUB013'), c).toEqual([]);
    }
  });
  it('grade: every documented comparison, range and interval parses', () => {
    for (const c of CONDITIONS) {
      const cs = codes(rubric(`等级 "优" ${c.replace(/%/g, '')}`, '总分 100\n  指标 "乙" 100\n  '));
      expect(cs.filter((x) => /^RUB0(0[12]|07)$/.test(x) || x === 'RUB013'), c).toEqual([]);
    }
  });
  it('a unit printed after a value, as documents do: 2-3人, 15平方米以上, 6篇及以上', () => {
    for (const c of ['2-3人', '2~3人', '3人以上', '6人及以上', '3人 以下', '>= 3人']) {
      expect(codes(rubric(`指标 "乙" 10 { 度量 人数 整数 "人" 档 人数 ${c} 10 }`)), c).toEqual([]);
    }
  });
  it('a single-value gap says which value falls in no band, as the author wrote it', () => {
    const r = compileText('main.rubric', rubric('指标 "乙" 10 { 度量 率 百分比 档 率 < 10% 0 档 率 > 10% 10 }'));
    const gap = r.diagnostics.find((d) => d.code === 'RUB208')!;
    expect(gap.args['values']).toBe('10%');
  });
  it('pasted comparison characters are read with a warning and a fix to their ASCII form', () => {
    const r = compileText('main.rubric', rubric('指标 "乙" 10 { 度量 率 百分比 档 率 ﹥ 60% 10 档 率 ≦ 60% 0 }'));
    expect(r.diagnostics.map((d) => [d.code, d.fix?.edits[0]?.newText])).toEqual([
      ['RUB003', '>'],
      ['RUB003', '<='],
    ]);
  });
});
