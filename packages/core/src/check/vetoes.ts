// Vetoes on a computed score that can never, or always, trigger (RUB219).
import type { CheckContext } from './context.js';

export function checkVetoes(ctx: CheckContext): void {
  if (!ctx.rubric.vetoes.some((v) => v.when?.target)) return;
  const byId = new Map(ctx.all().map((i) => [i.id, i]));
  for (const v of ctx.rubric.vetoes) {
    const w = v.when;
    if (!w || !w.target) continue;
    const t = byId.get(w.target);
    if (!t || t.min === null || t.max === null) continue;
    const holds = (x: typeof t.min) => {
      const c = x!.cmp(w.value);
      return w.op === '<' ? c < 0 : w.op === '<=' ? c <= 0 : w.op === '>' ? c > 0 : w.op === '>=' ? c >= 0 : c === 0;
    };
    const atMin = holds(t.min);
    const atMax = holds(t.max);
    let always: string | undefined;
    if (w.op !== '=' && atMin && atMax) always = '@word.always';
    else if (w.op !== '=' && !atMin && !atMax) always = '@word.never';
    else if (w.op === '=' && (w.value.lt(t.min) || w.value.gt(t.max))) always = '@word.never';
    if (always) ctx.report('RUB219', w.refRange, { always, name: w.ref, min: t.min.toString(), max: t.max.toString() });
  }
}
