// The scorer: a compiled rubric and an assessment → every indicator's score, the total, bonuses and
// penalties, the final score, vetoes and the grade, each with the reason it is what it is. Pure and
// exact (Decimal). It reads the rubric's meaning from the same module as the checker (semantics.ts:
// reach, staircases, the graded score), so the two cannot disagree.
//
// The rules, as docs/language.md states them: a leaf scores by its rules (bands, per occurrence with
// a cap, base plus increments, rate, deduction with a floor); several rules are alternatives and the
// best applies, capped by the leaf's points; a gate that holds makes it 0; a score given directly
// replaces the rules. A parent is the sum of its children. The base score is the top indicators plus
// parts × weight; the final score adds bonuses and takes away penalties, capped by `最高`. A veto that
// applies disqualifies whatever the score; the grade is read from the base score (or the final score
// with 等级含加分). An input left out of a draft leaves the indicators it feeds unscored, with the range
// of scores still possible, and no grade is claimed.
import { Decimal } from '../decimal.js';
import type { Diagnostic } from '../diagnostics.js';
import type { BandIR, IndicatorIR, IntervalIR, MeasureIR, RubricIR, RuleIR } from '../ir/model.js';
import { compare, readingOf } from '../ir/semantics.js';
import { indicatorOf, titlePaths } from '../ir/walk.js';
import type { Assessment, InputValue } from './assessment.js';
import { InputIndex } from './assessment.js';
import type { InputSpec } from './inputs.js';

/** Why an indicator scores what it does. */
export type Reason =
  | { kind: 'direct' }
  | { kind: 'label'; label: string }
  | { kind: 'chosen'; low: Decimal; high: Decimal }
  | { kind: 'value'; measure: string; value: Decimal; unit: string; band: string | null; steps: boolean }
  | { kind: 'per'; items: { unit: string; count: Decimal; each: Decimal }[]; sum: Decimal; cap: Decimal | null; base: { met: boolean; points: Decimal } | null }
  | { kind: 'rate'; measure: string; value: Decimal; unit: string; per: Decimal; steps: Decimal; each: Decimal; cap: Decimal | null }
  | { kind: 'deduct'; count: Decimal; each: Decimal; from: Decimal; floor: Decimal | null }
  | { kind: 'best'; chosen: number; options: { reason: Reason; score: Decimal }[] }
  | { kind: 'capped'; raw: Decimal; cap: Decimal; reason: Reason }
  | { kind: 'gate'; text: string }
  | { kind: 'sum' }
  | { kind: 'incomplete'; listed: Decimal | null }
  | { kind: 'missing'; inputs: string[] }
  | { kind: 'none' };

export interface IndicatorScore {
  id: string;
  code: string | null;
  title: string;
  kind: IndicatorIR['kind'];
  points: Decimal | null;
  /** The score, or null when it cannot be known yet (a draft's missing inputs, an incomplete parent). */
  score: Decimal | null;
  /** The range still possible (equal to the score when scored; null: unbounded). */
  min: Decimal | null;
  max: Decimal | null;
  reason: Reason;
  children: IndicatorScore[];
  bonuses: IndicatorScore[];
  /** For parts: the weight, and the score × weight that counts towards the total. */
  weight: Decimal | null;
}

export interface Range2 {
  score: Decimal | null;
  min: Decimal | null;
  max: Decimal | null;
}

export interface VetoOutcome {
  /** 1-based, in the rubric's order. */
  index: number;
  text: string | null;
  /** yes: the veto applies; maybe: it depends on inputs not given yet. */
  applies: 'yes' | 'maybe';
  /** For `一票否决 当`: the indicator's score that decided it. */
  target: string | null;
  value: Decimal | null;
}

