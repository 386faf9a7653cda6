// The AST of one rubric file: what the author wrote, with a source range on every node, before any
// name resolution or arithmetic. Fields that recovery may leave missing are optional; every later
// pass must tolerate their absence.
import type { Decimal } from '../decimal.js';
import type { Range } from '../source.js';

export interface Text {
  value: string;
  range: Range;
  /** False for an unquoted name used as a title. */
  quoted: boolean;
}

export interface Name {
  value: string;
  range: Range;
}

/** A points literal: a single value, or a range `low~high` of points chosen within it. */
export interface Points {
  low: Decimal;
  high: Decimal;
  isRange: boolean;
  range: Range;
}

export interface Value {
  value: Decimal;
  percent: boolean;
  range: Range;
}

export type CmpOp = '>=' | '>' | '<=' | '<' | '=';

export interface Interval {
  low: Value;
  high: Value;
  lowClosed: boolean;
  highClosed: boolean;
  range: Range;
}

export type Condition =
  | { kind: 'compare'; op: CmpOp; value: Value; range: Range }
  | { kind: 'interval'; interval: Interval; range: Range };

interface StmtBase {
  range: Range;
  /** Range of the leading keyword. */
  keyword: Range;
}

export interface IndicatorStmt extends StmtBase {
  type: 'indicator';
  code?: Name;
  title?: Text;
  points?: Points;
  body?: Block;
}
export interface TotalStmt extends StmtBase {
  type: 'total';
  points?: Points;
}
export interface StepStmt extends StmtBase {
  type: 'step';
  value?: Value;
}
export interface MeasureStmt extends StmtBase {
  type: 'measure';
  name?: Name;
  measureKind?: 'percent' | 'integer' | 'number';
  unit?: Text;
  domain?: Interval;
}
export interface TextStmt extends StmtBase {
  type: 'standard' | 'method' | 'note';
  text?: Text;
}
export interface BandStmt extends StmtBase {
  type: 'band';
  label?: Text;
  measure?: Name;
  condition?: Condition;
  points?: Points;
}
export interface PerStmt extends StmtBase {
  type: 'per';
  unit?: Text;
  points?: Points;
  max?: Points;
  uncapped: boolean;
}
export interface RateStmt extends StmtBase {
  type: 'rate';
  measure?: Name;
  step?: Value;
  points?: Points;
  max?: Points;
}
export interface DeductStmt extends StmtBase {
  type: 'deduct';
  points?: Points;
  unit?: Text;
  floor?: Points;
}
export interface GateStmt extends StmtBase {
  type: 'gate';
  text?: Text;
}
export interface FlagStmt extends StmtBase {
  type: 'review' | 'uncapped';
}
export interface VetoStmt extends StmtBase {
  type: 'veto';
  text?: Text;
  when?: { ref?: Text; op?: CmpOp; value?: Value };
}
export interface BonusStmt extends StmtBase {
  type: 'bonus';
  code?: Name;
  title?: Text;
  points?: Points;
  body?: Block;
}
export interface PartStmt extends StmtBase {
  type: 'part';
  name?: Text;
  title?: Text;
  points?: Points;
  weight?: Value;
  body?: Block;
}
export interface GradeStmt extends StmtBase {
  type: 'grade';
  name?: Text;
  condition?: Condition;
}
export interface UseStmt extends StmtBase {
  type: 'use';
  name?: Name;
}

export type Statement =
  | IndicatorStmt
  | TotalStmt
  | StepStmt
  | MeasureStmt
  | TextStmt
  | BandStmt
  | PerStmt
  | RateStmt
  | DeductStmt
  | GateStmt
  | FlagStmt
  | VetoStmt
  | BonusStmt
  | PartStmt
  | GradeStmt
  | UseStmt;

export interface Block {
  statements: Statement[];
  range: Range;
  /** False when recovery could not find the closing brace. */
  closed: boolean;
}

export interface ImportDecl {
  type: 'import';
  path?: Text;
  range: Range;
  keyword: Range;
}
export interface SectionDecl {
  type: 'section';
  name?: Text;
  body?: Block;
  range: Range;
  keyword: Range;
}
export interface RubricDecl {
  type: 'rubric';
  title?: Text;
  body?: Block;
  range: Range;
  keyword: Range;
}
export type TopDecl = ImportDecl | SectionDecl | RubricDecl;

export interface Comment {
  text: string;
  range: Range;
}

export interface FileAst {
  decls: TopDecl[];
  comments: Comment[];
}
