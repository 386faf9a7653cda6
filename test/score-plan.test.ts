// The score plan (what exports turn into spreadsheet formulas) and the compiled totals (for scoring
// many assessments fast) against the engine: on random assessments of every seed rubric, complete or
// not, each leaf's planned expression gives exactly the engine's score (blank where the engine leaves
// the leaf unscored; a bonus without input is 0 in both), and the compiled totals are the engine's.
import fc from 'fast-check';
import { allIndicators, compileTotals, Decimal, evalExpr, InputIndex, score, scorePlan, type Assessment, type IndicatorScore, type InputSpec, type RubricIR } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { compileRepoFile, seedRubrics } from './harness.js';

// The seeds, and the fixtures of the constructs they lack: staircases, either-of, units, base plus
// increments, penalties, a cap on the final score.
const seeds = [...seedRubrics(), 'test/fixtures/steps.rubric', 'test/fixtures/outside.rubric']
  .flatMap((f) => compileRepoFile(f).rubrics)
  .filter((r): r is RubricIR => !!r && r.title !== '');
const dec = (n: number, scale = 0) => Decimal.parse((n / 10 ** scale).toFixed(scale))!;

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

describe('the score plan and the compiled totals agree with the engine', () => {
  for (const r of seeds) {
    const idx = new InputIndex(r);
    const plan = scorePlan(r, idx);
    const leaves = allIndicators(r).filter((x) => x.children.length === 0);
    const specs = idx.specs.filter((s) => s.kind !== 'score' || s.required);
    const totals = compileTotals(r, idx);
    it(`${r.title}: every leaf, on random assessments`, () => {
      fc.assert(
        fc.property(fc.tuple(...specs.map((s) => fc.option(arbValue(s), { freq: 8 }))), (vs) => {
          const values: Assessment['values'] = new Map();
          const nowhere = { file: '', range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } }, at: '' };
          specs.forEach((s, i) => {
            const v = vs[i];
            if (v !== null && v !== undefined) values.set(s.key, { value: v, where: nowhere });
          });
          const a: Assessment = { name: null, rubric: null, draft: true, values };
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
