// The score plan (what exports turn into spreadsheet formulas) and the compiled totals (for scoring
// many assessments fast) against the engine: on random assessments of every seed rubric, complete or
// not, each leaf's planned expression gives exactly the engine's score (blank where the engine leaves
// the leaf unscored; a bonus without input is 0 in both), and the compiled totals are the engine's.
import fc from 'fast-check';
import { allIndicators, compileTotals, Decimal, evalExpr, fullAssessment, InputIndex, score, scorePlan, type IndicatorScore, type RubricIR } from '@rubric/core';
import { arbAssessment } from './score/assessments.js';
import { describe, expect, it } from 'vitest';
import { compileRepoFile, seedRubrics } from './harness.js';

// The seeds, and the fixtures of the constructs they lack: staircases, either-of, units, base plus
// increments, penalties, a cap on the final score.
const seeds = [...seedRubrics(), 'test/fixtures/steps.rubric', 'test/fixtures/outside.rubric']
  .flatMap((f) => compileRepoFile(f).rubrics)
  .filter((r): r is RubricIR => !!r && r.title !== '');
describe('the score plan and the compiled totals agree with the engine', () => {
  for (const r of seeds) {
    const idx = new InputIndex(r);
    const plan = scorePlan(r, idx);
    const leaves = allIndicators(r).filter((x) => x.children.length === 0);
    const totals = compileTotals(r, idx);
    it(`${r.title}: every leaf, on random assessments`, () => {
      fc.assert(
        fc.property(arbAssessment(r, idx), (a) => {
          const values = a.values;
          const res = score(r, a, idx);
          const byId = new Map<string, IndicatorScore>();
          const walk = (xs: IndicatorScore[]) => xs.forEach((x) => (byId.set(x.id, x), walk(x.children), walk(x.bonuses)));
          walk([...res.parts, ...res.indicators, ...res.bonuses]);
          // The compiled totals agree with the engine's.
          const t = totals(a);
          const engineGrade = res.grade;
          expect([t.base?.toString() ?? null, t.final?.toString() ?? null, t.bonus.toString(), t.penalty.toString(), t.vetoed, t.complete, t.grade]).toEqual([
            res.base.score?.toString() ?? null,
            res.final.score?.toString() ?? null,
            res.bonus.toString(),
            res.penalty.toString(),
            res.vetoes.some((v) => v.applies === 'yes'),
            res.complete,
            engineGrade,
          ]);
          for (const x of leaves) {
            const planned = evalExpr(plan.get(x.id)!, (k) => values.get(k)?.value);
            const engine = byId.get(x.id)!;
            const outside = x.kind === 'bonus' || x.kind === 'penalty';
            const want = engine.score === null ? null : engine.score.toString();
            const got = planned === null ? (outside && engine.reason.kind === 'none' ? '0' : null) : planned.toString();
            expect(got, `${x.id} ${x.title}`).toBe(want);
          }
        }),
        { numRuns: 80 },
      );
    });
  }
});

describe('the compiled totals stay exact beyond what a double holds', () => {
  // The compiled totals hold scaled whole numbers; a count or a measured value too large to hold
  // exactly (or a product of them) is left to the engine's decimals, and both agree.
  const big = ['9007199254740993', '100000000000000000000', '123456789012345678.5'];
  for (const r of seeds) {
    it(`${r.title}: huge counts and values`, () => {
      const idx = new InputIndex(r);
      const totals = compileTotals(r, idx);
      for (const n of big) {
        const a = fullAssessment(r, idx);
        let changed = 0;
        for (const s of idx.specs) {
          if (s.kind !== 'count' && !(s.kind === 'measure' && !s.percent)) continue;
          const v = a.values.get(s.key);
          a.values.set(s.key, { value: Decimal.parse(n)!, where: v?.where ?? { file: '', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, at: '' } });
          changed++;
        }
        if (changed === 0) continue;
        const res = score(r, a, idx);
        const t = totals(a);
        expect([t.base?.toString() ?? null, t.final?.toString() ?? null, t.bonus.toString(), t.penalty.toString(), t.grade], n).toEqual([
          res.base.score?.toString() ?? null,
          res.final.score?.toString() ?? null,
          res.bonus.toString(),
          res.penalty.toString(),
          res.grade,
        ]);
      }
    });
  }
});
