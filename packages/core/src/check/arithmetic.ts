// Subtotals and totals (RUB201, RUB202; RUB247/RUB310 for parents marked 未列全), composite weights
// (RUB211), uncapped items and penalties (RUB216, RUB217, RUB243), the cap on the final score (RUB244/245).
// Blame rule: leaves are the ground truth. A parent is wrong only when its declared points match
// neither the sum of its children as declared nor what they really add up to; so one wrong leaf
// gives one error (on its parent) and a wrong subtotal never cascades to its ancestors.
import { Decimal } from '../decimal.js';
import type { Related } from '../diagnostics.js';
import type { IndicatorIR } from '../ir/model.js';
import { finalReach, shownValue, sums, topSums } from '../ir/semantics.js';
import type { CheckContext } from './context.js';

/** The terms of a sum as a reader checks it: `5 + 12 + 28`, or `100×80% + 100×20%` for parts. */
function terms(nodes: IndicatorIR[], weighted: boolean): string {
  const t = nodes.map((c) => {
    const s = shownValue(c);
    if (!weighted) return `${s ?? '?'}`;
    return `${s ?? '?'}×${c.weight ? `${c.weight.mul(Decimal.HUNDRED)}%` : '?'}`;
  });
  return t.length > 12 ? `${t.slice(0, 12).join(' + ')} + …` : t.join(' + ');
}

function childRelated(children: IndicatorIR[]): Related[] {
  return children.slice(0, 30).map((c) => ({
    file: c.range.file,
    range: c.pointsRange ?? c.titleRange,
    message: { id: 'related.child', args: { title: c.code ? `${c.code} ${c.title}` : c.title, points: shownValue(c)?.toString() ?? '?' } },
  }));
}

export function checkSubtotals(ctx: CheckContext): void {
  for (const ind of ctx.all()) {
    if (ind.children.length === 0 || ind.points === null || !ind.pointsRange) continue;
    const s = sums(ind.children);
    if (s.declared === null || s.real === null) continue;
    if (ind.incomplete) {
      // Not all items are written: the listed ones may not exceed the points; the rest is a warning.
      const args = { title: ind.title, declared: ind.points.toString(), sum: s.declared.toString() };
      if (s.declared.gt(ind.points) && s.real.gt(ind.points)) ctx.report('RUB247', ind.pointsRange, args, { indicator: ind, related: childRelated(ind.children) });
      else if (s.declared.lt(ind.points)) ctx.report('RUB310', ind.pointsRange, args, { indicator: ind });
      continue;
    }
    if (ind.points.eq(s.declared) || ind.points.eq(s.real)) continue;
    ctx.report(
      'RUB201',
      ind.pointsRange,
      { title: ind.title, declared: ind.points.toString(), sum: s.declared.toString(), terms: terms(ind.children, false) },
      { indicator: ind, related: childRelated(ind.children), fix: ctx.setFix('fix.setPoints', ind.pointsRange, s.real) },
    );
  }
}

export function checkTotal(ctx: CheckContext): void {
  const r = ctx.rubric;
  if (r.total === null || !r.totalRange) return;
  const hasParts = r.parts.length > 0;
  if (!hasParts && r.indicators.length === 0) return;
  const { declared: shown, real } = topSums(r);
  const shownTerms = [hasParts ? terms(r.parts, true) : '', r.indicators.length > 0 ? terms(r.indicators, false) : ''].filter(Boolean).join(' + ');
  if (shown === null || real === null) return;
  if (r.total.eq(shown) || r.total.eq(real)) return;
  ctx.report('RUB202', r.totalRange, { declared: r.total.toString(), sum: shown.toString(), terms: shownTerms }, {
    related: childRelated(hasParts ? r.parts : r.indicators),
    fix: ctx.setFix('fix.setTotal', r.totalRange, real),
  });
}

export function checkWeights(ctx: CheckContext): void {
  const parts = ctx.rubric.parts;
  if (parts.length === 0 || parts.some((p) => p.weight === null)) return;
  const sum = Decimal.sum(parts.map((p) => p.weight!));
  if (sum.eq(Decimal.ONE)) return;
  ctx.report('RUB211', parts[parts.length - 1]!.weightRange!, { sum: `${sum.mul(Decimal.HUNDRED)}%` }, {
    related: parts.map((p) => ({ file: p.weightRange!.file, range: p.weightRange!, message: { id: 'related.child', args: { title: p.title, points: `${p.weight!.mul(Decimal.HUNDRED)}%` } } })),
  });
}

export function checkUncapped(ctx: CheckContext): void {
  const total = ctx.rubric.total;
  if (total === null) return;
  for (const ind of ctx.all()) {
    if (ind.kind === 'bonus' || ind.children.length > 0 || ind.max !== null) continue;
    if (ind.kind === 'penalty') {
      ctx.report('RUB243', ind.titleRange, { title: ind.title }, { indicator: ind });
      continue;
    }
    const code = ind.uncapped ? 'RUB217' : 'RUB216';
    ctx.report(code, ind.titleRange, { title: ind.title, total: total.toString() }, { indicator: ind });
  }
}

/** A cap on the final score (`最高`): not below the total (RUB244), and able to apply (RUB245). */
export function checkCap(ctx: CheckContext): void {
  const r = ctx.rubric;
  if (r.cap === null || !r.capRange) return;
  if (r.total !== null && r.cap.lt(r.total)) {
    ctx.report('RUB244', r.capRange, { cap: r.cap.toString(), total: r.total.toString() });
    return;
  }
  const uncapped = finalReach({ ...r, cap: null })[1];
  if (uncapped !== null && !uncapped.gt(r.cap)) ctx.report('RUB245', r.capRange, { cap: r.cap.toString(), max: uncapped.toString() });
}