export interface ScoreResult {
  rubric: string;
  name: string | null;
  /** Every input was given (and no incomplete parent): the scores below are final. */
  complete: boolean;
  indicators: IndicatorScore[];
  parts: IndicatorScore[];
  /** Bonuses and penalties written at the top level (those inside indicators are under them). */
  bonuses: IndicatorScore[];
  /** The base score: top indicators plus parts × weight. */
  base: Range2;
  bonus: Decimal;
  penalty: Decimal;
  /** base + bonus − penalty, capped by `最高`. */
  final: Range2;
  cap: Decimal | null;
  vetoes: VetoOutcome[];
  /** The grade reached, or null (vetoed, not complete, or below every grade). */
  grade: string | null;
  /** Ids of indicators that could not be scored yet. */
  unscored: string[];
  /** Problems found while scoring (a final assessment's missing inputs: RUB409). */
  diagnostics: Diagnostic[];
}

interface Ctx {
  rubric: RubricIR;
  index: InputIndex;
  a: Assessment;
  missing: Map<IndicatorIR, string[]>;
  unscored: string[];
  /** Problems found while scoring: a chosen score outside what its rule allows (RUB417). */
  problems: Diagnostic[];
  /** Every indicator's score by id, and every bonus and penalty wherever written (filled as scored). */
  byId: Map<string, IndicatorScore>;
  outside: IndicatorScore[];
}

function spec(ctx: Ctx, x: IndicatorIR, kind: InputSpec['kind'], unit?: string): InputSpec | undefined {
  return ctx.index.inputsOf(x).find((s) => s.kind === kind && (unit === undefined || s.unit === unit));
}

function given(ctx: Ctx, s: InputSpec | undefined): InputValue | undefined {
  return s ? ctx.a.values.get(s.key)?.value : undefined;
}

function measureValue(ctx: Ctx, m: MeasureIR | null, name: string): { value: Decimal | undefined; key: string } {
  const s = ctx.index.byMeasure.get(m ?? name);
  return { value: s ? (ctx.a.values.get(s.key)?.value as Decimal | undefined) : undefined, key: s?.key ?? `measure:${name}` };
}

const inside = (v: Decimal, i: IntervalIR): boolean =>
  (i.low === null || v.gt(i.low.value) || (v.eq(i.low.value) && i.low.closed)) && (i.high === null || v.lt(i.high.value) || (v.eq(i.high.value) && i.high.closed));

/** A rule's score, or the inputs it lacks. */
type Outcome = { score: Decimal; reason: Reason; choice?: { low: Decimal; high: Decimal } } | { missing: string[] };

function bands(ctx: Ctx, x: IndicatorIR, r: Extract<RuleIR, { kind: 'bands' }>): Outcome {
  const labelled = r.bands.filter((b) => b.label !== null);
  if (labelled.length > 0) {
    const s = spec(ctx, x, 'label');
    const label = given(ctx, s) as string | undefined;
    if (label === undefined) return { missing: [s?.key ?? `label:${x.id}`] };
    const b = labelled.find((y) => y.label === label)!;
    return { score: b.points, reason: { kind: 'label', label }, ...(b.pointsLow !== null ? { choice: { low: b.pointsLow, high: b.points } } : {}) };
  }
  // Numeric bands: for each measure, the bands its value selects (per its reading); the best applies.
  const byMeasure = new Map<string, { band: BandIR; interval: IntervalIR; decl: MeasureIR | null }[]>();
  for (const b of r.bands) for (const c of b.conditions) byMeasure.set(c.measure, [...(byMeasure.get(c.measure) ?? []), { band: b, interval: c.interval, decl: c.decl }]);
  let best: { band: BandIR; measure: string; value: Decimal; unit: string; steps: boolean } | undefined;
  const missing: string[] = [];
  let read: { measure: string; value: Decimal; unit: string } | undefined;
  for (const [name, list] of byMeasure) {
    const { value, key } = measureValue(ctx, list[0]!.decl, name);
    if (value === undefined) {
      missing.push(key);
      continue;
    }
    const unit = list[0]!.decl?.kind === 'percent' ? '%' : (list[0]!.decl?.unit ?? '');
    read ??= { measure: name, value, unit };
    const reading = readingOf(list.map((c) => c.interval));
    const hits = list.filter((c) => inside(value, c.interval));
    let chosen: BandIR | undefined;
    if (reading === 'intervals') chosen = hits.reduce<BandIR | undefined>((a, c) => (!a || c.band.points.gt(a.points) ? c.band : a), undefined);
    else {
      // A staircase: the step whose threshold is reached last (highest up, lowest down).
      const t = (c: { interval: IntervalIR }) => (reading === 'stepsUp' ? c.interval.low! : c.interval.high!).value;
      const top = hits.reduce<(typeof hits)[number] | undefined>((a, c) => (!a || (reading === 'stepsUp' ? t(c).gt(t(a)) : t(c).lt(t(a))) ? c : a), undefined);
      chosen = top?.band;
    }
    if (chosen && (!best || chosen.points.gt(best.band.points))) best = { band: chosen, measure: name, value, unit, steps: reading !== 'intervals' };
  }
  // A value not given yet might select a better band: the score is not known until it is.
  if (missing.length > 0) return { missing };
  if (best) {
    const cond = best.band.conditions.find((c) => c.measure === best!.measure);
    const reason: Reason = { kind: 'value', measure: best.measure, value: best.value, unit: best.unit, band: cond?.text ?? null, steps: best.steps };
    return { score: best.band.points, reason, ...(best.band.pointsLow !== null ? { choice: { low: best.band.pointsLow, high: best.band.points } } : {}) };
  }
  // No band holds: 0.
  return { score: Decimal.ZERO, reason: { kind: 'value', measure: read?.measure ?? r.measure ?? '', value: read?.value ?? Decimal.ZERO, unit: read?.unit ?? '', band: null, steps: false } };
}

