// Interval arithmetic for bands and grades: overlaps and gaps, on a continuous line or on a grid of
// steps (scores in steps of 1 or 0.5). All exact decimal; an absent bound is infinite.
import { Decimal } from '../decimal.js';
import type { Bound, IntervalIR } from '../ir/model.js';

export interface Labeled<T> {
  interval: IntervalIR;
  item: T;
}

/** Smallest integer k with k*step >= x (or > x when `strict`). */
function ceilSteps(x: Decimal, step: Decimal, strict: boolean): bigint {
  const s = Math.max(x.decimals, step.decimals);
  const X = x.mantissa * 10n ** BigInt(s - x.decimals);
  const S = step.mantissa * 10n ** BigInt(s - step.decimals);
  // BigInt division truncates toward zero, which is the ceiling for negative quotients.
  let q = X >= 0n ? (X + S - 1n) / S : -(-X / S);
  if (strict && q * S === X) q += 1n;
  return q;
}

function stepValue(k: bigint, step: Decimal): Decimal {
  return Decimal.parse(k.toString())!.mul(step);
}

/** A point inside the set {x : low ⋖ x ⋖ high}, on the grid of `step` when given; undefined if empty. */
export function witness(low: Bound | null, high: Bound | null, step: Decimal | null): Decimal | undefined {
  if (step === null) {
    if (low && high) {
      const c = low.value.cmp(high.value);
      if (c > 0 || (c === 0 && !(low.closed && high.closed))) return undefined;
      return low.closed ? low.value : high.closed && c === 0 ? high.value : low.value;
    }
    return low?.value ?? high?.value ?? Decimal.ZERO;
  }
  if (!low) return high ? stepValue(ceilSteps(high.value, step, false) - 1n, step) : Decimal.ZERO;
  const k = ceilSteps(low.value, step, !low.closed);
  const v = stepValue(k, step);
  if (high && (v.gt(high.value) || (v.eq(high.value) && !high.closed))) return undefined;
  return v;
}

function maxLow(a: Bound | null, b: Bound | null): Bound | null {
  if (!a) return b;
  if (!b) return a;
  const c = a.value.cmp(b.value);
  return c > 0 ? a : c < 0 ? b : { value: a.value, closed: a.closed && b.closed };
}
function minHigh(a: Bound | null, b: Bound | null): Bound | null {
  if (!a) return b;
  if (!b) return a;
  const c = a.value.cmp(b.value);
  return c < 0 ? a : c > 0 ? b : { value: a.value, closed: a.closed && b.closed };
}

export interface Overlap<T> {
  first: T;
  second: T;
  low: Bound | null;
  high: Bound | null;
}

/**
 * Overlapping pairs, found in n·log n: the intervals are taken in order of their low bound, and each
 * one is compared only with the earlier interval that reaches furthest. If it overlaps any earlier
 * interval it overlaps that one (whose low bound is no higher and whose high bound is no lower), so
 * every interval that overlaps something is reported exactly once, against one neighbour; a thousand
 * identical grades give 999 overlaps, not half a million. In each pair, `first` comes before `second`
 * in the input (source order), and pairs are listed in the input order of `second`.
 */
export function overlaps<T>(xs: Labeled<T>[], step: Decimal | null): Overlap<T>[] {
  const order = xs.map((_, i) => i).sort((a, b) => cmpLow(xs[a]!.interval.low, xs[b]!.interval.low) || a - b);
  const found: { i: number; j: number; low: Bound | null; high: Bound | null }[] = [];
  let reach: number | undefined;
  for (const k of order) {
    if (reach === undefined) {
      reach = k;
      continue;
    }
    const a = xs[reach]!.interval;
    const b = xs[k]!.interval;
    const low = maxLow(a.low, b.low);
    const high = minHigh(a.high, b.high);
    if (witness(low, high, step) !== undefined) found.push({ i: Math.min(reach, k), j: Math.max(reach, k), low, high });
    if (cmpHigh(b.high, a.high) > 0) reach = k;
  }
  found.sort((x, y) => x.j - y.j || x.i - y.i);
  return found.map((f) => ({ first: xs[f.i]!.item, second: xs[f.j]!.item, low: f.low, high: f.high }));
}

/** Orders high bounds: a missing bound is +infinity; at equal values a closed bound reaches further. */
function cmpHigh(a: Bound | null, b: Bound | null): number {
  if (!a) return b ? 1 : 0;
  if (!b) return -1;
  return a.value.cmp(b.value) || (a.closed === b.closed ? 0 : a.closed ? 1 : -1);
}

export interface Gap<T> {
  /** The gap runs from the end of `below` to the start of `above`. */
  below: T;
  above: T;
  low: Bound;
  high: Bound;
}

/** Uncovered stretches between the lowest and the highest interval, containing a point of the grid. */
export function gaps<T>(xs: Labeled<T>[], step: Decimal | null): Gap<T>[] {
  const sorted = [...xs].sort((a, b) => cmpLow(a.interval.low, b.interval.low));
  const out: Gap<T>[] = [];
  let reach: Bound | null | undefined; // undefined: nothing yet; null: covered up to +infinity
  let reachItem: T | undefined;
  for (const x of sorted) {
    const lo = x.interval.low;
    if (reach !== undefined && reach !== null && lo) {
      // The gap is (reach, lo) with closedness complementary to the bounds.
      const gLow: Bound = { value: reach.value, closed: !reach.closed };
      const gHigh: Bound = { value: lo.value, closed: !lo.closed };
      if (witness(gLow, gHigh, step) !== undefined) out.push({ below: reachItem!, above: x.item, low: gLow, high: gHigh });
    }
    if (reach === null) continue;
    const hi = x.interval.high;
    if (reach === undefined || hi === null || hi.value.gt(reach.value) || (hi.value.eq(reach.value) && hi.closed && !reach.closed)) {
      reach = hi;
      reachItem = x.item;
    }
  }
  return out;
}

function cmpLow(a: Bound | null, b: Bound | null): number {
  if (!a) return b ? -1 : 0;
  if (!b) return 1;
  return a.value.cmp(b.value) || (a.closed === b.closed ? 0 : a.closed ? -1 : 1);
}
