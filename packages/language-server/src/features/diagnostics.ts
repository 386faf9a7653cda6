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

interface Messages {
  message: string;
  related: string[];
}

function render(d: CoreDiagnostic, locale: Context['locale']): Messages {
  return { message: renderDiagnostic(d, locale), related: (d.related ?? []).map((r) => renderRef(r.message, locale)) };
}

function build(ctx: Context, d: CoreDiagnostic, messages: Messages): Diagnostic {
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

export function toLspDiagnostic(ctx: Context, d: CoreDiagnostic): Diagnostic {
  return build(ctx, d, render(d, ctx.locale));
}

/**
 * The messages of the diagnostics last published for each document. The re-check keeps the
 * diagnostics an edit did not touch (the same objects, whose positions move with the text), so a
 * publish after a keystroke renders only the new ones; ranges are converted afresh every time. Only
 * what was last published is kept.
 */
const lastPublished = new Map<string, { locale: string; messages: Map<CoreDiagnostic, Messages> }>();

/** The diagnostics of `uri` to publish, as LSP diagnostics. */
export function toPublished(ctx: Context, uri: string, ds: readonly CoreDiagnostic[]): Diagnostic[] {
  const locale = ctx.locale;
  const last = lastPublished.get(uri);
  const before = last?.locale === locale ? last.messages : undefined;
  const messages = new Map<CoreDiagnostic, Messages>();
  const out = ds.map((d) => {
    const m = before?.get(d) ?? render(d, locale);
    messages.set(d, m);
    return build(ctx, d, m);
  });
  if (ds.length > 0) lastPublished.set(uri, { locale, messages });
  else lastPublished.delete(uri);
  return out;
}

export const diagnostics: Feature = {
  capabilities: () => ({}),
  register: () => {
    // Publishing is driven by the workspace (see server.ts): there is no request to answer.
  },
};