function per(ctx: Ctx, x: IndicatorIR, r: Extract<RuleIR, { kind: 'per' }>): Outcome {
  const missing: string[] = [];
  const items: { unit: string; count: Decimal; each: Decimal }[] = [];
  let low = Decimal.ZERO;
  let high = Decimal.ZERO;
  for (const it of r.items) {
    const s = r.items.length === 1 ? spec(ctx, x, 'count') : spec(ctx, x, 'count', it.unit);
    const n = given(ctx, s) as Decimal | undefined;
    if (n === undefined) {
      missing.push(s?.key ?? `count:${x.id}`);
      continue;
    }
    items.push({ unit: it.unit, count: n, each: it.points.high });
    low = low.add(n.mul(it.points.low));
    high = high.add(n.mul(it.points.high));
  }
  let met = true;
  if (r.base) {
    const s = spec(ctx, x, 'base');
    const b = given(ctx, s) as boolean | undefined;
    if (b === undefined) missing.push(s?.key ?? `base:${x.id}`);
    else met = b;
  }
  // Base points not met: nothing, whatever the increments.
  if (r.base && !met && !missing.includes(spec(ctx, x, 'base')?.key ?? '')) return { score: Decimal.ZERO, reason: { kind: 'per', items, sum: Decimal.ZERO, cap: null, base: { met: false, points: r.base.points } } };
  if (missing.length > 0) return { missing };
  const p = x.points;
  const capOf = (): Decimal | null => {
    if (r.uncapped) return null;
    if (r.base) return r.max ?? (p ? Decimal.max(p.sub(r.base.points), Decimal.ZERO) : null);
    return r.max ?? p;
  };
  const cap = capOf();
  const clamp = (v: Decimal): Decimal => {
    if (cap === null) return v;
    // Negative points per occurrence deduct, down to minus the cap.
    return v.isNegative() ? Decimal.max(v, cap.neg()) : Decimal.min(v, cap);
  };
  const base = r.base ? { met, points: r.base.points } : null;
  const sum = high;
  const score = r.base ? (met ? r.base.points.add(clamp(high)) : Decimal.ZERO) : clamp(high);
  const reason: Reason = { kind: 'per', items, sum, cap, base };
  if (!low.eq(high) && (!r.base || met)) {
    const lo = r.base ? r.base.points.add(clamp(low)) : clamp(low);
    return { score, reason, choice: { low: lo, high: score } };
  }
  return { score, reason };
}

