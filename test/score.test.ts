// The scorer on the seed rubrics: the assessment that earns every point scores exactly the rubric's
// reachable maximum (the checker's arithmetic and the scorer's agree), every class of bad assessment
// is a coded diagnostic at its place, and a draft leaves what is unknown open.
import { compileText, explain, InputIndex, pickRubric, readAssessmentJson, readAssessmentRows, runCases, score, type RubricIR } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { compileRepoFile, seedRubrics } from './harness.js';
import { maxAssessment } from './score/assessments.js';

const seeds = seedRubrics().map((f) => ({ file: f, rubric: compileRepoFile(f).rubric })).filter((x): x is { file: string; rubric: RubricIR } => !!x.rubric && x.rubric.title !== '');

function scoreJson(r: RubricIR, json: unknown) {
  const idx = new InputIndex(r);
  const read = readAssessmentJson(JSON.stringify(json, null, 2), 'a.json', idx);
  return { read, result: score(r, read.assessment, idx) };
}

describe('the assessment that earns every point', () => {
  it('open-ended rubrics (no cap, no total) still score every item: luohe-2015', () => {
    const luohe = seeds.find((s) => s.file.includes('luohe'))!.rubric;
    expect(luohe.max).toBeNull();
    const { read, result } = scoreJson(luohe, maxAssessment(luohe));
    expect([...read.diagnostics, ...result.diagnostics]).toEqual([]);
    expect(result.complete).toBe(true);
  });
  for (const { file, rubric } of seeds.filter((s) => s.rubric.max !== null)) {
    it(`${file}: scores exactly the rubric's reachable maximum ${rubric.max}`, () => {
      const { read, result } = scoreJson(rubric, maxAssessment(rubric));
      expect(read.diagnostics).toEqual([]);
      expect(result.diagnostics).toEqual([]);
      expect(result.unscored).toEqual([]);
      expect(result.base.score?.toString()).toBe(rubric.max?.toString());
    });
  }
});

const R = compileText(
  'main.rubric',
  `评估表 "示例" {
  总分 40
  指标 1 "组织" 20 {
    指标 1.1 "班子" 10 { 档 "好" 10 档 "一般" 5 档 "差" 0 }
    指标 1.2 "会议" 10 { 每 "次" 2 }
  }
  指标 2 "活动" 20 {
    度量 参与率 百分比
    档 参与率 60% 以上 20
    档 参与率 在 [30%, 60%) 10
    档 参与率 < 30% 0
  }
  等级 "优" 35 以上
}
`,
).rubric!;

