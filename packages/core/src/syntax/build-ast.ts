// CST → AST: turns the parser's concrete syntax tree into the AST of ast.ts. Never throws: recovered
// CST nodes may lack children, and every accessor here tolerates that by leaving the AST field
// undefined. Reports only RUB007 (a number that is not a number).
import type { CstElement, CstNode, IToken } from 'chevrotain';
import { Decimal } from '../decimal.js';
import type { DiagnosticBag } from '../diagnostics.js';
import { LIMITS } from '../limits.js';
import type { LineIndex, Position, Range } from '../source.js';
import type * as A from './ast.js';
import { normalizeDigits } from './digits.js';
import { shortText } from './lexical.js';
import * as T from './tokens.js';

type Children = Record<string, CstElement[] | undefined>;

function isToken(e: CstElement | undefined): e is IToken {
  return !!e && (e as IToken).image !== undefined;
}
function isNode(e: CstElement | undefined): e is CstNode {
  return !!e && (e as CstNode).children !== undefined;
}
/** A usable token: present and not inserted by recovery. */
function tok(ch: Children, name: string, i = 0): IToken | undefined {
  const e = ch[name]?.[i];
  return isToken(e) && !e.isInsertedInRecovery && !Number.isNaN(e.startOffset) ? e : undefined;
}
function node(ch: Children, name: string, i = 0): CstNode | undefined {
  const e = ch[name]?.[i];
  return isNode(e) && !e.recoveredNode ? e : isNode(e) ? e : undefined;
}

export class AstBuilder {
  /** What the formatter needs to know of the tokens, beyond the AST: see `Marks` in parse.ts. */
  readonly marks: A.Marks = { bracketed: [], rangeSeparators: [], units: [] };

  constructor(
    private readonly fileName: string,
    private readonly lines: LineIndex,
    private readonly bag: DiagnosticBag,
  ) {}

  /**
   * The position of an offset, shared by the ranges that start or end there (a statement and its
   * keyword, a value and its condition): most positions of an AST are at a few recent offsets, and
   * one object instead of several is a large part of the parse's allocation. Positions are values
   * nothing changes in place except the incremental reparse, which moves each distinct one once.
   */
  private readonly recentOffsets = new Int32Array(8).fill(-1);
  private readonly recentPositions: (Position | undefined)[] = new Array(8).fill(undefined);
  private pos(offset: number): Position {
    const slot = offset & 7;
    if (this.recentOffsets[slot] === offset) return this.recentPositions[slot]!;
    const p = this.lines.position(offset);
    this.recentOffsets[slot] = offset;
    this.recentPositions[slot] = p;
    return p;
  }
  private range(start: number, end: number): Range {
    return { start: this.pos(start), end: this.pos(Math.max(start, end)) };
  }

  tokRange(t: IToken): Range {
    return this.range(t.startOffset, t.startOffset + t.image.length);
  }

  /** From the start of `first` to the end of `last` (as a CST node's location spans its tokens). */
  span(first: IToken, last: IToken): Range {
    return this.range(first.startOffset, last.endOffset! + 1);
  }

  /** From the start of `r` to the end of `last`. */
  extend(r: Range, last: IToken): Range {
    return { start: r.start, end: this.pos(last.endOffset! + 1) };
  }

  /** Range of a CST node; undefined for a node recovery left empty. */
  private nodeRange(n: CstNode | undefined): Range | undefined {
    const l = n?.location;
    if (!l || l.startOffset === undefined || Number.isNaN(l.startOffset) || l.endOffset === undefined || Number.isNaN(l.endOffset)) return undefined;
    return this.range(l.startOffset, l.endOffset + 1);
  }

  private stmtBase(n: CstNode, kwName: string): { range: Range; keyword: Range } | undefined {
    const k = tok(n.children as Children, kwName);
    const range = this.nodeRange(n);
    if (!k || !range) return undefined;
    return { range, keyword: this.tokRange(k) };
  }

