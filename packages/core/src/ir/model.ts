// The typed IR of a compiled rubric. In memory, points are Decimals and ranges carry offsets; the
// JSON form (serialize.ts, schemaVersion 2, docs/ir.md) turns Decimals into strings, drops offsets and
// leaves out what a reader can derive; read.ts loads it back.
// Invariants: `min <= max` where both are known; `max === null` means unbounded (no cap); every node
// has a source range in the file it was written in (a section's indicators keep their own file).
import type { Decimal } from '../decimal.js';
import type { Range } from '../source.js';

export const SCHEMA_VERSION = 2;

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
  /** The id of the indicator whose block declares it (null: the rubric's own). In memory only. */
  owner: string | null;
}

/** One condition of a numeric band: a measure in an interval, as the author wrote it. */
export interface BandConditionIR {
  measure: string;
  /** The measure's kind, unit and domain, as declared where this band reads it. */
  measureKind: MeasureIR['kind'];
  unit: string | null;
  domain: IntervalIR;
  /** The declaration read (in memory only: the JSON form names it). */
  decl: MeasureIR | null;
  interval: IntervalIR;
  /** The condition as written (`60% 以上`, `2-3人`), quoted back in messages. */
  text: string;
  range: SrcRange;
}

export interface BandIR {
  label: string | null;
  /** The first condition's measure and interval (a numeric band), else null. */
  measure: string | null;
  condition: IntervalIR | null;
  /** Every condition of a numeric band; the band applies when any of them holds (`或`). */
  conditions: BandConditionIR[];
  /** The points, or the top of a range of points chosen within (`视情况得1~3分`). */
  points: Decimal;
  /** The bottom of a range of points, or null for a single value. */
  pointsLow: Decimal | null;
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
  | { kind: 'per'; items: PerItemIR[]; max: Decimal | null; uncapped: boolean; range: SrcRange; maxRange: SrcRange | null; base: BaseIR | null }
  | { kind: 'rate'; measure: string; decl: MeasureIR | null; per: Decimal; percent: boolean; points: Decimal; max: Decimal | null; range: SrcRange; maxRange: SrcRange | null }
  | { kind: 'deduct'; points: PointsRangeIR; unit: string | null; floor: Decimal | null; range: SrcRange };

/** Base points before increments (`基础 6 "配备2名"`): the `每` lines then add increments under their cap. */
export interface BaseIR {
  points: Decimal;
  text: string | null;
  range: SrcRange;
}

/** One `每` line; several lines in one indicator add up under one cap. */
export interface PerItemIR {
  unit: string;
  points: PointsRangeIR;
  range: SrcRange;
}

export interface IndicatorIR {
  id: string;
  /** A bonus (加分) adds and a penalty (减分) deducts outside the total and outside its parent's sum. */
  kind: 'indicator' | 'bonus' | 'penalty' | 'part';
  /** A part's name, or an indicator's unquoted title: what references use. */
  name: string | null;
  code: string | null;
  /** How the code is written: `1.2.3`, a letter code `A1`, or the document's enumerator `（一）`. */
  codeStyle: 'number' | 'letter' | 'enumerator' | null;
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
  /** The listed children are not all of it (未列全): they must not exceed its points, the rest is unwritten. */
  incomplete: boolean;
  standard: string[];
  method: string[];
  note: string[];
  children: IndicatorIR[];
  /** Bonuses and penalties written inside it (outside its sum). */
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
  /** Bonuses and penalties at the top level (outside the total). */
  bonuses: IndicatorIR[];
  /** A cap on the final score, bonus included (`最高 100`). */
  cap: Decimal | null;
  capRange: SrcRange | null;
  /** Grades apply to the final score (bonus and penalties included) instead of the base score. */
  gradesWithBonus: boolean;
  vetoes: VetoIR[];
  grades: GradeIR[];
  note: string[];
  /** Files this rubric was built from (itself first, then imports in load order). */
  files: string[];
}
