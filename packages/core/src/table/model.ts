// The table model: the one layout of a rubric as staff print and fill it, read by every exporter
// (xlsx, docx, html, pdf, md) and by the editor's preview, so that all of them show the same table.
// It says which columns there are, which rows (one per leaf indicator, plus the summary rows the
// seeds print below the table), which cells are merged, what each cell says (already worded in the
// reader's locale), and which cells carry a diagnostic. Points stay exact Decimals.
//
// Invariants:
// - `rows[i].cells` has one entry per column; `null` marks a position covered by a merged cell that
//   starts above it or to its left. Every non-null cell's span stays inside the table.
// - Leaf rows are the rubric's leaf indicators (bonuses included), in tree order; a parent is a level
//   cell that spans the rows of its leaves (and is listed in `groups`).
// - Marks come from the compile's diagnostics only: a cell or row is marked when a diagnostic lies in
//   its indicator's source (the innermost indicator that contains it); nothing is re-checked here.
import type { Decimal } from '../decimal.js';
import type { Code } from '../messages/catalog.js';
import type { Severity } from '../diagnostics.js';
import type { IntervalIR, MeasureIR, SrcRange } from '../ir/model.js';
import type { Locale } from '../messages/render.js';

/** What a column holds. Level columns are one per level of the indicator tree. */
export type ColumnRole = 'level' | 'points' | 'standard' | 'method' | 'result' | 'self' | 'score' | 'note';

export interface TableColumn {
  role: ColumnRole;
  /** For level columns: the level, 1 for 一级指标. */
  level: number | null;
  header: string;
  /** A suggested width in characters of a CJK text (about two Latin letters each). */
  width: number;
}

/** One diagnostic attached to a cell, a row or an entry after the table. */
export interface TableMark {
  code: Code;
  severity: Severity;
  /** The diagnostic's message in the table's locale. */
  message: string;
  file: string;
  range: SrcRange;
}

/** A subtotal the checker found wrong: what the indicator declares and what its children add up to. */
export interface SubtotalMismatch {
  code: Code;
  declared: Decimal;
  /** What the children add up to, as the subtotal check counts them (core's childrenSum). */
  computed: Decimal;
}

export interface TableCell {
  role: ColumnRole;
  /** The cell's text, one entry per printed line; empty for a blank cell. */
  lines: string[];
  rowSpan: number;
  colSpan: number;
  /** The indicator this cell names (level cells) or belongs to. */
  indicatorId: string | null;
  /** Where the indicator is written (click-to-reveal). */
  range: SrcRange | null;
  marks: TableMark[];
  subtotal: SubtotalMismatch | null;
}

/** What the assessor records for a leaf, one entry per thing to record. */
export type RowInput =
  /** The score itself is typed in (no rule, or a review panel's score). */
  | { kind: 'score' }
  /** One of the band labels. */
  | { kind: 'label'; labels: string[] }
  /** A number of occurrences (每 "次", 扣 … 每 "项"). */
  | { kind: 'count'; unit: string }
  /** A measured value; percent measures are in percent (60 means 60%). */
  | { kind: 'measure'; measure: string; valueKind: MeasureIR['kind']; unit: string | null; domain: IntervalIR }
  /** Whether a 不得分 condition holds. */
  | { kind: 'gate'; text: string }
  /** Whether the base points (`基础`) are met; `text` says what they require (else names the base points). */
  | { kind: 'base'; text: string };

export type RowKind = 'leaf' | 'total' | 'final' | 'grade';

export interface TableRow {
  kind: RowKind;
  /** Leaf rows: the indicator's id; summary rows: null. */
  indicatorId: string | null;
  /** Leaf rows: 'indicator', 'part', 'bonus' or 'penalty' (a leaf inside a bonus is a bonus too). */
  indicatorKind: 'indicator' | 'part' | 'bonus' | 'penalty' | null;
  /** The level column the row's own cell starts in (1-based); 1 for summary rows. */
  level: number;
  /** Leaf rows: where the indicator is written. */
  range: SrcRange | null;
  /** Ids of the groups whose level cells span this row, outermost first. */
  path: string[];
  cells: (TableCell | null)[];
  /** Leaf rows: what the assessor records (empty when nothing is scored). */
  inputs: RowInput[];
  /** Leaf rows: the declared points, else what the leaf is worth (core's shownValue). */
  points: Decimal | null;
  /** Leaf rows: the reachable score, from the IR; null is unbounded. */
  min: Decimal | null;
  max: Decimal | null;
  /** The rubric's score step. */
  step: Decimal;
  /** Diagnostics on this leaf. */
  marks: TableMark[];
}

