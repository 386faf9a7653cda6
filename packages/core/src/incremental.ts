// Incremental reparsing of one file after an edit, for editors. The result is the SourceFile that
// `loadSource(path, newText)` would return (same AST, tokens, comments and diagnostics, up to object
// identity and the order of the file's diagnostics), computed by reparsing only the contents of the
// innermost `{ … }` block that contains the edit and shifting the positions of everything after it.
//
// Why a block: the grammar reads a block as `{ statement* }` wherever it appears, a brace is always a
// token of its own, and a statement can never continue past the `}` that closes its block; so the
// contents of a block parse the same inside a stand-in rubric as they do in place. The reparse is used
// only when that argument holds: the edit lies strictly inside a block closed by a real brace, every
// error the file had lies inside that block, and the new contents parse without error. Otherwise the
// file is parsed again from scratch (always correct, only slower). Pure: the old SourceFile is not
// modified, and unchanged nodes before the edit are shared with it.
import type { IToken } from 'chevrotain';
import { Decimal } from './decimal.js';
import { DiagnosticBag, type Diagnostic } from './diagnostics.js';
import { loadSource, type SourceFile } from './program.js';
import { LineIndex, type Position } from './source.js';
import type * as A from './syntax/ast.js';
import { parseRubric, type Marks, type ParseResult } from './syntax/parse.js';
import { maxDepth } from './syntax/depth.js';
import { LIMITS, utf8Size } from './limits.js';

export interface Reparse {
  file: SourceFile;
  /** How the new file was obtained: the old one (same text), a block reparse, or a full parse. */
  mode: 'unchanged' | 'block' | 'full';
  /** Length of the text that was lexed and parsed again. */
  reparsed: number;
  /** For a block reparse: the block whose statements were replaced, and how later positions moved. */
  edit?: BlockEdit;
}

/**
 * A block reparse: `block` (the same object before and after) got new statements, and every old
 * position at or after the offset `to` (the block's closing brace) moved by `moveAfterEdit`.
 */
export interface BlockEdit {
  block: A.Block;
  to: number;
  delta: number;
  /** The old line of the closing brace: positions on it also move by `dCol` columns. */
  line: number;
  dLine: number;
  dCol: number;
}

/** Moves, in place, a position of the old text that lies at or after the edited block's end. */
export function moveAfterEdit(p: Position, e: BlockEdit): void {
  if (p.offset < e.to) return;
  if (p.line === e.line) p.column += e.dCol;
  p.line += e.dLine;
  p.offset += e.delta;
}

export interface ReparseOptions {
  /**
   * Reuse the old file's nodes and tokens, moving their positions in place instead of copying them.
   * Much faster on large files, but the old SourceFile, and anything that shares its positions (a
   * CompileResult built from it), must not be used afterwards. Default false: the old file is kept.
   */
  consume?: boolean;
}

/** The SourceFile for `text`, the new content of `old.path`, reusing `old` where the edit allows. */
export function updateSource(old: SourceFile, text: string, options: ReparseOptions = {}): SourceFile {
  return reparse(old, text, options).file;
}

/** The UTF-8 size of each file's text, once known: an edit then only measures the span it changed. */
const sizes = new WeakMap<SourceFile, number>();

/**
 * The UTF-8 size of `text`, the old text with [start, oldEnd) replaced. The spans measured reach one
 * character further on each side, where both texts agree, so that a surrogate pair cut by the edit's
 * bounds counts the same in both and the difference is exact.
 */
function editedSize(old: SourceFile, text: string, start: number, oldEnd: number): number {
  const before = sizes.get(old) ?? utf8Size(old.text, 0, old.text.length);
  const a = Math.max(0, start - 1);
  const newEnd = oldEnd + text.length - old.text.length;
  return before - utf8Size(old.text, a, Math.min(old.text.length, oldEnd + 1)) + utf8Size(text, a, Math.min(text.length, newEnd + 1));
}

