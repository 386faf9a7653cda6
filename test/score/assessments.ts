// Assessments built from a rubric for tests: the one that earns every point (as JSON), and random valid ones.
import fc from 'fast-check';
import { Decimal, fullAssessment, InputIndex, type Assessment, type InputSpec, type RubricIR } from '@rubric/core';

type Json = Record<string, Record<string, string | boolean>>;

/** The assessment that earns every point (core's fullAssessment), written as assessment JSON. */
export function maxAssessment(r: RubricIR): Json {
  const idx = new InputIndex(r);
  const full = fullAssessment(r, idx);
  const groups: Record<string, string> = { score: 'scores', label: 'labels', count: 'counts', measure: 'measures', base: 'bases', gate: 'gates', veto: 'vetoes' };
  const a: Json = {};
  for (const [key, { value }] of full.values) {
    const s = idx.byKey.get(key)!;
    (a[groups[s.kind]!] ??= {})[s.ref] = typeof value === 'boolean' || typeof value === 'string' ? value : value.toString();
  }
  return a;
}

const dec = (n: number, scale = 0) => Decimal.parse((n / 10 ** scale).toFixed(scale))!;

/** A random value an input accepts: a band label, a count, yes/no, a measured value in its domain, a score on the step grid. */
export function arbValue(s: InputSpec): fc.Arbitrary<Decimal | string | boolean> {
  switch (s.kind) {
    case 'label':
      return fc.constantFrom(...s.labels!);
    case 'count':
      return fc.integer({ min: 0, max: 12 }).map((n) => dec(n));
    case 'base':
    case 'gate':
    case 'veto':
      return fc.boolean();
    case 'measure': {
      const lo = Number((s.min ?? Decimal.ZERO).toString());
      const hi = s.max !== null ? Number(s.max.toString()) : lo + 120;
      return fc.integer({ min: Math.ceil(lo * 2), max: Math.floor(hi * 2) }).map((n) => (s.integer ? dec(Math.floor(n / 2)) : dec(n * 5, 1)));
    }
    default: {
      const step = s.step ?? Decimal.ONE;
      const lo = s.min ?? Decimal.ZERO;
      const hi = s.max ?? lo.add(dec(100));
      return fc.integer({ min: 0, max: Math.max(0, Number(hi.sub(lo).floorDiv(step).toString())) }).map((k) => lo.add(dec(k).mul(step)));
    }
  }
}

/** A random draft assessment: each input given or not; a score that would only replace a rule is left out. */
export function arbAssessment(r: RubricIR, idx: InputIndex): fc.Arbitrary<Assessment> {
  const specs = idx.specs.filter((s) => s.kind !== 'score' || s.required);
  return fc.tuple(...specs.map((s) => fc.option(arbValue(s), { freq: 7 }))).map((vs) => {
    const values: Assessment['values'] = new Map();
    const nowhere = { file: '', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, at: '' };
    specs.forEach((s, i) => {
      const v = vs[i];
      if (v !== null && v !== undefined) values.set(s.key, { value: v, where: nowhere });
    });
    return { name: null, rubric: r.title, draft: true, values };
  });
}
