// The xlsx form as an assessment form: for every seed, the exported workbook (with the leaf formulas
// made from the score plan) is filled in with exceljs from an assessment (band labels, counts, measured
// values and yes/no in 评估结果, direct scores in 评估得分, the scores the engine gives each leaf in
// 自评得分), read back with the xlsx reader, and
// scored; the result must equal scoring the same assessment written as JSON, and the self-assessed
// scores must add up to the same totals and grade. Then cells spoilt one way at a time give their
// coded diagnostic at the cell.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildTable,
  computedLeaves,
  Decimal,
  fullAssessment,
  InputIndex,
  readAssessmentJson,
  score,
  scoreResultToJson,
  type Assessment,
  type IndicatorScore,
  type InputSpec,
  type RubricIR,
  type Table,
} from '@rubric/core';
import { planFormulas } from '@rubric/export';
import { readXlsxAssessment, renderXlsx, xlsxLayout } from '@rubric/export/xlsx';
import { runCli } from '../cli-runner.js';
import { compileRepoFile, seedForms } from '../harness.js';
import { arbValue } from '../score/assessments.js';

/** What the form carries: every input (base points met and gates in 评估结果; written vetoes in a cell after the table). */
const inForm = (s: InputSpec): boolean => s.kind !== 'score' || s.required;

/** Complete assessments of the inputs the form carries, the gates given or not. */
function assessments(r: RubricIR, idx: InputIndex, n: number, seed: number): Assessment[] {
  const specs = idx.specs.filter(inForm);
  const nowhere = { file: '', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, at: '' };
  const arb = fc.tuple(...specs.map((s) => (s.kind === 'gate' || s.kind === 'veto' ? fc.option(arbValue(s), { freq: 2 }) : arbValue(s))));
  const full = fullAssessment(r, idx);
  const fromFull: Assessment = { ...full, values: new Map([...full.values].filter(([k]) => inForm(idx.byKey.get(k)!))) };
  return [
    fromFull,
    ...fc.sample(arb, { numRuns: n, seed }).map((vs): Assessment => {
      const values: Assessment['values'] = new Map();
      specs.forEach((s, i) => {
        const v = vs[i];
        if (v !== null && v !== undefined) values.set(s.key, { value: v, where: nowhere });
      });
      return { name: null, rubric: r.title, draft: false, values };
    }),
  ];
}

const GROUPS: Record<string, string> = { score: 'scores', label: 'labels', count: 'counts', measure: 'measures', gate: 'gates', base: 'bases', veto: 'vetoes' };
const text = (v: Decimal | string | boolean): string => (v === true ? '是' : v === false ? '否' : v.toString());

function asJson(a: Assessment, idx: InputIndex): string {
  const out: Record<string, unknown> = { schema: 'rubric-assessment', schemaVersion: 1, draft: false };
  for (const [key, { value }] of a.values) {
    const s = idx.byKey.get(key)!;
    ((out[GROUPS[s.kind]!] ??= {}) as Record<string, string>)[s.ref] = text(value);
  }
  return JSON.stringify(out);
}

/** The inputs of a leaf row's 评估结果 cell, as the reader maps them (in the table's order). */
function rowSpecs(idx: InputIndex, table: Table, i: number): InputSpec[] {
  const row = table.rows[i]!;
  const x = idx.indicators(row.indicatorId!)[0]!;
  const own = idx.inputsOf(x);
  return row.inputs.flatMap((inp): InputSpec[] => {
    const s =
      inp.kind === 'label' ? own.find((q) => q.kind === 'label')
      : inp.kind === 'count' ? (own.find((q) => q.kind === 'count' && q.unit === inp.unit) ?? own.find((q) => q.kind === 'count'))
      : inp.kind === 'gate' ? own.find((q) => q.kind === 'gate')
      : inp.kind === 'base' ? own.find((q) => q.kind === 'base')
      : inp.kind === 'measure' ? idx.byMeasure.get(inp.measure)
      : undefined;
    return s ? [s] : [];
  });
}

