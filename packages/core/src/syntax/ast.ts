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

/** An indicator's code as written: `1.2.3`, a letter code `A1`, or the document's enumerator `（一）`. */
export interface Code extends Name {
  style: 'number' | 'letter' | 'enumerator';
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
  /** The unit printed after a value in a condition: `15平方米` → 平方米. */
  unit?: Text;
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

/** A condition, with the text the author wrote (quoted back in messages). */
export type Condition =
  | { kind: 'compare'; op: CmpOp; value: Value; range: Range; text: string }
  | { kind: 'interval'; interval: Interval; range: Range; text: string };

interface StmtBase {
  range: Range;
  /** Range of the leading keyword. */
  keyword: Range;
}

export interface IndicatorStmt extends StmtBase {
  type: 'indicator';
  code?: Code;
  title?: Text;
  points?: Points;
  /** Set when the points were written in brackets after the title, `"甲"（20分）`: the brackets' range. */
  bracketed?: Range;
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
/** One condition of a numeric band on a measure. */
export interface BandTest {
  measure?: Name;
  condition?: Condition;
}
export interface BandStmt extends StmtBase {
  type: 'band';
  label?: Text;
  /** A numeric band's conditions; the band applies when any of them holds (`或`). */
  tests: BandTest[];
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
  type: 'review' | 'uncapped' | 'gradesWithBonus';
}
export interface BaseStmt extends StmtBase {
  type: 'base';
  points?: Points;
  text?: Text;
}
export interface IncompleteStmt extends StmtBase {
  type: 'incomplete';
  text?: Text;
}
/** A cap on the final score (bonus included): `最高 100` in a rubric. */
export interface CapStmt extends StmtBase {
  type: 'cap';
  points?: Points;
}
export interface VetoStmt extends StmtBase {
  type: 'veto';
  text?: Text;
  when?: { ref?: Text; op?: CmpOp; value?: Value };
}
export interface BonusStmt extends StmtBase {
  /** A bonus (加分) or a penalty (减分): points added or deducted outside the total. */
  type: 'bonus' | 'penalty';
  code?: Code;
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
  | BaseStmt
  | IncompleteStmt
  | CapStmt
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

/** Facts about tokens that the AST does not keep but the formatter needs. */
export interface Marks {
  /** Offsets [start, end) of points written in brackets after a title, `"甲"（20分）` (written plainly by the formatter). */
  bracketed: [number, number][];
  /** Offsets of the tokens that separate the ends of a range (`~`, or a `-` read as one). */
  rangeSeparators: number[];
  /** Offsets of units printed after a number in a condition (`15平方米`). */
  units: number[];
}
