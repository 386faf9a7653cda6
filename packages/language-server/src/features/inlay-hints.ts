// Inlay hints: after the points of every indicator that has children and declares its points, what
// the children add up to (`Σ 84`), and after the rubric's 总分, what the top level adds up to. The
// sum is the one the subtotal and total checks compare with (core's childrenSum and rubricSum).
import { allIndicators, childrenSum, rubricSum } from '@rubric/core';
import { InlayHintKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver/node';
import type { Context, Feature } from '../context.js';
import { pathOfUri, positionsOfLines, readRange, readUri } from '../convert.js';
import { t } from '../i18n.js';

export function provideInlayHints(ctx: Context, params: InlayHintParams): InlayHint[] {
  const uri = readUri(params);
  const range = readRange(params.range);
  const source = ctx.workspace.source(uri);
  const rubrics = ctx.workspace.entry(uri)?.result.rubrics ?? [];
  if (!source || rubrics.length === 0) return [];
  const path = pathOfUri(uri);
  const at = positionsOfLines(source.parse.lines);
  const from = at.offset(range.start);
  const to = at.offset(range.end);
  const out: InlayHint[] = [];
  const hint = (offset: number, sum: string, declared: string, word: 'sumHint' | 'totalHint'): void => {
    if (offset < from || offset > to) return;
    const main = t(word, ctx.locale, { n: sum });
    const note = t('mismatch', ctx.locale, { n: declared });
    const tooltip = sum === declared ? main : ctx.locale === 'en' ? `${main} (${note})` : `${main}（${note}）`;
    out.push({ position: at.position(offset), label: `Σ ${sum}`, kind: InlayHintKind.Parameter, paddingLeft: true, tooltip });
  };
  for (const rubric of rubrics) {
    for (const x of allIndicators(rubric)) {
      if (x.children.length === 0 || x.points === null || !x.pointsRange || x.pointsRange.file !== path) continue;
      const sum = childrenSum(x);
      if (sum !== null) hint(x.pointsRange.end.offset, sum.toString(), x.points.toString(), 'sumHint');
    }
    if (rubric.total !== null && rubric.totalRange?.file === path) {
      const sum = rubricSum(rubric);
      if (sum !== null) hint(rubric.totalRange.end.offset, sum.toString(), rubric.total.toString(), 'totalHint');
    }
  }
  return out.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}

export const inlayHints: Feature = {
  capabilities: () => ({ inlayHintProvider: true }),
  register: (ctx) => ctx.connection.languages.inlayHint.on(ctx.request('inlayHint', (p: InlayHintParams) => provideInlayHints(ctx, p))),
};
