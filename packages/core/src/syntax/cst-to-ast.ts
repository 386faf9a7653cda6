// Lexes and parses one file and turns the CST into the AST (ast.ts). Reports lexical and syntax
// diagnostics (RUB001–RUB007). Never throws on any input: recovered CST nodes may lack children,
// and every accessor here tolerates that by leaving the AST field undefined.
import type { CstElement, CstNode, IRecognitionException, IToken, TokenType } from 'chevrotain';
import { Decimal } from '../decimal.js';
import { DiagnosticBag } from '../diagnostics.js';
import { LIMITS } from '../limits.js';
import { LineIndex, type Range } from '../source.js';
import type * as A from './ast.js';
import { limitDepth } from './depth.js';
import { reportLongTokens, reportStray, shortText } from './lexical.js';
import { parseTokens } from './parser.js';
import * as T from './tokens.js';

export interface ParseResult {
  ast: A.FileAst;
  /** All tokens, comments included, in source order (for the formatter and semantic tokens). */
  tokens: IToken[];
  comments: IToken[];
  lines: LineIndex;
}

const FULLWIDTH_DIGITS = /[\uFF10-\uFF19]/g;
export function normalizeDigits(s: string): string {
  // Fast path: ASCII digits are by far the most common.
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0xff10) return s.replace(FULLWIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));
  }
  return s;
}

/** How an expected token is shown in a syntax error. */
function displayToken(t: TokenType): string {
  const k = T.KEYWORDS.find((x) => x.name === t.name);
  if (k) return k.zh[0] ?? k.en[0] ?? t.name;
  switch (t.name) {
    case 'Identifier':
    case 'RefToken':
      return '名称';
    case 'TitleToken':
      return '"…"';
    case 'TextToken':
      return '"…"';
    case 'CmpToken':
      return '>=';
    case 'StringLiteral':
    case 'UnterminatedString':
      return '"…"';
    case 'NumberLiteral':
      return '10';
    case 'Fen':
      return '分';
    case 'Percent':
      return '%';
    case 'LBrace':
      return '{';
    case 'RBrace':
      return '}';
    case 'LParen':
      return '(';
    case 'RParen':
      return ')';
    case 'LBracket':
      return '[';
    case 'RBracket':
      return ']';
    case 'Comma':
      return ',';
    case 'Ge':
      return '>=';
    case 'Le':
      return '<=';
    case 'Gt':
      return '>';
    case 'Lt':
      return '<';
    case 'Eq':
      return '=';
    case 'RangeSep':
      return '~';
    case 'Minus':
      return '-';
    default:
      return t.name;
  }
}

export function parseRubric(text: string, file: string, bag: DiagnosticBag): ParseResult {
  const lines = new LineIndex(text);
  const lexed = T.RubricLexer.tokenize(text);
  const comments = (lexed.groups['comments'] ?? []) as IToken[];
  const stray = (lexed.groups['stray'] ?? []) as IToken[];
  const rangeOf = (t: IToken): Range => lines.range(t.startOffset, t.startOffset + t.image.length);

  // Lexical diagnostics.
  reportStray(stray, text, file, lines, bag);
  reportLongTokens(lexed.tokens, file, lines, bag);
  for (const c of comments) {
    if (c.tokenType === T.UnterminatedComment) bag.add('RUB006', file, lines.range(c.startOffset, c.startOffset + 2));
  }
  for (const t of lexed.tokens) {
    const ascii = T.FULL_WIDTH[t.image];
    if (ascii !== undefined) {
      bag.add('RUB003', file, rangeOf(t), { found: t.image, ascii }, {
        fix: { message: { id: 'fix.replace', args: { found: t.image, ascii } }, edits: [{ file, range: rangeOf(t), newText: ascii }] },
      });
    } else if (t.tokenType === T.UnterminatedString) {
      const quote = t.image.startsWith('“') ? '”' : t.image.startsWith('「') ? '」' : t.image.startsWith('『') ? '』' : '"';
      const end = lines.position(t.startOffset + t.image.length);
      bag.add('RUB004', file, rangeOf(t), { quote }, {
        fix: { message: { id: 'fix.closeQuote', args: {} }, edits: [{ file, range: { start: end, end }, newText: quote }] },
      });
    }
  }

  const { cst, errors } = parseTokens(limitDepth(lexed.tokens, file, lines, bag));
  reportSyntaxErrors(errors, text, file, lines, bag);

  const b = new AstBuilder(file, lines, bag);
  const ast: A.FileAst = {
    decls: b.file(cst),
    comments: comments.map((c) => ({ text: c.image, range: rangeOf(c) })),
  };
  const all = mergeByOffset(lexed.tokens, comments);
  return { ast, tokens: all, comments, lines };
}

