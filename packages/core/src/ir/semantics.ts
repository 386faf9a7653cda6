// The arithmetic of a rubric, in one place: what each rule and indicator can score (reachable min
// and max), what children declare and what they really add up to, weighted sums of parts, and how a
// veto's comparison reads. The IR builder, the checks, the editor (Σ hints, hover) and everything
// that computes with points use these functions and no other copy of them. Exact decimals only.
import { Decimal } from '../decimal.js';
import type { IndicatorIR, IntervalIR, RubricIR, RuleIR } from './model.js';

export type CmpOp = '>=' | '>' | '<=' | '<' | '=';

/** `a op b`. */
export function compare(a: Decimal, op: CmpOp, b: Decimal): boolean {
  const c = a.cmp(b);
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
    case '=':
      return c === 0;
  }
}

/**
 * Whether a veto `X op value` holds for every score X can take (`always`), for none (`never`), or
 * depends on the assessment (`sometimes`), given X's reachable min and max.
 */
export function vetoOutcome(min: Decimal, max: Decimal, op: CmpOp, value: Decimal): 'always' | 'never' | 'sometimes' {
  if (op === '=') return value.lt(min) || value.gt(max) ? 'never' : 'sometimes';
  const atMin = compare(min, op, value);
  const atMax = compare(max, op, value);
  if (atMin && atMax) return 'always';
  if (!atMin && !atMax) return 'never';
  return 'sometimes';
}

function sumOrNull(xs: readonly (Decimal | null)[]): Decimal | null {
  let acc = Decimal.ZERO;
  for (const x of xs) {
    if (x === null) return null;
    acc = acc.add(x);
  }
  return acc;
}

/** True when the intervals leave no part of `domain` uncovered at its two ends. */
function coversEnds(domain: IntervalIR, intervals: readonly IntervalIR[]): boolean {
  const coversLow = intervals.some(
    ({ low: l }) => l === null || (domain.low !== null && (l.value.lt(domain.low.value) || (l.value.eq(domain.low.value) && (l.closed || !domain.low.closed)))),
  );
  const coversHigh = intervals.some(
    ({ high: h }) => h === null || (domain.high !== null && (h.value.gt(domain.high.value) || (h.value.eq(domain.high.value) && (h.closed || !domain.high.closed)))),
  );
  return coversLow && coversHigh;
}

/** Reachable min and max of one rule on a leaf with declared points `p` (null: unbounded). */
export function ruleReach(r: RuleIR, p: Decimal | null): [Decimal | null, Decimal | null] {
  switch (r.kind) {
    case 'bands': {
      if (r.bands.length === 0) return [Decimal.ZERO, Decimal.ZERO];
      let min = r.bands.map((b) => b.pointsLow ?? b.points).reduce((a, b) => Decimal.min(a, b));
      let max = r.bands.map((b) => b.points).reduce((a, b) => Decimal.max(a, b));
      const numeric = r.bands.filter((b) => b.condition);
      const domain: IntervalIR = r.domain ?? { low: { value: Decimal.ZERO, closed: true }, high: null };
      // Values outside every band score 0: qualitative bands always allow "none of these", numeric
      // bands when they do not reach both ends of the measure's domain (the first measure's, when
      // bands say `或`).
      const onMeasure = numeric.flatMap((b) => b.conditions.filter((c) => c.measure === r.measure).map((c) => c.interval));
      if (numeric.length < r.bands.length || !coversEnds(domain, onMeasure)) {
        min = Decimal.min(min, Decimal.ZERO);
        max = Decimal.max(max, Decimal.ZERO);
      }
      return [min, max];
    }
    case 'per': {
      if (r.base) {
        // Base points, then increments up to their cap (else up to the indicator's points).
        const inc = r.uncapped ? null : (r.max ?? (p ? Decimal.max(p.sub(r.base.points), Decimal.ZERO) : null));
        return [Decimal.ZERO, inc === null ? null : r.base.points.add(inc)];
      }
      const cap = r.uncapped ? null : (r.max ?? p ?? null);
      if (r.items.length > 0 && r.items.every((i) => i.points.low.isNegative())) return [cap ? cap.neg() : null, Decimal.ZERO];
      return [Decimal.ZERO, cap];
    }
    case 'rate':
      return [Decimal.ZERO, r.max ?? p ?? null];
    case 'deduct':
      return [r.floor ?? (p ? Decimal.min(p, Decimal.ZERO) : null), p ?? Decimal.ZERO];
  }
}

