// Scoring rules against their indicator: bands worth more than the indicator (RUB203), no band at
// full marks (RUB204), overlapping or gapped numeric bands (RUB207/RUB208), caps above the points
// (RUB205/RUB206), oversized deductions (RUB218), repeated band labels (RUB303).
import { Decimal } from '../decimal.js';
import type { Fix } from '../diagnostics.js';
import type { BandIR, Bound } from '../ir/model.js';
import type { CheckContext } from './context.js';
import { describeInterval, describeStretch, measureUnit } from '../ir/describe.js';
import { gaps, overlaps } from './intervals.js';

function bandName(b: BandIR, unit: string): string {
  if (b.label !== null) return b.label;
  if (!b.condition) return b.measure ?? '';
  return `${b.measure ?? ''} ${describeInterval(b.condition, unit)}`;
}

export function checkBands(ctx: CheckContext): void {
  for (const ind of ctx.all()) {
    const r = ind.rules.find((x) => x.kind === 'bands');
    if (!r || r.kind !== 'bands' || r.bands.length === 0) continue;
    const measure = r.measure ? ctx.rubric.measures.find((m) => m.name === r.measure) : undefined;
    const unit = measureUnit(ctx.rubric, r.measure);
    const p = ind.points;
    if (p !== null) {
      for (const b of r.bands) {
        if (b.points.gt(p)) {
          ctx.report('RUB203', b.pointsRange, { band: bandName(b, unit), bandPoints: b.points.toString(), points: p.toString() }, {
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
    const numeric = r.bands.filter((b) => b.condition !== null).map((b) => ({ interval: b.condition!, item: b }));
    if (numeric.length < 2) continue;
    const step = measure?.kind === 'integer' ? Decimal.ONE : null;
    for (const o of overlaps(numeric, step)) {
      ctx.report('RUB207', o.second.range, { value: describeStretch(o.low, o.high, unit), first: bandName(o.first, unit), second: bandName(o.second, unit) }, {
        indicator: ind,
        related: [{ file: o.first.range.file, range: o.first.range, message: { id: 'related.otherBand', args: {} } }],
      });
    }
    for (const g of gaps(numeric, step)) {
      const extra: Parameters<CheckContext['report']>[3] = {
        indicator: ind,
        related: [{ file: g.below.range.file, range: g.below.range, message: { id: 'related.otherBand', args: {} } }],
      };
      const fix = closeGapFix(g.below, g.high, unit);
      if (fix) extra.fix = fix;
      ctx.report('RUB208', g.above.range, { from: `${g.low.value}${unit}`, to: `${g.high.value}${unit}` }, extra);
    }
  }
}

export function checkCaps(ctx: CheckContext): void {
  for (const ind of ctx.all()) {
    const p = ind.points;
    if (p === null) continue;
    for (const r of ind.rules) {
    if (r.kind === 'per' && r.max !== null && r.max.gt(p) && r.maxRange) {
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
function closeGapFix(below: BandIR, upTo: Bound, unit: string): Fix | undefined {
  const c = below.condition;
  const at = below.conditionRange;
  if (!c || !at) return undefined;
  // The gap's upper bound is the complement of the next band's lower bound.
  const high = `${upTo.value}${unit}`;
  const text = c.low
    ? `在 ${c.low.closed ? '[' : '('}${c.low.value}${unit}, ${high}${upTo.closed ? ']' : ')'}`
    : `${upTo.closed ? '<=' : '<'} ${high}`;
  return {
    message: { id: 'fix.closeGap', args: { band: below.label ?? `${below.measure ?? ''} ${describeInterval(c, unit)}`.trim() } },
    edits: [{ file: at.file, range: { start: at.start, end: at.end }, newText: text }],
  };
}