function rate(ctx: Ctx, r: Extract<RuleIR, { kind: 'rate' }>, p: Decimal | null): Outcome {
  const { value, key } = measureValue(ctx, r.decl, r.measure);
  if (value === undefined) return { missing: [key] };
  // Whole steps only: “每递增1%得0.5分” gives 0.5 for each full 1%.
  const steps = value.isNegative() ? Decimal.ZERO : value.floorDiv(r.per);
  const raw = steps.mul(r.points);
  const cap = r.max ?? p;
  const unit = r.decl?.kind === 'percent' ? '%' : (r.decl?.unit ?? '');
  return { score: cap ? Decimal.min(raw, cap) : raw, reason: { kind: 'rate', measure: r.measure, value, unit, per: r.per, steps, each: r.points, cap } };
}

function deduct(ctx: Ctx, x: IndicatorIR, r: Extract<RuleIR, { kind: 'deduct' }>): Outcome {
  const s = spec(ctx, x, 'count');
  const n = given(ctx, s) as Decimal | undefined;
  if (n === undefined) return { missing: [s?.key ?? `count:${x.id}`] };
  const from = x.points ?? Decimal.ZERO;
  const floor = r.floor ?? (x.points !== null ? Decimal.min(x.points, Decimal.ZERO) : null);
  const at = (d: Decimal): Decimal => {
    const v = from.sub(n.mul(d));
    return floor !== null ? Decimal.max(v, floor) : v;
  };
  const score = at(r.points.low);
  const reason: Reason = { kind: 'deduct', count: n, each: r.points.high, from, floor };
  if (!r.points.low.eq(r.points.high)) return { score, reason, choice: { low: at(r.points.high), high: score } };
  return { score, reason };
}

function leaf(ctx: Ctx, x: IndicatorIR, out: IndicatorScore): IndicatorScore {
  const gate = x.gates.length > 0 ? given(ctx, spec(ctx, x, 'gate')) : undefined;
  const directSpec = spec(ctx, x, 'score');
  const direct = given(ctx, directSpec) as Decimal | undefined;
  const set = (score: Decimal, reason: Reason): IndicatorScore => {
    out.score = score;
    out.min = score;
    out.max = score;
    out.reason = reason;
    return out;
  };
  if (gate === true) return set(Decimal.ZERO, { kind: 'gate', text: x.gates.join('；') });
  const optional = x.kind === 'bonus' || x.kind === 'penalty';
  if (x.rules.length === 0) {
    if (direct !== undefined) return set(direct, DIRECT);
    if (optional) return set(Decimal.ZERO, NONE);
    return unscored(ctx, x, out, [directSpec?.key ?? `score:${x.id}`]);
  }
  const outcomes = x.rules.map((r) =>
    r.kind === 'bands' ? bands(ctx, x, r) : r.kind === 'per' ? per(ctx, x, r) : r.kind === 'rate' ? rate(ctx, r, x.points) : deduct(ctx, x, r),
  );
  const done = outcomes.map((o, i) => ({ o, i })).filter((y): y is { o: Exclude<Outcome, { missing: string[] }>; i: number } => !('missing' in y.o));
  if (done.length === 0) {
    if (direct !== undefined) return set(direct, DIRECT);
    if (optional && ctx.index.inputsOf(x).every((s) => !ctx.a.values.has(s.key))) return set(Decimal.ZERO, NONE);
    return unscored(ctx, x, out, outcomes.flatMap((o) => ('missing' in o ? o.missing : [])));
  }
  const best = done.reduce((a, b) => (b.o.score.gt(a.o.score) ? b : a));
  let score = best.o.score;
  let reason: Reason = done.length > 1 ? { kind: 'best', chosen: best.i, options: done.map((d) => ({ reason: d.o.reason, score: d.o.score })) } : best.o.reason;
  // Points chosen within a range: the assessor's score, inside what the rule allows.
  if (best.o.choice) {
    if (direct === undefined) return unscored(ctx, x, out, [directSpec?.key ?? `score:${x.id}`], best.o.choice);
    const { low, high } = best.o.choice;
    if (direct.lt(low) || direct.gt(high)) {
      const where = ctx.a.values.get(directSpec!.key)!.where;
      ctx.problems.push({ code: 'RUB417', severity: 'error', file: where.file, range: where.range, args: { value: direct.toString(), title: x.title, low: low.toString(), high: high.toString(), at: where.at } });
      return unscored(ctx, x, out, [], best.o.choice);
    }
    score = direct;
    reason = { kind: 'chosen', low: best.o.choice.low, high: best.o.choice.high };
  } else if (direct !== undefined) {
    // A score given directly replaces the rules (reported when both are given: RUB415, by the reader of the scores).
    return set(direct, DIRECT);
  }
  if (x.points !== null && !x.uncapped && score.gt(x.points)) {
    reason = { kind: 'capped', raw: score, cap: x.points, reason };
    score = x.points;
  }
  return set(score, reason);
}

