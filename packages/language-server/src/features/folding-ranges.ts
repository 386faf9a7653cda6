// Folding ranges: every block `{ … }` that spans lines (folded up to the line before its `}`), runs
// of two or more whole-line `//` comments, multi-line block comments, and runs of `导入` lines.
// Read from the parse alone.
import type { Ast, SourceFile } from '@rubric/core';
import { FoldingRangeKind, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver/node';
import type { Context, Feature } from '../context.js';
import { readUri } from '../convert.js';

export function foldingRangesOf(source: SourceFile): FoldingRange[] {
  const out: FoldingRange[] = [];
  const lines = source.parse.lines;
  const line = (offset: number) => lines.position(offset).line - 1;
  const block = (b: Ast.Block | undefined): void => {
    if (!b) return;
    const start = line(b.range.start.offset);
    const end = line(Math.max(b.range.start.offset, b.range.end.offset - 1)) - (b.closed ? 1 : 0);
    if (end > start) out.push({ startLine: start, endLine: end });
    for (const s of b.statements) if ('body' in s) block(s.body);
  };
  let imports: { start: number; end: number } | undefined;
  const flushImports = (): void => {
    if (imports && imports.end > imports.start) out.push({ startLine: imports.start, endLine: imports.end, kind: FoldingRangeKind.Imports });
    imports = undefined;
  };
  for (const d of source.parse.ast.decls) {
    if (d.type === 'import') {
      const l = line(d.range.start.offset);
      if (imports && l === imports.end + 1) imports.end = l;
      else {
        flushImports();
        imports = { start: l, end: l };
      }
      continue;
    }
    flushImports();
    block(d.body);
  }
  flushImports();

  // Comments: a run of whole-line comments on consecutive lines, or one block comment over lines.
  const tokens = source.parse.tokens;
  let run: { start: number; end: number } | undefined;
  const flushRun = (): void => {
    if (run && run.end > run.start) out.push({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
    run = undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const name = t.tokenType.name;
    if (name !== 'LineComment' && name !== 'BlockComment' && name !== 'UnterminatedComment') continue;
    const first = line(t.startOffset);
    const last = line(t.startOffset + Math.max(0, t.image.length - 1));
    const prev = tokens[i - 1];
    const wholeLine = !prev || line(prev.startOffset + Math.max(0, prev.image.length - 1)) < first;
    if (!wholeLine) continue;
    if (last > first) {
      flushRun();
      out.push({ startLine: first, endLine: last, kind: FoldingRangeKind.Comment });
      continue;
    }
    if (run && first === run.end + 1) run.end = first;
    else {
      flushRun();
      run = { start: first, end: first };
    }
  }
  flushRun();
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

export function provideFoldingRanges(ctx: Context, params: FoldingRangeParams): FoldingRange[] {
  const source = ctx.workspace.source(readUri(params));
  if (!source) return [];
  const all = foldingRangesOf(source);
  const limit = ctx.client.textDocument?.foldingRange?.rangeLimit;
  return typeof limit === 'number' && limit >= 0 && all.length > limit ? all.slice(0, limit) : all;
}

export const foldingRanges: Feature = {
  capabilities: () => ({ foldingRangeProvider: true }),
  register: (ctx) => ctx.connection.onFoldingRanges(ctx.request('foldingRange', (p: FoldingRangeParams) => provideFoldingRanges(ctx, p))),
};
