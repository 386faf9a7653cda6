// Inlay hints over the protocol: `Σ n` after the points of every indicator that has children and
// declares points, and after the rubric's total.
import { childrenSum } from '@rubric/core';
import type { InlayHint } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { compileWith, lspRange, readText, seed, Session } from './client.js';

let session: Session | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

type Ind = NonNullable<ReturnType<typeof compileWith>['rubric']>['indicators'][number];
const all = (xs: Ind[]): Ind[] => xs.flatMap((x) => [x, ...all(x.children), ...all(x.bonuses)]);

describe('inlay hints', () => {
  it('labels 组织机构 of yueyang-cishan with Σ 84, and every declared subtotal with its sum', async () => {
    session = await Session.start();
    const path = seed('yueyang-cishan');
    const uri = await session.open(path);
    const lines = readText(path).split('\n').length;
    const hints = await session.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } } });
    const r = compileWith(path).rubric!;
    const subtotals = all([...r.parts, ...r.indicators, ...r.bonuses]).filter((x) => x.children.length > 0 && x.points !== null && x.pointsRange?.file === path);
    expect(hints.map((h) => [h.position, h.label])).toEqual(subtotals.map((x) => [lspRange(x.pointsRange!).end, `Σ ${childrenSum(x)}`]));
    const org = subtotals.find((x) => x.title === '组织机构')!;
    expect(hints.find((h) => h.position.line === lspRange(org.pointsRange!).end.line)!.label).toBe('Σ 84');
  });

  it('shows the sum after the total of pingdingshan, and only hints inside the requested range', async () => {
    session = await Session.start();
    const path = seed('pingdingshan-2016');
    const uri = await session.open(path);
    const r = compileWith(path).rubric!;
    const total = lspRange(r.totalRange!);
    const hints = await session.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: total.start.line, character: 0 }, end: { line: total.start.line + 1, character: 0 } } });
    expect(hints.map((h) => [h.position, h.label])).toEqual([[total.end, `Σ ${r.indicators.reduce((a, x) => a + Number(x.points), 0)}`]]);
  });
});
