// The xlsx form recalculated by LibreOffice, as a person would use it: for every seed rubric, the
// exported workbook is opened in LibreOffice (headless, Python-UNO), both score columns of every leaf
// are typed in for each assessment (hand-made and random), LibreOffice recalculates, and every
// subtotal, the total, the total with bonuses and the grade read back from the sheets must equal what
// `rubric score` gives for the same leaf scores (core's `score`). One filled-in, recalculated form per
// seed is saved by LibreOffice and read back with the xlsx form reader: scored, it gives the same
// results. For 通州 and 漯河 a hand-made round marks a written veto 是 in its cell: the grade cell stays
// empty, and the form LibreOffice saves is read back vetoed. Run by test/export/run.sh (it installs LibreOffice); not part of the default suite.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allIndicators,
  buildTable,
  computedLeaves,
  Decimal,
  fullAssessment,
  InputIndex,
  score,
  scoreResultToJson,
  type Assessment as Inputs,
  type ComputedLeaf,
  type IndicatorScore,
  type RubricIR,
  type ScoreResult,
  type Table,
} from '@rubric/core';
import { planFormulas } from '@rubric/export';
import { readXlsxAssessment, renderXlsx, xlsxLayout, type XlsxLayout } from '@rubric/export/xlsx';
import { arbValue } from '../score/assessments.js';
import { compileRepoFile, ROOT, seedForms } from '../harness.js';
import { assessments, recalc, type Assessment, type Grid, type RecalcJob } from './forms.js';

const OUT = join(ROOT, 'test/artifacts/export/xlsx');
/**
 * The seeds, and rubrics with what the seeds lack: grades beside a bonus and a penalty (graded on the
 * total), and bonuses, penalties, a cap and grades on the final score (等级含加分).
 */
const FILES = [...seedForms(), 'test/export/rubrics/grades-bonus.rubric', 'test/fixtures/outside.rubric'];
/** The seeds with written vetoes, each also filled in with one of them marked 是. */
const WRITTEN_VETO_CASES = new Set(['rubrics/tongzhou-shanghui.rubric', 'rubrics/luohe-2015.rubric']);
const RANDOM = 20;

function letter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface Form {
  file: string;
  rubric: RubricIR;
  idx: InputIndex;
  table: Table;
  layout: XlsxLayout;
  job: RecalcJob;
  assessments: Vetoed[];
  /** The round LibreOffice saves filled in and recalculated, and where. */
  saved: { round: number; path: string };
  /** The round with a written veto marked 是, saved by LibreOffice too. */
  vetoed: { round: number; path: string } | null;
}

/** An assessment, with the written vetoes (indexes into the table's vetoes) whose cell says 是. */
type Vetoed = Assessment & { vetoes?: number[] };

