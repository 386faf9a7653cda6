// Reading a filled-in assessment form as `rubric export --format xlsx` writes it, from the cells a
// spreadsheet reader found (packages/export reads the workbook; this module gives the cells their
// meaning). The form's sheet has the table's header (评估结果, 自评得分, 评估得分 among the columns) and
// a hidden column headed `id` that names the indicator of every leaf row. Per leaf row:
// - 评估结果 gives the inputs the table lists for the row (a band label, a count, a measured value, a
//   yes/no for a 不得分 condition; several are separated by `；` in the table's order);
// - 评估得分 gives the score directly, unless the form computes it from 评估结果 (a formula made from the
//   score plan, `computedLeaves`); 自评得分 is the organisation's own score, read as a second
//   assessment of scores alone.
// Each written veto listed after the table has a 是/否 cell in the 评估得分 column and its input key
// (`veto:N`) in the id column.
// Every problem is a coded diagnostic at its cell (`评估表!F12`): a formula, an error value, a date or a
// number stored as text where a value is typed, a row without its id, a missing id column, a workbook
// that is not a form. Values are then checked as every assessment's are (assessment.ts).
import { Decimal } from '../decimal.js';
import { DiagnosticBag, type Args } from '../diagnostics.js';
import type { Code } from '../messages/catalog.js';
import type { IndicatorIR } from '../ir/model.js';
import { buildTable } from '../table/build.js';
import type { RowInput } from '../table/model.js';
import { TABLE_WORDS } from '../table/words.js';
import type { Table } from '../table/model.js';
import { readAssessmentRows, type InputIndex, type ReadResult, type Row, type Where } from './assessment.js';
import { inputsOfExpr, leafPlan, type Expr } from './plan.js';
import { columnName } from './csv.js';
import type { InputSpec } from './inputs.js';

/** One cell of a spreadsheet as the file holds it, before any meaning is given to it. */
export interface SheetCell {
  /** 1-based. */
  row: number;
  column: number;
  kind: 'number' | 'text' | 'bool' | 'formula' | 'error' | 'date';
  /**
   * number: the decimal the cell holds (shortest round-trip text of the stored double); text: the
   * text; bool: `true`/`false`; formula: the formula (without `=`); error: `#N/A`…; date: ISO text.
   */
  text: string;
}

/** A sheet: its name and its non-empty cells, by row (rows in order, cells in column order). */
export interface SheetGrid {
  name: string;
  rows: SheetCell[][];
}

/** The assessment of the 评估结果 and 评估得分 columns, and the organisation's own scores when any is given. */
export interface SheetRead {
  assessed: ReadResult;
  self: ReadResult | null;
}

/** A leaf whose score the form computes: its score plan, which reads only the input its 评估结果 cell records. */
export interface ComputedLeaf {
  plan: Expr;
  key: string;
}

/**
 * The leaves whose 评估得分 the form computes from their 评估结果 cell (by id): those whose 评估结果 records
 * exactly one input and whose score plan reads that input alone (a band label, a count, a measured
 * value). The others (a score typed in, several inputs in one cell, a gate) keep an input cell.
 */
export function computedLeaves(index: InputIndex, table: Table = buildTable(index.rubric, [], 'zh-CN')): Map<string, ComputedLeaf> {
  const out = new Map<string, ComputedLeaf>();
  for (const row of table.rows) {
    if (row.kind !== 'leaf' || row.indicatorId === null) continue;
    const own = row.inputs.filter((i) => i.kind !== 'score');
    const ind = index.indicators(row.indicatorId);
    if (own.length !== 1 || ind.length !== 1) continue;
    const spec = specOfInput(own[0]!, ind[0]!, index);
    const plan = leafPlan(ind[0]!, index);
    const reads = [...inputsOfExpr(plan)];
    if (spec && reads.length === 1 && reads[0] === spec.key) out.set(row.indicatorId, { plan, key: spec.key });
  }
  return out;
}

/** The input a 评估结果 entry of a row records. */
function specOfInput(i: RowInput, ind: IndicatorIR, index: InputIndex): InputSpec | undefined {
  const key = (kind: InputSpec['kind'], unit?: string): InputSpec | undefined => index.inputsOf(ind).find((s) => s.kind === kind && (unit === undefined || s.unit === unit));
  switch (i.kind) {
    case 'label':
      return key('label');
    case 'count':
      return key('count', i.unit) ?? key('count');
    case 'gate':
      return key('gate');
    case 'base':
      return key('base');
    case 'measure':
      return index.byMeasure.get(i.measure) ?? index.specs.find((s) => s.kind === 'measure' && s.title === i.measure);
    default:
      return undefined;
  }
}

const headers = (id: keyof typeof TABLE_WORDS): string[] => [TABLE_WORDS[id].en, TABLE_WORDS[id].zh];
const ID = 'id';
/** How a written veto's input key begins (core's inputs: `veto:N`). */
const VETO = 'veto:';
/** Rows searched for the header (the title and one or two header rows come first). */
const HEADER_ROWS = 12;

