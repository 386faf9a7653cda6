// A score result as JSON (schema `packages/core/schema/score-result.schema.json`): decimals as
// strings, every indicator with its score (or the range still possible) and its reason as data.
import type { Decimal } from '../decimal.js';
import type { Locale } from '../messages/render.js';
import type { IndicatorScore, Reason, ScoreResult } from './engine.js';
import { reasonText } from './explain.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const dec = (d: Decimal | null): Json => (d === null ? null : d.toString());

function reason(r: Reason): Json {
  switch (r.kind) {
    case 'label':
      return { kind: r.kind, label: r.label };
    case 'chosen':
      return { kind: r.kind, low: dec(r.low), high: dec(r.high) };
    case 'value':
      return { kind: r.kind, measure: r.measure, value: dec(r.value), band: r.band, steps: r.steps };
    case 'per':
      return {
        kind: r.kind,
        items: r.items.map((i) => ({ unit: i.unit, count: dec(i.count), each: dec(i.each) })),
        sum: dec(r.sum),
        cap: dec(r.cap),
        base: r.base ? { met: r.base.met, points: dec(r.base.points) } : null,
      };
    case 'rate':
      return { kind: r.kind, measure: r.measure, value: dec(r.value), per: dec(r.per), steps: dec(r.steps), each: dec(r.each), cap: dec(r.cap) };
    case 'deduct':
      return { kind: r.kind, count: dec(r.count), each: dec(r.each), from: dec(r.from), floor: dec(r.floor) };
    case 'best':
      return { kind: r.kind, chosen: r.chosen, options: r.options.map((o) => ({ score: dec(o.score), reason: reason(o.reason) })) };
    case 'capped':
      return { kind: r.kind, raw: dec(r.raw), cap: dec(r.cap), reason: reason(r.reason) };
    case 'gate':
      return { kind: r.kind, text: r.text };
    case 'incomplete':
      return { kind: r.kind, listed: dec(r.listed) };
    case 'missing':
      return { kind: r.kind, inputs: r.inputs };
    default:
      return { kind: r.kind };
  }
}

function indicator(x: IndicatorScore, locale: Locale): Json {
  return {
    id: x.id,
    code: x.code,
    title: x.title,
    kind: x.kind,
    points: dec(x.points),
    score: dec(x.score),
    min: dec(x.min),
    max: dec(x.max),
    ...(x.weight !== null ? { weight: dec(x.weight) } : {}),
    reason: reason(x.reason),
    why: reasonText(x.reason, locale),
    children: x.children.map((c) => indicator(c, locale)),
    bonuses: x.bonuses.map((c) => indicator(c, locale)),
  };
}

export function scoreResultToJson(r: ScoreResult, locale: Locale): Json {
  const range = (x: { score: Decimal | null; min: Decimal | null; max: Decimal | null }) => ({ score: dec(x.score), min: dec(x.min), max: dec(x.max) });
  return {
    schema: 'rubric-score-result',
    schemaVersion: 1,
    rubric: r.rubric,
    name: r.name,
    complete: r.complete,
    base: range(r.base),
    bonus: dec(r.bonus),
    penalty: dec(r.penalty),
    final: range(r.final),
    cap: dec(r.cap),
    vetoes: r.vetoes.map((v) => ({ index: v.index, text: v.text, applies: v.applies, target: v.target, value: dec(v.value) })),
    grade: r.grade,
    unscored: r.unscored,
    parts: r.parts.map((x) => indicator(x, locale)),
    indicators: r.indicators.map((x) => indicator(x, locale)),
    bonuses: r.bonuses.map((x) => indicator(x, locale)),
  };
}
