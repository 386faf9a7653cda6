// Subtotals and totals (RUB201, RUB202), composite weights (RUB211) and uncapped items (RUB216/217).
// Blame rule: leaves are the ground truth. A parent is wrong only when its declared points match
// neither the sum of its children as declared nor what they really add up to; so one wrong leaf
// gives one error (on its parent) and a wrong subtotal never cascades to its ancestors.
import { Decimal } from '../decimal.js';
import type { Related } from '../diagnostics.js';
import type { IndicatorIR } from '../ir/model.js';
import type { CheckContext } from './context.js';

/** What a node really adds up to: a leaf's declared points (else its rule's maximum); a parent's children. */
export function trueValue(ind: IndicatorIR): Decimal | null {
  if (ind.children.length === 0) return ind.points ?? ind.max;
  let acc = Decimal.ZERO;
  for (const c of ind.children) {
    const v = trueValue(c);
    if (v === null) return null;
    acc = acc.add(v);
  }
  return acc;
}

/** The value a reader sees for a node: its declared points, else what it adds up to. */
function shownValue(ind: IndicatorIR): Decimal | null {
  return ind.points ?? trueValue(ind);
}

interface Sums {
  shown: Decimal | null;
  real: Decimal | null;
  terms: string;
}

function sums(children: IndicatorIR[], weight?: (c: IndicatorIR) => Decimal | null): Sums {
  let shown: Decimal | null = Decimal.ZERO;
  let real: Decimal | null = Decimal.ZERO;
  const terms: string[] = [];
  for (const c of children) {
    const w = weight ? weight(c) : Decimal.ONE;
    const s = shownValue(c);
    const r = trueValue(c);
    shown = shown && s && w ? shown.add(s.mul(w)) : null;
    real = real && r && w ? real.add(r.mul(w)) : null;
    terms.push(weight ? `${s ?? '?'}×${w ? `${w.mul(Decimal.HUNDRED)}%` : '?'}` : `${s ?? '?'}`);
  }
  return { shown, real, terms: terms.length > 12 ? `${terms.slice(0, 12).join(' + ')} + …` : terms.join(' + ') };
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
    if (s.shown === null || s.real === null) continue;
    if (ind.points.eq(s.shown) || ind.points.eq(s.real)) continue;
    ctx.report(
      'RUB201',
      ind.pointsRange,
      { title: ind.title, declared: ind.points.toString(), sum: s.shown.toString(), terms: s.terms },
      { indicator: ind, related: childRelated(ind.children), fix: ctx.setFix('fix.setPoints', ind.pointsRange, s.real) },
    );
  }
}

export function checkTotal(ctx: CheckContext): void {
  const r = ctx.rubric;
  if (r.total === null || !r.totalRange) return;
  const hasParts = r.parts.length > 0;
  if (!hasParts && r.indicators.length === 0) return;
  const plain = sums(r.indicators);
  let shown = plain.shown;
  let real = plain.real;
  let terms = plain.terms;
  if (hasParts) {
    const w = sums(r.parts, (p) => p.weight);
    shown = shown && w.shown ? shown.add(w.shown) : null;
    real = real && w.real ? real.add(w.real) : null;
    terms = [w.terms, r.indicators.length > 0 ? plain.terms : ''].filter(Boolean).join(' + ');
  }
  if (shown === null || real === null) return;
  if (r.total.eq(shown) || r.total.eq(real)) return;
  ctx.report('RUB202', r.totalRange, { declared: r.total.toString(), sum: shown.toString(), terms }, {
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
    const code = ind.uncapped ? 'RUB217' : 'RUB216';
    ctx.report(code, ind.titleRange, { title: ind.title, total: total.toString() }, { indicator: ind });
  }
}
