// Hover. On an indicator's title, code or points: its declared points, what its children add up
// to, the reachable minimum and maximum, its scoring rules in words, and its standard and method
// text. On a diagnostic code written anywhere (for example `RUB201` in a comment): the code's
// explanation with a wrong and a right example. On a keyword: what it means. Markdown, localized.
import { CATALOG, childrenSum, Decimal, describeIndicatorRules, describePoints as pts, explainCode, indicatorLabel as label, KEYWORDS, renderRef, type Code, type IndicatorIR, type Locale, type RubricIR } from '@rubric/core';
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import type { Context, Feature } from '../context.js';
import { indicatorAt } from '../describe.js';
import { t } from '../i18n.js';
import { tokenAt } from '../syntax.js';

export function codeHover(code: string, locale: Locale): string | undefined {
  const entry = (CATALOG as Record<string, (typeof CATALOG)[Code]>)[code];
  if (!entry) return undefined;
  const severity = renderRef({ id: `severity.${entry.severity}`, args: {} }, locale);
  const parts = [`**${code}** (${severity})`, '', explainCode(code, locale) ?? ''];
  if (entry.bad) parts.push('', `${t('bad', locale)}:`, '```rubric', entry.bad.trimEnd(), '```');
  if (entry.good) parts.push('', `${t('good', locale)}:`, '```rubric', entry.good.trimEnd(), '```');
  return parts.join('\n');
}

export function indicatorHover(x: IndicatorIR, r: RubricIR, locale: Locale): string {
  const kind = t(x.kind, locale);
  const lines = [`**${label(x)}** — ${kind}`, ''];
  const item = (k: string, v: string) => lines.push(`- ${k}${locale === 'en' ? ': ' : '：'}${v}`);
  item(t('declared', locale), x.points !== null ? pts(x.points, locale) : t('none', locale));
  if (x.weight !== null) item(t('weight', locale), `${x.weight.mul(Decimal.HUNDRED)}%`);
  if (x.children.length > 0) {
    const sum = childrenSum(x);
    item(t('childrenSum', locale), sum !== null ? pts(sum, locale) : '?');
  }
  const low = x.min !== null ? x.min.toString() : '−∞';
  const high = x.max !== null ? x.max.toString() : t('unbounded', locale);
  item(t('reach', locale), pts(renderRef({ id: 'form.range', args: { min: low, max: high } }, locale), locale));
  const rules = describeIndicatorRules(x, r, locale);
  if (rules.length === 1) item(t('rules', locale), rules[0]!);
  else if (rules.length > 1) {
    item(t('rules', locale), '');
    for (const w of rules) lines.push(`  - ${w}`);
  }
  for (const [k, texts] of [['standard', x.standard], ['method', x.method], ['note', x.note]] as const) {
    for (const text of texts) item(t(k, locale), text);
  }
  return lines.join('\n');
}

export function provideHover(ctx: Context, params: HoverParams): Hover | null {
  const at = ctx.at(params);
  if (!at) return null;
  const { source, offset, path } = at;
  const markdown = (value: string): Hover => ({ contents: { kind: MarkupKind.Markdown, value } });

  // A diagnostic code written in the text (a comment, a string, anywhere).
  const lines = source.parse.lines;
  const line = lines.position(offset).line;
  const start = lines.lineStart(line);
  const text = source.text.slice(start, lines.lineEnd(line));
  for (const m of text.matchAll(/RUB\d{3}/g)) {
    const s = start + m.index!;
    if (s <= offset && offset <= s + m[0].length) {
      const h = codeHover(m[0], ctx.locale);
      if (h) return { ...markdown(h), range: ctx.range(path, lines.range(s, s + m[0].length)) };
    }
  }

  for (const rubric of ctx.workspace.entry(at.uri)?.result.rubrics ?? []) {
    const x = indicatorAt(rubric, path, offset);
    if (x) return markdown(indicatorHover(x, rubric, ctx.locale));
  }

  // A keyword.
  const tok = tokenAt(source.parse.tokens, offset);
  const kw = tok ? KEYWORDS.find((k) => k.name === tok.tokenType.name) : undefined;
  if (tok && kw) {
    const spellings = [...kw.zh, ...kw.en].join(' / ');
    return { ...markdown(`**${spellings}**\n\n${kw.doc}`), range: ctx.range(path, lines.range(tok.startOffset, tok.startOffset + tok.image.length)) };
  }
  return null;
}

export const hover: Feature = {
  capabilities: () => ({ hoverProvider: true }),
  register: (ctx) => ctx.connection.onHover(ctx.request('hover', (p: HoverParams) => provideHover(ctx, p))),
};