const where = (file: string, sheet: string, row: number, column: number): Where => {
  const at = { line: row, column, offset: 0 };
  return { file, range: { start: at, end: at }, at: `${sheet === '' ? '' : `${sheet}!`}${columnName(column)}${row}` };
};

/** Reads the assessment form of `index.rubric` from the sheets of a workbook. */
export function readAssessmentSheets(grids: readonly SheetGrid[], file: string, index: InputIndex): SheetRead {
  const bag = new DiagnosticBag();
  // A cell holding blank text is blank.
  const sheets = grids.map((g) => ({ name: g.name, rows: g.rows.map((r) => r.filter((c) => !(c.kind === 'text' && c.text.trim() === ''))).filter((r) => r.length > 0) }));
  const fail = (code: Code, at: Where, args: Args): SheetRead => {
    bag.add(code, file, at.range, { ...args, at: at.at });
    const empty = (): ReadResult => ({ assessment: { name: null, rubric: index.rubric.title, draft: false, values: new Map() }, diagnostics: bag.items });
    return { assessed: empty(), self: null };
  };

  // The form's sheet: the first one with a 评估得分 header in its first rows.
  let form: { sheet: SheetGrid; head: SheetCell[]; headRow: number } | undefined;
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      if (row[0] && row[0].row > HEADER_ROWS) break;
      if (row.some((c) => c.kind === 'text' && headers('header.score').includes(c.text.trim()))) {
        form = { sheet, head: row, headRow: row[0]!.row };
        break;
      }
    }
    if (form) break;
  }
  if (!form) return fail('RUB400', where(file, sheets[0]?.name ?? '', 1, 1), { problem: '@form.notForm' });
  const { sheet, head, headRow } = form;
  const col = (id: keyof typeof TABLE_WORDS): number => head.find((c) => c.kind === 'text' && headers(id).includes(c.text.trim()))?.column ?? 0;
  const scoreCol = col('header.score');
  const selfCol = col('header.self');
  const resultCol = col('header.result');
  const idCol = head.find((c) => c.kind === 'text' && c.text.trim() === ID)?.column ?? 0;
  if (idCol === 0) return fail('RUB400', where(file, sheet.name, headRow, Math.max(...head.map((c) => c.column)) + 1), { problem: '@form.noIds' });

  const table = buildTable(index.rubric, [], 'zh-CN');
  const rowInputs = new Map(table.rows.filter((r) => r.indicatorId !== null).map((r) => [r.indicatorId!, r.inputs]));
  const computed = computedLeaves(index, table);
  const assessed: Row[] = [];
  const self: Row[] = [];
  const report = (code: Code, at: Where, args: Args): void => void bag.add(code, file, at.range, { ...args, at: at.at });

  const body = sheet.rows.filter((r) => r[0] && r[0].row > headRow);
  // Written vetoes are listed after the table, each with its input key (`veto:N`) in the id column.
  const isVeto = (r: SheetCell[]): boolean => r.some((c) => c.column === idCol && c.text.trim().startsWith(VETO));
  const lastLeaf = Math.max(headRow, ...body.filter((r) => !isVeto(r) && r.some((c) => c.column === idCol)).map((r) => r[0]!.row));
  for (const cells of body) {
    const r = cells[0]!.row;
    if (r > lastLeaf) break;
    const cell = (c: number): SheetCell | undefined => (c > 0 ? cells.find((x) => x.column === c) : undefined);
    const inputs = [cell(resultCol), cell(selfCol), cell(scoreCol)].filter((x): x is SheetCell => x !== undefined);
    const id = cell(idCol);
    if (!id) {
      // Summary rows (the total, a grade) hold formulas; a value typed in a row without id is not lost.
      if (inputs.some((c) => c.kind !== 'formula')) report('RUB400', where(file, sheet.name, r, idCol), { problem: '@form.rowWithoutId' });
      continue;
    }
    if (inputs.length === 0) continue;
    const idAt = where(file, sheet.name, r, idCol);
    const x = index.indicators(id.text.trim());
    if (x.length !== 1) {
      report('RUB401', idAt, { ref: id.text.trim(), suggestion: '' });
      continue;
    }
    const ind = x[0]!;
    if (ind.children.length > 0) {
      report('RUB408', idAt, { title: ind.title });
      continue;
    }
    const key = (kind: InputSpec['kind'], unit?: string): InputSpec | undefined => index.inputsOf(ind).find((s) => s.kind === kind && (unit === undefined || s.unit === unit));
    const scoreSpec = key('score');
    for (const [c, list] of [
      [cell(scoreCol), assessed],
      [cell(selfCol), self],
    ] as const) {
      if (!c) continue;
      // The form's own formula, computing the score from 评估结果: not an input.
      if (c.kind === 'formula' && list === assessed && computed.has(ind.id)) continue;
      const v = numberText(c, false, sheet.name, file, report);
      if (v !== undefined && scoreSpec) list.push({ key: scoreSpec.key, value: v, where: where(file, sheet.name, r, c.column), keyWhere: idAt });
    }
    const result = cell(resultCol);
    if (result) readResult(result, rowInputs.get(ind.id) ?? [], ind, index, sheet.name, file, idAt, report, assessed);
  }

  // A written veto's cell (in the 评估得分 column): 是/否, read as the assessment's other yes/no values.
  for (const cells of body.filter(isVeto)) {
    const r = cells[0]!.row;
    const id = cells.find((c) => c.column === idCol)!;
    const idAt = where(file, sheet.name, r, idCol);
    const spec = index.byKey.get(id.text.trim());
    const c = cells.find((x) => x.column === scoreCol);
    if (!spec || spec.kind !== 'veto') {
      report('RUB401', idAt, { ref: id.text.trim(), suggestion: '' });
      continue;
    }
    if (!c) continue;
    if (c.kind === 'text' || c.kind === 'bool' || c.kind === 'number') assessed.push({ key: spec.key, value: c.text, where: where(file, sheet.name, r, c.column), keyWhere: idAt });
    else report('RUB410', where(file, sheet.name, r, c.column), { what: `@form.${c.kind}`, value: c.text });
  }

  const read = (rows: Row[]): ReadResult => {
    const out = readAssessmentRows(rows, file, index, { rubric: index.rubric.title });
    return { assessment: out.assessment, diagnostics: out.diagnostics };
  };
  const a = read(assessed);
  // Problems of the cells themselves belong to the assessment (the form as a whole).
  a.diagnostics.unshift(...bag.items);
  return { assessed: a, self: self.length > 0 ? read(self) : null };
}

