// Token-level helpers shared by features that read the parsed text (hover, completion, semantic
// tokens). Tokens are sorted by offset, so lookups are binary searches.
import type { SourceFile } from '@rubric/core';

type Token = SourceFile['parse']['tokens'][number];

/** The token that covers `offset` (its start through its end, inclusive), if any. */
export function tokenAt(tokens: readonly Token[], offset: number): Token | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  let found: Token | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (t.startOffset <= offset) {
      found = t;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found && offset <= found.startOffset + found.image.length ? found : undefined;
}

export function isComment(t: Token): boolean {
  const n = t.tokenType.name;
  return n === 'LineComment' || n === 'BlockComment' || n === 'UnterminatedComment';
}

export function isString(t: Token): boolean {
  const n = t.tokenType.name;
  return n === 'StringLiteral' || n === 'UnterminatedString';
}
