// Formatting: core's formatText (the canonical layout of `rubric fmt`), returned as one edit over
// the whole document; no edit when the text is already formatted, and none at all when the file
// has syntax errors (the formatter refuses them so that nothing written can be lost).
import { formatText } from '@rubric/core';
import type { DocumentFormattingParams, TextEdit } from 'vscode-languageserver/node';
import type { Context, Feature } from '../context.js';
import { positionsOfLines, readUri } from '../convert.js';

export function provideFormatting(ctx: Context, params: DocumentFormattingParams): TextEdit[] | null {
  const source = ctx.workspace.source(readUri(params));
  if (!source) return null;
  const r = formatText(source.text, source.path);
  if (r.text === undefined) return null;
  if (r.text === source.text) return [];
  const at = positionsOfLines(source.parse.lines);
  return [{ range: { start: at.position(0), end: at.position(source.text.length) }, newText: r.text }];
}

export const formatting: Feature = {
  capabilities: () => ({ documentFormattingProvider: true }),
  register: (ctx) => ctx.connection.onDocumentFormatting(ctx.request('formatting', (p: DocumentFormattingParams) => provideFormatting(ctx, p))),
};
