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

/**
 * The messages of a diagnostic in one locale, rendered once: the re-check keeps the diagnostics of
 * what an edit did not touch (the same objects, whose positions move with the text), so a publish
 * after a keystroke renders only the new ones. Ranges are converted afresh every time.
 */
const rendered = new WeakMap<CoreDiagnostic, { locale: string; message: string; related: string[] }>();

function messagesOf(d: CoreDiagnostic, locale: Context['locale']): { message: string; related: string[] } {
  const hit = rendered.get(d);
  if (hit && hit.locale === locale) return hit;
  const m = { locale, message: renderDiagnostic(d, locale), related: (d.related ?? []).map((r) => renderRef(r.message, locale)) };
  rendered.set(d, m);
  return m;
}

export function toLspDiagnostic(ctx: Context, d: CoreDiagnostic): Diagnostic {
  const messages = messagesOf(d, ctx.locale);
  const out: Diagnostic = {
    range: ctx.range(d.file, d.range),
    severity: SEVERITY[d.severity] ?? DiagnosticSeverity.Error,
    code: d.code,
    source: 'rubric',
    message: messages.message,
  };
  if (d.related && d.related.length > 0) {
    out.relatedInformation = d.related.map((r, i) => ({ location: ctx.location(r.file, r.range), message: messages.related[i]! }));
  }
  return out;
}

export const diagnostics: Feature = {
  capabilities: () => ({}),
  register: () => {
    // Publishing is driven by the workspace (see server.ts): there is no request to answer.
  },
};
