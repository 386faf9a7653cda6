// Rules and intervals in words, in zh-CN or en: one wording shared by messages, the editor's hover,
// exports and score explanations. Points stay Decimals and are only printed.
import { Decimal } from '../decimal.js';
import type { ArgValue } from '../diagnostics.js';
import type { BandConditionIR, Bound, IndicatorIR, IntervalIR, PointsRangeIR, RubricIR, RuleIR } from './model.js';
import { renderRef, type Locale } from '../messages/render.js';
import type { LabelId } from '../messages/labels.js';

function say(id: LabelId, locale: Locale, args: Record<string, string> = {}): string {
  return renderRef({ id, args }, locale);
}

/** A stretch of values: `60%`, `30%–50%`, `-∞–10`. */
export function describeStretch(low: Bound | null, high: Bound | null, unit: string): string {
  if (low && high && low.value.eq(high.value)) return `${low.value}${unit}`;
  const l = low ? `${low.value}${unit}` : '-∞';
  const h = high ? `${high.value}${unit}` : '∞';
  return `${l}–${h}`;
}

/**
 * A stretch of values that falls in no band, as a message argument: one value (`10%`), or a stretch
 * whose ends are said to be in or out. On whole numbers (`integer`), the first and last whole values.
 */
export function describeGap(low: Bound, high: Bound, unit: string, integer: boolean): ArgValue {
  if (integer) {
    const first = low.closed ? low.value.ceil() : low.value.floor().add(Decimal.ONE);
    const last = high.closed ? high.value.floor() : high.value.ceil().sub(Decimal.ONE);
    return first.eq(last) ? `${first}${unit}` : { id: 'gap.closed', args: { low: `${first}${unit}`, high: `${last}${unit}` } };
  }
  if (low.value.eq(high.value)) return `${low.value}${unit}`;
  const args = { low: `${low.value}${unit}`, high: `${high.value}${unit}` };
  const id = low.closed && high.closed ? 'gap.closed' : !low.closed && !high.closed ? 'gap.open' : low.closed ? 'gap.lowClosed' : 'gap.highClosed';
  return { id, args };
}

/** An interval as an author writes a condition: `≥ 60%`, `< 30%`, `[50%, 60%)`, `= 100%`. */
export function describeInterval(i: IntervalIR, unit: string): string {
  const { low, high } = i;
  if (low && high && low.value.eq(high.value)) return `= ${low.value}${unit}`;
  if (low && !high) return `${low.closed ? '≥' : '>'} ${low.value}${unit}`;
  if (!low && high) return `${high.closed ? '≤' : '<'} ${high.value}${unit}`;
  if (low && high) return `${low.closed ? '[' : '('}${low.value}${unit}, ${high.value}${unit}${high.closed ? ']' : ')'}`;
  return '';
}

/** The unit a condition's values are written with: `%` for percentages, else the measure's unit. */
export function conditionUnit(c: BandConditionIR): string {
  return c.measureKind === 'percent' ? '%' : (c.unit ?? '');
}

/** Points as a reader expects them: `10 分` or `10 pts`. */
export function describePoints(n: Decimal | string, locale: Locale): string {
  return say('rule.points', locale, { n: n.toString() });
}

function pointsRange(p: PointsRangeIR, locale: Locale): string {
  return p.low.eq(p.high) ? describePoints(p.low, locale) : describePoints(`${p.low}~${p.high}`, locale);
}

/** One line per band, or one line for any other rule. */
export function describeRule(rule: RuleIR, r: RubricIR, locale: Locale): string[] {
  const and = say('rule.and', locale);
  switch (rule.kind) {
    case 'bands': {
      const or = say('rule.or', locale);
      return rule.bands.map((b) =>
        say('rule.band', locale, {
          label: b.label !== null ? `“${b.label}”` : b.conditions.map((c) => `${c.measure} ${describeInterval(c.interval, conditionUnit(c))}`).join(or),
          points: pointsRange({ low: b.pointsLow ?? b.points, high: b.points }, locale),
        }),
      );
    }
    case 'per': {
      const base = rule.base ? [say('rule.base', locale, { points: describePoints(rule.base.points, locale), text: rule.base.text ?? '' })] : [];
      const items = rule.items.map((i) => say('rule.per', locale, { unit: `“${i.unit}”`, points: pointsRange(i.points, locale) }));
      const tail = rule.uncapped ? [say('rule.unbounded', locale)] : rule.max ? [say('rule.cap', locale, { n: describePoints(rule.max, locale) })] : [];
      return [[...base, ...items, ...tail].join(and)];
    }
    case 'rate': {
      const s = say('rule.rate', locale, { measure: rule.measure, per: `${rule.per}${rule.percent ? '%' : ''}`, points: describePoints(rule.points, locale) });
      return [rule.max ? `${s}${and}${say('rule.cap', locale, { n: describePoints(rule.max, locale) })}` : s];
    }
    case 'deduct': {
      const s = rule.unit
        ? say('rule.deductPer', locale, { unit: `“${rule.unit}”`, points: pointsRange(rule.points, locale) })
        : say('rule.deduct', locale, { points: pointsRange(rule.points, locale) });
      return [rule.floor ? `${s}${and}${say('rule.floor', locale, { n: describePoints(rule.floor, locale) })}` : s];
    }
  }
}

/** Every scoring rule, flag and gate of an indicator, one line each. */
export function describeIndicatorRules(x: IndicatorIR, r: RubricIR, locale: Locale): string[] {
  const out: string[] = [];
  for (const rule of x.rules) out.push(...describeRule(rule, r, locale));
  if (x.review) out.push(say('rule.review', locale));
  if (x.uncapped && !x.rules.some((y) => y.kind === 'per' && y.uncapped)) out.push(say('rule.uncapped', locale));
  for (const g of x.gates) out.push(say('rule.gate', locale, { text: `“${g}”` }));
  return out;
}