  file(cst: CstNode): A.TopDecl[] {
    const ch = cst.children as Children;
    const out: A.TopDecl[] = [];
    const push = (name: string, f: (n: CstNode) => A.TopDecl | undefined): void => {
      for (const e of ch[name] ?? []) if (isNode(e)) {
        const d = f(e);
        if (d) out.push(d);
      }
    };
    push('importDecl', (n) => {
      const base = this.stmtBase(n, 'Import');
      if (!base) return undefined;
      const d: A.ImportDecl = { type: 'import', ...base };
      const p = this.text(tok(n.children as Children, 'text'));
      if (p) d.path = p;
      return d;
    });
    push('sectionDecl', (n) => {
      const base = this.stmtBase(n, 'Section');
      if (!base) return undefined;
      const c = n.children as Children;
      const d: A.SectionDecl = { type: 'section', ...base };
      const t = this.title(tok(c, 'title'));
      if (t) d.name = t;
      const body = this.block(node(c, 'block'));
      if (body) d.body = body;
      return d;
    });
    push('rubricDecl', (n) => {
      const base = this.stmtBase(n, 'Rubric');
      if (!base) return undefined;
      const c = n.children as Children;
      const d: A.RubricDecl = { type: 'rubric', ...base };
      const t = this.title(tok(c, 'title'));
      if (t) d.title = t;
      const body = this.block(node(c, 'block'));
      if (body) d.body = body;
      return d;
    });
    return out.sort((a, b) => a.range.start.offset - b.range.start.offset);
  }

  block(n: CstNode | undefined): A.Block | undefined {
    const range = this.nodeRange(n);
    if (!n || !range) return undefined;
    const c = n.children as Children;
    const statements: A.Statement[] = [];
    let ordered = true;
    for (const k in c) {
      if (k === 'LBrace' || k === 'RBrace') continue;
      for (const e of c[k] ?? []) {
        if (!isNode(e)) continue;
        const s = this.statement(k, e);
        if (!s) continue;
        if (statements.length > 0 && statements[statements.length - 1]!.range.start.offset > s.range.start.offset) ordered = false;
        statements.push(s);
      }
    }
    if (!ordered) statements.sort((a, b) => a.range.start.offset - b.range.start.offset);
    return { statements, range, closed: !!tok(c, 'RBrace') };
  }

