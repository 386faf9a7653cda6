// The score plan: what each indicator scores, as an expression over the assessment's inputs. It is the
// engine's rules (engine.ts) written as data, so that another evaluator — a spreadsheet's formulas —
// computes the same scores: exports translate this plan into their own syntax and nothing else. A
// test evaluates the plan itself against the engine on random assessments (they must agree exactly).
//
// Inputs are referred to by their key (`label:4.1.4`, `measure:参与率`); an input left blank makes
// the expressions that read it blank (`missing`), as a draft leaves indicators unscored.
import { Decimal } from '../decimal.js';
import type { IndicatorIR, IntervalIR, RubricIR, RuleIR } from '../ir/model.js';
import { readingOf, type CmpOp } from '../ir/semantics.js';
import { InputIndex } from './assessment.js';

export type Expr =
  | { op: 'num'; value: Decimal }
  /** A number input (a count, a measured value — percentages as their number of percent — or a score). */
  | { op: 'input'; key: string }
  | { op: 'add'; args: Expr[] }
  | { op: 'sub'; a: Expr; b: Expr }
  /** Multiplication by a constant. */
  | { op: 'mul'; a: Expr; by: Decimal }
  | { op: 'min'; args: Expr[] }
  | { op: 'max'; args: Expr[] }
  /** The greatest of the arguments that are not blank; blank when all are (alternatives, or the bands a value falls in). */
  | { op: 'best'; args: Expr[] }
  /** Nothing: what an alternative that does not apply gives. */
  | { op: 'blank' }
  /** floor(a / by), by > 0. */
  | { op: 'floorDiv'; a: Expr; by: Decimal }
  | { op: 'if'; cond: Cond; then: Expr; else: Expr };

export type Cond =
  /** A label input equals a band label. */
  | { op: 'is'; key: string; label: string }
  /** A yes/no input says yes. Blank is blank, or no when `blankIsNo` (gates, vetoes: no unless said). */
  | { op: 'yes'; key: string; blankIsNo: boolean }
  | { op: 'cmp'; a: Expr; cmp: CmpOp; value: Decimal }
  | { op: 'and'; args: Cond[] }
  | { op: 'or'; args: Cond[] };

const num = (value: Decimal): Expr => ({ op: 'num', value });
const ZERO = num(Decimal.ZERO);
const BLANK: Expr = { op: 'blank' };

/** Calls `f` on an expression and every expression and condition below it. */
export function visitExpr(e: Expr | Cond, f: (x: Expr | Cond) => void): void {
  f(e);
  switch (e.op) {
    case 'add':
    case 'min':
    case 'max':
    case 'best':
    case 'and':
    case 'or':
      for (const a of e.args) visitExpr(a, f);
      break;
    case 'sub':
      visitExpr(e.a, f);
      visitExpr(e.b, f);
      break;
    case 'mul':
    case 'floorDiv':
    case 'cmp':
      visitExpr(e.a, f);
      break;
    case 'if':
      visitExpr(e.cond, f);
      visitExpr(e.then, f);
      visitExpr(e.else, f);
      break;
    default:
      break;
  }
}

/** The inputs an expression reads (blank inputs make it blank). */
export function inputsOfExpr(e: Expr | Cond, out = new Set<string>()): Set<string> {
  visitExpr(e, (x) => {
    if (x.op === 'input' || x.op === 'is' || x.op === 'yes') out.add(x.key);
  });
  return out;
}

/** `low ⋖ v ⋖ high`. */
function inInterval(v: Expr, i: IntervalIR): Cond {
  const parts: Cond[] = [];
  if (i.low) parts.push({ op: 'cmp', a: v, cmp: i.low.closed ? '>=' : '>', value: i.low.value });
  if (i.high) parts.push({ op: 'cmp', a: v, cmp: i.high.closed ? '<=' : '<', value: i.high.value });
  return parts.length === 1 ? parts[0]! : { op: 'and', args: parts };
}