function unscored(ctx: Ctx, x: IndicatorIR, out: IndicatorScore, inputs: string[], choice?: { low: Decimal; high: Decimal }): IndicatorScore {
  ctx.missing.set(x, inputs);
  ctx.unscored.push(x.id);
  out.score = null;
  out.min = choice?.low ?? x.min;
  out.max = choice?.high ?? x.max;
  out.reason = { kind: 'missing', inputs };
  return out;
}

function node(x: IndicatorIR): IndicatorScore {
  return { id: x.id, code: x.code, title: x.title, kind: x.kind, points: x.points, score: null, min: null, max: null, reason: { kind: 'none' }, children: [], bonuses: [], weight: x.weight };
}

function addOrNull(a: Decimal | null, b: Decimal | null): Decimal | null {
  return a === null || b === null ? null : a.add(b);
}

const SUM: Reason = { kind: 'sum' };
const NONE: Reason = { kind: 'none' };
const DIRECT: Reason = { kind: 'direct' };

function indicator(ctx: Ctx, x: IndicatorIR): IndicatorScore {
  const out = node(x);
  ctx.byId.set(x.id, out);
  if (x.kind === 'bonus' || x.kind === 'penalty') ctx.outside.push(out);
  for (const b of x.bonuses) out.bonuses.push(indicator(ctx, b));
  if (x.children.length === 0) return leaf(ctx, x, out);
  let min: Decimal | null = Decimal.ZERO;
  let max: Decimal | null = Decimal.ZERO;
  let all = true;
  for (const c of x.children) {
    const s = indicator(ctx, c);
    out.children.push(s);
    min = addOrNull(min, s.min);
    max = addOrNull(max, s.max);
    if (s.score === null) all = false;
  }
  out.min = min;
  if (x.incomplete) {
    // Items not written yet may be worth up to the declared points.
    ctx.unscored.push(x.id);
    out.max = x.points !== null && max !== null && max.lt(x.points) ? x.points : max;
    out.reason = { kind: 'incomplete', listed: all ? min : null };
    return out;
  }
  out.score = all ? min : null;
  out.max = max;
  out.reason = SUM;
  return out;
}

function total(xs: IndicatorScore[], parts: IndicatorScore[]): Range2 {
  let min: Decimal | null = Decimal.ZERO;
  let max: Decimal | null = Decimal.ZERO;
  let exact = true;
  for (const x of xs) {
    min = addOrNull(min, x.min);
    max = addOrNull(max, x.max);
    if (x.score === null) exact = false;
  }
  for (const p of parts) {
    const w = p.weight ?? Decimal.ZERO;
    min = addOrNull(min, p.min && p.min.mul(w));
    max = addOrNull(max, p.max && p.max.mul(w));
    if (p.score === null) exact = false;
  }
  return { score: exact ? min : null, min, max };
}

