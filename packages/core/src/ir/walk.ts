// Walking the indicator tree of a rubric.
import type { IndicatorIR, RubricIR } from './model.js';

/** Every indicator of the rubric (parts, indicators, bonuses and their descendants), parents first. */
export function allIndicators(rubric: RubricIR): IndicatorIR[] {
  const out: IndicatorIR[] = [];
  const walk = (xs: IndicatorIR[]): void => {
    for (const x of xs) {
      out.push(x);
      walk(x.children);
      walk(x.bonuses);
    }
  };
  walk(rubric.parts);
  walk(rubric.indicators);
  walk(rubric.bonuses);
  return out;
}