describe('bad assessments', () => {
  const cases: [string, unknown, string, string][] = [
    ['an unknown indicator', { labels: { '9.9': '好' } }, 'RUB401', '$.labels["9.9"]'],
    ['an unknown measure', { measures: { 参加率: '50%' } }, 'RUB402', '$.measures.参加率'],
    ['a label that is not a band', { labels: { '1.1': '优秀' } }, 'RUB403', '$.labels["1.1"]'],
    ['a negative count', { counts: { '1.2': -1 } }, 'RUB404', '$.counts["1.2"]'],
    ['a percent above its domain', { measures: { 参与率: '120%' } }, 'RUB405', '$.measures.参与率'],
    ['a direct score above the points', { scores: { '1.1': 12 } }, 'RUB406', '$.scores["1.1"]'],
    ['an input for a computed parent', { scores: { '1': 10 } }, 'RUB408', '$.scores["1"]'],
    ['not a number', { counts: { '1.2': 'three' } }, 'RUB411', '$.counts["1.2"]'],
    ['an unknown key', { labelz: {} }, 'RUB412', '$.labelz'],
    ['an input that does not apply', { counts: { '1.1': 2 } }, 'RUB414', '$.counts["1.1"]'],
  ];
  for (const [what, json, code, at] of cases) {
    it(`${what}: ${code} at ${at}`, () => {
      const { read } = scoreJson(R, json);
      const d = read.diagnostics.find((x) => x.code === code);
      expect(d, JSON.stringify(read.diagnostics.map((x) => x.code))).toBeDefined();
      expect(d!.args['at']).toBe(at);
      expect(d!.file).toBe('a.json');
      expect(d!.range.start.line).toBeGreaterThan(1);
    });
  }
  it('a score off the score step: RUB407', () => {
    const { read } = scoreJson(R, { scores: {} });
    expect(read.diagnostics).toEqual([]);
    const r2 = compileText('main.rubric', '评估表 "甲" { 计分单位 0.5 指标 "乙" 10 }').rubric!;
    const d = scoreJson(r2, { scores: { 乙: '7.3' } }).read.diagnostics;
    expect(d.map((x) => [x.code, x.args['at']])).toEqual([['RUB407', '$.scores.乙']]);
  });
  it('a required input left out of a final assessment: RUB409 on the indicator', () => {
    const { result } = scoreJson(R, { labels: { '1.1': '好' } });
    expect(result.diagnostics.map((d) => [d.code, d.args['key']])).toEqual([
      ['RUB409', 'count:1.2'],
      ['RUB409', 'measure:参与率'],
    ]);
    expect(result.grade).toBeNull();
  });
  it('a JSON syntax error: RUB400 at its line and column', () => {
    const idx = new InputIndex(R);
    const read = readAssessmentJson('{\n  "labels": { "1.1": "好", }\n}', 'a.json', idx);
    expect(read.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([['RUB400', 2, 27]]);
  });
  it('a score and the inputs it would replace: RUB415', () => {
    const { read } = scoreJson(R, { scores: { '1.1': 5 }, labels: { '1.1': '好' } });
    expect(read.diagnostics.map((d) => d.code)).toEqual(['RUB415']);
  });
  it('a title that names two indicators: RUB413', () => {
    const r = compileText('main.rubric', '评估表 "甲" { 指标 "一" 10 { 指标 "会议" 5 指标 "其他" 5 } 指标 "二" 10 { 指标 "会议" 5 指标 "另" 5 } }').rubric!;
    expect(scoreJson(r, { scores: { 会议: 5 } }).read.diagnostics.map((d) => [d.code, d.args['count']])).toEqual([['RUB413', 2]]);
  });
  it('points chosen within a range, outside it: RUB417; inside it: scored', () => {
    const r = compileText('main.rubric', '评估表 "甲" { 指标 "表彰" 15 { 每 "项" 3~5 } }').rubric!;
    // 2 项 at 3 to 5 each: between 6 and 10.
    const bad = scoreJson(r, { counts: { 表彰: 2 }, scores: { 表彰: 12 } }).result;
    expect(bad.diagnostics.map((d) => [d.code, d.args['low'], d.args['high'], d.args['at']])).toEqual([['RUB417', '6', '10', '$.scores.表彰']]);
    const good = scoreJson(r, { counts: { 表彰: 2 }, scores: { 表彰: 8 } }).result;
    expect([good.diagnostics, good.base.score?.toString()]).toEqual([[], '8']);
  });
  it('an assessment for a rubric the file does not hold: RUB416', () => {
    const file = compileText('main.rubric', '评估表 "甲类" { 指标 "a" 1 }\n评估表 "乙类" { 指标 "a" 1 }');
    expect(pickRubric(file.rubrics, '乙类', 'a.json').rubric?.title).toBe('乙类');
    expect(pickRubric(file.rubrics, '丙类', 'a.json').diagnostics.map((d) => d.code)).toEqual(['RUB416']);
    expect(pickRubric(file.rubrics, null, 'a.json').diagnostics.map((d) => d.code)).toEqual(['RUB416']);
  });
  it('a value given twice in a form: RUB418 at the second row', () => {
    const idx = new InputIndex(R);
    const at = (line: number) => ({ file: 'a.csv', range: { start: { line, column: 5, offset: 0 }, end: { line, column: 6, offset: 0 } }, at: `行 ${line}` });
    const rows = [
      { key: 'label:1.1', value: '好', where: at(2), keyWhere: at(2) },
      { key: 'label:1.1', value: '差', where: at(3), keyWhere: at(3) },
    ];
    expect(readAssessmentRows(rows, 'a.csv', idx).diagnostics.map((d) => [d.code, d.range.start.line])).toEqual([['RUB418', 3]]);
  });
});

describe('rubric tests', () => {
  const tests = (base: string) => `{
  "cases": [
    {
      "name": "满分，参与率 55%",
      "start": "full",
      "measures": { "参与率": "55%" },
      // 1.1 好 10 + 1.2 capped 10 + 2 (55% in [30%, 60%)) 10 = 30
      "expect": { "base": ${base}, "scores": { "2": 10 } }
    }
  ]
}`;
  it('null takes an input of the full start away: the indicator is then open', () => {
    const text = '{ "cases": [ { "name": "无 1.1", "start": "full", "labels": { "1.1": null }, "expect": { "complete": false, "scores": { "1.2": 10 } } } ] }';
    expect(runCases(text, 'r.tests.jsonc', [R]).diagnostics).toEqual([]);
  });
  it('a case whose expectation holds passes; one that does not is RUB420 at the value', () => {
    expect(runCases(tests('30'), 'r.tests.jsonc', [R]).diagnostics).toEqual([]);
    const run = runCases(tests('35'), 'r.tests.jsonc', [R]);
    expect(run.cases.map((c) => c.passed)).toEqual([false]);
    expect(run.diagnostics.map((d) => [d.code, d.range.start.line, d.args['expected'], d.args['actual'], d.args['at']])).toEqual([['RUB420', 8, '35', '30', '$.cases[0].expect.base']]);
  });
});

describe('scores', () => {
  it('sums bands, counts under their cap and numeric bands, and reads the grade', () => {
    const { read, result } = scoreJson(R, { labels: { '1.1': '好' }, counts: { '1.2': 7 }, measures: { 参与率: '55%' } });
    expect(read.diagnostics).toEqual([]);
    // 1.1 好 = 10; 1.2 7 次 × 2 = 14, capped at the indicator's 10; 2: 55% is in [30%, 60%) = 10.
    expect(result.base.score?.toString()).toBe('30');
    expect(result.grade).toBeNull();
    const full = scoreJson(R, { labels: { '1.1': '好' }, counts: { '1.2': 7 }, measures: { 参与率: '60%' } }).result;
    expect(full.base.score?.toString()).toBe('40');
    expect(full.grade).toBe('优');
  });
  it('a draft leaves missing inputs open: the range still possible, no grade', () => {
    const { result } = scoreJson(R, { draft: true, labels: { '1.1': '好' } });
    expect(result.diagnostics).toEqual([]);
    expect(result.unscored).toEqual(['1.2', '2']);
    expect([result.base.score, result.base.min?.toString(), result.base.max?.toString()]).toEqual([null, '10', '40']);
    expect(result.grade).toBeNull();
  });
  it('explains every point in Chinese and in English', () => {
    const { result } = scoreJson(R, { labels: { '1.1': '好' }, counts: { '1.2': 7 }, measures: { 参与率: '55%' } });
    const zh = explain(result, 'zh-CN').join('\n');
    const en = explain(result, 'en').join('\n');
    expect(zh).toContain('档“好”');
    expect(en).toContain('band “好”');
    expect(en).toContain('7 × 2 per 次, at most 10');
  });
  it('a draft explanation names what is missing in words, not by input key', () => {
    const two = compileText(
      'two.rubric',
      `评估表 "培训" {
  总分 20
  度量 参与率 百分比
  指标 1 "培训" 10 { 每 "次组织" 2 每 "次参加" 1 最高 10 }
  指标 2 "活动" 10 { 档 参与率 60% 以上 10 档 参与率 < 60% 0 }
}
`,
    ).rubric!;
    const { result } = scoreJson(two, { draft: true });
    const en = explain(result, 'en');
    const zh = explain(result, 'zh-CN');
    // The count lines are told apart by their units; the measure by its name.
    expect(en.find((l) => l.startsWith('1 '))).toContain('a count（次组织）, a count（次参加）');
    expect(en.find((l) => l.startsWith('2 '))).toContain('a measured value 参与率');
    expect(zh.find((l) => l.startsWith('1 '))).toContain('次数（次组织），次数（次参加）');
    for (const l of [...en, ...zh]) expect(l).not.toMatch(/\b(count|measure|label|score):\S/);
  });
});