/** A parent indicator (or a part with children): a level cell spanning its leaves' rows. */
export interface TableGroup {
  indicatorId: string;
  kind: 'indicator' | 'part' | 'bonus' | 'penalty';
  level: number;
  code: string | null;
  title: string;
  /** Declared points, else what the children add up to (core's shownValue). */
  points: Decimal | null;
  weight: Decimal | null;
  /** Rows spanned (indexes into `rows`, inclusive). */
  firstRow: number;
  lastRow: number;
  /** The children that add up to this group, in order: leaf rows and child groups. Bonuses are apart. */
  children: TableRef[];
  /** Bonus items inside this group (outside its sum). */
  bonuses: TableRef[];
  range: SrcRange;
  subtotal: SubtotalMismatch | null;
  marks: TableMark[];
}

/** A leaf row (index into `rows`) or a group (index into `groups`). */
export type TableRef = { row: number } | { group: number };

export interface TableGrade {
  name: string;
  scores: IntervalIR;
  /** The condition in words, e.g. `≥ 90`. */
  condition: string;
  range: SrcRange;
  marks: TableMark[];
}

export interface TableVeto {
  text: string;
  /** A veto on a score (`一票否决 当 X < 75`): the indicator whose score (a part's before its weight) is compared. */
  when: { ref: TableRef; op: '>=' | '>' | '<=' | '<' | '='; value: Decimal } | null;
  range: SrcRange;
  marks: TableMark[];
}

export interface TableTotal {
  /** The declared 总分, if any. */
  declared: Decimal | null;
  /** What the top level adds up to (core's rubricSum): parts by weight plus indicators. */
  computed: Decimal | null;
  /** Set when the checker found the total wrong. */
  mismatch: SubtotalMismatch | null;
  /** The top level that adds up to the total: parts (with their weights) and indicators. */
  terms: { ref: TableRef; weight: Decimal | null }[];
  /** Top-level bonus items, outside the total. */
  bonuses: TableRef[];
  marks: TableMark[];
}

export interface Table {
  locale: Locale;
  title: string;
  file: string;
  /** Deepest level of the tree: the number of level columns. */
  depth: number;
  /** The rubric's score step (计分单位, else the finest decimal among the points). */
  step: Decimal;
  columns: TableColumn[];
  /** Header rows (1 or 2), in the same grid as `rows`. */
  header: (TableCell | null)[][];
  rows: TableRow[];
  groups: TableGroup[];
  total: TableTotal;
  /** Every bonus and penalty item (nested or not): leaf rows and groups, summed apart from the total (penalties taken away). */
  bonuses: TableRef[];
  /** The cap on the final score (`最高`), if any. */
  cap: Decimal | null;
  /** The grade is read from the final score (`等级含加分`), else from the total. */
  gradesWithBonus: boolean;
  grades: TableGrade[];
  vetoes: TableVeto[];
  /** The rubric's own texts (说明, 评定方法 written at the top). */
  notes: string[];
  /** Words of the sections after the table, in the table's locale. */
  words: TableWords;
  /** Diagnostics not attached to any cell, row or entry (e.g. in a section no indicator uses). */
  otherMarks: TableMark[];
  /** Every diagnostic of the compile, in order, for the list of problems printed after the table. */
  allMarks: TableMark[];
  /** Counts of every diagnostic of the compile, for the warning an exporter prints. */
  errors: number;
  warnings: number;
}

/** Headings of the parts after the table, and the legend of marks, in the table's locale. */
export interface TableWords {
  grades: string;
  vetoes: string;
  notes: string;
  problems: string;
  legend: string;
}
