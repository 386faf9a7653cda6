// Finding the symbol under the cursor and all its occurrences across the program: the document's
// own compile first, then every other open document's compile and every rubric file of the
// workspace folders (a section declared in a shared file is used by the files that import it).
import type { Occurrence, ProgramSymbol } from '@rubric/core';
import type { Context } from './context.js';

export function symbolAt(ctx: Context, uri: string, path: string, offset: number): { symbol: ProgramSymbol; occurrence: Occurrence } | undefined {
  const own = ctx.workspace.index(uri)?.at(path, offset);
  if (own) return own;
  for (const i of ctx.workspace.allIndexes()) {
    const hit = i.at(path, offset);
    if (hit) return hit;
  }
  return undefined;
}

/** Every occurrence of the symbol `key` in every program that knows it, declaration first. */
export function occurrencesOf(ctx: Context, symbol: ProgramSymbol): Occurrence[] {
  const seen = new Set<string>();
  const out: Occurrence[] = [];
  const add = (o: Occurrence) => {
    const k = `${o.file}\u0000${o.range.start.offset}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push(o);
  };
  for (const o of symbol.occurrences) add(o);
  for (const i of ctx.workspace.allIndexes()) for (const o of i.symbol(symbol.key)?.occurrences ?? []) add(o);
  const [decl, ...uses] = out;
  return decl ? [decl, ...uses.filter((o) => !o.declaration), ...uses.filter((o) => o.declaration)] : [];
}
