// Document symbols (the outline): the indicator tree as written in this file. A rubric's parts,
// indicators and bonuses are the top level; a section is a container of its indicators; `使用 X`
// shows where a section is spliced in. The name is the code and title, the detail the points.
// Read from the parse alone (no compile), so the outline of a large file is cheap.
import { describePoints as pts, type Ast, type Locale, type SourceFile } from '@rubric/core';
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type SymbolInformation } from 'vscode-languageserver/node';
import type { Context, Feature } from '../context.js';
import { clampRange, pathOfUri, positionsOfLines, readUri } from '../convert.js';
import { t } from '../i18n.js';

function pointsText(p: Ast.Points | undefined, locale: Locale): string {
  if (!p) return '';
  return p.isRange ? pts(`${p.low}~${p.high}`, locale) : pts(p.low, locale);
}

export function outline(ctx: Context, source: SourceFile): DocumentSymbol[] {
  const at = positionsOfLines(source.parse.lines);
  const range = (r: Ast.Statement['range']) => clampRange(r, at);
  const statements = (b: Ast.Block | undefined): DocumentSymbol[] => {
    const out: DocumentSymbol[] = [];
    for (const s of b?.statements ?? []) {
      const sym = statement(s);
      if (sym) out.push(sym);
    }
    return out;
  };
  const statement = (s: Ast.Statement): DocumentSymbol | undefined => {
    switch (s.type) {
      case 'indicator':
      case 'bonus': {
        const title = s.title?.value ?? '';
        const code = s.type === 'indicator' ? s.code?.value : undefined;
        const children = statements(s.body);
        const name = [code, title].filter(Boolean).join(' ') || t(s.type === 'bonus' ? 'bonus' : 'indicator', ctx.locale);
        return {
          name,
          detail: [s.type === 'bonus' ? t('bonus', ctx.locale) : '', pointsText(s.points, ctx.locale)].filter(Boolean).join(' '),
          kind: s.type === 'bonus' ? SymbolKind.Event : children.length > 0 ? SymbolKind.Class : SymbolKind.Field,
          range: range(s.range),
          selectionRange: range((s.title ?? s.code ?? { range: s.keyword }).range),
          children,
        };
      }
      case 'part': {
        const name = s.name?.value ?? '';
        return {
          name: s.title && s.title.value !== name ? `${name} ${s.title.value}` : name || t('part', ctx.locale),
          detail: [pointsText(s.points, ctx.locale), s.weight ? `${t('weight', ctx.locale)} ${s.weight.value}${s.weight.percent ? '%' : ''}` : ''].filter(Boolean).join(' '),
          kind: SymbolKind.Module,
          range: range(s.range),
          selectionRange: range((s.name ?? { range: s.keyword }).range),
          children: statements(s.body),
        };
      }
      case 'use':
        if (!s.name) return undefined;
        return { name: s.name.value, detail: t('use', ctx.locale), kind: SymbolKind.Namespace, range: range(s.range), selectionRange: range(s.name.range), children: [] };
      default:
        return undefined;
    }
  };
  const out: DocumentSymbol[] = [];
  for (const d of source.parse.ast.decls) {
    if (d.type === 'rubric') for (const s of statements(d.body)) out.push(s);
    else if (d.type === 'section') {
      out.push({
        name: d.name?.value ?? t('section', ctx.locale),
        detail: t('section', ctx.locale),
        kind: SymbolKind.Namespace,
        range: range(d.range),
        selectionRange: range((d.name ?? { range: d.keyword }).range),
        children: statements(d.body),
      });
    }
  }
  return out;
}

function flatten(uri: string, xs: DocumentSymbol[], container?: string): SymbolInformation[] {
  return xs.flatMap((x) => {
    const info: SymbolInformation = { name: x.name, kind: x.kind, location: { uri, range: x.range } };
    if (container) info.containerName = container;
    return [info, ...flatten(uri, x.children ?? [], x.name)];
  });
}

export function provideDocumentSymbols(ctx: Context, params: DocumentSymbolParams): DocumentSymbol[] | SymbolInformation[] {
  const uri = readUri(params);
  const source = ctx.workspace.source(uri);
  if (!source || source.path !== pathOfUri(uri)) return [];
  const tree = outline(ctx, source);
  return ctx.client.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport ? tree : flatten(uri, tree);
}

export const documentSymbols: Feature = {
  capabilities: () => ({ documentSymbolProvider: { label: 'rubric' } }),
  register: (ctx) => ctx.connection.onDocumentSymbol(ctx.request('documentSymbol', (p: DocumentSymbolParams) => provideDocumentSymbols(ctx, p))),
};
