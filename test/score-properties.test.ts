// Properties of the scorer on the seed rubrics, for random valid assessments: every indicator's score
// lies within the reach the checker computed for it (min ≤ score ≤ max); the assessment that earns every
// point scores exactly the rubric's maximum; scoring is deterministic and does not depend on the order
// in which inputs are given.
import fc from 'fast-check';
import { allIndicators, fullAssessment, InputIndex, score, scoreResultToJson, type Assessment, type IndicatorScore, type RubricIR } from '@rubric/core';
import { arbAssessment } from './score/assessments.js';
import { describe, expect, it } from 'vitest';
import { compileRepoFile, seedRubrics } from './harness.js';

const seeds = seedRubrics().map((f) => compileRepoFile(f).rubric).filter((r): r is RubricIR => !!r && r.title !== '');
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
