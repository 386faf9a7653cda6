// Lints: unused measures (RUB301), an empty rubric (RUB304) or one whose indicators are not written
// yet (RUB305), an indicator worth nothing (RUB227).
import type { CheckContext } from './context.js';

export function checkLints(ctx: CheckContext): void {
  const r = ctx.rubric;
  for (const m of r.measures) if (!m.used) ctx.report('RUB301', m.range, { name: m.name });
  if (r.title !== '' && r.indicators.length === 0 && r.parts.length === 0) {
    // With a declared total, the indicators are elsewhere (not written yet): scores range up to the total.
    if (r.total !== null && r.totalRange) ctx.report('RUB305', r.totalRange, { total: r.total.toString() });
    else ctx.report('RUB304', r.range, {});
  }
  for (const ind of ctx.all()) {
    if (ind.kind === 'indicator' && ind.title !== '' && ind.children.length === 0 && ind.points === null && ind.rules.length === 0 && !ind.review && !ind.uncapped) {
      ctx.report('RUB227', ind.titleRange, { title: ind.title }, { indicator: ind });
    }
  }
}
