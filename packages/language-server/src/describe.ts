// Reading the IR for editors: the indicator written at an offset, and its
// scoring rules in words (zh-CN or en). Points stay Decimals and are only printed.
import { allIndicators, type IndicatorIR, type IntervalIR, type Locale, type RubricIR, type RuleIR } from '@rubric/core';
import { pts, t } from './i18n.js';

function contains(r: { file: string; start: { offset: number }; end: { offset: number } } | null, file: string, offset: number): boolean {
  return !!r && r.file === file && r.start.offset <= offset && offset <= r.end.offset;
}

/** The indicator whose title, code or points are written at `offset` in `file`. */
export function indicatorAt(r: RubricIR, file: string, offset: number): IndicatorIR | undefined {
  return allIndicators(r).find((x) => contains(x.titleRange, file, offset) || contains(x.codeRange, file, offset) || contains(x.pointsRange, file, offset));
}

export function label(x: IndicatorIR): string {
  return x.code ? `${x.code} ${x.title}` : x.title;
}

export function showInterval(i: IntervalIR, unit: string): string {
  if (i.low && i.high && i.low.closed && i.high.closed && i.low.value.eq(i.high.value)) return `= ${i.low.value}${unit}`;
  if (i.low && !i.high) return `${i.low.closed ? '≥' : '>'} ${i.low.value}${unit}`;
  if (!i.low && i.high) return `${i.high.closed ? '≤' : '<'} ${i.high.value}${unit}`;
  if (i.low && i.high) return `${i.low.closed ? '[' : '('}${i.low.value}${unit}, ${i.high.value}${unit}${i.high.closed ? ']' : ')'}`;
  return '';
}

/** One line per scoring rule, flag and gate of an indicator. */
export function rulesInWords(x: IndicatorIR, r: RubricIR, locale: Locale): string[] {
  const out: string[] = [];
  for (const rule of x.rules) out.push(...ruleWords(rule, r, locale));
  if (x.review) out.push(t('review', locale));
  if (x.uncapped && !x.rules.some((y) => y.kind === 'per' && y.uncapped)) out.push(t('uncapped', locale));
  for (const g of x.gates) out.push(`${t('gate', locale)} “${g}”`);
  return out;
}

function ruleWords(rule: RuleIR, r: RubricIR, locale: Locale): string[] {
  const range = (p: { low: { toString(): string; eq(o: never): boolean }; high: { toString(): string } }) =>
    p.low.toString() === p.high.toString() ? pts(p.low, locale) : pts(`${p.low}~${p.high}`, locale);
  switch (rule.kind) {
    case 'bands': {
      const unit = r.measures.find((m) => m.name === rule.measure)?.kind === 'percent' ? '%' : '';
      return rule.bands.map((b) =>
        t('band', locale, {
          label: b.label !== null ? `“${b.label}”` : `${b.measure ?? ''} ${b.condition ? showInterval(b.condition, unit) : ''}`.trim(),
          points: pts(b.points, locale),
        }),
      );
    }
    case 'per': {
      const items = rule.items.map((i) => t('per', locale, { unit: `“${i.unit}”`, points: range(i.points as never) }));
      const tail = rule.uncapped ? [t('unbounded', locale)] : rule.max ? [t('cap', locale, { n: pts(rule.max, locale) })] : [];
      return [[...items, ...tail].join(locale === 'en' ? ', ' : '，')];
    }
    case 'rate': {
      const s = t('rate', locale, { measure: rule.measure, per: `${rule.per}${rule.percent ? '%' : ''}`, points: pts(rule.points, locale) });
      return [rule.max ? `${s}${locale === 'en' ? ', ' : '，'}${t('cap', locale, { n: pts(rule.max, locale) })}` : s];
    }
    case 'deduct': {
      const s = rule.unit ? t('deductPer', locale, { unit: `“${rule.unit}”`, points: range(rule.points as never) }) : t('deduct', locale, { points: range(rule.points as never) });
      return [rule.floor ? `${s}${locale === 'en' ? ', ' : '，'}${t('floor', locale, { n: pts(rule.floor, locale) })}` : s];
    }
  }
}