  statement(name: string, inner: CstNode): A.Statement | undefined {
    const ic = inner.children as Children;
    // Optional AST fields may hold undefined (never deleted: deleting keys makes objects slow).
    const opt = <O extends object>(o: O): { [K in keyof O]?: Exclude<O[K], undefined> } => o as { [K in keyof O]?: Exclude<O[K], undefined> };
    switch (name) {
      case 'totalStmt': {
        const b = this.stmtBase(inner, 'Total');
        return b && { type: 'total', ...b, ...opt({ points: this.points(node(ic, 'points')) }) };
      }
      case 'stepStmt': {
        const b = this.stmtBase(inner, 'Step');
        return b && { type: 'step', ...b, ...opt({ value: this.value(node(ic, 'value')) }) };
      }
      case 'measureStmt': {
        const b = this.stmtBase(inner, 'Measure');
        if (!b) return undefined;
        const kind = tok(ic, 'PercentKind') ? 'percent' : tok(ic, 'IntegerKind') ? 'integer' : tok(ic, 'NumberKind') ? 'number' : undefined;
        const s: A.MeasureStmt = { type: 'measure', ...b };
        const nm = this.name(tok(ic, 'Identifier'));
        if (nm) s.name = nm;
        if (kind) s.measureKind = kind;
        const unit = this.text(tok(ic, 'unit'));
        if (unit) s.unit = unit;
        const dom = this.interval(node(ic, 'interval'));
        if (dom) s.domain = dom;
        return s;
      }
      case 'indicatorStmt': {
        const b = this.stmtBase(inner, 'Indicator');
        if (!b) return undefined;
        const s: A.IndicatorStmt = { type: 'indicator', ...b };
        const code = this.code(node(ic, 'code'));
        if (code) s.code = code;
        const t = this.title(tok(ic, 'title'));
        if (t) s.title = t;
        const tp = node(ic, 'titlePoints');
        if (tp) {
          const tc = tp.children as Children;
          this.titlePointsOf(s, this.nodeRange(tp), this.points(node(tc, 'points')), tok(tc, 'LParen'), tok(tc, 'Enumerator'));
        }
        const body = this.block(node(ic, 'block'));
        if (body) s.body = body;
        return s;
      }
      case 'textStmt': {
        const kind = tok(ic, 'Standard') ? 'Standard' : tok(ic, 'Method') ? 'Method' : 'Note';
        const b = this.stmtBase(inner, kind);
        if (!b) return undefined;
        const type = kind === 'Standard' ? 'standard' : kind === 'Method' ? 'method' : 'note';
        return { type, ...b, ...opt({ text: this.text(tok(ic, 'text')) }) };
      }
      case 'bandStmt': {
        const b = this.stmtBase(inner, 'Band');
        if (!b) return undefined;
        const tests: A.BandTest[] = [];
        for (const e of ic['test'] ?? []) {
          if (!isNode(e)) continue;
          const tc = e.children as Children;
          tests.push(opt({ measure: this.name(tok(tc, 'measure')), condition: this.condition(node(tc, 'condition')) }));
        }
        return {
          type: 'band',
          ...b,
          tests,
          ...opt({ label: this.text(tok(ic, 'label')), points: this.points(node(ic, 'points')) }),
        };
      }
      case 'perStmt': {
        const b = this.stmtBase(inner, 'Per');
        if (!b) return undefined;
        return {
          type: 'per',
          ...b,
          uncapped: !!tok(ic, 'Uncapped'),
          ...opt({ unit: this.title(tok(ic, 'unit')), points: this.points(node(ic, 'points')), max: this.points(node(ic, 'max')) }),
        };
      }
      case 'rateStmt': {
        const b = this.stmtBase(inner, 'Rate');
        if (!b) return undefined;
        return {
          type: 'rate',
          ...b,
          ...opt({
            measure: this.name(tok(ic, 'measure')),
            step: this.value(node(ic, 'step')),
            points: this.points(node(ic, 'points')),
            max: this.points(node(ic, 'max')),
          }),
        };
      }
      case 'deductStmt': {
        const b = this.stmtBase(inner, 'Deduct');
        if (!b) return undefined;
        return {
          type: 'deduct',
          ...b,
          ...opt({ points: this.points(node(ic, 'points')), unit: this.title(tok(ic, 'unit')), floor: this.points(node(ic, 'floor')) }),
        };
      }
      case 'gateStmt': {
        const b = this.stmtBase(inner, 'Gate');
        return b && { type: 'gate', ...b, ...opt({ text: this.text(tok(ic, 'text')) }) };
      }
      case 'reviewStmt': {
        const b = this.stmtBase(inner, 'Review');
        return b && { type: 'review', ...b };
      }
      case 'uncappedStmt': {
        const b = this.stmtBase(inner, 'Uncapped');
        return b && { type: 'uncapped', ...b };
      }
      case 'gradesWithBonusStmt': {
        const b = this.stmtBase(inner, 'GradesWithBonus');
        return b && { type: 'gradesWithBonus', ...b };
      }
      case 'baseStmt': {
        const b = this.stmtBase(inner, 'Base');
        return b && { type: 'base', ...b, ...opt({ points: this.points(node(ic, 'points')), text: this.text(tok(ic, 'text')) }) };
      }
      case 'incompleteStmt': {
        const b = this.stmtBase(inner, 'Incomplete');
        return b && { type: 'incomplete', ...b, ...opt({ text: this.text(tok(ic, 'text')) }) };
      }
      case 'capStmt': {
        const b = this.stmtBase(inner, 'Max');
        return b && { type: 'cap', ...b, ...opt({ points: this.points(node(ic, 'points')) }) };
      }
      case 'vetoStmt': {
        const b = this.stmtBase(inner, 'Veto');
        if (!b) return undefined;
        const s: A.VetoStmt = { type: 'veto', ...b };
        if (tok(ic, 'When')) {
          s.when = opt({
            ref: this.reference(tok(ic, 'reference')),
            op: this.comparison(tok(ic, 'comparison')),
            value: this.value(node(ic, 'value')),
          });
        }
        const t = this.text(tok(ic, 'text'));
        if (t) s.text = t;
        return s;
      }
      case 'bonusStmt':
      case 'penaltyStmt': {
        const penalty = name === 'penaltyStmt';
        const b = this.stmtBase(inner, penalty ? 'Penalty' : 'Bonus');
        if (!b) return undefined;
        return {
          type: penalty ? 'penalty' : 'bonus',
          ...b,
          ...opt({
            code: this.code(node(ic, 'code')),
            title: this.title(tok(ic, 'title')),
            points: this.points(node(ic, 'points')),
            body: this.block(node(ic, 'block')),
          }),
        };
      }
      case 'partStmt': {
        const b = this.stmtBase(inner, 'Part');
        if (!b) return undefined;
        return {
          type: 'part',
          ...b,
          ...opt({
            name: this.title(tok(ic, 'name')),
            title: this.text(tok(ic, 'text')),
            points: this.points(node(ic, 'points')),
            weight: this.value(node(ic, 'weight')),
            body: this.block(node(ic, 'block')),
          }),
        };
      }
      case 'gradeStmt': {
        const b = this.stmtBase(inner, 'Grade');
        if (!b) return undefined;
        return { type: 'grade', ...b, ...opt({ name: this.title(tok(ic, 'title')), condition: this.condition(node(ic, 'condition')) }) };
      }
      case 'useStmt': {
        const b = this.stmtBase(inner, 'Use');
        return b && { type: 'use', ...b, ...opt({ name: this.name(tok(ic, 'Identifier')) }) };
      }
      default:
        return undefined;
    }
  }