/** Scores one assessment against a rubric. `index` may be shared across many assessments of one rubric. */
export function score(rubric: RubricIR, assessment: Assessment, index = new InputIndex(rubric)): ScoreResult {
  const ctx: Ctx = { rubric, index, a: assessment, missing: new Map(), unscored: [], problems: [], byId: new Map(), outside: [] };
  const indicators = rubric.indicators.map((x) => indicator(ctx, x));
  const parts = rubric.parts.map((x) => indicator(ctx, x));
  const bonuses = rubric.bonuses.map((x) => indicator(ctx, x));
  const base = total(indicators, parts);
  const result: ScoreResult = {
    rubric: rubric.title,
    name: assessment.name,
    complete: false,
    indicators,
    parts,
    bonuses,
    base,
    bonus: Decimal.ZERO,
    penalty: Decimal.ZERO,
    final: base,
    cap: rubric.cap,
    vetoes: [],
    grade: null,
    unscored: ctx.unscored,
    diagnostics: [],
  };
  // Bonuses and penalties, wherever written, apply to the final score as they are (not weighted).
  let fmin = base.min;
  let fmax = base.max;
  let exact = base.score !== null;
  for (const b of ctx.outside) {
    if (b.score === null) exact = false;
    if (b.kind === 'penalty') {
      result.penalty = result.penalty.add(b.score ?? Decimal.ZERO);
      fmin = fmin && b.max ? fmin.sub(b.max) : null;
      fmax = fmax && b.min ? fmax.sub(b.min) : null;
    } else {
      result.bonus = result.bonus.add(b.score ?? Decimal.ZERO);
      fmin = addOrNull(fmin, b.min);
      fmax = addOrNull(fmax, b.max);
    }
  }
  const capped = (v: Decimal | null): Decimal | null => (v === null || rubric.cap === null ? v : Decimal.min(v, rubric.cap));
  result.final = { score: exact ? capped(fmin) : null, min: capped(fmin), max: capped(fmax ?? rubric.cap) };
  result.vetoes = vetoes(ctx);
  result.complete = ctx.unscored.length === 0 && result.final.score !== null;
  const graded = rubric.gradesWithBonus ? result.final.score : base.score;
  if (result.complete && graded !== null && !result.vetoes.some((v) => v.applies !== 'maybe')) {
    const g = rubric.grades.find((y) => inside(graded, y.scores));
    result.grade = g?.name ?? null;
  }
  result.diagnostics = [...ctx.problems, ...missingDiagnostics(ctx)];
  return result;
}

function vetoes(ctx: Ctx): VetoOutcome[] {
  const out: VetoOutcome[] = [];
  ctx.rubric.vetoes.forEach((v, i) => {
    if (v.when) {
      const t = v.when.target ? ctx.byId.get(v.when.target) : undefined;
      if (!t) return;
      if (t.score !== null) {
        if (compare(t.score, v.when.op, v.when.value)) out.push({ index: i + 1, text: v.text, applies: 'yes', target: t.id, value: t.score });
      } else if (t.min === null || t.max === null || compare(t.min, v.when.op, v.when.value) || compare(t.max, v.when.op, v.when.value)) {
        out.push({ index: i + 1, text: v.text, applies: 'maybe', target: t.id, value: null });
      }
      return;
    }
    const s = ctx.index.byKey.get(`veto:${i + 1}`);
    if (s && ctx.a.values.get(s.key)?.value === true) out.push({ index: i + 1, text: v.text, applies: 'yes', target: null, value: null });
  });
  return out;
}

/** In a final assessment, every input an indicator needed and did not get is an error (RUB409). */
function missingDiagnostics(ctx: Ctx): Diagnostic[] {
  if (ctx.a.draft) return [];
  const out: Diagnostic[] = [];
  const paths = ctx.missing.size > 0 ? titlePaths(ctx.rubric) : undefined;
  for (const [x, keys] of ctx.missing) {
    for (const key of keys) {
      if (!key) continue;
      const s = ctx.index.byKey.get(key);
      out.push({
        code: 'RUB409',
        severity: 'error',
        file: x.range.file,
        range: { start: x.titleRange.start, end: x.titleRange.end },
        args: { title: x.title, what: `@input.${s?.kind ?? 'score'}`, key },
        indicator: indicatorOf(x, paths?.get(x) ?? [x.title]),
      });
    }
  }
  return out;
}
