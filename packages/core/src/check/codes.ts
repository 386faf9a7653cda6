// Indicator codes (1.1.1): duplicated (RUB107), out of order (RUB108), skipped (RUB109), or not
// extending the parent's code (RUB110). Sibling codes are compared by their last number.
import type { IndicatorIR } from '../ir/model.js';
import type { CheckContext } from './context.js';

function segments(code: string): number[] | undefined {
  const parts = code.split('.');
  const nums = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
  return nums.every((n) => Number.isSafeInteger(n)) ? nums : undefined;
}

/** True when the first `n` numbers of both codes agree. */
function samePrefix(a: number[], b: number[], n: number): boolean {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function checkCodes(ctx: CheckContext): void {
  const seen = new Map<string, IndicatorIR>();
  for (const ind of ctx.all()) {
    if (ind.code === null || !ind.codeRange) continue;
    const prev = seen.get(ind.code);
    if (prev) {
      ctx.report('RUB107', ind.codeRange, { code: ind.code }, {
        indicator: ind,
        related: [{ file: prev.codeRange!.file, range: prev.codeRange!, message: { id: 'related.previous', args: {} } }],
      });
    } else seen.set(ind.code, ind);
  }
  const segs = new Map<IndicatorIR, number[] | undefined>();
  const segOf = (x: IndicatorIR): number[] | undefined => {
    if (!segs.has(x)) segs.set(x, x.code === null ? undefined : segments(x.code));
    return segs.get(x);
  };
  const siblings = (parent: IndicatorIR | undefined, xs: IndicatorIR[]): void => {
    const coded = xs.filter((x) => x.codeRange && segOf(x));
    const parentSegs = parent ? segOf(parent) : undefined;
    for (const x of coded) {
      const s = segOf(x)!;
      if (parentSegs && (s.length !== parentSegs.length + 1 || !samePrefix(s, parentSegs, parentSegs.length))) {
        ctx.report('RUB110', x.codeRange!, { code: x.code!, parent: parent!.code! }, { indicator: x });
      }
    }
    for (let i = 1; i < coded.length; i++) {
      const a = segOf(coded[i - 1]!)!;
      const b = segOf(coded[i]!)!;
      if (a.length !== b.length || !samePrefix(a, b, a.length - 1)) continue;
      const last = b[b.length - 1]!;
      const prevLast = a[a.length - 1]!;
      if (last === prevLast) continue; // reported as a duplicate
      if (last < prevLast) ctx.report('RUB108', coded[i]!.codeRange!, { code: coded[i]!.code!, previous: coded[i - 1]!.code! }, { indicator: coded[i]! });
      else if (last > prevLast + 1) {
        const expected = [...b.slice(0, -1), prevLast + 1].join('.');
        ctx.report('RUB109', coded[i]!.codeRange!, { code: coded[i]!.code!, expected }, { indicator: coded[i]! });
      }
    }
    for (const x of xs) siblings(x, x.children);
  };
  siblings(undefined, ctx.rubric.indicators);
  for (const p of ctx.rubric.parts) siblings(p, p.children);
}
