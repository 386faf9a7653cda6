// Indicator codes: duplicated (RUB107), out of order (RUB108), skipped (RUB109), or not extending the
// parent's code (RUB110). Codes may be numbers (1.2.3), letter codes (A1, E12, B.3) or the document's
// own enumerators (一、 （一） 1． （1）). Siblings are compared when written the same way, by their
// last number; enumerators repeat under every parent, so they are unique among siblings only.
import type { IndicatorIR } from '../ir/model.js';
import type { CheckContext } from './context.js';

const CN_DIGITS = '零一二三四五六七八九';

/** 一 … 九十九 as a number. */
function fromChinese(s: string): number | undefined {
  if (s === '十') return 10;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? CN_DIGITS.indexOf(m[1]) : 1) * 10 + (m[2] ? CN_DIGITS.indexOf(m[2]) : 0);
  return s.length === 1 && CN_DIGITS.indexOf(s) > 0 ? CN_DIGITS.indexOf(s) : undefined;
}

function toChinese(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${n % 10 === 0 ? '' : CN_DIGITS[n % 10]}`;
}

/** How a code is compared: its family (how it is written, with its letters) and its numbers. */
interface Key {
  family: string;
  nums: number[];
  /** The code with its last number replaced (to say which code was expected). */
  withLast(n: number): string;
}

function keyOf(x: IndicatorIR): Key | undefined {
  const code = x.code;
  if (code === null) return undefined;
  if (x.codeStyle === 'enumerator') {
    const c = code.codePointAt(0)!;
    // ① … ⑳ and ⑴ … ⒇: one character each.
    if (code.length === 1 && c >= 0x2460 && c <= 0x2487) {
      const first = c <= 0x2473 ? 0x2460 : 0x2474;
      return { family: String.fromCodePoint(first), nums: [c - first + 1], withLast: (k) => String.fromCodePoint(first + k - 1) };
    }
    const m = /^(\D*?)([一二三四五六七八九十]+|\d+)(\D*)$/.exec(code);
    if (!m) return undefined;
    const chinese = !/^\d/.test(m[2]!);
    const n = chinese ? fromChinese(m[2]!) : Number(m[2]);
    if (n === undefined || !Number.isSafeInteger(n)) return undefined;
    return { family: `${m[1]}${chinese ? '一' : '1'}${m[3]}`, nums: [n], withLast: (k) => `${m[1]}${chinese ? toChinese(k) : k}${m[3]}` };
  }
  const m = /^([A-Za-z]*)(\.?)(\d+(?:\.\d+)*)$/.exec(code);
  if (!m) return undefined;
  const nums = m[3]!.split('.').map(Number);
  if (!nums.every((n) => Number.isSafeInteger(n))) return undefined;
  return { family: m[1]!, nums, withLast: (k) => `${m[1]}${m[2]}${[...nums.slice(0, -1), k].join('.')}` };
}

/** True when the first `n` numbers of both codes agree. */
function samePrefix(a: number[], b: number[], n: number): boolean {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

const related = (x: IndicatorIR) => [{ file: x.codeRange!.file, range: x.codeRange!, message: { id: 'related.previous' as const, args: {} } }];

export function checkCodes(ctx: CheckContext): void {
  const seen = new Map<string, IndicatorIR>();
  for (const ind of ctx.all()) {
    if (ind.code === null || !ind.codeRange || ind.codeStyle === 'enumerator') continue;
    const prev = seen.get(ind.code);
    if (prev) ctx.report('RUB107', ind.codeRange, { code: ind.code }, { indicator: ind, related: related(prev) });
    else seen.set(ind.code, ind);
  }
  const keys = new Map<IndicatorIR, Key | undefined>();
  const keyFor = (x: IndicatorIR): Key | undefined => {
    if (!keys.has(x)) keys.set(x, keyOf(x));
    return keys.get(x);
  };
  const siblings = (parent: IndicatorIR | undefined, xs: IndicatorIR[]): void => {
    const coded = xs.filter((x) => x.codeRange && keyFor(x));
    const pk = parent ? keyFor(parent) : undefined;
    const local = new Map<string, IndicatorIR>();
    for (const x of coded) {
      const k = keyFor(x)!;
      if (x.codeStyle === 'enumerator') {
        const prev = local.get(x.code!);
        if (prev) ctx.report('RUB107', x.codeRange!, { code: x.code! }, { indicator: x, related: related(prev) });
        else local.set(x.code!, x);
        continue;
      }
      // A child's code extends its parent's when both are written the same way (1 → 1.2, A1 → A1.2).
      if (pk && parent!.codeStyle === x.codeStyle && pk.family === k.family && (k.nums.length !== pk.nums.length + 1 || !samePrefix(k.nums, pk.nums, pk.nums.length))) {
        ctx.report('RUB110', x.codeRange!, { code: x.code!, parent: parent!.code! }, { indicator: x });
      }
    }
    for (let i = 1; i < coded.length; i++) {
      const a = keyFor(coded[i - 1]!)!;
      const b = keyFor(coded[i]!)!;
      if (a.family !== b.family || a.nums.length !== b.nums.length || !samePrefix(a.nums, b.nums, a.nums.length - 1)) continue;
      const last = b.nums[b.nums.length - 1]!;
      const prevLast = a.nums[a.nums.length - 1]!;
      if (last === prevLast) continue; // reported as a duplicate
      if (last < prevLast) ctx.report('RUB108', coded[i]!.codeRange!, { code: coded[i]!.code!, previous: coded[i - 1]!.code! }, { indicator: coded[i]! });
      else if (last > prevLast + 1) ctx.report('RUB109', coded[i]!.codeRange!, { code: coded[i]!.code!, expected: a.withLast(prevLast + 1) }, { indicator: coded[i]! });
    }
    for (const x of xs) siblings(x, x.children);
  };
  siblings(undefined, ctx.rubric.indicators);
  for (const p of ctx.rubric.parts) siblings(p, p.children);
}
