// Find references: every place a section, a measure or a referenced indicator is written, in this
// file, the files it imports, the other open documents and the workspace's rubric files.
import type { Location, ReferenceParams } from 'vscode-languageserver/node';
import type { Context, Feature } from '../context.js';
import { occurrencesOf, symbolAt } from '../symbols.js';

export function provideReferences(ctx: Context, params: ReferenceParams): Location[] | null {
  const at = ctx.at(params);
  if (!at) return null;
  const hit = symbolAt(ctx, at.uri, at.path, at.offset);
  if (!hit) return null;
  const withDecl = params.context?.includeDeclaration !== false;
  return occurrencesOf(ctx, hit.symbol)
    .filter((o) => withDecl || !o.declaration)
    .map((o) => ctx.location(o.file, o.range));
}

export const references: Feature = {
  capabilities: () => ({ referencesProvider: true }),
  register: (ctx) => ctx.connection.onReferences(ctx.request('references', (p: ReferenceParams) => provideReferences(ctx, p))),
};