/** A leaf's score from one rule, or undefined when the rule needs a score chosen by the assessor. */
function rulePlan(x: IndicatorIR, r: RuleIR, index: InputIndex): Expr | undefined {
  const key = (kind: string, unit?: string) => index.inputsOf(x).find((s) => s.kind === kind && (unit === undefined || s.unit === unit))?.key;
  switch (r.kind) {
    case 'bands': {
      if (r.bands.some((b) => b.pointsLow !== null)) return undefined;
      const labelled = r.bands.filter((b) => b.label !== null);
      if (labelled.length > 0) {
        const k = key('label')!;
        return labelled.reduceRight<Expr>((rest, b) => ({ op: 'if', cond: { op: 'is', key: k, label: b.label! }, then: num(b.points), else: rest }), ZERO);
      }
      // Per measure: the band it selects (a staircase's highest step reached; intervals: the best band
      // that holds); across measures (或), the best.
      const byMeasure = new Map<string, { points: Decimal; interval: IntervalIR; key: string }[]>();
      for (const b of r.bands) {
        for (const c of b.conditions) {
          const s = index.byMeasure.get(c.decl ?? c.measure);
          if (!s) continue;
          byMeasure.set(s.key, [...(byMeasure.get(s.key) ?? []), { points: b.points, interval: c.interval, key: s.key }]);
        }
      }
      // Each measure selects a band or none (blank); the best selected applies; none at all gives 0.
      const perMeasure: Expr[] = [];
      const anyHit: Cond[] = [];
      for (const [k, list] of byMeasure) {
        const v: Expr = { op: 'input', key: k };
        const reading = readingOf(list.map((c) => c.interval));
        anyHit.push(...list.map((c) => inInterval(v, c.interval)));
        if (reading === 'intervals') perMeasure.push({ op: 'best', args: list.map((c): Expr => ({ op: 'if', cond: inInterval(v, c.interval), then: num(c.points), else: BLANK })) });
        else {
          const t = (c: (typeof list)[number]) => (reading === 'stepsUp' ? c.interval.low! : c.interval.high!).value;
          // From the hardest step to the easiest: the first reached applies.
          const order = [...list].sort((a, b) => (reading === 'stepsUp' ? t(b).cmp(t(a)) : t(a).cmp(t(b))));
          perMeasure.push(order.reduceRight<Expr>((rest, c) => ({ op: 'if', cond: inInterval(v, c.interval), then: num(c.points), else: rest }), BLANK));
        }
      }
      return { op: 'if', cond: { op: 'or', args: anyHit }, then: perMeasure.length === 1 ? perMeasure[0]! : { op: 'best', args: perMeasure }, else: ZERO };
    }
    case 'per': {
      if (r.items.some((i) => !i.points.low.eq(i.points.high))) return undefined;
      const terms: Expr[] = r.items.map((i) => ({ op: 'mul', a: { op: 'input', key: (r.items.length === 1 ? key('count') : key('count', i.unit))! }, by: i.points.high }));
      const raw: Expr = terms.length === 1 ? terms[0]! : { op: 'add', args: terms };
      const p = x.points;
      const cap = r.uncapped ? null : r.base ? (r.max ?? (p ? Decimal.max(p.sub(r.base.points), Decimal.ZERO) : null)) : (r.max ?? p);
      const negative = r.items.length > 0 && r.items.every((i) => i.points.high.isNegative());
      const capped: Expr = cap === null ? raw : negative ? { op: 'max', args: [raw, num(cap.neg())] } : { op: 'min', args: [raw, num(cap)] };
      if (!r.base) return capped;
      const withBase: Expr = r.items.length === 0 ? num(r.base.points) : { op: 'add', args: [num(r.base.points), capped] };
      return { op: 'if', cond: { op: 'yes', key: key('base')!, blankIsNo: false }, then: withBase, else: ZERO };
    }
    case 'rate': {
      const s = index.byMeasure.get(r.decl ?? r.measure);
      if (!s) return undefined;
      const steps: Expr = { op: 'max', args: [ZERO, { op: 'floorDiv', a: { op: 'input', key: s.key }, by: r.per }] };
      const raw: Expr = { op: 'mul', a: steps, by: r.points };
      const cap = r.max ?? x.points;
      return cap === null ? raw : { op: 'min', args: [raw, num(cap)] };
    }
    case 'deduct': {
      if (!r.points.low.eq(r.points.high)) return undefined;
      const from = x.points ?? Decimal.ZERO;
      const floor = r.floor ?? (x.points !== null ? Decimal.min(x.points, Decimal.ZERO) : null);
      const raw: Expr = { op: 'sub', a: num(from), b: { op: 'mul', a: { op: 'input', key: key('count')! }, by: r.points.high } };
      return floor === null ? raw : { op: 'max', args: [raw, num(floor)] };
    }
  }
}