  code(n: CstNode | undefined): A.Code | undefined {
    if (!n) return undefined;
    const c = n.children as Children;
    return this.codeOf(tok(c, 'NumberLiteral') ?? tok(c, 'LetterCode') ?? tok(c, 'Enumerator'));
  }

  codeOf(t: IToken | undefined): A.Code | undefined {
    if (!t) return undefined;
    if (t.tokenType === T.NumberLiteral) return { value: normalizeDigits(t.image), range: this.tokRange(t), style: 'number' };
    if (t.tokenType === T.LetterCode) return { value: t.image, range: this.tokRange(t), style: 'letter' };
    if (t.tokenType === T.Enumerator) return { value: normalizeDigits(t.image).replace(/[()]/g, (p) => (p === '(' ? '（' : '）')), range: this.tokRange(t), style: 'enumerator' };
    return undefined;
  }

  /** Points after an indicator's title, `20`, `(20分)` or `（20）` (an enumerator): s.points, and for
   * brackets s.bracketed and its mark. */
  titlePointsOf(s: A.IndicatorStmt, range: Range | undefined, points: A.Points | undefined, lparen: IToken | undefined, enumerator: IToken | undefined): void {
    const p = points ?? this.bracketNumber(enumerator);
    if (p) s.points = p;
    if ((lparen || enumerator) && range) {
      s.bracketed = range;
      this.marks.bracketed.push([range.start.offset, range.end.offset]);
    }
  }

