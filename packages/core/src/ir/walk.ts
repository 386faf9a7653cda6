// Walking the indicator tree of a rubric.
import type { DiagnosticIndicator } from '../diagnostics.js';
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

/** The titles from the top of the tree down to each indicator of the rubric (itself included). */
export function titlePaths(rubric: RubricIR): Map<IndicatorIR, string[]> {
  const out = new Map<IndicatorIR, string[]>();
  const walk = (xs: IndicatorIR[], path: string[]): void => {
    for (const x of xs) {
      const p = [...path, x.title];
      out.set(x, p);
      walk(x.children, p);
      walk(x.bonuses, p);
    }
  };
  walk(rubric.parts, []);
  walk(rubric.indicators, []);
  walk(rubric.bonuses, []);
  return out;
}

/** An indicator as a diagnostic carries it, given the titles above it. */
export function indicatorOf(ind: IndicatorIR, path: readonly string[]): DiagnosticIndicator {
  return { id: ind.id, code: ind.code, title: ind.title, path: [...path] };
}