/**
 * A leaf's score as an expression: its rules (the best applies, capped by its points), 0 when a gate
 * holds; or the score given directly (review panels, leaves without rules, points chosen in a range).
 * Bonuses and penalties without an input give 0.
 */
export function leafPlan(x: IndicatorIR, index: InputIndex): Expr {
  const direct = index.inputsOf(x).find((s) => s.kind === 'score');
  const plans = x.rules.map((r) => rulePlan(x, r, index));
  let e: Expr;
  if (x.rules.length === 0 || plans.some((p) => p === undefined)) e = { op: 'input', key: direct!.key };
  else {
    // Alternatives: the best of those whose inputs are given.
    e = plans.length === 1 ? plans[0]! : { op: 'best', args: plans as Expr[] };
    if (x.points !== null && !x.uncapped) e = { op: 'min', args: [e, num(x.points)] };
  }
  const gate = index.inputsOf(x).find((s) => s.kind === 'gate');
  if (gate) e = { op: 'if', cond: { op: 'yes', key: gate.key, blankIsNo: true }, then: ZERO, else: e };
  return e;
}

/** The score plan of a rubric: every leaf's expression; parents are the sums of their children. */
export function scorePlan(r: RubricIR, index = new InputIndex(r)): Map<string, Expr> {
  const out = new Map<string, Expr>();
  const walk = (xs: readonly IndicatorIR[]): void => {
    for (const x of xs) {
      if (x.children.length === 0) out.set(x.id, leafPlan(x, index));
      walk(x.children);
      walk(x.bonuses);
    }
  };
  walk(r.parts);
  walk(r.indicators);
  walk(r.bonuses);
  return out;
}

/** Evaluates an expression on input values (by key): null when an input it reads is blank. */
export function evalExpr(e: Expr, get: (key: string) => Decimal | string | boolean | undefined): Decimal | null {
  const ev = (x: Expr): Decimal | null => evalExpr(x, get);
  const all = (xs: Expr[]): Decimal[] | null => {
    const out: Decimal[] = [];
    for (const x of xs) {
      const v = ev(x);
      if (v === null) return null;
      out.push(v);
    }
    return out;
  };
  switch (e.op) {
    case 'num':
      return e.value;
    case 'input': {
      const v = get(e.key);
      return v instanceof Decimal ? v : null;
    }
    case 'add':
      return all(e.args)?.reduce((a, b) => a.add(b)) ?? null;
    case 'sub': {
      const a = ev(e.a);
      const b = ev(e.b);
      return a === null || b === null ? null : a.sub(b);
    }
    case 'mul': {
      const a = ev(e.a);
      return a === null ? null : a.mul(e.by);
    }
    case 'min':
      return all(e.args)?.reduce((a, b) => Decimal.min(a, b)) ?? null;
    case 'max':
      return all(e.args)?.reduce((a, b) => Decimal.max(a, b)) ?? null;
    case 'best': {
      let best: Decimal | null = null;
      for (const x of e.args) {
        const v = ev(x);
        if (v !== null && (best === null || v.gt(best))) best = v;
      }
      return best;
    }
    case 'blank':
      return null;
    case 'floorDiv': {
      const a = ev(e.a);
      return a === null ? null : a.floorDiv(e.by);
    }
    case 'if': {
      const c = evalCond(e.cond, get);
      return c === null ? null : c ? ev(e.then) : ev(e.else);
    }
  }
}

function evalCond(c: Cond, get: (key: string) => Decimal | string | boolean | undefined): boolean | null {
  switch (c.op) {
    case 'is': {
      const v = get(c.key);
      return v === undefined ? null : v === c.label;
    }
    case 'yes': {
      const v = get(c.key);
      return v === undefined ? (c.blankIsNo ? false : null) : v === true;
    }
    case 'cmp': {
      const a = evalExpr(c.a, get);
      if (a === null) return null;
      const k = a.cmp(c.value);
      return c.cmp === '<' ? k < 0 : c.cmp === '<=' ? k <= 0 : c.cmp === '>' ? k > 0 : c.cmp === '>=' ? k >= 0 : k === 0;
    }
    case 'and':
    case 'or': {
      const vs = c.args.map((a) => evalCond(a, get));
      if (vs.some((v) => v === null)) return null;
      return c.op === 'and' ? vs.every(Boolean) : vs.some(Boolean);
    }
  }
}
