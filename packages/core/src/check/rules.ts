// Scoring rules against their indicator: bands worth more than the indicator (RUB203), no band at
// full marks (RUB204), overlapping or gapped numeric bands (RUB207/RUB208), staircases out of order
// (RUB242), caps above the points (RUB205/RUB206), oversized deductions (RUB218), base plus
// increments against the points (RUB240/RUB241), repeated band labels (RUB303).
import { Decimal } from '../decimal.js';
import type { Fix } from '../diagnostics.js';
import { describeGap, describeInterval, describeStretch } from '../ir/describe.js';
import type { BandConditionIR, BandIR, Bound, IndicatorIR } from '../ir/model.js';
import { readingOf } from '../ir/semantics.js';
import type { CheckContext } from './context.js';
import { gaps, overlaps } from './intervals.js';

/** A band as its author wrote it: its label, or its conditions in the author's notation. */
function bandName(b: BandIR): string {
  if (b.label !== null) return b.label;
  if (b.conditions.length === 0) return b.measure ?? '';
  return b.conditions.map((c) => `${c.measure} ${c.text}`).join(' 或 ');
}

const percentUnit = (c: BandConditionIR): string => (c.measureKind === 'percent' ? '%' : '');

export function checkBands(ctx: CheckContext): void {
  for (const ind of ctx.all()) {
    const r = ind.rules.find((x) => x.kind === 'bands');
    if (!r || r.kind !== 'bands' || r.bands.length === 0) continue;
    const p = ind.points;
    if (p !== null) {
      for (const b of r.bands) {
        if (b.points.gt(p)) {
          ctx.report('RUB203', b.pointsRange, { band: bandName(b), bandPoints: b.points.toString(), points: p.toString() }, {
            indicator: ind,
            fix: ctx.setFix('fix.setPoints', b.pointsRange, p),
          });
        }
      }
      const best = r.bands.reduce((a, b) => (b.points.gt(a.points) ? b : a));
      // Only when bands are the sole way to score: with an alternative rule, full marks may come from it.
      if (ind.rules.length === 1 && best.points.lt(p) && !r.bands.some((b) => b.points.gt(p))) {
        ctx.report('RUB204', ind.pointsRange ?? ind.titleRange, { best: best.points.toString(), points: p.toString() }, { indicator: ind });
      }
    }
    const labels = new Map<string, BandIR>();
    for (const b of r.bands) {
      if (b.label === null) continue;
      if (labels.has(b.label)) ctx.report('RUB303', b.range, { band: b.label }, { indicator: ind });
      else labels.set(b.label, b);
    }
    // Each measure on its own: bands that say `或` are checked once per measure they read.
    const byMeasure = new Map<string, { band: BandIR; cond: BandConditionIR }[]>();
    for (const band of r.bands) for (const cond of band.conditions) byMeasure.set(cond.measure, [...(byMeasure.get(cond.measure) ?? []), { band, cond }]);
    for (const list of byMeasure.values()) {
      if (list.length < 2) continue;
      const reading = readingOf(list.map((x) => x.cond.interval));
      if (reading === 'intervals') checkIntervals(ctx, ind, list);
      else checkSteps(ctx, ind, list, reading);
    }
  }
}

/** Bands as intervals of one measure: they must not overlap (RUB207), gaps between them are reported (RUB208). */
function checkIntervals(ctx: CheckContext, ind: IndicatorIR, list: { band: BandIR; cond: BandConditionIR }[]): void {
  const unit = percentUnit(list[0]!.cond);
  const integer = list[0]!.cond.measureKind === 'integer';
  const numeric = list.map((x) => ({ interval: x.cond.interval, item: x }));
  const step = integer ? Decimal.ONE : null;
  for (const o of overlaps(numeric, step)) {
    ctx.report('RUB207', o.second.band.range, { value: describeStretch(o.low, o.high, unit), first: bandName(o.first.band), second: bandName(o.second.band) }, {
      indicator: ind,
      related: [{ file: o.first.band.range.file, range: o.first.band.range, message: { id: 'related.otherBand', args: {} } }],
    });
  }
  for (const g of gaps(numeric, step)) {
    const extra: Parameters<CheckContext['report']>[3] = {
      indicator: ind,
      related: [{ file: g.below.band.range.file, range: g.below.band.range, message: { id: 'related.otherBand', args: {} } }],
    };
    const fix = closeGapFix(g.below.band, g.below.cond, g.high, unit);
    if (fix) extra.fix = fix;
    ctx.report('RUB208', g.above.band.range, { values: describeGap(g.low, g.high, unit, integer) }, extra);
  }
}