/** Runs of consecutive leaf rows (the input rows between summary rows). */
function leafRuns(table: Table): [number, number][] {
  const runs: [number, number][] = [];
  table.rows.forEach((row, i) => {
    if (row.kind !== 'leaf') return;
    const last = runs[runs.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else runs.push([i, i]);
  });
  return runs;
}

/** The round saved by LibreOffice: the first random assessment (after the five hand-made ones). */
const SAVED_ROUND = 5;

async function form(file: string): Promise<Form | undefined> {
  const r = compileRepoFile(file);
  if (!r.rubric || !r.files[0]!.parse.ast.decls.some((d) => d.type === 'rubric')) return undefined;
  const rubric = r.rubric;
  const table = buildTable(rubric, r.diagnostics, 'zh-CN');
  const L = xlsxLayout(table);
  const name = file.replace(/^.*\//, '').replace(/\.rubric$/, '');
  const path = join(OUT, `${name}.xlsx`);
  writeFileSync(path, await renderXlsx(table));
  expect(L.scoreCol, 'the two score columns are side by side').toBe(L.selfCol + 1);
  const list = assessments(rubric, RANDOM, file.length);
  if (file.endsWith('tongzhou-shanghui.rubric')) list.push(...thresholdCases(rubric));
  if (file.endsWith('grades-bonus.rubric')) list.push(vetoCase(rubric));
  const withVetoes: Vetoed[] = list;
  if (WRITTEN_VETO_CASES.has(file)) withVetoes.push(writtenVetoCase(table));
  const last = L.rowOf(table.rows.length - 1);
  const lastGroup = L.S0 + Math.max(0, table.groups.length - 1);
  const reads: RecalcJob['rounds'][number]['reads'] = [
    [L.mainName, `${letter(L.idCol)}${L.rowOf(0)}:${letter(L.idCol)}${last}`],
    [L.mainName, `${letter(L.selfCol)}${L.rowOf(0)}:${letter(L.scoreCol)}${last}`],
    [L.subName, `${letter(L.subCols.points)}${L.S0}:${letter(L.subCols.id)}${lastGroup}`],
  ];
  const saved = { round: SAVED_ROUND, path: join(OUT, `${name}.filled.xlsx`) };
  const vetoRound = withVetoes.findIndex((a) => a.vetoes !== undefined);
  const vetoed = vetoRound >= 0 ? { round: vetoRound, path: join(OUT, `${name}.vetoed.xlsx`) } : null;
  const rounds = withVetoes.map((a, i) => ({
    writes: leafRuns(table).map(([from, to]): RecalcJob['rounds'][number]['writes'][number] => [
      L.mainName,
      `${letter(L.selfCol)}${L.rowOf(from)}:${letter(L.scoreCol)}${L.rowOf(to)}`,
      table.rows.slice(from, to + 1).map((row) => [Number(a.self.get(row.indicatorId!)!.toString()), Number(a.score.get(row.indicatorId!)!.toString())]),
    ]).concat((a.vetoes ?? []).map((k): RecalcJob['rounds'][number]['writes'][number] => [L.mainName, `${letter(L.scoreCol)}${L.vetoRow(k)}`, [['是']]])),
    reads,
    ...(i === saved.round ? { save: saved.path } : i === vetoed?.round ? { save: vetoed.path } : {}),
  }));
  return { file, rubric, idx: new InputIndex(rubric), table, layout: L, job: { file: path, rounds }, assessments: withVetoes, saved, vetoed };
}

/** The leaf scores as an assessment `rubric score` reads: each leaf's score given directly, and the written vetoes that apply. */
function asInputs(f: Pick<Form, 'rubric' | 'idx'>, scores: Map<string, Decimal>, vetoes: number[] = []): Inputs {
  const nowhere = { file: '', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, at: '' };
  const values: Inputs['values'] = new Map();
  for (const [id, v] of scores) {
    const x = f.idx.indicators(id)[0]!;
    values.set(f.idx.inputsOf(x).find((s) => s.kind === 'score')!.key, { value: v, where: nowhere });
  }
  for (const k of vetoes) values.set(`veto:${k + 1}`, { value: true, where: nowhere });
  return { name: null, rubric: f.rubric.title, draft: false, values };
}

/** What `rubric score` gives: every indicator's score by id, and the result. */
function scored(f: Pick<Form, 'rubric' | 'idx'>, scores: Map<string, Decimal>, vetoes: number[] = []): { result: ScoreResult; byId: Map<string, IndicatorScore> } {
  const result = score(f.rubric, asInputs(f, scores, vetoes), f.idx);
  expect(result.diagnostics.map((d) => d.code)).toEqual([]);
  const byId = new Map<string, IndicatorScore>();
  const walk = (xs: IndicatorScore[]) => xs.forEach((x) => (byId.set(x.id, x), walk(x.children), walk(x.bonuses)));
  walk([...result.parts, ...result.indicators, ...result.bonuses]);
  return { result, byId };
}

/**
 * 通州: 综合得分 = 工作目标 × 80% + 民主评议 × 20%, 五好商会 from 90 (inclusive). 89 and 94 give exactly
 * 90 (a 五好商会); 89 and 93 give 89.8 (none): the grade must see the exact decimal, not a double.
 */
function thresholdCases(r: RubricIR): Assessment[] {
  const [a, b] = r.parts;
  const d = (s: string): Decimal => Decimal.parse(s)!;
  const pair = (name: string, x: string, y: string): Assessment => {
    const m = new Map([
      [a!.id, d(x)],
      [b!.id, d(y)],
    ]);
    return { name, self: m, score: m };
  };
  return [pair('exactly 90', '89', '94'), pair('89.8', '89', '93')];
}

/**
 * grades-bonus: 基础工作 20 (工作目标 10 + 会员发展 10) and 活动 50 make 70, a 合格 by the total, but
 * 一票否决 当 基础工作 < 30 applies: no grade. The bonus and the penalty (10 each) cancel out.
 */
function vetoCase(r: RubricIR): Assessment {
  const scores: Record<string, string> = { 工作目标: '10', 会员发展: '10', 培训: '20', 参与: '30', 特别加分: '10', 违规: '10' };
  const m = new Map(allIndicators(r).filter((x) => x.children.length === 0).map((x) => [x.id, Decimal.parse(scores[x.title]!)!]));
  return { name: 'vetoed at 70', self: m, score: m };
}

/**
 * 通州 and 漯河 write vetoes in words. Every leaf at its full points (a penalty at none): 通州's 100 is a
 * 五好商会 (from 90); the first written veto marked 是 in its cell leaves no grade (漯河 has no grades:
 * the form LibreOffice saves is read back vetoed). The self column holds scores alone.
 */
function writtenVetoCase(table: Table): Vetoed {
  const m = new Map(table.rows.flatMap((row) => (row.kind === 'leaf' ? [[row.indicatorId!, (row.indicatorKind === 'penalty' ? row.min : row.max) ?? Decimal.ZERO] as const] : [])));
  const first = table.vetoes.findIndex((v) => v.when === null);
  expect(first, 'a written veto').toBeGreaterThanOrEqual(0);
  return { name: `full marks, written veto ${first + 1} applies`, self: m, score: m, vetoes: [first] };
}

/** A number read back equals an exact decimal (the sheet holds doubles; its formulas round to the value's decimals). */
function expectNumber(value: number | string | undefined, want: Decimal, where: string): void {
  expect(typeof value, `${where}: sheet has ${JSON.stringify(value)}`).toBe('number');
  expect(Math.abs((value as number) - Number(want.toString())), `${where}: sheet ${String(value)}, expected ${want}`).toBeLessThan(1e-9);
}

const dec = (d: Decimal | null | undefined, what: string): Decimal => {
  expect(d, `${what}: rubric score gives no score`).toBeInstanceOf(Decimal);
  return d!;
};

describe('xlsx recalculated by LibreOffice agrees with rubric score', () => {
  const files = FILES;
  const forms = new Map<string, Form>();
  const results = new Map<string, Grid[][]>();

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    for (const f of files) {
      const x = await form(f);
      if (x) forms.set(f, x);
    }
    const list = [...forms.values()];
    recalc(list.map((x) => x.job)).forEach((r, i) => results.set(list[i]!.file, r));
  }, 900_000);

  it('covers every seed rubric with at least 20 assessments', () => {
    expect(forms.size).toBeGreaterThanOrEqual(9);
    for (const x of forms.values()) expect(x.job.rounds.length, x.file).toBeGreaterThanOrEqual(20);
  });

  for (const file of files) {
    it(`${file}: every subtotal, the total, the bonuses and the grade`, () => {
      const f = forms.get(file);
      if (!f) throw new Error(`${file} has no form`);
      const { table } = f;
      const got = results.get(file)!;
      const row = (kind: string): number => table.rows.findIndex((x) => x.kind === kind);
      let checked = 0;
      let vetoRounds = 0;
      f.assessments.forEach((a, ai) => {
        const [ids, scores, subs] = got[ai]!;
        const want = { self: scored(f, a.self), score: scored(f, a.score, a.vetoes) };
        if (a.vetoes) {
          // The veto applies; without it the scores reach a grade when the rubric has grades.
          expect(want.score.result.vetoes.map((v) => [v.index, v.applies])).toEqual(a.vetoes.map((k) => [k + 1, 'yes']));
          expect(want.score.result.grade).toBeNull();
          if (table.grades.length > 0) expect(want.self.result.grade, 'the same scores without the veto').not.toBeNull();
          vetoRounds++;
        }
        // The hidden id columns name the indicator of every leaf row and every subtotal row.
        table.rows.forEach((x, i) => {
          if (x.kind === 'leaf') expect(ids![i]![0], `row ${i}`).toBe(x.indicatorId);
        });
        table.groups.forEach((g, gi) => {
          const line = subs![gi]!;
          expect(line[4], `subtotal row ${gi}`).toBe(g.indicatorId);
          expectNumber(line[1], dec(want.self.byId.get(g.indicatorId)?.score, g.title), `${a.name}: self subtotal of ${g.title}`);
          expectNumber(line[2], dec(want.score.byId.get(g.indicatorId)?.score, g.title), `${a.name}: subtotal of ${g.title}`);
          checked += 2;
        });
        (['self', 'score'] as const).forEach((which, col) => {
          const w = want[which].result;
          if (row('total') >= 0) expectNumber(scores![row('total')]![col], dec(w.base.score, 'base'), `${a.name}: ${which} total`);
          if (row('final') >= 0) expectNumber(scores![row('final')]![col], dec(w.final.score, 'final'), `${a.name}: ${which} total with bonuses`);
          if (row('grade') >= 0) expect(scores![row('grade')]![col], `${a.name}: ${which} grade (final ${w.final.score})`).toBe(w.grade ?? '');
          checked += 3;
        });
      });
      expect(checked).toBeGreaterThan(f.assessments.length * 2);
      expect(vetoRounds).toBe(f.vetoed ? 1 : 0);
      compared.set(file, { assessments: f.assessments.length, values: checked });
    });

    if (WRITTEN_VETO_CASES.has(file)) it(`${file}: a written veto marked 是 in the form LibreOffice saved, read back and scored: vetoed, no grade`, async () => {
      const f = forms.get(file);
      if (!f?.vetoed) throw new Error(`${file} has no vetoed form`);
      const a = f.assessments[f.vetoed.round]!;
      const read = await readXlsxAssessment(new Uint8Array(readFileSync(f.vetoed.path)), f.vetoed.path, f.idx);
      expect(read.assessed.diagnostics.map((d) => [d.code, d.args])).toEqual([]);
      // The cell marked 是 is read; the other written vetoes' cells are left empty (not applying).
      expect([...read.assessed.assessment.values].filter(([k]) => k.startsWith('veto:')).map(([k, v]) => [k, v.value])).toEqual(a.vetoes!.map((k) => [`veto:${k + 1}`, true]));
      const want = scored(f, a.score, a.vetoes).result;
      const got = score(f.rubric, { ...read.assessed.assessment, name: null }, f.idx);
      expect(got.vetoes.map((v) => v.applies)).toEqual(['yes']);
      expect(got.grade).toBeNull();
      expect(scoreResultToJson(got, 'zh-CN')).toEqual(scoreResultToJson(want, 'zh-CN'));
    });

    it(`${file}: the form LibreOffice saved, read back and scored, gives the same results`, async () => {
      const f = forms.get(file);
      if (!f) throw new Error(`${file} has no form`);
      const a = f.assessments[f.saved.round]!;
      const read = await readXlsxAssessment(new Uint8Array(readFileSync(f.saved.path)), f.saved.path, f.idx);
      expect(read.assessed.diagnostics.map((d) => [d.code, d.args])).toEqual([]);
      expect(read.self, 'the 自评得分 column').not.toBeNull();
      expect(read.self!.diagnostics.map((d) => [d.code, d.args])).toEqual([]);
      for (const [which, r] of [
        ['score', read.assessed],
        ['self', read.self!],
      ] as const) {
        const want = scored(f, a[which]).result;
        const got = score(f.rubric, { ...r.assessment, name: null }, f.idx);
        expect(scoreResultToJson(got, 'zh-CN'), which).toEqual(scoreResultToJson(want, 'zh-CN'));
      }
    });
  }
});