/** Reachable min and max of one indicator: from its children, or its rules (the best rule applies). */
export function indicatorReach(ind: IndicatorIR): [Decimal | null, Decimal | null] {
  const p = ind.points;
  let min: Decimal | null;
  let max: Decimal | null;
  if (ind.children.length > 0) {
    min = sumOrNull(ind.children.map((c) => c.min));
    max = sumOrNull(ind.children.map((c) => c.max));
    // Children not all written (未列全): the rest may be worth up to the declared points.
    if (ind.incomplete && p !== null && max !== null && max.lt(p)) max = p;
  } else if (ind.rules.length === 0) {
    min = p ? Decimal.min(p, Decimal.ZERO) : Decimal.ZERO;
    max = p ? Decimal.max(p, Decimal.ZERO) : Decimal.ZERO;
  } else {
    const reaches = ind.rules.map((r) => ruleReach(r, p));
    min = reaches.some(([lo]) => lo === null) ? null : reaches.map(([lo]) => lo!).reduce((a, b) => Decimal.min(a, b));
    max = reaches.some(([, hi]) => hi === null) ? null : reaches.map(([, hi]) => hi!).reduce((a, b) => Decimal.max(a, b));
    // The best rule applies, capped by the indicator's points (a band worth more than them is an error, RUB203).
    if (p !== null && !ind.uncapped) {
      max = max === null ? p : Decimal.min(max, p);
      if (min !== null && min.gt(p)) min = p;
    }
  }
  if (ind.uncapped) max = null;
  if (ind.gates.length > 0) {
    if (min !== null) min = Decimal.min(min, Decimal.ZERO);
    if (max !== null) max = Decimal.max(max, Decimal.ZERO);
  }
  return [min, max];
}

/** Records an indicator's reachable min and max (its children's must be recorded already). */
export function computeReach(ind: IndicatorIR): void {
  const [min, max] = indicatorReach(ind);
  ind.min = min;
  ind.max = max;
}

/**
 * Reachable min and max of the rubric's score: parts by weight plus the indicators outside parts.
 * A rubric with a declared total and no indicators yet (a notice whose tables are in attachments)
 * ranges over what it declares: 0 to the total.
 */
export function rubricReach(r: RubricIR): [Decimal | null, Decimal | null] {
  if (r.parts.length === 0 && r.indicators.length === 0 && r.total !== null) return [Decimal.ZERO, r.total];
  let min: Decimal | null = Decimal.ZERO;
  let max: Decimal | null = Decimal.ZERO;
  for (const p of r.parts) {
    const w = p.weight ?? Decimal.ZERO;
    min = min && p.min ? min.add(p.min.mul(w)) : null;
    max = max && p.max ? max.add(p.max.mul(w)) : null;
  }
  for (const i of r.indicators) {
    min = min && i.min ? min.add(i.min) : null;
    max = max && i.max ? max.add(i.max) : null;
  }
  return [min, max];
}

/**
 * Reachable min and max of the final score: the base score (rubricReach), plus bonuses, minus
 * penalties, capped by `最高` when written. Null where unbounded.
 */
export function finalReach(r: RubricIR): [Decimal | null, Decimal | null] {
  let [min, max] = rubricReach(r);
  for (const b of outside(r)) {
    if (b.kind === 'penalty') {
      min = min && b.max ? min.sub(b.max) : null;
      max = max && b.min ? max.sub(b.min) : null;
    } else {
      min = min && b.min ? min.add(b.min) : null;
      max = max && b.max ? max.add(b.max) : null;
    }
  }
  if (r.cap !== null) {
    max = max === null ? r.cap : Decimal.min(max, r.cap);
    if (min !== null) min = Decimal.min(min, r.cap);
  }
  return [min, max];
}

