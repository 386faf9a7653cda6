// Document symbols over the protocol: the outline is the indicator tree, with codes and titles as
// names and points as details.
import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { compileWith, lspRange, rangeInside, readText, seed, SEEDS, Session } from './client.js';

let session: Session | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

const flat = (xs: DocumentSymbol[]): DocumentSymbol[] => xs.flatMap((x) => [x, ...flat(x.children ?? [])]);

describe('document symbols', () => {
  it('outlines pingdingshan as its four coded top indicators (and its bonus), each with its subtree', async () => {
    session = await Session.start();
    const path = seed('pingdingshan-2016');
    const uri = await session.open(path);
    const r = compileWith(path).rubric!;
    const symbols = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const top = r.indicators.map((x) => `${x.code} ${x.title}`);
    expect(top).toHaveLength(4);
    expect(symbols.filter((s) => /^\d/.test(s.name)).map((s) => s.name)).toEqual(top);
    expect(symbols).toHaveLength(r.indicators.length + r.parts.length + r.bonuses.length);
    const first = symbols[0]!;
    expect(first.detail).toContain(r.indicators[0]!.points!.toString());
    expect(first.range).toEqual(lspRange(r.indicators[0]!.range));
    expect(first.children!.map((c) => c.name)).toEqual(r.indicators[0]!.children.map((c) => (c.code ? `${c.code} ${c.title}` : c.title)));
  });

  it('shows sections and their uses in yueyang files; every range lies inside the document', async () => {
    session = await Session.start();
    for (const path of SEEDS) {
      const uri = await session.open(path);
      const symbols = flat(await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }));
      expect(symbols.length).toBeGreaterThan(0);
      for (const s of symbols) {
        expect(rangeInside(readText(path), s.range)).toBe(true);
        expect(rangeInside(readText(path), s.selectionRange)).toBe(true);
      }
      if (path.endsWith('yueyang-common.rubric')) {
        const sections = compileWith(path).files[0]!.parse.ast.decls.filter((d) => d.type === 'section');
        const top = await session.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        expect(top.map((s) => s.name)).toEqual(sections.map((d) => (d.type === 'section' ? d.name!.value : '')));
      }
    }
  });

  it('answers flat SymbolInformation to clients without hierarchical support', async () => {
    session = await Session.start({ capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: false } } } });
    const path = seed('tongzhou-shanghui');
    const uri = await session.open(path);
    const symbols = await session.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((s) => s.location.uri)).toEqual(symbols.map(() => uri));
    expect(symbols.map((s) => s.name)).toEqual(compileWith(path).rubric!.parts.map((p) => `${p.name} ${p.title}`));
  });
});
