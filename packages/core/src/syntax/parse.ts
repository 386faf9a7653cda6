// Parsing one file: lex (with lexical diagnostics) → parse → AST. A file without syntax errors is
// read by the grammar building the AST in its actions; a file with one, by the CST parse with recovery
// (syntax errors as data) and the CST → AST pass. Never throws on any input; a syntax error leaves a
// partial AST and the rest of the file is still read.
import type { IToken } from 'chevrotain';
import { DiagnosticBag } from '../diagnostics.js';
import { LineIndex } from '../source.js';
import type * as A from './ast.js';
import type { Marks } from './ast.js';

export type { Marks } from './ast.js';
import { AstBuilder } from './build-ast.js';
import { reportSyntaxErrors } from './errors.js';
import { limitDepth } from './depth.js';
import { lex } from './lexical.js';
import { parseDirect } from './parser.js';
import { parseWithRepairs } from './recovery.js';

export interface ParseResult {
  ast: A.FileAst;
  marks: Marks;
  /** All tokens, comments included, in source order (for the formatter and semantic tokens). */
  tokens: IToken[];
  comments: IToken[];
  lines: LineIndex;
}

/**
 * `keepTokens`: keep the token list in the result (the formatter and an editor's open documents use it
 * at once). Otherwise the list is made again from the text the first time it is read (the same
 * tokens, the same comment objects): a compile for the command line never reads it, and at 10,000
 * indicators it is the largest part of what a compiled file holds.
 */
export function parseRubric(text: string, file: string, bag: DiagnosticBag, keepTokens = true): ParseResult {
  const lines = new LineIndex(text);
  const { tokens, comments } = lex(text, file, lines, bag);
  const parsed = limitDepth(tokens, file, lines, bag);
  const astComments = comments.map((c) => ({ text: c.image, range: lines.range(c.startOffset, c.startOffset + c.image.length) }));
  // A file without syntax errors is built in the grammar's actions; any error sends it to the parse
  // with recovery and the CST → AST pass, which start afresh (what the first attempt reported is dropped).
  const attempt = new DiagnosticBag();
  let b = new AstBuilder(file, lines, attempt);
  const decls = parseDirect(parsed, b);
  let ast: A.FileAst;
  if (decls) {
    for (const d of attempt.items) bag.items.push(d);
    ast = { decls, comments: astComments };
  } else {
    const { cst, errors } = parseWithRepairs(parsed, text, file, lines, bag);
    reportSyntaxErrors(errors, text, file, lines, bag);
    b = new AstBuilder(file, lines, bag);
    ast = { decls: b.file(cst), comments: astComments };
  }
  // Points in brackets after a title get one warning of their own (RUB030), not one per bracket.
  const bracketed = b.marks.bracketed;
  if (bracketed.length > 0) {
    const inside = (d: { code: string; range: { start: { offset: number } } }) =>
      d.code === 'RUB003' && bracketed.some(([a, z]) => a <= d.range.start.offset && d.range.start.offset < z);
    const keep = bag.items.filter((d) => !(d.file === file && inside(d)));
    bag.items.length = 0;
    for (const d of keep) bag.items.push(d);
  }
  if (keepTokens) return { ast, marks: b.marks, tokens: mergeByOffset(tokens, comments), comments, lines };
  const result = { ast, marks: b.marks, comments, lines } as ParseResult;
  const settle = (value: IToken[]): void => {
    Object.defineProperty(result, 'tokens', { value, writable: true, enumerable: true, configurable: true });
  };
  Object.defineProperty(result, 'tokens', {
    enumerable: true,
    configurable: true,
    get(): IToken[] {
      const again = mergeByOffset(lex(text, file, lines, new DiagnosticBag()).tokens, comments);
      settle(again);
      return again;
    },
    set: settle,
  });
  return result;
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
