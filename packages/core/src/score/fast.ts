// Totals for many assessments at once: the score plan (plan.ts) compiled into closures over exact
// scaled integers (BigInt at a fixed number of decimals), without the reasons and per-indicator
// results the engine builds. It computes what `score` computes for the totals, the vetoes and the
// grade — a test holds the two to the same results on random assessments — and falls back to the
// engine for any assessment it cannot take exactly (a value with more decimals than its scale).
import { Decimal } from '../decimal.js';
import type { IndicatorIR, RubricIR } from '../ir/model.js';
import type { Assessment } from './assessment.js';
import { InputIndex } from './assessment.js';
import { score } from './engine.js';
import { inputsOfExpr, scorePlan, visitExpr, type Cond, type Expr } from './plan.js';

export interface Totals {
  /** The base score (top indicators plus parts × weight), or null while inputs are missing. */
  base: Decimal | null;
  bonus: Decimal;
  penalty: Decimal;
  final: Decimal | null;
  vetoed: boolean;
  /** The grade, when the assessment is complete, not vetoed and reaches one. */
  grade: string | null;
  complete: boolean;
}

type Get = (key: string) => Decimal | string | boolean | undefined;
/** A compiled expression: its value scaled by 10^scale, or null when blank. */
type Fn = (get: Get) => bigint | null;
type Test = (get: Get) => boolean | null;

class TooFine extends Error {}

const decimalsOf = (d: Decimal): number => d.decimals;

