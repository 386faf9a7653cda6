// Properties of the scorer on the seed rubrics, for random valid assessments: every indicator's score
// lies within the reach the checker computed for it (min ≤ score ≤ max); the assessment that earns every
// point scores exactly the rubric's maximum; scoring is deterministic and does not depend on the order
// in which inputs are given.
import fc from 'fast-check';
import { allIndicators, Decimal, fullAssessment, InputIndex, score, scoreResultToJson, type Assessment, type IndicatorScore, type InputSpec, type RubricIR } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { compileRepoFile, seedRubrics } from './harness.js';

const seeds = seedRubrics().map((f) => compileRepoFile(f).rubric).filter((r): r is RubricIR => !!r && r.title !== '');
const dec = (n: number, scale = 0) => Decimal.parse((n / 10 ** scale).toFixed(scale))!;

/** A random value an input accepts. */
function arbValue(s: InputSpec): fc.Arbitrary<Decimal | string | boolean> {
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
      const lo = Number(s.min ?? Decimal.ZERO);
      const hi = s.max !== null ? Number(s.max.toString()) : lo + 200;
      return s.integer ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }).map((n) => dec(n)) : fc.integer({ min: Math.ceil(lo * 10), max: Math.floor(hi * 10) }).map((n) => dec(n, 1));
    }
    default: {
      // A score on the step grid within the indicator's reach.
      const step = s.step ?? Decimal.ONE;
      const lo = s.min ?? Decimal.ZERO;
      const hi = s.max ?? lo.add(Decimal.parse('100')!);
      const steps = Number(hi.sub(lo).floorDiv(step).toString());
      return fc.integer({ min: 0, max: Math.max(0, steps) }).map((k) => lo.add(dec(k).mul(step)));
    }
  }
}

function arbAssessment(r: RubricIR, idx: InputIndex): fc.Arbitrary<Assessment> {
  // Optional scores would replace rules: leave them out; give every other input, or leave it out sometimes.
  const specs = idx.specs.filter((s) => s.kind !== 'score' || s.required);
  return fc.tuple(...specs.map((s) => fc.option(arbValue(s), { freq: 6 }))).map((vs) => {
    const values: Assessment['values'] = new Map();
    specs.forEach((s, i) => {
      const v = vs[i];
      if (v !== null && v !== undefined) values.set(s.key, { value: v, where: { file: '', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, at: '' } });
    });
    return { name: null, rubric: r.title, draft: true, values };
  });
}

function flat(xs: IndicatorScore[]): IndicatorScore[] {
  return xs.flatMap((x) => [x, ...flat(x.children), ...flat(x.bonuses)]);
}

describe('scoring properties', () => {
  for (const r of seeds) {
    const idx = new InputIndex(r);
    const reach = new Map(allIndicators(r).map((x) => [x.id, x]));
    it(`${r.title}: every score lies within its indicator's reach; deterministic; order does not matter`, () => {
      fc.assert(
        fc.property(arbAssessment(r, idx), (a) => {
          const res = score(r, a, idx);
          for (const x of flat([...res.parts, ...res.indicators, ...res.bonuses])) {
            if (x.score === null) continue;
            const ir = reach.get(x.id)!;
            if (ir.min !== null) expect(x.score.lt(ir.min), `${x.id}: ${x.score} < ${ir.min}`).toBe(false);
            if (ir.max !== null) expect(x.score.gt(ir.max), `${x.id}: ${x.score} > ${ir.max}`).toBe(false);
          }
          const again = score(r, a, idx);
          expect(JSON.stringify(scoreResultToJson(again, 'en'))).toBe(JSON.stringify(scoreResultToJson(res, 'en')));
          const reversed: Assessment = { ...a, values: new Map([...a.values].reverse()) };
          expect(JSON.stringify(scoreResultToJson(score(r, reversed, idx), 'en'))).toBe(JSON.stringify(scoreResultToJson(res, 'en')));
        }),
        { numRuns: 60 },
      );
    });
    if (r.max !== null) {
      it(`${r.title}: the assessment that earns every point scores exactly ${r.max}`, () => {
        expect(score(r, fullAssessment(r, idx), idx).base.score?.toString()).toBe(r.max!.toString());
      });
    }
  }
});
