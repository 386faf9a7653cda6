// Parsing one file: lex (with lexical diagnostics) → parse (syntax errors as data) → AST. Never
// throws on any input; a syntax error leaves a partial AST and the rest of the file is still read.
import type { IToken } from 'chevrotain';
import type { DiagnosticBag } from '../diagnostics.js';
import { LineIndex } from '../source.js';
import type * as A from './ast.js';
import { AstBuilder } from './build-ast.js';
import { reportSyntaxErrors } from './errors.js';
import { lex } from './lexical.js';
import { parseTokens } from './parser.js';

export interface ParseResult {
  ast: A.FileAst;
  /** All tokens, comments included, in source order (for the formatter and semantic tokens). */
  tokens: IToken[];
  comments: IToken[];
  lines: LineIndex;
}

export function parseRubric(text: string, file: string, bag: DiagnosticBag): ParseResult {
  const lines = new LineIndex(text);
  const { tokens, comments } = lex(text, file, lines, bag);
  const { cst, errors } = parseTokens(tokens);
  reportSyntaxErrors(errors, text, file, lines, bag);
  const b = new AstBuilder(file, lines, bag);
  const ast: A.FileAst = {
    decls: b.file(cst),
    comments: comments.map((c) => ({ text: c.image, range: lines.range(c.startOffset, c.startOffset + c.image.length) })),
  };
  return { ast, tokens: mergeByOffset(tokens, comments), comments, lines };
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
