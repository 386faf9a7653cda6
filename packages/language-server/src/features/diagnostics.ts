// Diagnostics as you type: the same diagnostics as `rubric check` (core's compile), published for
// every open document with the document's version. Each carries its RUB code, `source: 'rubric'`,
// a message in the configured locale and its related locations. The workspace decides when to
// re-check (after a short debounce, and for the open documents that import a changed one).
import { renderDiagnostic, renderRef, type Diagnostic as CoreDiagnostic } from '@rubric/core';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Context, Feature } from '../context.js';

const SEVERITY: Record<CoreDiagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspDiagnostic(ctx: Context, d: CoreDiagnostic): Diagnostic {
  const out: Diagnostic = {
    range: ctx.range(d.file, d.range),
    severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Error,
    code: d.code,
    source: 'rubric',
    message: renderDiagnostic(d, ctx.locale),
  };
  if (d.related && d.related.length > 0) {
    out.relatedInformation = d.related.map((r) => ({ location: ctx.location(r.file, r.range), message: renderRef(r.message, ctx.locale) }));
  }
  return out;
}

export const diagnostics: Feature = {
  capabilities: () => ({}),
  register: () => {
    // Publishing is driven by the workspace (see server.ts): there is no request to answer.
  },
};