/** Fills the exported form: 评估结果 and 评估得分 from the assessment, 自评得分 from `self` (leaf id → score). */
async function fill(bytes: Uint8Array, table: Table, idx: InputIndex, a: Assessment, self: Map<string, Decimal>): Promise<{ bytes: Uint8Array; placed: Set<string> }> {
  const L = xlsxLayout(table);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(L.mainName)!;
  const placed = new Set<string>();
  table.rows.forEach((row, i) => {
    if (row.kind !== 'leaf') return;
    const r = L.rowOf(i);
    const x = idx.indicators(row.indicatorId!)[0]!;
    const scoreSpec = idx.inputsOf(x).find((s) => s.kind === 'score')!;
    const direct = a.values.get(scoreSpec.key);
    if (direct) {
      ws.getCell(r, L.scoreCol).value = Number(direct.value.toString());
      placed.add(scoreSpec.key);
    }
    const own = self.get(row.indicatorId!);
    if (own) ws.getCell(r, L.selfCol).value = Number(own.toString());
    const specs = rowSpecs(idx, table, i);
    const given = specs.map((s) => a.values.get(s.key)?.value);
    if (given.every((v) => v === undefined)) return;
    specs.forEach((s) => placed.add(s.key));
    const cell = ws.getCell(r, L.resultCol);
    if (specs.length > 1) {
      cell.value = given.map((v, k) => (v === undefined ? '' : specs[k]!.percent ? `${text(v)}%` : text(v))).join('；');
      return;
    }
    const s = specs[0]!;
    const v = given[0]!;
    // Numbers as Excel holds them (a percentage as its fraction), labels and yes/no as text.
    cell.value = v instanceof Decimal ? Number((s.percent ? v.percent() : v).toString()) : text(v);
  });
  // Written vetoes: 是/否 in the 评估得分 cell beside the veto's text, found by the key in the id column.
  table.vetoes.forEach((_, i) => {
    const given = a.values.get(L.vetoKey(i));
    if (!given) return;
    const r = L.vetoRow(i);
    expect(ws.getCell(r, L.idCol).value, `the id of veto ${i + 1}`).toBe(L.vetoKey(i));
    ws.getCell(r, L.scoreCol).value = text(given.value);
    placed.add(L.vetoKey(i));
  });
  return { bytes: new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), placed };
}

function leafScores(res: ReturnType<typeof score>): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  const walk = (xs: IndicatorScore[]) =>
    xs.forEach((x) => {
      if (x.children.length === 0 && x.score !== null) out.set(x.id, x.score);
      walk(x.children);
      walk(x.bonuses);
    });
  walk([...res.parts, ...res.indicators, ...res.bonuses]);
  return out;
}

const codes = (ds: { code: string; args: Record<string, unknown> }[]) => ds.map((d) => ({ code: d.code, args: { ...d.args, at: undefined } }));

interface Seed {
  file: string;
  rubric: RubricIR;
  idx: InputIndex;
  table: Table;
  form: Uint8Array;
}

async function seed(file: string): Promise<Seed | undefined> {
  const c = compileRepoFile(file);
  if (!c.rubric || !c.files[0]!.parse.ast.decls.some((d) => d.type === 'rubric')) return undefined;
  const table = buildTable(c.rubric, c.diagnostics, 'zh-CN');
  const idx = new InputIndex(c.rubric);
  return { file, rubric: c.rubric, idx, table, form: await renderXlsx(table, { leafScoreFormula: planFormulas(c.rubric, table, idx) }) };
}

