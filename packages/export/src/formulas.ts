// Leaf score formulas for the xlsx form, made from core's score plan: for every leaf whose score follows
// from its 评估结果 cell alone (core's `computedLeaves`: a band label, a count, a measured value), the
// plan's expression written in spreadsheet syntax over that cell, so that the form computes the leaf's
// 评估得分 as `rubric score` does. The plan says what to compute; this only changes its syntax.
//
// Spreadsheets add binary doubles: a percentage cell holds its fraction (55% is 0.55), turned back into
// percent and rounded before it is compared with a band's bounds; whole steps are rounded before they
// are floored (0.3 / 0.1 is 2.9999999999999996 in doubles); the result is rounded to the decimals its
// exact value can have. A blank 评估结果 leaves the score blank, as `rubric score` leaves it unscored.
import { computedLeaves, InputIndex, type Cond, type Expr, type RubricIR, type Table, type TableRow } from '@rubric/core';
import type { LeafCells } from './xlsx.js';

/** What a band a value does not fall in gives inside `best` (MAX ignores it): below every score. */
const NOTHING = '-1E+307';

const str = (s: string): string => `"${s.replace(/"/g, '""')}"`;

function expr(e: Expr, ref: (key: string) => string): string {
  const x = (a: Expr) => expr(a, ref);
  switch (e.op) {
    case 'num':
      return e.value.isNegative() ? `(${e.value.toString()})` : e.value.toString();
    case 'input':
      return ref(e.key);
    case 'add':
      return `(${e.args.map(x).join('+')})`;
    case 'sub':
      return `(${x(e.a)}-${x(e.b)})`;
    case 'mul':
      return `(${x(e.a)}*${e.by.toString()})`;
    case 'min':
      return `MIN(${e.args.map(x).join(',')})`;
    case 'max':
    case 'best':
      return `MAX(${e.args.map(x).join(',')})`;
    case 'blank':
      return NOTHING;
    case 'floorDiv':
      return `INT(ROUND(${x(e.a)}/${e.by.toString()},9))`;
    case 'if':
      return `IF(${cond(e.cond, ref)},${x(e.then)},${x(e.else)})`;
  }
}

function cond(c: Cond, ref: (key: string) => string): string {
  switch (c.op) {
    case 'is':
      return `${ref(c.key)}=${str(c.label)}`;
    case 'yes':
      // Not in a computed leaf (gates and base points are not read from a one-input 评估结果 cell).
      throw new Error(`a yes/no input in a leaf formula: ${c.key}`);
    case 'cmp':
      return `${expr(c.a, ref)}${c.cmp}${c.value.toString()}`;
    case 'and':
      return `AND(${c.args.map((a) => cond(a, ref)).join(',')})`;
    case 'or':
      return `OR(${c.args.map((a) => cond(a, ref)).join(',')})`;
  }
}

/** The most decimals a value of the expression can have: those of its points and factors. */
function decimals(e: Expr | Cond): number {
  switch (e.op) {
    case 'num':
      return e.value.decimals;
    case 'mul':
      return decimals(e.a) + e.by.decimals;
    case 'add':
    case 'min':
    case 'max':
    case 'best':
      return Math.max(0, ...e.args.map(decimals));
    case 'sub':
      return Math.max(decimals(e.a), decimals(e.b));
    case 'if':
      return Math.max(decimals(e.then), decimals(e.else));
    default:
      return 0;
  }
}

/**
 * The `leafScoreFormula` of the xlsx writer for a rubric: a formula for each leaf core computes from its
 * 评估结果 cell, none (an input cell) for the others.
 */
export function planFormulas(rubric: RubricIR, table: Table, index = new InputIndex(rubric)): (row: TableRow, cells: LeafCells) => string | undefined {
  const computed = computedLeaves(index, table);
  return (row, cells) => {
    const leaf = row.indicatorId !== null ? computed.get(row.indicatorId) : undefined;
    if (!leaf || cells.result === null) return undefined;
    const result = cells.result;
    const spec = index.byKey.get(leaf.key)!;
    const ref = (key: string): string => {
      if (key !== leaf.key) throw new Error(`leaf formula reads ${key}, not its 评估结果 ${leaf.key}`);
      return spec.percent ? `ROUND(${result}*100,9)` : result;
    };
    const f = `IF(ISBLANK(${result}),"",ROUND(${expr(leaf.plan, ref)},${decimals(leaf.plan)}))`;
    // Spreadsheets take formulas of at most 8,192 characters: a longer one stays an input cell.
    return f.length <= 8000 ? f : undefined;
  };
}

