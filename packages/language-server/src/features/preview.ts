// The table preview: the custom request `rubric/table` answers, for an open document, the rubric's
// table as html (core's table model rendered by @rubric/export/html, the same page `rubric export
// --format html` writes), built from the server's current compile, so it follows every edit. The
// editor debounces its requests. The answer also lists the marked subtotals (declared and computed)
// for clients and tests that do not read html.
import { randomBytes } from 'node:crypto';
import { buildTable } from '@rubric/core';
import { renderPreviewHtml, renderTableBody } from '@rubric/export/html';
import type { Context, Feature } from '../context.js';
import { readUri } from '../convert.js';
import { TABLE_REQUEST, type TableResult } from '../protocol.js';

export function tableOf(ctx: Context, params: unknown): TableResult | null {
  const uri = readUri(params);
  const entry = ctx.workspace.entry(uri);
  const rubric = entry?.result.rubric;
  if (!entry || !rubric) return null;
  const table = buildTable(rubric, entry.result.diagnostics, ctx.locale);
  const nonce = randomBytes(16).toString('base64');
  return {
    uri,
    version: entry.version,
    title: table.title,
    html: renderPreviewHtml(table, nonce),
    body: renderTableBody(table, true),
    rows: table.rows.filter((r) => r.kind === 'leaf').length,
    errors: table.errors,
    warnings: table.warnings,
    mismatches: table.groups.flatMap((g) =>
      g.subtotal
        ? [{ indicatorId: g.indicatorId, title: g.title, declared: g.subtotal.declared.toString(), computed: g.subtotal.computed.toString(), code: g.subtotal.code, line: g.range.start.line }]
        : [],
    ),
  };
}

export const preview: Feature = {
  capabilities: () => ({ experimental: { rubricTable: true } }),
  register: (ctx) => ctx.connection.onRequest(TABLE_REQUEST, ctx.request(TABLE_REQUEST, (p: unknown) => tableOf(ctx, p))),
};