describe('a filled xlsx form scores as the same assessment in JSON', () => {
  // outside.rubric: leaves with base points (基础), met or not in 评估结果 beside the count.
  for (const file of [...seedForms(), 'test/export/rubrics/grades-bonus.rubric', 'test/fixtures/outside.rubric']) {
    it(`${file}`, async () => {
      const s = await seed(file);
      if (!s) throw new Error(`${file} declares no rubric`);
      const list = assessments(s.rubric, s.idx, 4, file.length);
      let compared = 0;
      let vetoed = 0;
      for (const a of list) {
        const json = readAssessmentJson(asJson(a, s.idx), 'a.json', s.idx);
        expect(codes(json.diagnostics)).toEqual([]);
        const want = score(s.rubric, json.assessment, s.idx);
        const self = leafScores(want);
        const filled = await fill(s.form, s.table, s.idx, a, self);
        // Every input of the assessment has its cell in the form.
        expect([...a.values.keys()].filter((k) => !filled.placed.has(k))).toEqual([]);
        const read = await readXlsxAssessment(filled.bytes, 'form.xlsx', s.idx);
        expect(codes(read.assessed.diagnostics)).toEqual([]);
        const got = score(s.rubric, read.assessed.assessment, s.idx);
        expect(scoreResultToJson(got, 'zh-CN')).toEqual(scoreResultToJson(want, 'zh-CN'));
        expect(codes(got.diagnostics)).toEqual(codes(want.diagnostics));
        // The leaf scores typed as the self-assessment add up to the same totals and grade.
        expect(read.self, 'the 自评得分 column was filled').not.toBeNull();
        expect(codes(read.self!.diagnostics)).toEqual([]);
        // The self column holds scores alone: its grade is the one without written vetoes.
        const own = score(s.rubric, read.self!.assessment, s.idx);
        const unvetoed = score(s.rubric, { ...json.assessment, values: new Map([...json.assessment.values].filter(([k]) => !k.startsWith('veto:'))) }, s.idx);
        expect([own.base.score?.toString(), own.final.score?.toString(), own.grade]).toEqual([want.base.score?.toString(), want.final.score?.toString(), unvetoed.grade]);
        if ([...a.values].some(([k, v]) => k.startsWith('veto:') && v.value === true)) vetoed++;
        compared++;
      }
      expect(compared).toBe(list.length);
      // tongzhou and luohe write vetoes: some assessment says one applies.
      if (s.idx.specs.some((x) => x.kind === 'veto')) expect(vetoed, 'assessments with a written veto that applies').toBeGreaterThan(0);
      if (s.idx.specs.some((x) => x.kind === 'base')) expect(list.some((a) => [...a.values].some(([k, v]) => k.startsWith('base:') && v.value === false)), 'base points not met').toBe(true);
    }, 120_000);
  }
});

