// Vetoes on a computed score that can never, or always, trigger (RUB219).
import { vetoOutcome } from '../ir/semantics.js';
import type { CheckContext } from './context.js';

export function checkVetoes(ctx: CheckContext): void {
  if (!ctx.rubric.vetoes.some((v) => v.when?.target)) return;
  const byId = new Map(ctx.all().map((i) => [i.id, i]));
  for (const v of ctx.rubric.vetoes) {
    const w = v.when;
    if (!w || !w.target) continue;
    const t = byId.get(w.target);
    if (!t || t.min === null || t.max === null) continue;
    const outcome = vetoOutcome(t.min, t.max, w.op, w.value);
    if (outcome === 'sometimes') continue;
    ctx.report('RUB219', w.refRange, { always: outcome === 'always' ? '@word.always' : '@word.never', name: w.ref, min: t.min.toString(), max: t.max.toString() });
  }
}