  /** `（20）` after a title, lexed as an enumerator: the points inside the brackets. */
  private bracketNumber(t: IToken | undefined): A.Points | undefined {
    if (!t) return undefined;
    const digits = normalizeDigits(t.image).replace(/[^0-9]/g, '');
    const v = Decimal.parse(digits);
    if (!v || digits === '') return undefined;
    const r = this.range(t.startOffset + 1, t.startOffset + t.image.length - 1);
    return { low: v, high: v, isRange: false, range: r };
  }

  name(t: IToken | undefined): A.Name | undefined {
    return t ? { value: t.image, range: this.tokRange(t) } : undefined;
  }

  text(t: IToken | undefined): A.Text | undefined {
    if (!t) return undefined;
    if (t.tokenType === T.StringLiteral) return { value: unquote(t.image), range: this.tokRange(t), quoted: true };
    if (t.tokenType === T.UnterminatedString) return { value: t.image.slice(1), range: this.tokRange(t), quoted: true };
    return undefined;
  }

  title(t: IToken | undefined): A.Text | undefined {
    if (!t) return undefined;
    if (t.tokenType === T.Identifier || t.tokenType === T.LetterCode) return { value: t.image, range: this.tokRange(t), quoted: false };
    return this.text(t);
  }

  reference(t: IToken | undefined): A.Text | undefined {
    if (!t) return undefined;
    if (t.tokenType === T.Identifier || t.tokenType === T.LetterCode || t.tokenType === T.NumberLiteral) return { value: normalizeDigits(t.image), range: this.tokRange(t), quoted: false };
    return this.text(t);
  }

  private number(t: IToken | undefined, negative: boolean): Decimal | undefined {
    // A number over the length limit is reported (RUB016) and not read.
    if (!t || t.image.length > LIMITS.tokenLength) return undefined;
    const s = normalizeDigits(t.image);
    const d = (s.match(/\./g) ?? []).length <= 1 ? Decimal.parse(s) : undefined;
    if (!d) {
      this.bag.add('RUB007', this.fileName, this.tokRange(t), { text: shortText(t.image) });
      return undefined;
    }
    return negative ? d.neg() : d;
  }

  points(n: CstNode | undefined): A.Points | undefined {
    const range = this.nodeRange(n);
    if (!n || !range) return undefined;
    const c = n.children as Children;
    return this.pointsOf(range, tok(c, 'neg'), tok(c, 'low'), tok(c, 'sep'), tok(c, 'negHigh'), tok(c, 'high'));
  }

  pointsOf(range: Range, neg: IToken | undefined, lowToken: IToken | undefined, sep: IToken | undefined, negHigh: IToken | undefined, highToken: IToken | undefined): A.Points | undefined {
    const low = this.number(lowToken, !!neg);
    if (!low) return undefined;
    if (sep) {
      this.marks.rangeSeparators.push(sep.startOffset);
      const high = this.number(highToken, !!negHigh);
      if (!high) return undefined;
      return { low, high, isRange: true, range };
    }
    return { low, high: low, isRange: false, range };
  }

  value(n: CstNode | undefined): A.Value | undefined {
    const range = this.nodeRange(n);
    if (!n || !range) return undefined;
    const c = n.children as Children;
    return this.valueOf(range, tok(c, 'neg'), tok(c, 'NumberLiteral'), tok(c, 'Percent'));
  }

  valueOf(range: Range, neg: IToken | undefined, num: IToken | undefined, percent: IToken | undefined): A.Value | undefined {
    const v = this.number(num, !!neg);
    if (!v) return undefined;
    return { value: v, percent: !!percent, range };
  }

  /** A value in a condition, with its printed unit. */
  cvalue(n: CstNode | undefined): A.Value | undefined {
    const range = this.nodeRange(n);
    if (!n || !range) return undefined;
    const c = n.children as Children;
    return this.cvalueOf(range, this.value(node(c, 'value')), tok(c, 'unit'));
  }