describe('a spoilt xlsx form gives coded diagnostics at its cells', async () => {
  const s = (await seed('rubrics/pingdingshan-2016.rubric'))!;
  const L = xlsxLayout(s.table);
  const col = (n: number): string => String.fromCharCode(64 + n);
  /** The sheet row of the first leaf whose 评估结果 takes exactly `kinds`. */
  const rowWith = (...kinds: string[]): number => {
    const i = s.table.rows.findIndex((r) => r.kind === 'leaf' && r.inputs.filter((x) => x.kind !== 'score').map((x) => x.kind).join('+') === kinds.join('+'));
    expect(i, kinds.join('+')).toBeGreaterThanOrEqual(0);
    return L.rowOf(i);
  };
  const label = rowWith('label');
  const count = rowWith('count');
  const two = rowWith('measure', 'gate');
  const plain = rowWith();
  const spoil = async (edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(s.form) as unknown as ExcelJS.Buffer);
    edit(wb.getWorksheet(L.mainName)!, wb);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    return (await readXlsxAssessment(bytes, 'form.xlsx', s.idx)).assessed.diagnostics.filter((d) => d.code !== 'RUB409');
  };
  const one = (ds: { code: string; args: Record<string, unknown> }[]) => {
    expect(ds.length, JSON.stringify(ds)).toBe(1);
    return { code: ds[0]!.code, ...ds[0]!.args };
  };
  const at = (c: number, r: number) => `${L.mainName}!${col(c)}${r}`;

  it('a number stored as text, a formula, an error value, a date', async () => {
    expect(one(await spoil((ws) => (ws.getCell(count, L.resultCol).value = '3')))).toMatchObject({ code: 'RUB410', what: '@form.numberAsText', at: at(L.resultCol, count) });
    expect(one(await spoil((ws) => (ws.getCell(plain, L.scoreCol).value = { formula: '2+3' } as ExcelJS.CellFormulaValue)))).toMatchObject({ code: 'RUB410', what: '@form.formula', at: at(L.scoreCol, plain) });
    expect(one(await spoil((ws) => (ws.getCell(plain, L.selfCol).value = { error: '#N/A' } as ExcelJS.CellErrorValue)))).toMatchObject({ code: 'RUB410', what: '@form.error', at: at(L.selfCol, plain) });
    expect(one(await spoil((ws) => {
      // Excel stores a date as a number with a date format.
      const c = ws.getCell(count, L.resultCol);
      c.value = new Date(Date.UTC(2024, 0, 3));
      c.numFmt = 'yyyy-mm-dd';
    }))).toMatchObject({ code: 'RUB410', what: '@form.date', at: at(L.resultCol, count) });
  });

  it('values the rubric does not allow, at their cells', async () => {
    expect(one(await spoil((ws) => (ws.getCell(label, L.resultCol).value = '很好')))).toMatchObject({ code: 'RUB403', label: '很好', at: at(L.resultCol, label) });
    expect(one(await spoil((ws) => (ws.getCell(count, L.resultCol).value = -1)))).toMatchObject({ code: 'RUB404', at: at(L.resultCol, count) });
    expect(one(await spoil((ws) => (ws.getCell(count, L.resultCol).value = '三次')))).toMatchObject({ code: 'RUB411', at: at(L.resultCol, count) });
    expect(one(await spoil((ws) => (ws.getCell(plain, L.scoreCol).value = 1000)))).toMatchObject({ code: 'RUB406', at: at(L.scoreCol, plain) });
    expect(one(await spoil((ws) => (ws.getCell(two, L.resultCol).value = '55%')))).toMatchObject({ code: 'RUB410', what: '@form.parts', at: at(L.resultCol, two) });
    expect(one(await spoil((ws) => (ws.getCell(two, L.resultCol).value = '-5；否')))).toMatchObject({ code: 'RUB405', at: at(L.resultCol, two) });
    expect(one(await spoil((ws) => (ws.getCell(plain, L.resultCol).value = '好')))).toMatchObject({ code: 'RUB414', at: at(L.resultCol, plain) });
  });

  it('a leaf the form computes: its formula is not an input; a score typed over it beside the band is RUB415', async () => {
    const computed = computedLeaves(s.idx, s.table);
    expect(s.table.rows.filter((r) => r.kind === 'leaf' && computed.has(r.indicatorId!)).length).toBeGreaterThan(20);
    const labelled = s.table.rows.findIndex((r) => r.kind === 'leaf' && computed.has(r.indicatorId!) && r.inputs.some((i) => i.kind === 'label'));
    const r = L.rowOf(labelled);
    const x = s.idx.indicators(s.table.rows[labelled]!.indicatorId!)[0]!;
    const band = s.idx.inputsOf(x).find((i) => i.kind === 'label')!.labels![0]!;
    expect(await spoil((ws) => (ws.getCell(r, L.resultCol).value = band))).toEqual([]);
    expect(one(await spoil((ws) => ((ws.getCell(r, L.resultCol).value = band), (ws.getCell(r, L.scoreCol).value = 1))))).toMatchObject({ code: 'RUB415', at: at(L.scoreCol, r) });
  });

  it('rows and ids: an unknown id, a value in a row without id, the id column deleted', async () => {
    expect(one(await spoil((ws) => ((ws.getCell(plain, L.idCol).value = '9.9.9'), (ws.getCell(plain, L.scoreCol).value = 1))))).toMatchObject({ code: 'RUB401', ref: '9.9.9', at: at(L.idCol, plain) });
    expect(one(await spoil((ws) => ((ws.getCell(plain, L.idCol).value = null), (ws.getCell(plain, L.scoreCol).value = 1))))).toMatchObject({ code: 'RUB400', problem: '@form.rowWithoutId', at: at(L.idCol, plain) });
    const total = L.rowOf(s.table.rows.findIndex((r) => r.kind === 'total'));
    expect(one(await spoil((ws) => (ws.getCell(total, L.scoreCol).value = 900)))).toMatchObject({ code: 'RUB400', problem: '@form.rowWithoutId' });
    expect(one(await spoil((ws) => ws.spliceColumns(L.idCol, 1)))).toMatchObject({ code: 'RUB400', problem: '@form.noIds' });
  });

  it('a workbook that is not a form, and a file that is not a workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '名称';
    const other = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    for (const bytes of [other, new TextEncoder().encode('not a workbook')]) {
      const d = (await readXlsxAssessment(bytes, 'x.xlsx', s.idx)).assessed.diagnostics;
      expect(d.map((x) => [x.code, x.args['problem']])).toEqual([['RUB400', '@form.notForm']]);
    }
  });
});

