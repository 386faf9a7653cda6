// Scoring rules recognised in a standard's wording. Each keeps the words it was read from, so the
// draft shows them beside the construct; the emitter (emit.ts) turns each kind into the language.

export interface Measure {
  name: string;
  type: 'percent' | 'integer' | 'number';
  unit?: string;
}

export type Rule =
  /** Qualitative bands: 档 "好" 4 … */
  | { kind: 'bands'; bands: { label: string; points: string; source: string }[] }
  /** Numeric bands on a measure, boundaries as written: 档 参与率 60% 以上 20 … */
  | { kind: 'numeric'; measure: Measure; bands: { condition: string; points: string; source: string }[] }
  /** Points per occurrence, with a cap when the text states one other than the indicator's points. */
  | { kind: 'per'; unit: string; points: string; max?: string; source: string }
  /** Points in proportion to a measure: 按比例 增长率 每 1% 0.5 最高 3. */
  | { kind: 'rate'; measure: Measure; step: string; points: string; max?: string; source: string }
  /** Deduction from full marks: 扣 5 每 "项". */
  | { kind: 'deduct'; points: string; unit?: string; source: string };

export type RuleKind = Rule['kind'] | 'gate' | 'review';