/** Every bonus and penalty of a rubric, wherever it is written (they all apply to the final score). */
export function outside(r: RubricIR): IndicatorIR[] {
  const out: IndicatorIR[] = [];
  const walk = (xs: readonly IndicatorIR[]): void => {
    for (const x of xs) {
      out.push(...x.bonuses);
      walk(x.children);
    }
  };
  out.push(...r.bonuses);
  walk(r.parts);
  walk(r.indicators);
  return out;
}

/** The score grades are read from: the final score when `等级含加分`, else the base score. */
export function gradedReach(r: RubricIR): [Decimal | null, Decimal | null] {
  return r.gradesWithBonus ? finalReach(r) : rubricReach(r);
}

/**
 * How a list of numeric conditions on one measure reads. All bounded below and open above (`6 以上`,
 * `4 以上`, `2 以上`) is a staircase up: the highest threshold reached applies. All bounded above and
 * open below is a staircase down: the lowest threshold reached applies. Anything else is a set of
 * intervals, which must not overlap.
 */
export function readingOf(intervals: readonly IntervalIR[]): 'stepsUp' | 'stepsDown' | 'intervals' {
  if (intervals.length < 2) return 'intervals';
  if (intervals.every((i) => i.low !== null && i.high === null)) return 'stepsUp';
  if (intervals.every((i) => i.high !== null && i.low === null)) return 'stepsDown';
  return 'intervals';
}

/** What a node really adds up to: a leaf's declared points (else its rule's maximum); a parent's children. */
export function realValue(ind: IndicatorIR): Decimal | null {
  if (ind.children.length === 0) return ind.points ?? ind.max;
  let acc = Decimal.ZERO;
  for (const c of ind.children) {
    const v = realValue(c);
    if (v === null) return null;
    acc = acc.add(v);
  }
  return acc;
}

/** The value a reader sees for a node: its declared points, else what it adds up to. */
export function shownValue(ind: IndicatorIR): Decimal | null {
  return ind.points ?? realValue(ind);
}

export interface Sums {
  /** Σ of what each node declares (else what it adds up to), times its weight. */
  declared: Decimal | null;
  /** Σ of what each node really adds up to, times its weight. */
  real: Decimal | null;
}

/** What a list of nodes adds up to, each times its weight (1 when no weight function is given). */
export function sums(nodes: readonly IndicatorIR[], weight?: (x: IndicatorIR) => Decimal | null): Sums {
  let declared: Decimal | null = Decimal.ZERO;
  let real: Decimal | null = Decimal.ZERO;
  for (const c of nodes) {
    const w = weight ? weight(c) : Decimal.ONE;
    const s = shownValue(c);
    const r = realValue(c);
    declared = declared && s && w ? declared.add(s.mul(w)) : null;
    real = real && r && w ? real.add(r.mul(w)) : null;
  }
  return { declared, real };
}

/** What the top level of a rubric adds up to: parts by weight, plus the indicators outside parts. */
export function topSums(r: RubricIR): Sums {
  const plain = sums(r.indicators);
  if (r.parts.length === 0) return plain;
  const w = sums(r.parts, (p) => p.weight);
  return {
    declared: plain.declared && w.declared ? plain.declared.add(w.declared) : null,
    real: plain.real && w.real ? plain.real.add(w.real) : null,
  };
}

/** What the children of an indicator add up to, as the subtotal check (RUB201) counts them. */
export function childrenSum(ind: IndicatorIR): Decimal | null {
  return sums(ind.children).declared;
}

/** What the rubric's top level adds up to, as the total check (RUB202) counts it. */
export function rubricSum(r: RubricIR): Decimal | null {
  return topSums(r).declared;
}
