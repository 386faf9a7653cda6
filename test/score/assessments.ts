// Assessments built from a rubric for tests: the one that earns every point, and random valid ones.
import { Decimal, InputIndex, type IntervalIR, type RubricIR } from '@rubric/core';

type Json = Record<string, Record<string, string | boolean>>;

/** A value inside an interval (its lower end when included). */
export function inside(i: IntervalIR, integer: boolean): Decimal {
  if (i.low && i.low.closed) return i.low.value;
  const step = integer ? Decimal.ONE : Decimal.parse('0.001')!;
  if (i.low) return i.low.value.add(step);
  if (i.high) return i.high.closed ? i.high.value : i.high.value.sub(step);
  return Decimal.ZERO;
}

/** The assessment that earns every point a rubric can give (bonuses left out: they are outside the total). */
export function maxAssessment(r: RubricIR): Json {
  const idx = new InputIndex(r);
  const a: Json = { scores: {}, labels: {}, counts: {}, measures: {}, bases: {} };
  const best = new Map<string, Decimal>();
  for (const s of idx.specs) {
    const x = s.indicator;
    if (x && (x.kind === 'bonus' || x.kind === 'penalty')) continue;
    switch (s.kind) {
      case 'label': {
        const bands = x!.rules.flatMap((ru) => (ru.kind === 'bands' ? ru.bands : [])).filter((b) => b.label !== null);
        a.labels![s.ref] = bands.reduce((p, c) => (c.points.gt(p.points) ? c : p)).label!;
        break;
      }
      case 'count': {
        const deduct = x!.rules.some((ru) => ru.kind === 'deduct');
        a.counts![s.ref] = deduct ? '0' : '1000';
        break;
      }
      case 'base':
        a.bases![s.ref] = true;
        break;
      case 'score':
        if (s.required) a.scores![s.ref] = (x!.max ?? x!.points ?? Decimal.ZERO).toString();
        break;
      default:
        break;
    }
    // Measures: a value in the best band of every indicator that reads them, or the top of the domain.
    for (const ru of x?.rules ?? []) {
      if (ru.kind === 'bands') {
        const top = ru.bands.filter((b) => b.conditions.length > 0).reduce<(typeof ru.bands)[number] | undefined>((p, c) => (!p || c.points.gt(p.points) ? c : p), undefined);
        for (const c of top?.conditions ?? []) best.set(c.measure, inside(c.interval, c.measureKind === 'integer'));
      }
    }
  }
  for (const s of idx.specs) {
    if (s.kind !== 'measure') continue;
    a.measures![s.ref] = (best.get(s.title) ?? s.max ?? Decimal.parse('1000')!).toString();
  }
  return a;
}
