// The nesting limit. The parser, the AST builder and every later pass recurse once per block level,
// so a file of a few hundred nested `指标 "a" {` would overflow the stack. Before parsing, the
// contents of any block nested deeper than LIMITS.depth (its braces included) are taken out of the
// token stream and reported once (RUB017) at its opening brace; the parser sees the statement that
// owned the block without it, and the rest of the file is parsed and checked as usual.
import type { IToken } from 'chevrotain';
import type { DiagnosticBag } from '../diagnostics.js';
import type { Block } from './ast.js';
import { LIMITS } from '../limits.js';
import type { LineIndex } from '../source.js';
import * as T from './tokens.js';

/** The tokens the parser may see: `tokens` without the blocks nested deeper than the limit. */
export function limitDepth(tokens: IToken[], file: string, lines: LineIndex, bag: DiagnosticBag, limit: number = LIMITS.depth): IToken[] {
  if (maxDepth(tokens) <= limit) return tokens;
  const out: IToken[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.tokenType === T.LBrace) {
      if (depth >= limit) {
        bag.add('RUB017', file, lines.range(t.startOffset, t.startOffset + t.image.length), { limit });
        // Skip to the matching closing brace (or to the end of the file when there is none).
        let d = 0;
        for (; i < tokens.length; i++) {
          const u = tokens[i]!.tokenType;
          if (u === T.LBrace) d++;
          else if (u === T.RBrace && --d === 0) break;
        }
        continue;
      }
      depth++;
    } else if (t.tokenType === T.RBrace && depth > 0) depth--;
    out.push(t);
  }
  return out;
}

/** The deepest brace nesting of a token list (a closing brace without an opening one is ignored). */
export function maxDepth(tokens: readonly IToken[]): number {
  let depth = 0;
  let max = 0;
  for (const t of tokens) {
    if (t.tokenType === T.LBrace) {
      if (++depth > max) max = depth;
    } else if (t.tokenType === T.RBrace && depth > 0) depth--;
  }
  return max;
}

/**
 * True (and reported, RUB017 at its opening brace) when the block of an indicator at `level` of the
 * IR (1 for the rubric's own indicators) would lie deeper than the limit. A file alone never gets
 * there (limitDepth), but sections used inside indicators stack their depths.
 */
export function tooDeep(level: number, body: Block | undefined, file: string, bag: DiagnosticBag, limit: number = LIMITS.depth): boolean {
  if (level < limit || !body || body.statements.length === 0) return false;
  const s = body.range.start;
  bag.add('RUB017', file, { start: s, end: { line: s.line, column: s.column + 1, offset: s.offset + 1 } }, { limit });
  return true;
}
