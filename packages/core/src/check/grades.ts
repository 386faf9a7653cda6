// Grade and award thresholds on the final score: a name given twice (RUB120), out of order
// (RUB212), overlapping (RUB213), gapped (RUB214, or RUB209 when only fractional scores fall in the
// gap), unreachable (RUB215).
import { Decimal } from '../decimal.js';
import type { ArgValue } from '../diagnostics.js';
import type { Bound, GradeIR } from '../ir/model.js';
import { gradedReach } from '../ir/semantics.js';
import type { CheckContext } from './context.js';
import { describeStretch } from '../ir/describe.js';
import { gaps, overlaps, witness } from './intervals.js';

/**
 * The scores a gap holds, as a reader names them: 950 alone, or 891 to 900. Scores go in steps of
 * `step` (whole points unless the rubric allows fractions), so the gap between 949 and 951 holds 950.
 */
function missingScores(low: Bound, high: Bound, step: Decimal): ArgValue {
  const first = witness(low, high, step) ?? low.value;
  // The last score of the gap is the first one of the mirrored gap, negated.
  const last = witness({ value: high.value.neg(), closed: high.closed }, { value: low.value.neg(), closed: low.closed }, step)?.neg() ?? high.value;
  if (first.eq(last)) return { id: 'word.score', args: { score: first.toString() } };
  return { id: 'word.scores', args: { from: first.toString(), to: last.toString() } };
}

export function checkGrades(ctx: CheckContext): void {
  const r = ctx.rubric;
  const gs = r.grades;
  if (gs.length === 0) return;
  const items = gs.map((g) => ({ interval: g.scores, item: g }));
  const named = new Map<string, GradeIR>();
  for (const g of gs) {
    const first = named.get(g.name);
    if (first) ctx.report('RUB120', g.range, { grade: g.name }, { related: [rel(first)] });
    else named.set(g.name, g);
  }
  for (let i = 1; i < gs.length; i++) {
    const a = gs[i - 1]!.scores.low;
    const b = gs[i]!.scores.low;
    if (a && b && b.value.gt(a.value)) ctx.report('RUB212', gs[i]!.range, { grade: gs[i]!.name, previous: gs[i - 1]!.name });
  }
  const integer = Decimal.ONE;
  const step = r.step;
  for (const o of overlaps(items, r.step.lt(integer) ? step : integer)) {
    ctx.report('RUB213', o.second.conditionRange, { value: describeStretch(o.low, o.high, ''), first: o.first.name, second: o.second.name }, { related: [rel(o.first)] });
  }
  const coarse = new Set(gaps(items, integer).map((g) => `${g.low.value}|${g.high.value}`));
  for (const g of gaps(items, null)) {
    const key = `${g.low.value}|${g.high.value}`;
    if (coarse.has(key)) {
      const scores = missingScores(g.low, g.high, step.lt(integer) ? step : integer);
      ctx.report('RUB214', g.above.conditionRange, { scores }, { related: [rel(g.below)] });
    } else if (step.lt(integer) && gaps([{ interval: g.below.scores, item: g.below }, { interval: g.above.scores, item: g.above }], step).length > 0) {
      ctx.report('RUB209', g.above.conditionRange, { from: g.low.value.toString(), to: g.high.value.toString(), what: '@word.grade', step: step.toString() }, { related: [rel(g.below)] });
    }
  }
  const max = gradedReach(r)[1];
  if (max !== null) {
    for (const g of gs) {
      const low = g.scores.low;
      if (low && (low.value.gt(max) || (low.value.eq(max) && !low.closed))) {
        ctx.report('RUB215', g.conditionRange, { grade: g.name, threshold: low.value.toString(), max: max.toString() });
      }
    }
  }
}

function rel(g: GradeIR) {
  return { file: g.range.file, range: g.range, message: { id: 'related.previous' as const, args: {} } };
}
