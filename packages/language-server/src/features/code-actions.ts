// Code actions: a preferred quick fix for every diagnostic that carries a fix (its edits, titled by
// the fix's message), and `source.fixAll.rubric`, which applies every arithmetic (RUB2xx) fix of the
// file at once; where two fixes' edits overlap, the first one (in file order) is kept.
import { renderRef, type Diagnostic as CoreDiagnostic, type TextEdit as CoreEdit } from '@rubric/core';
import { CodeActionKind, type CodeAction, type CodeActionParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Context, Feature } from '../context.js';
import { pathOfUri, positionsOfLines, readRange, readUri } from '../convert.js';
import { toLspDiagnostic } from './diagnostics.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.rubric`;

function wanted(kind: string, only: string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function workspaceEdit(ctx: Context, edits: CoreEdit[]): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of edits) (changes[ctx.workspace.uriOf(e.file)] ??= []).push({ range: ctx.range(e.file, e.range), newText: e.newText });
  return { changes };
}

export function provideCodeActions(ctx: Context, params: CodeActionParams): CodeAction[] {
  const uri = readUri(params);
  const range = readRange(params.range);
  const only = Array.isArray(params.context?.only) ? params.context.only : undefined;
  const source = ctx.workspace.source(uri);
  if (!source) return [];
  const path = pathOfUri(uri);
  const at = positionsOfLines(source.parse.lines);
  const from = at.offset(range.start);
  const to = at.offset(range.end);
  const all = ctx.workspace.diagnostics(uri);
  const out: CodeAction[] = [];

  if (wanted(CodeActionKind.QuickFix, only)) {
    for (const d of all) {
      if (!d.fix || d.range.end.offset < from || d.range.start.offset > to) continue;
      out.push({
        title: renderRef(d.fix.message, ctx.locale),
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLspDiagnostic(ctx, d)],
        isPreferred: true,
        edit: workspaceEdit(ctx, d.fix.edits),
      });
    }
  }

  if (wanted(FIX_ALL_KIND, only)) {
    const fixed: CoreDiagnostic[] = [];
    const kept: CoreEdit[] = [];
    const arithmetic = all.filter((d) => d.fix && d.code.startsWith('RUB2') && d.fix.edits.every((e) => e.file === path));
    for (const d of arithmetic) {
      const edits = d.fix!.edits;
      const overlaps = edits.some((e) =>
        kept.some((k) => (e.range.start.offset < k.range.end.offset && k.range.start.offset < e.range.end.offset) || e.range.start.offset === k.range.start.offset),
      );
      if (overlaps) continue;
      for (const e of edits) kept.push(e);
      fixed.push(d);
    }
    if (kept.length > 0) {
      out.push({
        title: renderRef({ id: 'fix.fixAll', args: {} }, ctx.locale),
        kind: FIX_ALL_KIND,
        diagnostics: fixed.map((d) => toLspDiagnostic(ctx, d)),
        edit: workspaceEdit(ctx, kept),
      });
    }
  }
  return out;
}

export const codeActions: Feature = {
  capabilities: () => ({ codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } }),
  register: (ctx) => ctx.connection.onCodeAction(ctx.request('codeAction', (p: CodeActionParams) => provideCodeActions(ctx, p))),
};