/** Merges two token lists that are each in source order (cheaper than sorting the whole file). */
function mergeByOffset(a: IToken[], b: IToken[]): IToken[] {
  if (b.length === 0) return a.slice();
  const out: IToken[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]!.startOffset <= b[j]!.startOffset ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

function reportSyntaxErrors(errors: IRecognitionException[], text: string, file: string, lines: LineIndex, bag: DiagnosticBag): void {
  let lastOffset = -1;
  for (const e of errors) {
    const tok = e.token;
    const atEof = tok.tokenType?.name === 'EOF' || Number.isNaN(tok.startOffset);
    const start = atEof ? text.length : tok.startOffset;
    // One syntax error per place: recovery can report the same token several times.
    if (start === lastOffset) continue;
    lastOffset = start;
    const range = atEof ? lines.range(text.length, text.length) : lines.range(start, start + tok.image.length);
    const expected = expectedOf(e);
    bag.add('RUB002', file, range, {
      expected: expected.length > 0 ? expected.join(' / ') : '@word.statement',
      found: atEof ? '@word.eof' : shortText(tok.image),
    });
  }
}

/** Extracts the expected tokens from Chevrotain's default message (the only place it exposes them). */
function expectedOf(e: IRecognitionException): string[] {
  const m = /Expecting(?: token of type)? --> (\w+) <--/.exec(e.message);
  if (m && m[1]) {
    const t = T.allTokens.find((x) => x.name === m[1]);
    return t ? [displayToken(t)] : [];
  }
  const alts = [...e.message.matchAll(/\[([^\]]*)\]/g)].flatMap((x) => (x[1] ?? '').split(/,\s*/));
  const names = [...new Set(alts.map((n) => n.trim()).filter(Boolean))];
  const shown = [...new Set(names.map((n) => T.allTokens.find((x) => x.name === n)).filter((x): x is TokenType => !!x).map(displayToken))];
  return shown.length > 8 ? [...shown.slice(0, 8), '…'] : shown;
}

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

class AstBuilder {
  constructor(
    private readonly fileName: string,
    private readonly lines: LineIndex,
    private readonly bag: DiagnosticBag,
  ) {}

  private tokRange(t: IToken): Range {
    return this.lines.range(t.startOffset, t.startOffset + t.image.length);
  }

  /** Range of a CST node; undefined for a node recovery left empty. */
  private nodeRange(n: CstNode | undefined): Range | undefined {
    const l = n?.location;
    if (!l || l.startOffset === undefined || Number.isNaN(l.startOffset) || l.endOffset === undefined || Number.isNaN(l.endOffset)) return undefined;
    return this.lines.range(l.startOffset, l.endOffset + 1);
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
        const code = this.codeName(tok(ic, 'code'));
        if (code) s.code = code;
        const t = this.title(tok(ic, 'title'));
        if (t) s.title = t;
        const p = this.points(node(ic, 'points'));
        if (p) s.points = p;
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
        return {
          type: 'band',
          ...b,
          ...opt({
            label: this.text(tok(ic, 'label')),
            measure: this.name(tok(ic, 'measure')),
            condition: this.condition(node(ic, 'condition')),
            points: this.points(node(ic, 'points')),
          }),
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
      case 'bonusStmt': {
        const b = this.stmtBase(inner, 'Bonus');
        if (!b) return undefined;
        return {
          type: 'bonus',
          ...b,
          ...opt({
            code: this.codeName(tok(ic, 'code')),
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

  codeName(t: IToken | undefined): A.Name | undefined {
    return t ? { value: normalizeDigits(t.image), range: this.tokRange(t) } : undefined;
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
    if (t.tokenType === T.Identifier) return { value: t.image, range: this.tokRange(t), quoted: false };
    return this.text(t);
  }

  reference(t: IToken | undefined): A.Text | undefined {
    if (!t) return undefined;
    if (t.tokenType === T.Identifier || t.tokenType === T.NumberLiteral) return { value: normalizeDigits(t.image), range: this.tokRange(t), quoted: false };
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
    const low = this.number(tok(c, 'NumberLiteral'), !!tok(c, 'Minus'));
    if (!low) return undefined;
    if (tok(c, 'RangeSep')) {
      const high = this.number(tok(c, 'NumberLiteral', 1), !!tok(c, 'Minus', 1));
      if (!high) return undefined;
      return { low, high, isRange: true, range };
    }
    return { low, high: low, isRange: false, range };
  }

  value(n: CstNode | undefined): A.Value | undefined {
    const range = this.nodeRange(n);
    if (!n || !range) return undefined;
    const c = n.children as Children;
    const v = this.number(tok(c, 'NumberLiteral'), !!tok(c, 'Minus'));
    if (!v) return undefined;
    return { value: v, percent: !!tok(c, 'Percent'), range };
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
    if (tok(c, 'comparison')) {
      const op = this.comparison(tok(c, 'comparison'));
      const value = this.value(node(c, 'value'));
      return op && value ? { kind: 'compare', op, value, range } : undefined;
    }
    if (tok(c, 'In')) {
      const interval = this.interval(node(c, 'interval'));
      return interval ? { kind: 'interval', interval, range } : undefined;
    }
    const low = this.value(node(c, 'low'));
    if (!low) return undefined;
    if (tok(c, 'AtLeastWord')) return { kind: 'compare', op: '>=', value: low, range };
    if (tok(c, 'AtMostWord')) return { kind: 'compare', op: '<=', value: low, range };
    const high = this.value(node(c, 'high'));
    if (!high) return undefined;
    return { kind: 'interval', interval: { low, high, lowClosed: true, highClosed: true, range }, range };
  }

  interval(n: CstNode | undefined): A.Interval | undefined {
    const range = this.nodeRange(n);
    if (!n || !range) return undefined;
    const c = n.children as Children;
    const low = this.value(node(c, 'low'));
    const high = this.value(node(c, 'high'));
    const open = tok(c, 'LBracket') ?? tok(c, 'LParen');
    const close = tok(c, 'RBracket') ?? tok(c, 'RParen');
    if (!low || !high || !open || !close) return undefined;
    return { low, high, lowClosed: open.tokenType === T.LBracket, highClosed: close.tokenType === T.RBracket, range };
  }
}

function unquote(image: string): string {
  const inner = image.slice(1, -1);
  return image.charCodeAt(0) === 34 && inner.includes('\\') ? inner.replace(/\\(.)/g, '$1') : inner;
}