type Report = (code: Code, at: Where, args: Args) => void;

/** A cell where a number is typed: its decimal text, or a diagnostic. */
function numberText(c: SheetCell, percent: boolean, sheet: string, file: string, report: Report): string | undefined {
  const at = where(file, sheet, c.row, c.column);
  if (c.kind === 'number') {
    if (!percent) return c.text;
    // A percentage cell holds a fraction (55% is 0.55): the measure's value is in percent.
    const d = Decimal.parse(c.text);
    return d ? `${d.mul(Decimal.HUNDRED).toString()}%` : c.text;
  }
  if (c.kind === 'text' || c.kind === 'bool') {
    const t = c.text.trim();
    if (Decimal.parse(t.replace(/[%％]$/, '')) !== undefined) {
      report('RUB410', at, { what: '@form.numberAsText', value: t });
      return undefined;
    }
    // Not a number at all: the value's own check says so (RUB411).
    return t;
  }
  report('RUB410', at, { what: `@form.${c.kind}`, value: c.text });
  return undefined;
}

/** The 评估结果 cell: one value per input the table lists for the row, `；`-separated when several. */
function readResult(
  c: SheetCell,
  inputs: RowInput[],
  ind: IndicatorIR,
  index: InputIndex,
  sheet: string,
  file: string,
  keyWhere: Where,
  report: Report,
  out: Row[],
): void {
  const at = where(file, sheet, c.row, c.column);
  const own = inputs.filter((i) => i.kind !== 'score');
  const specOf = (i: RowInput): InputSpec | undefined => specOfInput(i, ind, index);
  if (own.length === 0) {
    report('RUB414', at, { title: ind.title, what: '@form.result', unit: '' });
    return;
  }
  if (own.length === 1) {
    const i = own[0]!;
    const spec = specOf(i);
    if (!spec) return;
    const numeric = i.kind === 'count' || i.kind === 'measure';
    let v: string | undefined;
    if (numeric) v = numberText(c, i.kind === 'measure' && i.valueKind === 'percent', sheet, file, report);
    else if (c.kind === 'text' || c.kind === 'bool' || c.kind === 'number') v = c.text;
    else report('RUB410', at, { what: `@form.${c.kind}`, value: c.text });
    if (v !== undefined) push(out, { key: spec.key, value: v, where: at, keyWhere });
    return;
  }
  // Several inputs in one cell: typed as text, in the table's order.
  if (c.kind !== 'text') {
    report('RUB410', at, { what: `@form.${c.kind}`, value: c.text });
    return;
  }
  const parts = c.text.split(/[；;\n]/).map((p) => p.trim());
  if (parts.length !== own.length) {
    report('RUB410', at, { what: '@form.parts', value: c.text });
    return;
  }
  own.forEach((i, k) => {
    const spec = specOf(i);
    if (spec && parts[k] !== '') push(out, { key: spec.key, value: parts[k]!, where: at, keyWhere });
  });
}

/**
 * Adds a row's value. A measure is a fact about the organisation, recorded in every row that reads
 * it: the same value again is the same fact; a different one is a second value (RUB418).
 */
function push(out: Row[], row: Row): void {
  if (row.key.startsWith('measure:') && out.some((r) => r.key === row.key && r.value.trim() === row.value.trim())) return;
  out.push(row);
}
