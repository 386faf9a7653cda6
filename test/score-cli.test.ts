// `rubric template` → fill the form by script → `rubric score`, for CSV and JSON, as a staffer would;
// batches (a folder, a CSV with one organisation per row) with their summary; exit codes.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fullAssessment, InputIndex, parseCsv, writeCsv } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-runner.js';
import { compileRepoFile } from './harness.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'rubric-score-'));

/** Fills a CSV template's value column with the assessment that earns every point. */
function fillCsv(template: string, file: string): string {
  const rubric = compileRepoFile(file).rubric!;
  const full = fullAssessment(rubric, new InputIndex(rubric));
  const rows = parseCsv(template).map((r) => r.map((c) => c.text));
  const value = rows[0]!.indexOf('值');
  for (const row of rows.slice(1)) {
    const v = full.values.get(row[0]!)?.value;
    row[value] = v === undefined ? '' : v === true ? '是' : v === false ? '否' : v.toString();
  }
  return writeCsv(rows);
}

describe('rubric template → fill → rubric score', () => {
  for (const file of ['rubrics/pingdingshan-2016.rubric', 'rubrics/jiaxing-2016.rubric', 'rubrics/yueyang-cishan.rubric']) {
    it(`${file}: a CSV form filled with every point scores the rubric's maximum`, () => {
      const dir = tmp();
      const t = runCli(['template', file, '--format', 'csv', '-o', join(dir, 'form.csv')]);
      expect(t.status).toBe(0);
      writeFileSync(join(dir, 'filled.csv'), fillCsv(readFileSync(join(dir, 'form.csv'), 'utf8'), file));
      const s = runCli(['score', file, join(dir, 'filled.csv'), '--format', 'json']);
      expect(s.stderr).toBe('');
      expect(s.status).toBe(0);
      const result = JSON.parse(s.stdout);
      expect(result.base.score).toBe(compileRepoFile(file).rubric!.max!.toString());
      expect(result.complete).toBe(true);
    });
  }
  it('a JSON form: the template is valid as it is (a draft), and filled it scores', () => {
    const dir = tmp();
    const file = 'rubrics/tongzhou-shanghui.rubric';
    const t = runCli(['template', file, '-o', join(dir, 'form.jsonc')]);
    expect(t.status).toBe(0);
    const filled = readFileSync(join(dir, 'form.jsonc'), 'utf8').replace('"工作目标定量考评": null', '"工作目标定量考评": 90').replace('"民主评议定性评价": null', '"民主评议定性评价": "85"');
    writeFileSync(join(dir, 'filled.jsonc'), filled);
    const s = runCli(['score', file, join(dir, 'filled.jsonc'), '--explain']);
    expect(s.status).toBe(0);
    // 通州: 工作目标 × 80% + 民主评议 × 20% = 72 + 17 = 89, below 五好商会's 90.
    expect(s.stdout).toContain('基本分：89');
    expect(s.stdout).toContain('等级：未达到任何等级');
  });
});

describe('batches', () => {
  it('a CSV with one organisation per row: a line each and the summary', () => {
    const dir = tmp();
    const rows = [
      ['名称', 'score:工作目标定量考评', 'score:民主评议定性评价', 'veto:1'],
      ['甲商会', '95', '90', ''],
      ['乙商会', '95', '90', '是'],
      ['丙商会', '70', '100', ''],
    ];
    writeFileSync(join(dir, 'batch.csv'), writeCsv(rows));
    const s = runCli(['score', 'rubrics/tongzhou-shanghui.rubric', join(dir, 'batch.csv'), '-o', join(dir, 'out.csv')]);
    expect(s.status).toBe(0);
    // 甲: 76 + 18 = 94 → 五好商会; 乙: the same score, vetoed by 一票否决 1; 丙: 工作目标 70 < 75 → vetoed (一票否决 当).
    const lines = s.stdout.split('\n');
    expect(lines[0]).toBe('甲商会  94  五好商会');
    expect(lines[1]).toBe('乙商会  94  一票否决');
    expect(lines[2]).toBe('丙商会  76  一票否决');
    expect(s.stdout).toContain('五好商会：1 个');
    expect(s.stdout).toContain('一票否决：2 个');
    const out = parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8')).map((r) => r.map((c) => c.text));
    expect(out.map((r) => [r[0], r[5], r[6], r[7]])).toEqual([
      ['name', 'final', 'grade', 'vetoed'],
      ['甲商会', '94', '五好商会', 'false'],
      ['乙商会', '94', '', 'true'],
      ['丙商会', '76', '', 'true'],
    ]);
  });
  it('exit codes: 1 when an assessment has errors, 2 for a missing file', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ scores: { 工作目标定量考评: 120 } }));
    const bad = runCli(['score', 'rubrics/tongzhou-shanghui.rubric', join(dir, 'bad.json')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/RUB406/);
    expect(runCli(['score', 'rubrics/tongzhou-shanghui.rubric', join(dir, 'none.json')]).status).toBe(2);
  });
});
