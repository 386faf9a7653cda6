// Go to definition: from a section name after `使用` to the section, from a measure name in a band
// or a rate to the measure's declaration, from the name after `一票否决 当` to the part or indicator,
// and from an `导入` path to the imported file. Across imported files.
import { importAt } from '@rubric/core';
import type { DefinitionParams, Location } from 'vscode-languageserver/node';
import type { Context, Feature } from '../context.js';
import { symbolAt } from '../symbols.js';

export function provideDefinition(ctx: Context, params: DefinitionParams): Location[] | null {
  const at = ctx.at(params);
  if (!at) return null;
  const imp = importAt(at.source, at.offset);
  if (imp) {
    const start = { line: 0, character: 0 };
    return ctx.workspace.canImport(at.path, imp.target) ? [{ uri: ctx.workspace.uriOf(imp.target), range: { start, end: start } }] : null;
  }
  const hit = symbolAt(ctx, at.uri, at.path, at.offset);
  if (!hit) return null;
  const d = hit.symbol.declaration;
  return [ctx.location(d.file, d.range)];
}

export const definition: Feature = {
  capabilities: () => ({ definitionProvider: true }),
  register: (ctx) => ctx.connection.onDefinition(ctx.request('definition', (p: DefinitionParams) => provideDefinition(ctx, p))),
};
