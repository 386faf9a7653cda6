// Hover over the protocol: on an indicator, its declared points, what its children add up to and
// its reachable range; on a diagnostic code written in a comment, the code's explanation.
import { childrenSum, explainCode, KEYWORDS } from '@rubric/core';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { compileWith, positionAt, readText, seed, Session } from './client.js';

let session: Session | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

function allIndicators(xs: NonNullable<ReturnType<typeof compileWith>['rubric']>['indicators']): typeof xs {
  return xs.flatMap((x) => [x, ...allIndicators(x.children), ...allIndicators(x.bonuses)]);
}

describe('hover', () => {
  it('shows the declared points, the children sum and the reachable range of 组织机构', async () => {
    session = await Session.start();
    const path = seed('yueyang-cishan');
    const uri = await session.open(path);
    const ind = allIndicators(compileWith(path).rubric!.indicators).find((x) => x.title === '组织机构' && x.range.file === path)!;
    const h = await session.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionAt(readText(path), ind.titleRange.start.offset + 2) });
    const value = (h.contents as MarkupContent).value;
    expect((h.contents as MarkupContent).kind).toBe('markdown');
    expect(value).toContain('组织机构');
    expect(value).toContain(ind.points!.toString());
    expect(value).toContain(childrenSum(ind)!.toString());
    expect(value).toContain(`${ind.min} 至 ${ind.max} 分`);
    expect(childrenSum(ind)!.toString()).not.toBe(ind.points!.toString());
  });

  it('describes scoring rules, the standard and the method of a leaf of pingdingshan', async () => {
    session = await Session.start({ locale: 'en' });
    const path = seed('pingdingshan-2016');
    const uri = await session.open(path);
    const leaf = allIndicators(compileWith(path).rubric!.indicators).find((x) => x.rules.some((r) => r.kind === 'bands') && x.method.length > 0)!;
    const h = await session.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionAt(readText(path), leaf.titleRange.start.offset + 1) });
    const value = (h.contents as MarkupContent).value;
    for (const r of leaf.rules) if (r.kind === 'bands') for (const b of r.bands) expect(value).toContain(b.points.toString());
    for (const m of leaf.method) expect(value).toContain(m);
  });

  it('explains a diagnostic code written in a comment, in the configured locale', async () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      session = await Session.start({ locale });
      const path = seed('yueyang-cishan');
      const text = `${readText(path)}// 见 RUB201\n`;
      const uri = await session.open(path, text);
      const h = await session.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionAt(text, text.lastIndexOf('RUB201') + 3) });
      expect((h.contents as MarkupContent).value).toContain(explainCode('RUB201', locale));
      await session.stop();
      session = undefined;
    }
  });

  it('documents a keyword', async () => {
    session = await Session.start();
    const path = seed('tongzhou-shanghui');
    const uri = await session.open(path);
    const text = readText(path);
    const h = await session.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionAt(text, text.indexOf('权重', text.indexOf('部分 工作目标')) + 1) });
    expect((h.contents as MarkupContent).value).toContain(KEYWORDS.find((k) => k.name === 'Weight')!.doc);
  });
});