/** Per seed: assessments compared and values compared (printed at the end, for the report). */
const compared = new Map<string, { assessments: number; values: number }>();
afterAll(() => {
  const n = [...compared.values()];
  console.log(`LibreOffice vs rubric score: ${n.length} forms, ${n.reduce((s, x) => s + x.assessments, 0)} assessments, ${n.reduce((s, x) => s + x.values, 0)} values compared`);
  for (const [file, x] of compared) console.log(`  ${file}: ${x.assessments} assessments, ${x.values} values`);
});

// Leaf formulas: the form as `rubric export` writes it computes 评估得分 from 评估结果 wherever the
// score plan allows (core's computedLeaves). Assessments give those leaves their band label, count or
// measured value (typed into 评估结果, a percentage as its fraction) and every other leaf its score;
// LibreOffice computes the leaves, the subtotals, the total and the grade, and each must be what
// `rubric score` gives for the same inputs.
interface PlanForm {
  file: string;
  rubric: RubricIR;
  idx: InputIndex;
  table: Table;
  computed: Map<string, ComputedLeaf>;
  job: RecalcJob;
  inputs: Inputs[];
  saved: { round: number; path: string };
}

const nowhere = { file: '', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, at: '' };

async function planForm(file: string): Promise<PlanForm | undefined> {
  const r = compileRepoFile(file);
  if (!r.rubric || !r.files[0]!.parse.ast.decls.some((d) => d.type === 'rubric')) return undefined;
  const rubric = r.rubric;
  const idx = new InputIndex(rubric);
  const table = buildTable(rubric, r.diagnostics, 'zh-CN');
  const computed = computedLeaves(idx, table);
  if (computed.size === 0) return undefined;
  const L = xlsxLayout(table);
  const name = file.replace(/^.*\//, '').replace(/\.rubric$/, '');
  const path = join(OUT, `${name}.formulas.xlsx`);
  writeFileSync(path, await renderXlsx(table, { leafScoreFormula: planFormulas(rubric, table, idx) }));
  const leaves = table.rows.flatMap((row, i) => (row.kind === 'leaf' ? [{ row, i, x: idx.indicators(row.indicatorId!)[0]! }] : []));
  // What each leaf is given: its 评估结果 input when the form computes it, else its score.
  const specs = leaves.map(({ row, x }) => (computed.has(row.indicatorId!) ? idx.byKey.get(computed.get(row.indicatorId!)!.key)! : idx.inputsOf(x).find((s) => s.kind === 'score')!));
  const full = fullAssessment(rubric, idx);
  const best = (s: (typeof specs)[number]): Decimal | string | boolean => full.values.get(s.key)?.value ?? s.max ?? Decimal.ZERO;
  const values = [specs.map(best), ...fc.sample(fc.tuple(...specs.map((s) => arbValue(s))), { numRuns: RANDOM, seed: file.length })];
  const inputs = values.map((vs): Inputs => ({ name: null, rubric: rubric.title, draft: false, values: new Map(specs.map((s, k) => [s.key, { value: vs[k]!, where: nowhere }])) }));
  const last = L.rowOf(table.rows.length - 1);
  const lastGroup = L.S0 + Math.max(0, table.groups.length - 1);
  const saved = { round: 1, path: join(OUT, `${name}.formulas.filled.xlsx`) };
  const rounds = values.map((vs, ri) => ({
    writes: leaves.map(({ row, i }, k): RecalcJob['rounds'][number]['writes'][number] => {
      const s = specs[k]!;
      const v = vs[k]!;
      const cell = `${letter(computed.has(row.indicatorId!) ? L.resultCol : L.scoreCol)}${L.rowOf(i)}`;
      return [L.mainName, cell, [[v instanceof Decimal ? Number((s.percent ? v.percent() : v).toString()) : String(v)]]];
    }),
    reads: [
      [L.mainName, `${letter(L.scoreCol)}${L.rowOf(0)}:${letter(L.scoreCol)}${last}`],
      [L.subName, `${letter(L.subCols.points)}${L.S0}:${letter(L.subCols.id)}${lastGroup}`],
    ] as RecalcJob['rounds'][number]['reads'],
    ...(ri === saved.round ? { save: saved.path } : {}),
  }));
  return { file, rubric, idx, table, computed, job: { file: path, rounds }, inputs, saved };
}

describe('leaf formulas made from the score plan: LibreOffice computes 评估得分 from 评估结果 as rubric score does', () => {
  // The files whose forms compute some leaf from its 评估结果.
  const files = FILES.filter((f) => computedLeaves(new InputIndex(compileRepoFile(f).rubric!)).size > 0);
  const forms = new Map<string, PlanForm>();
  const results = new Map<string, Grid[][]>();

  beforeAll(async () => {
    for (const f of files) {
      const x = await planForm(f);
      if (x) forms.set(f, x);
    }
    const list = [...forms.values()];
    recalc(list.map((x) => x.job)).forEach((r, i) => results.set(list[i]!.file, r));
  }, 900_000);

  it('covers the seeds whose forms compute leaves, with at least 20 assessments each', () => {
    // jiaxing, luohe and pingdingshan score leaves by bands, counts and measures.
    expect(forms.size).toBeGreaterThanOrEqual(3);
    for (const x of forms.values()) expect(x.job.rounds.length, x.file).toBeGreaterThanOrEqual(20);
  });

  for (const file of files) {
    it(`${file}: every computed leaf, subtotal, the total and the grade`, () => {
      const f = forms.get(file);
      if (!f) throw new Error(`${file} has no form with leaf formulas`);
      const { table } = f;
      const got = results.get(file)!;
      const row = (kind: string): number => table.rows.findIndex((x) => x.kind === kind);
      let checked = 0;
      f.inputs.forEach((a, ai) => {
        const [scores, subs] = got[ai]!;
        const result = score(f.rubric, a, f.idx);
        expect(result.diagnostics.map((d) => d.code)).toEqual([]);
        const byId = new Map<string, IndicatorScore>();
        const walk = (xs: IndicatorScore[]) => xs.forEach((x) => (byId.set(x.id, x), walk(x.children), walk(x.bonuses)));
        walk([...result.parts, ...result.indicators, ...result.bonuses]);
        table.rows.forEach((x, i) => {
          if (x.kind !== 'leaf' || !f.computed.has(x.indicatorId!)) return;
          expectNumber(scores![i]![0], dec(byId.get(x.indicatorId!)?.score, x.indicatorId!), `assessment ${ai}: leaf ${x.indicatorId} from ${String(a.values.get(f.computed.get(x.indicatorId!)!.key)?.value)}`);
          checked++;
        });
        table.groups.forEach((g, gi) => {
          expectNumber(subs![gi]![2], dec(byId.get(g.indicatorId)?.score, g.title), `assessment ${ai}: subtotal of ${g.title}`);
          checked++;
        });
        if (row('total') >= 0) expectNumber(scores![row('total')]![0], dec(result.base.score, 'base'), `assessment ${ai}: total`);
        if (row('final') >= 0) expectNumber(scores![row('final')]![0], dec(result.final.score, 'final'), `assessment ${ai}: total with bonuses`);
        if (row('grade') >= 0) expect(scores![row('grade')]![0], `assessment ${ai}: grade`).toBe(result.grade ?? '');
        checked += 3;
      });
      expect(checked).toBeGreaterThan(f.inputs.length * f.computed.size);
      compared.set(`${file} (leaf formulas)`, { assessments: f.inputs.length, values: checked });
    });

    it(`${file}: the form with leaf formulas LibreOffice saved, read back and scored, gives the same result`, async () => {
      const f = forms.get(file);
      if (!f) throw new Error(`${file} has no form with leaf formulas`);
      const read = await readXlsxAssessment(new Uint8Array(readFileSync(f.saved.path)), f.saved.path, f.idx);
      expect(read.assessed.diagnostics.map((d) => [d.code, d.args])).toEqual([]);
      const want = score(f.rubric, f.inputs[f.saved.round]!, f.idx);
      const got = score(f.rubric, { ...read.assessed.assessment, name: null }, f.idx);
      expect(scoreResultToJson(got, 'zh-CN')).toEqual(scoreResultToJson(want, 'zh-CN'));
    });
  }
});
