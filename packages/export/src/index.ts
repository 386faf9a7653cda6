// Public API of @rubric/export: one writer per format, all reading core's table model, and
// `exportTable` to pick one by name. Writers are pure (table in, bytes or text out) except pdf,
// which runs headless Chromium on the html page. The xlsx, docx and pdf writers bring heavy libraries:
// they are loaded only when used (`exportTable`, or `@rubric/export/xlsx`, `/docx` and `/pdf` directly).
import type { Table } from '@rubric/core';
import { renderHtml } from './html.js';
import { renderMarkdown } from './md.js';
import { htmlToPdf } from './pdf.js';
import type { XlsxOptions } from './xlsx.js';

export { renderHtml, renderPreviewHtml, renderTableBody, escapeHtml } from './html.js';
export { renderMarkdown } from './md.js';
export { htmlToPdf, findChromium, CHROMIUM_FLAGS } from './pdf.js';
export { ExportError, EXPORT_MESSAGES, type ExportCode } from './errors.js';
export { pageLayout, type PageLayout } from './layout.js';
export { planFormulas } from './formulas.js';
export type { XlsxOptions, XlsxLayout, LeafCells } from './xlsx.js';

export const FORMATS = ['xlsx', 'docx', 'html', 'pdf', 'md'] as const;
export type Format = (typeof FORMATS)[number];

// The heavy writers by their package name (not `./xlsx.js`): bundlers that inline this module (the
// CLI's) leave them out and Node loads them on first use.
const XLSX: string = '@rubric/export/xlsx';
const DOCX: string = '@rubric/export/docx';

export interface ExportOptions {
  xlsx?: XlsxOptions;
  /** For pdf: the Chromium to run (default: found on the system). */
  chromium?: string;
}

/** Writes the table in one format: bytes for xlsx, docx and pdf, text for html and md. */
export async function exportTable(table: Table, format: Format, opts: ExportOptions = {}): Promise<Uint8Array | string> {
  switch (format) {
    case 'xlsx':
      return ((await import(XLSX)) as typeof import('./xlsx.js')).renderXlsx(table, opts.xlsx);
    case 'docx':
      return ((await import(DOCX)) as typeof import('./docx.js')).renderDocx(table);
    case 'html':
      return renderHtml(table);
    case 'md':
      return renderMarkdown(table);
    case 'pdf':
      return htmlToPdf(renderHtml(table), opts.chromium ? { chromium: opts.chromium } : {});
  }
}