/** A stand-in rubric around the block's contents; its `{` is the last character. */
const HEAD = '评估表 "" {';

export function reparse(old: SourceFile, text: string, options: ReparseOptions = {}): Reparse {
  if (old.text === text) return { file: old, mode: 'unchanged', reparsed: 0 };
  const full = (): Reparse => ({ file: loadSource(old.path, text), mode: 'full', reparsed: text.length });
  // Files that were decoded from bytes carry encoding diagnostics that a text edit cannot update.
  if (old.diagnostics.some((d) => d.code === 'RUB008' || d.code === 'RUB009')) return full();

  // The changed span: [start, oldEnd) in the old text became [start, newEnd) in the new one.
  const a = old.text;
  const start = commonPrefix(a, text);
  const oldEnd = a.length - commonSuffix(a, text, Math.min(a.length, text.length) - start);
  const delta = text.length - a.length;
  // A text over the size limit is refused as a whole by loadSource (RUB010).
  const size = editedSize(old, text, start, oldEnd);
  if (size > LIMITS.fileBytes) return full();
  const sized = (r: Reparse): Reparse => {
    sizes.set(r.file, size);
    return r;
  };

  const inner = innermostBlock(old.parse.ast, start, oldEnd, a);
  if (!inner) return full();
  const { block, level } = inner;
  // Contents of the block: [from, to) in the old text, [from, to + delta) in the new one.
  const from = block.range.start.offset + 1;
  const to = block.range.end.offset - 1;
  const errorsInside = old.diagnostics.every(
    (d) => d.severity !== 'error' || (d.file === old.path && d.range.start.offset >= from && d.range.end.offset <= to),
  );
  if (!errorsInside) return full();

  const contents = text.slice(from, to + delta);
  const bag = new DiagnosticBag();
  const iso = parseRubric(`${HEAD}${contents}}`, old.path, bag);
  // The contents were parsed one level deep; in place they are `level` deep. A parse that would
  // cross the nesting limit there is done in full, so that RUB017 is reported where it belongs.
  if (level - 1 + maxDepth(iso.tokens) > LIMITS.depth) return full();
  const decl = iso.ast.decls[0];
  const body = decl?.type === 'rubric' ? decl.body : undefined;
  if (
    bag.items.some((d) => d.severity === 'error') ||
    iso.ast.decls.length !== 1 ||
    !body ||
    !body.closed ||
    body.range.start.offset !== HEAD.length - 1 ||
    body.range.end.offset !== HEAD.length + contents.length + 1
  ) {
    return full();
  }
  const inContents = (localOffset: number): boolean => localOffset >= HEAD.length && localOffset < HEAD.length + contents.length;

  // Old positions at or after the closing brace move by (delta, dLine), and by dCol on its line.
  // (Read before the line starts are spliced: with `consume`, in place.)
  const oldClose = old.parse.lines.position(to);
  const lines = spliceLines(old.parse.lines, text, start, oldEnd, options.consume === true);
  // Local positions (in the stand-in text) → positions in the new text.
  const local = (p: Position): Position => lines.position(p.offset - HEAD.length + from);
  const newClose = lines.position(to + delta);
  const dLine = newClose.line - oldClose.line;
  const dCol = newClose.column - oldClose.column;
  const unmoved = delta === 0 && dLine === 0 && dCol === 0;
  const edit: BlockEdit = { block, to, delta, line: oldClose.line, dLine, dCol };
  const shift = (p: Position): Position =>
    p.offset < to ? p : { line: p.line + dLine, column: p.line === oldClose.line ? p.column + dCol : p.column, offset: p.offset + delta };

  // Copied before anything moves: nothing may be moved twice.
  const diagnostics: Diagnostic[] = [
    ...old.diagnostics.filter((d) => d.range.start.offset < from || d.range.start.offset >= to).map((d) => mapDeep(d, shift) as Diagnostic),
    ...bag.items.map((d) => mapDeep(d, local) as Diagnostic),
  ].sort((x, y) => x.range.start.offset - y.range.start.offset || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));

  const statements = body.statements.map((s) => mapDeep(s, local) as A.Statement);
  const isoComments = iso.ast.comments.filter((c) => inContents(c.range.start.offset)).map((c) => mapDeep(c, local) as A.Comment);
  const before = old.parse.ast.comments.filter((c) => c.range.end.offset <= from);
  const after = old.parse.ast.comments.filter((c) => c.range.start.offset >= to);
  let decls: A.TopDecl[];
  let comments: A.Comment[];
  let positions: Position[] | undefined;
  if (options.consume) {
    positions = movePositions(old, block, from, to, unmoved, edit, after, [statements, isoComments]);
    block.statements = statements;
    decls = old.parse.ast.decls;
    comments = [...before, ...isoComments, ...after];
  } else {
    const replaced = (b: A.Block): A.Block => ({ ...b, statements, range: { start: b.range.start, end: shift(b.range.end) } });
    decls = rebuild(old.parse.ast.decls, from, to, block, replaced, shift) as A.TopDecl[];
    comments = [...before, ...isoComments, ...after.map((c) => mapDeep(c, shift) as A.Comment)];
  }

  // The stand-in parse's tokens are nobody else's: with `consume` they are placed in place (each
  // once: comment tokens are only re-listed below), so that every token keeps the lexer's shape and
  // the loop that moves tokens after later edits stays fast.
  const placed = (t: IToken): IToken => {
    const s = lines.position(t.startOffset - HEAD.length + from);
    const e = lines.position((t.endOffset ?? t.startOffset) - HEAD.length + from);
    const m = options.consume ? t : { ...t };
    m.startOffset = s.offset;
    m.endOffset = e.offset;
    m.startLine = s.line;
    m.startColumn = s.column;
    m.endLine = e.line;
    m.endColumn = e.column;
    return m;
  };
  const moveToken = (t: IToken): IToken => {
    if (unmoved) return t;
    const m = options.consume ? t : { ...t };
    if (t.startLine === oldClose.line) m.startColumn = (t.startColumn ?? 0) + dCol;
    if (t.endLine === oldClose.line) m.endColumn = (t.endColumn ?? 0) + dCol;
    m.startOffset = t.startOffset + delta;
    m.endOffset = (t.endOffset ?? t.startOffset) + delta;
    m.startLine = (t.startLine ?? 0) + dLine;
    m.endLine = (t.endLine ?? 0) + dLine;
    return m;
  };
  const spliceInPlace = (olds: IToken[], news: IToken[]): IToken[] => {
    const lo = firstAtLeast(olds, from, startOf);
    const hi = firstAtLeast(olds, to, startOf);
    const mid = news.filter((t) => inContents(t.startOffset)).map(placed);
    if (!unmoved) for (let i = hi; i < olds.length; i++) moveToken(olds[i]!);
    replaceRange(olds, lo, hi, mid);
    return olds;
  };
  const splice = (olds: IToken[], news: IToken[]): IToken[] => {
    const lo = firstAtLeast(olds, from, startOf);
    const hi = firstAtLeast(olds, to, startOf);
    const mid = news.filter((t) => inContents(t.startOffset)).map(placed);
    const out = olds.slice(0, lo);
    for (const t of mid) out.push(t);
    for (let i = hi; i < olds.length; i++) out.push(moveToken(olds[i]!));
    return out;
  };
  // Comment tokens are also in `tokens`: move each token object once.
  let tokens: IToken[];
  let commentTokens: IToken[];
  if (options.consume) {
    const olds = old.parse.comments;
    const cLo = firstAtLeast(olds, from, startOf);
    const cHi = firstAtLeast(olds, to, startOf);
    // Comment tokens are also in `tokens`: they are moved there, once, and only re-listed here.
    tokens = spliceInPlace(old.parse.tokens, iso.tokens);
    const mid = tokens.slice(firstAtLeast(tokens, from, startOf), firstAtLeast(tokens, to + delta, startOf)).filter(isComment);
    replaceRange(olds, cLo, cHi, mid);
    commentTokens = olds;
  } else {
    tokens = splice(old.parse.tokens, iso.tokens);
    commentTokens = splice(old.parse.comments, iso.comments);
  }
  // Token marks: kept before the block, taken from the reparse inside it, moved after it.
  const shiftN = (o: number): number => (o < to ? o : o + delta);
  const localN = (o: number): number => o - HEAD.length + from;
  const outside = (o: number): boolean => o < from || o >= to;
  const offsets = (olds: number[], news: number[]): number[] =>
    [...olds.filter(outside).map(shiftN), ...news.filter(inContents).map(localN)].sort((a, b) => a - b);
  const marks: Marks = {
    bracketed: [
      ...old.parse.marks.bracketed.filter(([a]) => outside(a)).map(([a, z]): [number, number] => [shiftN(a), shiftN(z)]),
      ...iso.marks.bracketed.filter(([a]) => inContents(a)).map(([a, z]): [number, number] => [localN(a), localN(z)]),
    ].sort((x, y) => x[0] - y[0]),
    rangeSeparators: offsets(old.parse.marks.rangeSeparators, iso.marks.rangeSeparators),
    units: offsets(old.parse.marks.units, iso.marks.units),
  };
  const parse: ParseResult = { ast: { decls, comments }, marks, tokens, comments: commentTokens, lines };
  const file: SourceFile = { path: old.path, text, parse, diagnostics };
  if (positions) positionLists.set(file, positions);
  return sized({ file, mode: 'block', reparsed: contents.length, edit });
}

