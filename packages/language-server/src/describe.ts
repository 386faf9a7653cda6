// Reading the IR for editors: the indicator written at an offset.
import { allIndicators, type IndicatorIR, type RubricIR } from '@rubric/core';

function contains(r: { file: string; start: { offset: number }; end: { offset: number } } | null, file: string, offset: number): boolean {
  return !!r && r.file === file && r.start.offset <= offset && offset <= r.end.offset;
}

/** The indicator whose title, code or points are written at `offset` in `file`. */
export function indicatorAt(r: RubricIR, file: string, offset: number): IndicatorIR | undefined {
  return allIndicators(r).find((x) => contains(x.titleRange, file, offset) || contains(x.codeRange, file, offset) || contains(x.pointsRange, file, offset));
}
