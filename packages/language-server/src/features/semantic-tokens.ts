// Semantic tokens: keywords, strings, numbers, comments and operators by token type (keyword types
// are derived from core's KEYWORDS table by token name, not listed here), plus what only the syntax
// tree knows: indicator codes, measure names and section names (declarations marked as such), and
// part names. Multi-line comments are split per line unless the client accepts multi-line tokens.
import { KEYWORDS, type Ast, type SourceFile } from '@rubric/core';
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend, type SemanticTokensParams, type SemanticTokensRangeParams } from 'vscode-languageserver/node';
import type { Context, Feature } from '../context.js';
import { positionsOfLines, readRange, readUri } from '../convert.js';

export const TOKEN_TYPES = ['keyword', 'string', 'number', 'comment', 'operator', 'type', 'enumMember', 'variable', 'namespace', 'class'] as const;
export const TOKEN_MODIFIERS = ['declaration'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };
type TokenType = (typeof TOKEN_TYPES)[number];

const KIND_WORDS = new Set(['PercentKind', 'IntegerKind', 'NumberKind']);
const OPERATOR_WORDS = new Set(['GeWord', 'LeWord', 'GtWord', 'LtWord', 'EqWord', 'AtLeastWord', 'AtMostWord']);

/** The type of every token name, keywords derived from KEYWORDS. */
const BY_TOKEN: Map<string, TokenType> = new Map([
  ...KEYWORDS.map((k): [string, TokenType] => [k.name, KIND_WORDS.has(k.name) ? 'type' : OPERATOR_WORDS.has(k.name) ? 'operator' : 'keyword']),
  ['StringLiteral', 'string'],
  ['UnterminatedString', 'string'],
  ['NumberLiteral', 'number'],
  ['Fen', 'number'],
  ['Percent', 'number'],
  ['LineComment', 'comment'],
  ['BlockComment', 'comment'],
  ['UnterminatedComment', 'comment'],
  ['Ge', 'operator'],
  ['Le', 'operator'],
  ['Gt', 'operator'],
  ['Lt', 'operator'],
  ['Eq', 'operator'],
  ['RangeSep', 'operator'],
  ['Minus', 'operator'],
]);

/** Names and codes whose meaning comes from the syntax tree, by start offset. */
function namedTokens(source: SourceFile): Map<number, { type: TokenType; declaration: boolean }> {
  const out = new Map<number, { type: TokenType; declaration: boolean }>();
  const mark = (n: { range: { start: { offset: number } } } | undefined, type: TokenType, declaration: boolean) => {
    if (n) out.set(n.range.start.offset, { type, declaration });
  };
  const block = (b: Ast.Block | undefined): void => {
    for (const s of b?.statements ?? []) {
      switch (s.type) {
        case 'indicator':
          mark(s.code, 'enumMember', true);
          if (s.title && !s.title.quoted) mark(s.title, 'class', true);
          break;
        case 'bonus':
        case 'penalty':
          if (s.title && !s.title.quoted) mark(s.title, 'class', true);
          break;
        case 'part':
          if (s.name && !s.name.quoted) mark(s.name, 'class', true);
          break;
        case 'measure':
          mark(s.name, 'variable', true);
          break;
        case 'band':
          for (const t of s.tests) mark(t.measure, 'variable', false);
          break;
        case 'rate':
          mark(s.measure, 'variable', false);
          break;
        case 'use':
          mark(s.name, 'namespace', false);
          break;
        case 'veto':
          if (s.when?.ref && !s.when.ref.quoted) mark(s.when.ref, 'class', false);
          break;
        default:
          break;
      }
      if ('body' in s) block(s.body);
    }
  };
  for (const d of source.parse.ast.decls) {
    if (d.type === 'section') {
      if (d.name && !d.name.quoted) mark(d.name, 'namespace', true);
      block(d.body);
    } else if (d.type === 'rubric') block(d.body);
  }
  return out;
}

export function semanticTokensOf(source: SourceFile, multiline: boolean, lines?: { first: number; last: number }): SemanticTokens {
  const named = namedTokens(source);
  const at = positionsOfLines(source.parse.lines);
  const builder = new SemanticTokensBuilder();
  const typeIndex = new Map(TOKEN_TYPES.map((x, i) => [x, i]));
  const push = (offset: number, length: number, type: TokenType, declaration: boolean): void => {
    const p = at.position(offset);
    if (lines && (p.line < lines.first || p.line > lines.last)) return;
    builder.push(p.line, p.character, length, typeIndex.get(type)!, declaration ? 1 : 0);
  };
  const tokens = source.parse.tokens;
  // For a range, start at the first token of its first line (a comment begun before is rare and
  // only loses its first lines' colour there).
  let first = 0;
  if (lines) {
    const offset = source.parse.lines.lineStart(lines.first + 1);
    let hi = tokens.length;
    while (first < hi) {
      const mid = (first + hi) >> 1;
      if (tokens[mid]!.startOffset < offset) first = mid + 1;
      else hi = mid;
    }
  }
  for (let i = first; i < tokens.length; i++) {
    const t = tokens[i]!;
    const n = named.get(t.startOffset);
    const type = n?.type ?? BY_TOKEN.get(t.tokenType.name);
    if (!type || t.image.length === 0) continue;
    if (lines) {
      const first = at.position(t.startOffset).line;
      if (first > lines.last) break;
    }
    if (type === 'comment' && !multiline && /[\r\n]/.test(t.image)) {
      // One token per line of the comment.
      let start = 0;
      for (const m of t.image.matchAll(/\r\n|\r|\n/g)) {
        if (m.index! > start) push(t.startOffset + start, m.index! - start, type, false);
        start = m.index! + m[0].length;
      }
      if (start < t.image.length) push(t.startOffset + start, t.image.length - start, type, false);
      continue;
    }
    push(t.startOffset, t.image.length, type, n?.declaration ?? false);
  }
  return builder.build();
}

export const semanticTokens: Feature = {
  capabilities: () => ({ semanticTokensProvider: { legend: LEGEND, full: true, range: true } }),
  register: (ctx: Context) => {
    const multiline = () => !!ctx.client.textDocument?.semanticTokens?.multilineTokenSupport;
    ctx.connection.languages.semanticTokens.on(
      ctx.request('semanticTokens', (p: SemanticTokensParams) => {
        const source = ctx.workspace.source(readUri(p));
        return source ? semanticTokensOf(source, multiline()) : { data: [] };
      }),
    );
    ctx.connection.languages.semanticTokens.onRange(
      ctx.request('semanticTokensRange', (p: SemanticTokensRangeParams) => {
        const source = ctx.workspace.source(readUri(p));
        const r = readRange(p.range);
        return source ? semanticTokensOf(source, multiline(), { first: r.start.line, last: r.end.line }) : { data: [] };
      }),
    );
  },
};