/**
 * A staircase (all `N 以上`, or all `N 以下`): the step reached applies, so a step further up the
 * stairs must be worth at least as much. Each pair of neighbouring steps out of order is reported once,
 * on the lower step (the one that pays more for less).
 */
function checkSteps(ctx: CheckContext, ind: IndicatorIR, list: { band: BandIR; cond: BandConditionIR }[], reading: 'stepsUp' | 'stepsDown'): void {
  const threshold = (x: { cond: BandConditionIR }): Decimal => (reading === 'stepsUp' ? x.cond.interval.low! : x.cond.interval.high!).value;
  // From the easiest step to the hardest: ascending thresholds up, descending down.
  const stairs = [...list].sort((a, b) => (reading === 'stepsUp' ? threshold(a).cmp(threshold(b)) : threshold(b).cmp(threshold(a))));
  for (let i = 1; i < stairs.length; i++) {
    const lower = stairs[i - 1]!;
    const higher = stairs[i]!;
    if (!lower.band.points.gt(higher.band.points)) continue;
    ctx.report('RUB242', lower.band.pointsRange, { step: lower.cond.text, points: lower.band.points.toString(), higher: higher.cond.text, higherPoints: higher.band.points.toString() }, {
      indicator: ind,
      related: [{ file: higher.band.range.file, range: higher.band.range, message: { id: 'related.higherStep', args: {} } }],
    });
  }
}

export function checkCaps(ctx: CheckContext): void {
  for (const ind of ctx.all()) {
    const p = ind.points;
    if (p === null) continue;
    for (const r of ind.rules) {
    if (r.kind === 'per' && r.base) {
      // Base points plus increments up to their cap must make exactly the indicator's points.
      const cap = r.max ?? Decimal.max(p.sub(r.base.points), Decimal.ZERO);
      const sum = r.base.points.add(cap);
      const args = { base: r.base.points.toString(), cap: cap.toString(), sum: sum.toString(), points: p.toString() };
      if (sum.gt(p)) ctx.report('RUB240', r.maxRange ?? r.base.range, args, { indicator: ind });
      else if (sum.lt(p) && !r.uncapped) ctx.report('RUB241', r.maxRange ?? r.base.range, args, { indicator: ind });
    } else if (r.kind === 'per' && r.max !== null && r.max.gt(p) && r.maxRange) {
      ctx.report('RUB205', r.maxRange, { cap: r.max.toString(), points: p.toString() }, { indicator: ind, fix: ctx.setFix('fix.setPoints', r.maxRange, p) });
    }
    if (r.kind === 'rate' && r.max !== null && r.max.gt(p) && r.maxRange) {
      ctx.report('RUB206', r.maxRange, { cap: r.max.toString(), points: p.toString() }, { indicator: ind, fix: ctx.setFix('fix.setPoints', r.maxRange, p) });
    }
    if (r.kind === 'deduct' && r.points.high.gt(p)) {
      ctx.report('RUB218', r.range, { deduct: r.points.high.toString(), points: p.toString() }, { indicator: ind });
    }
    }
  }
}

/**
 * Closes a gap by extending the band below it up to the band above: its condition is rewritten
 * to end where the next band starts (`< 30%` becomes `< 50%`, `在 [0, 3]` becomes `在 [0, 5)`).
 */
function closeGapFix(below: BandIR, cond: BandConditionIR, upTo: Bound, unit: string): Fix | undefined {
  const c = cond.interval;
  const at = cond.range;
  // The gap's upper bound is the complement of the next band's lower bound.
  const high = `${upTo.value}${unit}`;
  const text = c.low
    ? `在 ${c.low.closed ? '[' : '('}${c.low.value}${unit}, ${high}${upTo.closed ? ']' : ')'}`
    : `${upTo.closed ? '<=' : '<'} ${high}`;
  return {
    message: { id: 'fix.closeGap', args: { band: below.label ?? `${cond.measure} ${describeInterval(c, unit)}` } },
    edits: [{ file: at.file, range: { start: at.start, end: at.end }, newText: text }],
  };
}
