// The paths that were quadratic, each against the simple (quadratic) algorithm it replaced, on
// random inputs: overlap search by sorting (bands, grades), did-you-mean with a bounded distance,
// decimal normalization without one division per trailing zero. Their speed is measured by
// `pnpm bench:hostile`, not here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overlaps, witness, type Labeled } from '../src/check/intervals.js';
import { Decimal } from '../src/decimal.js';
import type { Bound, IntervalIR } from '../src/ir/model.js';
import { closest, MAX_NAME, withSuggestionBudget } from '../src/ir/suggest.js';

const dec = (n: number) => Decimal.parse(String(n))!;

const bound = fc.option(fc.record({ value: fc.integer({ min: 0, max: 20 }).map((n) => dec(n / 2)), closed: fc.boolean() }), { nil: null });
const interval = fc.record({ low: bound, high: bound }) as fc.Arbitrary<IntervalIR>;

function maxLow(a: Bound | null, b: Bound | null): Bound | null {
  if (!a || !b) return a ?? b;
  const c = a.value.cmp(b.value);
  return c > 0 ? a : c < 0 ? b : { value: a.value, closed: a.closed && b.closed };
}
function minHigh(a: Bound | null, b: Bound | null): Bound | null {
  if (!a || !b) return a ?? b;
  const c = a.value.cmp(b.value);
  return c < 0 ? a : c > 0 ? b : { value: a.value, closed: a.closed && b.closed };
}
const overlapping = (a: IntervalIR, b: IntervalIR, step: Decimal | null) => witness(maxLow(a.low, b.low), minHigh(a.high, b.high), step) !== undefined;

describe('overlaps (sorted sweep)', () => {
  it('reports, for every interval that overlaps another, one true overlap, and nothing else', () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 12 }), fc.constantFrom(null, Decimal.ONE, dec(0.5)), (ivs, step) => {
        const xs: Labeled<number>[] = ivs.map((interval, item) => ({ interval, item }));
        const found = overlaps(xs, step);
        // Every pair is a real overlap, given in source order.
        for (const o of found) {
          expect(o.first).toBeLessThan(o.second);
          expect(overlapping(ivs[o.first]!, ivs[o.second]!, step)).toBe(true);
        }
        // The intervals involved are exactly those the pairwise search finds involved.
        const naive = new Set<number>();
        for (let i = 0; i < ivs.length; i++) for (let j = i + 1; j < ivs.length; j++) if (overlapping(ivs[i]!, ivs[j]!, step)) naive.add(i).add(j);
        const involved = new Set(found.flatMap((o) => [o.first, o.second]));
        expect([...involved].sort()).toEqual([...naive].sort());
        // At most one pair per interval.
        expect(found.length).toBeLessThanOrEqual(Math.max(0, ivs.length - 1));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});

function naiveDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]!;
}
function naiveClosest(name: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = naiveDistance(name, k);
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= Math.max(1, Math.floor([...name].length / 2)) ? best : undefined;
}

describe('did-you-mean', () => {
  const word = fc.string({ unit: fc.constantFrom('甲', '乙', '丙', '丁', 'a', 'b', '𠮷'), maxLength: 9 });
  it('finds what the full edit distance finds', () => {
    fc.assert(
      fc.property(word, fc.array(word, { maxLength: 8 }), (name, known) => {
        expect(closest(name, known)).toBe(naiveClosest(name, known));
      }),
      { numRuns: 5000, seed: 5 },
    );
  });
  it('gives no suggestion for names longer than MAX_NAME, or once the budget is spent', () => {
    const long = '甲'.repeat(MAX_NAME + 1);
    expect(closest(long, [`${long}乙`])).toBeUndefined();
    expect(closest('甲乙', ['甲丙'])).toBe('甲丙');
    expect(withSuggestionBudget(0, () => closest('甲乙', ['甲丙']))).toBeUndefined();
  });
});

describe('Decimal normalization', () => {
  it('equals the digit-by-digit normalization, however many zeros', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.nat({ max: 40 }), fc.nat({ max: 40 }), (m, zeros, shift) => {
        const digits = (m < 0n ? -m : m).toString().padStart(shift + 1, '0');
        const text = `${m < 0n ? '-' : ''}${digits.slice(0, digits.length - shift)}.${digits.slice(digits.length - shift)}${'0'.repeat(zeros)}`;
        const d = Decimal.parse(text)!;
        // Reference: divide by ten while the mantissa ends in zero.
        let mant = m;
        let scale = shift;
        while (scale > 0 && mant % 10n === 0n) {
          mant /= 10n;
          scale--;
        }
        if (mant === 0n) scale = 0;
        expect([d.mantissa, d.scale]).toEqual([mant, scale]);
        expect(d.mul(Decimal.parse('10')!).eq(Decimal.parse(`${text}0`.replace(/\.(\d)/, '$1.'))!)).toBe(true);
      }),
      { numRuns: 2000, seed: 3 },
    );
  });
});