  cvalueOf(range: Range, v: A.Value | undefined, unitToken: IToken | undefined): A.Value | undefined {
    if (!v) return undefined;
    if (unitToken) this.marks.units.push(unitToken.startOffset);
    const unit = this.title(unitToken);
    return unit ? { ...v, unit, range } : { ...v, range };
  }

  /** The source text of a range, as the author wrote it. */
  private written(r: Range): string {
    return this.lines.text.slice(r.start.offset, r.end.offset);
  }

  comparison(t: IToken | undefined): A.CmpOp | undefined {
    switch (t?.tokenType) {
      case T.Ge:
      case T.GeWord:
        return '>=';
      case T.Le:
      case T.LeWord:
        return '<=';
      case T.Gt:
      case T.GtWord:
        return '>';
      case T.Lt:
      case T.LtWord:
        return '<';
      case T.Eq:
      case T.EqWord:
        return '=';
      default:
        return undefined;
    }
  }

  condition(n: CstNode | undefined): A.Condition | undefined {
    const range = this.nodeRange(n);
    if (!n || !range) return undefined;
    const c = n.children as Children;
    const comparison = tok(c, 'comparison');
    if (comparison) return this.compareOf(range, comparison, this.cvalue(node(c, 'cvalue')));
    if (tok(c, 'In')) return this.inIntervalOf(range, this.interval(node(c, 'interval')));
    const low = this.cvalue(node(c, 'low'));
    if (!low) return undefined;
    return this.wordsOf(range, low, tok(c, 'AtLeastWord'), tok(c, 'AtMostWord'), () => this.cvalue(node(c, 'high')), tok(c, 'sep') ?? tok(c, 'RangeSep'));
  }

  /** `>= 60%`. */
  compareOf(range: Range, comparison: IToken, value: A.Value | undefined): A.Condition | undefined {
    const op = this.comparison(comparison);
    return op && value ? { kind: 'compare', op, value, range, text: this.written(range) } : undefined;
  }

  /** `在 [50%, 60%)`. */
  inIntervalOf(range: Range, interval: A.Interval | undefined): A.Condition | undefined {
    return interval ? { kind: 'interval', interval, range, text: this.written(range) } : undefined;
  }

  /** `60% 以上`, `30% 以下`, `50%~60%`: the high end is read only when there is no word. */
  wordsOf(range: Range, low: A.Value, atLeast: IToken | undefined, atMost: IToken | undefined, high: () => A.Value | undefined, sep: IToken | undefined): A.Condition | undefined {
    const text = this.written(range);
    if (atLeast) return { kind: 'compare', op: '>=', value: low, range, text };
    if (atMost) return { kind: 'compare', op: '<=', value: low, range, text };
    const h = high();
    if (!h) return undefined;
    if (sep) this.marks.rangeSeparators.push(sep.startOffset);
    return { kind: 'interval', interval: { low, high: h, lowClosed: true, highClosed: true, range }, range, text };
  }

  interval(n: CstNode | undefined): A.Interval | undefined {
    const range = this.nodeRange(n);
    if (!n || !range) return undefined;
    const c = n.children as Children;
    return this.intervalOf(range, this.cvalue(node(c, 'low')), this.cvalue(node(c, 'high')), tok(c, 'LBracket') ?? tok(c, 'LParen'), tok(c, 'RBracket') ?? tok(c, 'RParen'));
  }

  intervalOf(range: Range, low: A.Value | undefined, high: A.Value | undefined, open: IToken | undefined, close: IToken | undefined): A.Interval | undefined {
    if (!low || !high || !open || !close) return undefined;
    return { low, high, lowClosed: open.tokenType === T.LBracket, highClosed: close.tokenType === T.RBracket, range };
  }
}

function unquote(image: string): string {
  const inner = image.slice(1, -1);
  return image.charCodeAt(0) === 34 && inner.includes('\\') ? inner.replace(/\\(.)/g, '$1') : inner;
}
