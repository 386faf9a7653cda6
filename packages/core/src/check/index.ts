// The checks, in one table. Each reads the IR and reports; a check that throws becomes an RUB901
// diagnostic and the others still run, so a checker bug never hides the rest.
import type { DiagnosticBag } from '../diagnostics.js';
import type { RubricIR } from '../ir/model.js';
import { checkCap, checkSubtotals, checkTotal, checkUncapped, checkWeights } from './arithmetic.js';
import { checkCodes } from './codes.js';
import { type Check, CheckContext } from './context.js';
import { checkGrades } from './grades.js';
import { checkLints } from './lints.js';
import { checkBands, checkCaps } from './rules.js';
import { checkTitlePoints } from './titles.js';
import { checkVetoes } from './vetoes.js';

export const CHECKS: Record<string, Check> = {
  subtotals: checkSubtotals,
  total: checkTotal,
  weights: checkWeights,
  uncapped: checkUncapped,
  cap: checkCap,
  bands: checkBands,
  caps: checkCaps,
  titlePoints: checkTitlePoints,
  codes: checkCodes,
  grades: checkGrades,
  vetoes: checkVetoes,
  lints: checkLints,
};

export function runChecks(rubric: RubricIR, bag: DiagnosticBag): void {
  const ctx = new CheckContext(rubric, bag);
  for (const [name, check] of Object.entries(CHECKS)) {
    try {
      check(ctx);
    } catch (e) {
      bag.add('RUB901', rubric.file, { start: rubric.range.start, end: rubric.range.start }, { check: name, error: e instanceof Error ? e.message : String(e) });
    }
  }
}
