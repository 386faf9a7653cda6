// Recovery from two typing slips, on top of the parser's own (Chevrotain re-sync and single-token
// insertion or deletion), which only sees tokens and so reports both far from where they happened:
//
// - A missing `}`. The parser closes blocks with the braces it finds, so the block left open is the
//   outermost one and the error is at the end of the file, while the block that really lacks its
//   `}` swallows the indicators after it and gets a false subtotal error. Indentation tells where the
//   block ends: the first line, while it is open, that is indented no deeper than the line that opened
//   it. RUB020 is reported at the `{` of that block, with a fix that inserts the `}`.
// - A misspelled keyword (制表 for 指标, 挡 for 档, 评价表准 for 评价标准). At a syntax error, a word
//   close to a keyword that may stand there (keyword-slips.ts) gets RUB021, "did you mean", with a
//   fix that replaces it.
//
// In both cases the file is then parsed again as if the fix were made (a `}` token inserted, the word
// read as its keyword), so that the rest of the file means what its author wrote and the arithmetic
// checked is the author's, not the parser's guess. A repair is kept only when the parse gets further
// with it (see `better`); the syntax errors that remain are those of the last parse.
import { createTokenInstance, type IRecognitionException, type IToken, type TokenType } from 'chevrotain';
import type { ArgValue, DiagnosticBag } from '../diagnostics.js';
import type { LineIndex } from '../source.js';
import { expectedOf } from './errors.js';
import { keywordSlip, type Slip } from './keyword-slips.js';
import { KEYWORDS } from './keywords.js';
import { parseTokens, sharedParser, type CstResult } from './parser.js';
import * as T from './tokens.js';

/** A `}` the indentation says is missing: the block's `{`, and the first token after the block
 * (none when the block runs to the end of the file). */
interface MissingBrace {
  kind: 'brace';
  open: IToken;
  before: IToken | undefined;
  /** The leading whitespace of the line that opened the block (the `}` is inserted with it). */
  indent: string;
}

/** A word read as the keyword it was likely meant to be. */
interface KeywordRepair {
  kind: 'keyword';
  token: IToken;
  slip: Slip;
}

type Repair = MissingBrace | KeywordRepair;

/** Rounds of repair and re-parse: each may reveal slips the parser's own recovery skipped over. A
 * round parses once more (the first up to three times, when it tries braces and words apart). */
const MAX_ROUNDS = 8;
/** Beyond this many syntax errors a file is not a slip away from correct: no repair is tried. */
const MAX_ERRORS = 200;

/** Parses the tokens, repairing missing braces and misspelled keywords; reports RUB020 and RUB021. */
export function parseWithRepairs(tokens: IToken[], text: string, file: string, lines: LineIndex, bag: DiagnosticBag): CstResult {
  let result = parseTokens(tokens);
  // No errors, or too many to be typing slips (every repair is another whole parse).
  if (result.errors.length === 0 || result.errors.length > MAX_ERRORS) return result;
  const kept: Repair[] = [];
  let current = tokens;
  let braces: Repair[] = missingBraces(tokens, text, lines);
  for (let round = 0; round < MAX_ROUNDS && result.errors.length > 0; round++) {
    const words = keywordRepairs(result.errors, kept);
    // Both kinds together first; when that does not help, each kind alone.
    const options = braces.length > 0 && words.length > 0 ? [[...braces, ...words], braces, words] : [[...braces, ...words]];
    braces = [];
    let progress = false;
    for (const repairs of options) {
      if (repairs.length === 0) continue;
      const next = apply(current, repairs);
      const attempt = parseTokens(next);
      if (!better(attempt, result)) continue;
      kept.push(...repairs);
      current = next;
      result = attempt;
      progress = true;
      break;
    }
    if (!progress) break;
  }
  for (const r of kept) report(r, tokens, text, file, lines, bag);
  return result;
}

/** Where the first syntax error is (the end of the file counts as after every token). */
function firstError(r: CstResult): number {
  let first = Infinity;
  for (const e of r.errors) first = Math.min(first, Number.isNaN(e.token.startOffset) ? Number.MAX_SAFE_INTEGER : e.token.startOffset);
  return first;
}

/**
 * A parse is better when its first error comes later, or at the same place with fewer errors after
 * it. (Counting errors alone would not do: the parser's own recovery may skip a whole block after a
 * slip and report nothing in it, while the repaired parse then sees, and counts, the next slips.)
 */
function better(a: CstResult, b: CstResult): boolean {
  const fa = firstError(a);
  const fb = firstError(b);
  return fa > fb || (fa === fb && a.errors.length < b.errors.length);
}

// ---- missing braces ----

/** Width of leading whitespace as an editor shows it (a tab to the next multiple of 4). */
function width(ws: string): number {
  let w = 0;
  for (const c of ws) w = c === '\t' ? w + 4 - (w % 4) : c === '\u3000' ? w + 2 : c === '\ufeff' ? w : w + 1;
  return w;
}