describe('rubric template --format xlsx → fill → rubric score', () => {
  it('通州: the Excel form filled in scores as the JSON form does; the self column is a second assessment', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubric-xlsx-form-'));
    const file = 'rubrics/tongzhou-shanghui.rubric';
    const t = runCli(['template', file, '--format', 'xlsx', '-o', join(dir, 'form.xlsx')]);
    expect(t.status).toBe(0);
    const s = (await seed(file))!;
    const L = xlsxLayout(s.table);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'form.xlsx')) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(L.mainName)!;
    // The two parts, in the table's order: 工作目标定量考评 and 民主评议定性评价.
    const leaves = s.table.rows.flatMap((r, i) => (r.kind === 'leaf' ? [L.rowOf(i)] : []));
    expect(leaves.length).toBe(2);
    ws.getCell(leaves[0]!, L.scoreCol).value = 90;
    ws.getCell(leaves[1]!, L.scoreCol).value = 85;
    ws.getCell(leaves[0]!, L.selfCol).value = 95;
    ws.getCell(leaves[1]!, L.selfCol).value = 90;
    writeFileSync(join(dir, 'filled.xlsx'), new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const r = runCli(['score', file, join(dir, 'filled.xlsx')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // 工作目标 × 80% + 民主评议 × 20%: 72 + 17 = 89 (no grade); self 76 + 18 = 94, 五好商会.
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('filled.xlsx  89  —');
    expect(lines[1]).toBe('filled.xlsx（自评得分）  94  五好商会');
    // A spoilt cell: exit 1 and the coded diagnostic at the cell.
    ws.getCell(leaves[0]!, L.scoreCol).value = '90';
    writeFileSync(join(dir, 'spoilt.xlsx'), new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const bad = runCli(['score', file, join(dir, 'spoilt.xlsx')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`spoilt.xlsx:${leaves[0]}:${L.scoreCol}  错误  RUB410`);
  });

  it('通州: a written veto marked 是 in its cell leaves no grade; a value that is not 是/否 is RUB411 at the cell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubric-xlsx-veto-'));
    const file = 'rubrics/tongzhou-shanghui.rubric';
    expect(runCli(['template', file, '--format', 'xlsx', '-o', join(dir, 'form.xlsx')]).status).toBe(0);
    const s = (await seed(file))!;
    const L = xlsxLayout(s.table);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(dir, 'form.xlsx')) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(L.mainName)!;
    const leaves = s.table.rows.flatMap((r, i) => (r.kind === 'leaf' ? [L.rowOf(i)] : []));
    // 工作目标 95 × 80% + 民主评议 95 × 20% = 95: a 五好商会 (from 90), and 工作目标 is not below 75.
    ws.getCell(leaves[0]!, L.scoreCol).value = 95;
    ws.getCell(leaves[1]!, L.scoreCol).value = 95;
    // 通州 writes three vetoes in words (1–3) and one on a score (4): cells for the first three only.
    expect(s.table.vetoes.map((v) => v.when === null)).toEqual([true, true, true, false]);
    expect([0, 1, 2].map((i) => ws.getCell(L.vetoRow(i), L.idCol).value)).toEqual(['veto:1', 'veto:2', 'veto:3']);
    expect(ws.getCell(L.vetoRow(3), L.idCol).value).toBeNull();
    const veto = ws.getCell(L.vetoRow(1), L.scoreCol);
    expect(veto.dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    const write = async (name: string) => writeFileSync(join(dir, name), new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    veto.value = '否';
    await write('clear.xlsx');
    // The result lists the vetoes that apply.
    type Out = { final: { score: string }; grade: string | null; vetoes: { index: number; applies: string }[] };
    const scoreOf = (name: string): Out => {
      const r = runCli(['score', file, join(dir, name), '--format', 'json']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      return JSON.parse(r.stdout) as Out;
    };
    const clear = scoreOf('clear.xlsx');
    expect([clear.final.score, clear.grade, clear.vetoes]).toEqual(['95', '五好商会', []]);
    veto.value = '是';
    await write('vetoed.xlsx');
    const vetoed = scoreOf('vetoed.xlsx');
    expect([vetoed.final.score, vetoed.grade, vetoed.vetoes.map((v) => [v.index, v.applies])]).toEqual(['95', null, [[2, 'yes']]]);
    // The text summary says so.
    expect(runCli(['score', file, join(dir, 'vetoed.xlsx'), join(dir, 'clear.xlsx')]).stdout.split('\n').slice(0, 2)).toEqual(['vetoed.xlsx  95  一票否决', 'clear.xlsx  95  五好商会']);
    veto.value = '也许';
    await write('spoilt.xlsx');
    const bad = runCli(['score', file, join(dir, 'spoilt.xlsx')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`spoilt.xlsx:${L.vetoRow(1)}:${L.scoreCol}  错误  RUB411`);
    const read = await readXlsxAssessment(new Uint8Array(readFileSync(join(dir, 'spoilt.xlsx'))), 'spoilt.xlsx', s.idx);
    expect(read.assessed.diagnostics.map((d) => ({ code: d.code, at: d.args['at'] }))).toEqual([{ code: 'RUB411', at: `${L.mainName}!${String.fromCharCode(64 + L.scoreCol)}${L.vetoRow(1)}` }]);
  });
});