/** Compiles the scoring of a rubric's totals. */
export function compileTotals(r: RubricIR, index = new InputIndex(r)): (a: Assessment) => Totals {
  const plan = scorePlan(r, index);
  // One scale for every value: the finest decimal among points, weights, the score step and grades.
  let scale = r.step.decimals;
  const note = (d: Decimal | null) => {
    if (d) scale = Math.max(scale, decimalsOf(d));
  };
  const visit = (xs: readonly IndicatorIR[]) => {
    for (const x of xs) {
      note(x.points);
      note(x.weight);
      visit(x.children);
      visit(x.bonuses);
    }
  };
  visit(r.parts);
  visit(r.indicators);
  visit(r.bonuses);
  note(r.cap);
  for (const g of r.grades) {
    note(g.scores.low?.value ?? null);
    note(g.scores.high?.value ?? null);
  }
  for (const e of plan.values()) constants(e, note);
  const weightScale = Math.max(0, ...[...r.parts].map((p) => p.weight?.decimals ?? 0));
  const unit = 10n ** BigInt(scale);
  const pow = Array.from({ length: scale + 1 }, (_, i) => 10n ** BigInt(scale - i));
  const up = (d: Decimal): bigint => {
    if (d.decimals > scale) throw new TooFine();
    return d.decimals === scale ? d.mantissa : d.mantissa * pow[d.decimals]!;
  };

  const compile = (e: Expr): Fn => {
    switch (e.op) {
      case 'num': {
        const v = up(e.value);
        return () => v;
      }
      case 'blank':
        return () => null;
      case 'input': {
        const key = e.key;
        return (get) => {
          const v = get(key);
          return v instanceof Decimal ? up(v) : null;
        };
      }
      case 'add':
      case 'min':
      case 'max': {
        const fs = e.args.map(compile);
        const op = e.op;
        return (get) => {
          let acc: bigint | null = null;
          for (const f of fs) {
            const v = f(get);
            if (v === null) return null;
            acc = acc === null ? v : op === 'add' ? acc + v : op === 'min' ? (v < acc ? v : acc) : v > acc ? v : acc;
          }
          return acc;
        };
      }
      case 'best': {
        const fs = e.args.map(compile);
        return (get) => {
          let acc: bigint | null = null;
          for (const f of fs) {
            const v = f(get);
            if (v !== null && (acc === null || v > acc)) acc = v;
          }
          return acc;
        };
      }
      case 'sub': {
        const a = compile(e.a);
        const b = compile(e.b);
        return (get) => {
          const x = a(get);
          const y = b(get);
          return x === null || y === null ? null : x - y;
        };
      }
      case 'mul': {
        // v × by at scale: (v · 10^s)(by · 10^s) / 10^s — exact when v × by has no more decimals
        // than the scale (the plan multiplies whole counts); anything else goes to the engine.
        const a = compile(e.a);
        const by = up(e.by);
        return (get) => {
          const x = a(get);
          if (x === null) return null;
          const p = x * by;
          if (p % unit !== 0n) throw new TooFine();
          return p / unit;
        };
      }
      case 'floorDiv': {
        const a = compile(e.a);
        const by = up(e.by);
        return (get) => {
          const x = a(get);
          if (x === null) return null;
          const q = x / by;
          return (q * by > x ? q - 1n : q) * unit;
        };
      }
      case 'if': {
        const c = test(e.cond);
        const t = compile(e.then);
        const f = compile(e.else);
        return (get) => {
          const v = c(get);
          return v === null ? null : v ? t(get) : f(get);
        };
      }
    }
  };
  const test = (c: Cond): Test => {
    switch (c.op) {
      case 'is': {
        const { key, label } = c;
        return (get) => {
          const v = get(key);
          return v === undefined ? null : v === label;
        };
      }
      case 'yes': {
        const { key, blankIsNo } = c;
        return (get) => {
          const v = get(key);
          return v === undefined ? (blankIsNo ? false : null) : v === true;
        };
      }
      case 'cmp': {
        const a = compile(c.a);
        const value = up(c.value);
        const cmp = c.cmp;
        return (get) => {
          const x = a(get);
          if (x === null) return null;
          return cmp === '<' ? x < value : cmp === '<=' ? x <= value : cmp === '>' ? x > value : cmp === '>=' ? x >= value : x === value;
        };
      }
      case 'and':
      case 'or': {
        const ts = c.args.map(test);
        const and = c.op === 'and';
        // As the plan reads it: a condition on an input not given is not known, even where another
        // part would decide (the engine leaves such an indicator open).
        return (get) => {
          let decided: boolean | null = null;
          for (const t of ts) {
            const v = t(get);
            if (v === null) return null;
            if (v !== and) decided = !and;
          }
          return decided ?? and;
        };
      }
    }
  };

  // Indicators, parents as the sums of their children; bonuses and penalties apart.
  interface Node {
    x: IndicatorIR;
    fn: Fn;
    /** The inputs its leaves read: a bonus none of which is given earns nothing (not "unknown"). */
    keys: string[];
  }
  const keysOf = (x: IndicatorIR): string[] => {
    const out = new Set<string>();
    const walk = (y: IndicatorIR) => {
      if (y.children.length === 0) inputsOfExpr(plan.get(y.id)!, out);
      y.children.forEach(walk);
    };
    walk(x);
    return [...out];
  };
  const outside: Node[] = [];
  const byId = new Map<string, Fn>();
  const node = (x: IndicatorIR): Fn => {
    for (const b of x.bonuses) outside.push({ x: b, fn: node(b), keys: keysOf(b) });
    let fn: Fn;
    if (x.children.length === 0) fn = compile(plan.get(x.id)!);
    else {
      const cs = x.children.map(node);
      // A parent whose items are not all written cannot be scored.
      fn = x.incomplete
        ? () => null
        : (get) => {
            let acc = 0n;
            for (const c of cs) {
              const v = c(get);
              if (v === null) return null;
              acc += v;
            }
            return acc;
          };
    }
    // One evaluation per indicator and assessment: vetoes read the scores the totals already computed.
    let last: Get | undefined;
    let memo: bigint | null = null;
    const once: Fn = (get) => {
      if (get !== last) {
        last = get;
        memo = fn(get);
      }
      return memo;
    };
    byId.set(x.id, once);
    return once;
  };
  const tops = r.indicators.map(node);
  // Totals are kept with the weights' decimals more: a part × its weight is then a whole number.
  const wUnit = 10n ** BigInt(weightScale);
  const upTotal = (d: Decimal): bigint => up(d) * wUnit;
  const parts = r.parts.map((p) => ({ fn: node(p), weight: (p.weight ?? Decimal.ZERO).mantissa * 10n ** BigInt(weightScale - (p.weight ?? Decimal.ZERO).decimals) }));
  for (const b of r.bonuses) outside.push({ x: b, fn: node(b), keys: keysOf(b) });
  const cap = r.cap ? upTotal(r.cap) : null;
  const vetoes = r.vetoes.map((v, i) => {
    if (v.when) {
      const target = v.when.target ? byId.get(v.when.target) : undefined;
      const value = up(v.when.value);
      const op = v.when.op;
      return (get: Get): boolean | null => {
        const s = target ? target(get) : null;
        if (s === null) return null;
        return op === '<' ? s < value : op === '<=' ? s <= value : op === '>' ? s > value : op === '>=' ? s >= value : s === value;
      };
    }
    const key = `veto:${i + 1}`;
    return (get: Get): boolean | null => get(key) === true;
  });
  const grades = r.grades.map((g) => ({ name: g.name, low: g.scores.low ? { v: upTotal(g.scores.low.value), closed: g.scores.low.closed } : null, high: g.scores.high ? { v: upTotal(g.scores.high.value), closed: g.scores.high.closed } : null }));
  const downTotal = (v: bigint): Decimal => Decimal.parse(scaledText(v, scale + weightScale))!;

  const fast = (a: Assessment): Totals => {
    const values = a.values;
    const get: Get = (key) => values.get(key)?.value;
    let base: bigint | null = 0n;
    for (const f of tops) {
      const v = f(get);
      base = base === null || v === null ? null : base + v * wUnit;
    }
    for (const p of parts) {
      const v = p.fn(get);
      base = base === null || v === null ? null : base + v * p.weight;
    }
    let bonus = 0n;
    let penalty = 0n;
    let exact = base !== null;
    for (const o of outside) {
      const v = o.fn(get);
      if (v === null) {
        // A bonus or penalty with no input at all earns nothing; one half given is not known yet.
        if (o.keys.some((k) => values.has(k))) exact = false;
        continue;
      }
      if (o.x.kind === 'penalty') penalty += v * wUnit;
      else bonus += v * wUnit;
    }
    let final = base === null ? null : base + bonus - penalty;
    if (final !== null && cap !== null && final > cap) final = cap;
    let vetoed = false;
    let open = false;
    for (const v of vetoes) {
      const hit = v(get);
      if (hit === null) open = true;
      else if (hit) vetoed = true;
    }
    const complete = exact && final !== null;
    let grade: string | null = null;
    const graded = r.gradesWithBonus ? final : base;
    if (complete && !vetoed && !open && graded !== null) {
      for (const g of grades) {
        const okLow = !g.low || graded > g.low.v || (graded === g.low.v && g.low.closed);
        const okHigh = !g.high || graded < g.high.v || (graded === g.high.v && g.high.closed);
        if (okLow && okHigh) {
          grade = g.name;
          break;
        }
      }
    }
    return { base: base === null ? null : downTotal(base), bonus: downTotal(bonus), penalty: downTotal(penalty), final: final === null ? null : downTotal(final), vetoed, grade, complete };
  };
  return (a) => {
    try {
      return fast(a);
    } catch (e) {
      if (!(e instanceof TooFine)) throw e;
      // A value finer than the scale: the engine, exactly.
      const res = score(r, a, index);
      return {
        base: res.base.score,
        bonus: res.bonus,
        penalty: res.penalty,
        final: res.final.score,
        vetoed: res.vetoes.some((v) => v.applies === 'yes'),
        grade: res.grade,
        complete: res.complete,
      };
    }
  };
}

/** Every constant of an expression (their decimals set the scale). */
function constants(e: Expr | Cond, note: (d: Decimal) => void): void {
  visitExpr(e, (x) => {
    if (x.op === 'num') note(x.value);
    else if (x.op === 'mul' || x.op === 'floorDiv') note(x.by);
    else if (x.op === 'cmp') note(x.value);
  });
}

function scaledText(v: bigint, scale: number): string {
  if (scale === 0) return v.toString();
  const neg = v < 0n;
  const digits = (neg ? -v : v).toString().padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}
