// "Leaves are the ground truth": changing any single leaf's points in a correct seed rubric gives
// an RUB201 on that leaf's parent and nothing on any indicator above it (nor on the total).
import { Decimal, compileText, type IndicatorIR } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { compileRepoFile, read, seedRubrics } from './harness.js';

interface Leaf {
  leaf: IndicatorIR;
  parent: IndicatorIR;
  ancestors: IndicatorIR[];
}

function leaves(xs: IndicatorIR[], path: IndicatorIR[] = []): Leaf[] {
  return xs.flatMap((x) =>
    x.children.length === 0
      ? path.length > 0 && x.pointsRange && path[path.length - 1]!.points !== null
        ? [{ leaf: x, parent: path[path.length - 1]!, ancestors: path.slice(0, -1) }]
        : []
      : leaves(x.children, [...path, x]),
  );
}

describe('changing one leaf blames only its parent', () => {
  for (const file of seedRubrics()) {
    const base = compileRepoFile(file);
    if (!base.rubric || base.diagnostics.some((d) => d.code === 'RUB201' || d.code === 'RUB202')) continue;
    const text = read(file);
    const all = leaves(base.rubric.indicators).filter((l) => l.leaf.range.file === file);
    if (all.length === 0) continue;
    it(`${file} (${all.length} leaves)`, () => {
      const others: Record<string, string> = {};
      for (const f of base.files) if (f.path !== file) others[f.path] = f.text;
      for (const { leaf, parent, ancestors } of all) {
        const r = leaf.pointsRange!;
        const bumped = leaf.points!.add(Decimal.ONE).toString();
        const changed = text.slice(0, r.start.offset) + bumped + text.slice(r.end.offset);
        const after = compileText(file, changed, others).diagnostics.filter((d) => d.code === 'RUB201' || d.code === 'RUB202');
        const at = (d: { range: { start: { offset: number } } }) => d.range.start.offset;
        expect(after.filter((d) => d.code === 'RUB201' && at(d) === parent.pointsRange!.start.offset).length, `${leaf.title} → ${parent.title}`).toBe(1);
        const above = new Set(ancestors.map((a) => a.pointsRange?.start.offset));
        expect(after.filter((d) => d.code === 'RUB202' || above.has(at(d))).map((d) => d.code), `${leaf.title}`).toEqual([]);
      }
    });
  }
});