/**
 * Every position of a file's AST (its nodes and its comments), sorted by offset: made on the first
 * consuming reparse that moves positions, then kept up to date by each consuming block reparse and
 * handed on to the new file. The positions after an edit are then a suffix of the list, moved in one
 * loop instead of a walk over the tree.
 */
const positionLists = new WeakMap<SourceFile, Position[]>();

/**
 * With `consume`: moves every position of `old`'s AST at or after `to`, in place, and returns the
 * position list of the new file, in which the positions of the block's old contents are replaced by
 * those of `fresh` (the new statements and the comments inside the block, in new coordinates).
 * Inside the contents [from, to] (offsets) lie exactly the positions of the old contents: any other
 * node either ends before the block or encloses it (then its end is past the closing brace). This is
 * checked against the old contents' own positions; should it not hold, the tree is walked instead
 * and the new file has no list (it is made again when needed).
 */
function movePositions(
  old: SourceFile,
  block: A.Block,
  from: number,
  to: number,
  unmoved: boolean,
  edit: BlockEdit,
  after: A.Comment[],
  fresh: unknown[],
): Position[] | undefined {
  let list = positionLists.get(old);
  positionLists.delete(old);
  if (!list) {
    if (unmoved) return undefined;
    list = collectPositions([old.parse.ast.decls, old.parse.ast.comments]);
  }
  const lo = firstAtLeast(list, from, offsetOf);
  const hi = firstAtLeast(list, to + 1, offsetOf);
  const insideComments = old.parse.ast.comments.filter((c) => c.range.end.offset > from && c.range.start.offset < to);
  const inside = new Set(collectPositions([block.statements, insideComments]));
  let exact = inside.size === hi - lo;
  for (let i = lo; exact && i < hi; i++) exact = inside.has(list[i]!);
  if (!exact) {
    if (!unmoved) mover(from, to, (p) => moveAfterEdit(p, edit))([old.parse.ast.decls, after], block);
    return undefined;
  }
  if (!unmoved) for (let i = hi; i < list.length; i++) moveAfterEdit(list[i]!, edit);
  replaceRange(list, lo, hi, collectPositions(fresh));
  return list;
}

