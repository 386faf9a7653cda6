// The typed IR of a compiled rubric. In memory, points are Decimals and ranges carry offsets; the
// JSON form (serialize.ts, schemaVersion 1) turns Decimals into strings and drops offsets.
// Invariants: `min <= max` where both are known; `max === null` means unbounded (no cap); every node
// has a source range in the file it was written in (a section's indicators keep their own file).
import type { Decimal } from '../decimal.js';
import type { Range } from '../source.js';

export const SCHEMA_VERSION = 1;

export interface SrcRange extends Range {
  file: string;
}

export interface Bound {
  value: Decimal;
  closed: boolean;
}

/** An interval of a measure or of scores; a missing bound is unbounded on that side. */
export interface IntervalIR {
  low: Bound | null;
  high: Bound | null;
}

export interface MeasureIR {
  name: string;
  kind: 'percent' | 'integer' | 'number';
  unit: string | null;
  /** Values are percentages (60 means 60%) for percent measures. */
  domain: IntervalIR;
  range: SrcRange;
  used: boolean;
}

export interface BandIR {
  label: string | null;
  measure: string | null;
  condition: IntervalIR | null;
  points: Decimal;
  range: SrcRange;
  pointsRange: SrcRange;
  conditionRange: SrcRange | null;
}

export interface PointsRangeIR {
  low: Decimal;
  high: Decimal;
}

export type RuleIR =
  | { kind: 'bands'; measure: string | null; domain: IntervalIR | null; bands: BandIR[] }
  | { kind: 'per'; items: PerItemIR[]; max: Decimal | null; uncapped: boolean; range: SrcRange; maxRange: SrcRange | null }
  | { kind: 'rate'; measure: string; per: Decimal; percent: boolean; points: Decimal; max: Decimal | null; range: SrcRange; maxRange: SrcRange | null }
  | { kind: 'deduct'; points: PointsRangeIR; unit: string | null; floor: Decimal | null; range: SrcRange };

/** One `每` line; several lines in one indicator add up under one cap. */
export interface PerItemIR {
  unit: string;
  points: PointsRangeIR;
  range: SrcRange;
}

export interface IndicatorIR {
  id: string;
  kind: 'indicator' | 'bonus' | 'part';
  /** A part's name, or an indicator's unquoted title: what references use. */
  name: string | null;
  code: string | null;
  title: string;
  level: number;
  points: Decimal | null;
  /** For parts: the weight as a fraction (80% is 0.8). */
  weight: Decimal | null;
  min: Decimal | null;
  max: Decimal | null;
  /** Alternative ways to score the indicator (at most one of each kind); the best one applies. */
  rules: RuleIR[];
  /** Scored by a review panel (评审). */
  review: boolean;
  gates: string[];
  uncapped: boolean;
  standard: string[];
  method: string[];
  note: string[];
  children: IndicatorIR[];
  bonuses: IndicatorIR[];
  range: SrcRange;
  titleRange: SrcRange;
  /** True when the title was written as a quoted string (its points can be edited in place). */
  titleQuoted: boolean;
  pointsRange: SrcRange | null;
  codeRange: SrcRange | null;
  weightRange: SrcRange | null;
}

export interface VetoIR {
  text: string | null;
  when: { ref: string; target: string | null; op: '>=' | '>' | '<=' | '<' | '='; value: Decimal; refRange: SrcRange } | null;
  range: SrcRange;
}

export interface GradeIR {
  name: string;
  scores: IntervalIR;
  range: SrcRange;
  conditionRange: SrcRange;
}

export interface RubricIR {
  title: string;
  file: string;
  range: SrcRange;
  total: Decimal | null;
  totalRange: SrcRange | null;
  /** The score step: declared with 计分单位, else the finest decimal among the points. */
  step: Decimal;
  stepDeclared: boolean;
  min: Decimal | null;
  max: Decimal | null;
  measures: MeasureIR[];
  indicators: IndicatorIR[];
  parts: IndicatorIR[];
  bonuses: IndicatorIR[];
  vetoes: VetoIR[];
  grades: GradeIR[];
  note: string[];
  /** Files this rubric was built from (itself first, then imports in load order). */
  files: string[];
}
