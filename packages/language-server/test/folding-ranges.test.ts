// Folding ranges over the protocol: every multi-line block, and runs of whole-line comments.
import type { Ast } from '@rubric/core';
import type { FoldingRange } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { compileWith, seed, Session } from './client.js';

let session: Session | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

function blocks(b: Ast.Block | undefined): Ast.Block[] {
  if (!b) return [];
  return [b, ...b.statements.flatMap((s) => ('body' in s ? blocks(s.body) : []))];
}

describe('folding ranges', () => {
  it('folds every multi-line block of pingdingshan up to the line before its closing brace', async () => {
    session = await Session.start();
    const path = seed('pingdingshan-2016');
    const uri = await session.open(path);
    const ranges = await session.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const ast = compileWith(path).files[0]!.parse.ast;
    const expected = ast.decls
      .flatMap((d) => (d.type === 'import' ? [] : blocks(d.body)))
      .filter((b) => b.range.end.line - 1 > b.range.start.line)
      .map((b) => ({ startLine: b.range.start.line - 1, endLine: b.range.end.line - 2 }));
    const got = ranges.filter((r) => r.kind === undefined).map((r) => ({ startLine: r.startLine, endLine: r.endLine }));
    expect(got.sort((a, b) => a.startLine - b.startLine)).toEqual(expected.sort((a, b) => a.startLine - b.startLine));
  });

  it('folds the run of comments that opens yueyang-cishan', async () => {
    session = await Session.start();
    const path = seed('yueyang-cishan');
    const uri = await session.open(path);
    const ranges = await session.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    const comments = compileWith(path).files[0]!.parse.ast.comments;
    let last = 0;
    while (comments[last + 1] && comments[last + 1]!.range.start.line === comments[last]!.range.start.line + 1) last++;
    expect(ranges).toContainEqual({ startLine: comments[0]!.range.start.line - 1, endLine: comments[last]!.range.start.line - 1, kind: 'comment' });
  });
});