/**
 * Calls `f` once for each distinct position below `roots` that `want` accepts (nodes may share a
 * range, or a position: one seen is marked by a negative offset until the end). `narrow` may give, for
 * a node, what to visit instead of its fields (undefined: nothing).
 */
function forEachPosition(roots: unknown[], want: (p: Position) => boolean, f: (p: Position) => void, narrow: (x: object) => unknown = (x) => x): void {
  const seen: Position[] = [];
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== 'object' || x instanceof Decimal) return;
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) visit(x[i]);
      return;
    }
    if (isPosition(x)) {
      if (x.offset >= 0 && want(x)) {
        f(x);
        x.offset = -1 - x.offset;
        seen.push(x);
      }
      return;
    }
    const n = narrow(x);
    if (n !== x) return visit(n);
    for (const k in x) visit((x as Record<string, unknown>)[k]);
  };
  for (const r of roots) visit(r);
  for (const p of seen) p.offset = -1 - p.offset;
}

/** The distinct positions below `roots`, sorted by offset. */
function collectPositions(roots: unknown[]): Position[] {
  const out: Position[] = [];
  forEachPosition(roots, () => true, (p) => out.push(p));
  return out.sort((a, b) => a.offset - b.offset);
}

/** Index of the first element whose key is at least `x`, in a list sorted by that key. */
function firstAtLeast<T>(xs: readonly T[], x: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(xs[mid]!) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const offsetOf = (p: Position): number => p.offset;
const startOf = (t: IToken): number => t.startOffset;
const itself = (n: number): number => n;

function isComment(t: IToken): boolean {
  const n = t.tokenType.name;
  return n === 'LineComment' || n === 'BlockComment' || n === 'UnterminatedComment';
}

/**
 * Moves, in place, every position at or after `to` found below `roots`, once each; nodes that end
 * before `from` are skipped, and `skip` (the block being replaced) is not entered.
 */
function mover(from: number, to: number, move: (p: Position) => void): (roots: unknown[], skip: object | undefined) => void {
  return (roots, skip) =>
    forEachPosition(roots, (p) => p.offset >= to, move, (x) => {
      if (x === skip) return (x as A.Block).range;
      const range = (x as { range?: { end?: Position } }).range;
      return range?.end && isPosition(range.end) && range.end.offset >= 0 && range.end.offset <= from ? undefined : x;
    });
}

/** The innermost closed block whose contents strictly contain the changed span [start, end), and its nesting level (1 for a top-level declaration's block). */
function innermostBlock(ast: A.FileAst, start: number, end: number, text: string): { block: A.Block; level: number } | undefined {
  const contains = (b: A.Block | undefined): b is A.Block =>
    !!b &&
    b.closed &&
    b.range.start.offset + 1 <= start &&
    end <= b.range.end.offset - 1 &&
    '{｛'.includes(text[b.range.start.offset] ?? '') &&
    '}｝'.includes(text[b.range.end.offset - 1] ?? '');
  let found: A.Block | undefined;
  let level = 1;
  for (const d of ast.decls) if (d.type !== 'import' && contains(d.body)) found = d.body;
  while (found) {
    const inner: A.Block | undefined = found.statements
      .map((s) => ('body' in s ? s.body : undefined))
      .find((b): b is A.Block => contains(b));
    if (!inner) break;
    found = inner;
    level++;
  }
  return found && { block: found, level };
}

function isPosition(x: object): x is Position {
  const p = x as Position;
  return typeof p.offset === 'number' && typeof p.line === 'number' && typeof p.column === 'number';
}

/** A copy of `x` with every position mapped by `f` (Decimals and other leaves are shared). */
function mapDeep(x: unknown, f: (p: Position) => Position): unknown {
  if (x === null || typeof x !== 'object' || x instanceof Decimal) return x;
  if (Array.isArray(x)) return x.map((e) => mapDeep(e, f));
  if (isPosition(x)) return f(x);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) out[k] = mapDeep(v, f);
  return out;
}