/** The leading whitespace of a line. */
function leading(text: string, lines: LineIndex, line: number): string {
  const start = lines.lineStart(line);
  let e = start;
  while (e < text.length && /[ \t\u3000\u00a0\ufeff]/.test(text[e]!)) e++;
  return text.slice(start, e);
}

interface Frame {
  open: IToken;
  line: number;
  indent: string;
  /** Indentation of the first line of the block's contents, once seen. */
  contents: number | undefined;
}

/**
 * The `}` that indentation shows to be missing, when the file opens more blocks than it closes: a
 * block whose contents are indented deeper than the line that opened it ends before the first line
 * indented no deeper than that line (or a `}` less indented). Nothing when the indentation does not
 * say (contents not indented), or says more than the braces do.
 */
function missingBraces(tokens: IToken[], text: string, lines: LineIndex): MissingBrace[] {
  let balance = 0;
  for (const t of tokens) balance += t.tokenType === T.LBrace ? 1 : t.tokenType === T.RBrace ? -1 : 0;
  if (balance <= 0) return [];
  const found: MissingBrace[] = [];
  const stack: Frame[] = [];
  let lastLine = 0;
  for (const t of tokens) {
    const line = lines.position(t.startOffset).line;
    const isClose = t.tokenType === T.RBrace;
    if (line !== lastLine) {
      lastLine = line;
      const ws = leading(text, lines, line);
      // Only a token that starts its line tells the indentation.
      if (lines.lineStart(line) + ws.length === t.startOffset) {
        const ind = width(ws);
        while (stack.length > 0) {
          const top = stack[stack.length - 1]!;
          const opener = width(top.indent);
          if (top.contents === undefined && !isClose) {
            // The first line of the contents: it sets their indentation.
            top.contents = ind;
            break;
          }
          // Indented contents say where the block ends; unindented ones say nothing.
          const indented = top.contents === undefined || top.contents > opener;
          // A `}` closes a block at its opener's level; one further left closes an outer block.
          const outside = isClose ? ind < opener : ind <= opener;
          if (!indented || !outside) break;
          found.push({ kind: 'brace', open: top.open, before: t, indent: top.indent });
          stack.pop();
        }
      }
    }
    if (t.tokenType === T.LBrace) stack.push({ open: t, line, indent: leading(text, lines, line), contents: undefined });
    else if (isClose) stack.pop();
  }
  // Blocks still open at the end whose contents are indented: nothing after them came back to their
  // level, so their `}` is missing at the end of the file (the innermost first).
  for (const f of stack.reverse()) {
    if (f.contents === undefined || f.contents <= width(f.indent)) break;
    found.push({ kind: 'brace', open: f.open, before: undefined, indent: f.indent });
  }
  return found.length <= balance ? found : [];
}

// ---- misspelled keywords ----

const BY_NAME = new Map<string, TokenType>(T.allTokens.map((t) => [t.name, t]));
const KEYWORD_NAMES = new Set(KEYWORDS.map((k) => k.name));

let starters: Set<string> | undefined;
/** The keywords that begin a statement in a block, as the grammar itself says. */
function statementStarters(): Set<string> {
  if (!starters) {
    const open = createTokenInstance(T.LBrace, '{', 0, 0, 1, 1, 1, 1);
    starters = new Set(sharedParser().computeContentAssist('block', [open]).map((p) => p.nextTokenType.name).filter((n) => KEYWORD_NAMES.has(n)));
  }
  return starters;
}

/** The words at syntax errors that are slips for a keyword expected there. */
function keywordRepairs(errors: readonly IRecognitionException[], done: readonly Repair[]): KeywordRepair[] {
  const out: KeywordRepair[] = [];
  // One suggestion per word: a word read as a keyword in an earlier round is not asked about again.
  const seen = new Set<number>(done.flatMap((r) => (r.kind === 'keyword' ? [r.token.startOffset] : [])));
  for (const e of errors) {
    const t = e.token;
    if (Number.isNaN(t.startOffset) || t.isInsertedInRecovery || seen.has(t.startOffset)) continue;
    if (t.tokenType !== T.Identifier && !KEYWORD_NAMES.has(t.tokenType.name)) continue;
    seen.add(t.startOffset);
    const expected = new Set(expectedOf(e));
    // A keyword may stand where it, or a category it belongs to (a comparison word), is expected.
    const candidates = new Set([...KEYWORD_NAMES].filter((n) => expected.has(n) || (BY_NAME.get(n)?.CATEGORIES ?? []).some((c) => expected.has(c.name))));
    // Where a block could close, any statement could begin.
    if (expected.has('RBrace')) for (const s of statementStarters()) candidates.add(s);
    candidates.delete(t.tokenType.name);
    const slip = keywordSlip(t.image, candidates);
    if (slip) out.push({ kind: 'keyword', token: t, slip });
  }
  return out;
}

// ---- applying and reporting ----