/**
 * A copy of the old AST in which `block` is replaced and positions at or after `to` are shifted.
 * Nodes that end before the block's contents are shared as they are.
 */
function rebuild(
  x: unknown,
  from: number,
  to: number,
  block: A.Block,
  replaced: (b: A.Block) => A.Block,
  shift: (p: Position) => Position,
): unknown {
  if (x === null || typeof x !== 'object' || x instanceof Decimal) return x;
  if (x === block) return replaced(block);
  if (Array.isArray(x)) return x.map((e) => rebuild(e, from, to, block, replaced, shift));
  if (isPosition(x)) return shift(x);
  const range = (x as { range?: { start?: Position; end?: Position } }).range;
  if (range?.end && isPosition(range.end) && range.end.offset <= from) return x;
  if (range?.start && isPosition(range.start) && range.start.offset >= to) return mapDeep(x, shift);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) out[k] = rebuild(v, from, to, block, replaced, shift);
  return out;
}

/**
 * The LineIndex of `text`, made from the old one by rescanning only the changed span [start, oldEnd)
 * (old offsets). Line starts before the span are kept, those after it are moved. This reads the line
 * starts LineIndex keeps; should they ever be stored differently, a new index is built instead.
 */
function spliceLines(old: LineIndex, text: string, start: number, oldEnd: number, inPlace: boolean): LineIndex {
  const starts = (old as unknown as { starts?: unknown }).starts;
  const fields = Object.keys(old).sort().join(',');
  // A LineIndex may also keep where its last look-up ended (a cursor that a new index starts at 0).
  const cursor = fields === 'last,starts,text';
  if ((fields !== 'starts,text' && !cursor) || !Array.isArray(starts) || starts[0] !== 0) return new LineIndex(text);
  const xs = starts as number[];
  const delta = text.length - old.text.length;
  const newEnd = oldEnd + delta;
  // A line start s < start is decided by characters before `start`, which did not change.
  const k = firstAtLeast(xs, start, itself);
  const mid: number[] = k > 0 ? [] : [0];
  for (let i = Math.max(0, start - 1); i <= newEnd && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) mid.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      mid.push(i + 1);
    }
  }
  const last = mid.length > 0 ? mid[mid.length - 1]! : xs[k - 1]!;
  // Old line starts after the span (their line break follows it) move by delta; the rescan above
  // already gave those whose break touches the span's end.
  const k2 = firstAtLeast(xs, Math.max(oldEnd + 1, last - delta + 1), itself);
  const out = inPlace ? xs : xs.slice();
  replaceRange(out, k, k2, mid);
  if (delta !== 0) for (let i = k + mid.length; i < out.length; i++) out[i] = out[i]! + delta;
  const index = Object.create(LineIndex.prototype) as LineIndex;
  Object.assign(index, cursor ? { text, starts: out, last: 0 } : { text, starts: out });
  return index;
}

/** Length of the common prefix of two strings (compared a chunk at a time, then a character). */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (i + step <= max && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  }
  return i;
}

/** Length of the common suffix of two strings, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let n = 0;
  for (let step = 4096; step >= 1; step >>= 4) {
    while (n + step <= max && a.slice(a.length - n - step, a.length - n) === b.slice(b.length - n - step, b.length - n)) n += step;
  }
  return n;
}

/**
 * `a.splice(lo, hi - lo, ...items)` without passing the items as arguments (a block of more than
 * about 120,000 tokens would overflow the stack).
 */
function replaceRange<T>(a: T[], lo: number, hi: number, items: readonly T[]): void {
  if (items.length === hi - lo) {
    for (let i = 0; i < items.length; i++) a[lo + i] = items[i]!;
    return;
  }
  if (items.length <= 10_000) {
    a.splice(lo, hi - lo, ...items);
    return;
  }
  const tail = a.slice(hi);
  a.length = lo;
  for (const x of items) a.push(x);
  for (const x of tail) a.push(x);
}