/** The tokens with the repairs made: braces inserted, words retyped as keywords. */
function apply(tokens: IToken[], repairs: Repair[]): IToken[] {
  const before = new Map<IToken | undefined, MissingBrace[]>();
  const retype = new Map<IToken, KeywordRepair>();
  for (const r of repairs) {
    if (r.kind === 'brace') before.set(r.before, [...(before.get(r.before) ?? []), r]);
    else retype.set(r.token, r);
  }
  const out: IToken[] = [];
  for (const t of tokens) {
    for (const _ of before.get(t) ?? []) out.push(virtualBrace(out[out.length - 1]));
    const k = retype.get(t);
    const type = k ? BY_NAME.get(k.slip.name) : undefined;
    out.push(type ? { ...t, tokenType: type, tokenTypeIdx: type.tokenTypeIdx! } : t);
  }
  for (const _ of before.get(undefined) ?? []) out.push(virtualBrace(out[out.length - 1]));
  return out;
}

/** A `}` that is not in the text: it ends where the token before it ends, and the AST builder sees it
 * as inserted (the block stays marked as not closed). */
function virtualBrace(prev: IToken | undefined): IToken {
  const end = prev ? prev.endOffset ?? prev.startOffset + prev.image.length - 1 : -1;
  const line = prev?.endLine ?? 1;
  const column = prev?.endColumn ?? 0;
  const t = createTokenInstance(T.RBrace, '}', end + 1, end, line, line, column + 1, column);
  t.isInsertedInRecovery = true;
  return t;
}

/** What a block belongs to, for messages: `指标 甲`, from the keyword and title before its `{`. */
function blockOwner(tokens: IToken[], open: IToken): ArgValue {
  const i = tokens.indexOf(open);
  for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
    const t = tokens[j]!;
    if (t.tokenType === T.LBrace || t.tokenType === T.RBrace) break;
    if (![T.Rubric, T.Section, T.Indicator, T.Bonus, T.Penalty, T.Part].includes(t.tokenType)) continue;
    const title = tokens.slice(j + 1, i).find((x) => x.tokenType === T.StringLiteral || x.tokenType === T.Identifier || x.tokenType === T.UnterminatedString);
    const shown = title ? (title.tokenType === T.StringLiteral ? title.image.slice(1, -1) : title.tokenType === T.UnterminatedString ? title.image.slice(1) : title.image) : '';
    return { id: 'word.blockOf', args: { keyword: `@kw.${t.tokenType.name}`, title: shown } };
  }
  return '@word.block';
}

function report(r: Repair, tokens: IToken[], text: string, file: string, lines: LineIndex, bag: DiagnosticBag): void {
  const rangeOf = (t: IToken) => lines.range(t.startOffset, t.startOffset + t.image.length);
  if (r.kind === 'keyword') {
    const at = rangeOf(r.token);
    bag.add('RUB021', file, at, { found: r.token.image, keyword: r.slip.spelling }, {
      fix: { message: { id: 'fix.rename', args: { name: r.slip.spelling } }, edits: [{ file, range: at, newText: r.slip.spelling }] },
    });
    return;
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const block = blockOwner(tokens, r.open);
  if (r.before === undefined) {
    // At the end of the file: after the last line, on a line of its own.
    const end = lines.position(text.length);
    const newText = `${end.column > 1 ? eol : ''}${r.indent}}${eol}`;
    bag.add('RUB020', file, rangeOf(r.open), { block, where: '@word.atEnd' }, {
      fix: { message: { id: 'fix.closeBlockAtEnd', args: {} }, edits: [{ file, range: { start: end, end }, newText }] },
    });
    return;
  }
  const line = lastLineOf(r.open, r.before, r.indent, text, lines);
  const at = lines.position(lines.lineStart(line + 1));
  bag.add('RUB020', file, rangeOf(r.open), { block, where: { id: 'word.afterLine', args: { line } } }, {
    related: [{ file, range: rangeOf(r.before), message: { id: 'related.blockEnd', args: {} } }],
    fix: { message: { id: 'fix.closeBlock', args: { line } }, edits: [{ file, range: { start: at, end: at }, newText: `${r.indent}}${eol}` }] },
  });
}

/**
 * The last line of a block whose `}` is missing: the line before the one that ended it, less the
 * blank lines and the comments no deeper than the block's first line, which belong to what follows.
 */
function lastLineOf(open: IToken, before: IToken, indent: string, text: string, lines: LineIndex): number {
  const opener = width(indent);
  const first = lines.position(open.startOffset).line;
  let line = lines.position(before.startOffset).line - 1;
  while (line > first) {
    const content = text.slice(lines.lineStart(line), lines.lineEnd(line));
    const ws = leading(text, lines, line);
    const rest = content.slice(ws.length);
    if (rest.trim() !== '' && !(/^(\/\/|\/\*)/.test(rest) && width(ws) <= opener)) break;
    line--;
  }
  return line;
}
