// A score explained as a person reads it next to the published table: an indented tree of indicators,
// each with its points, its score and the reason in a few words, then the totals, vetoes and grade.
import { Decimal } from '../decimal.js';
import type { Args } from '../diagnostics.js';
import { renderRef, type Locale } from '../messages/render.js';
import type { LabelId } from '../messages/labels.js';
import type { IndicatorScore, Reason, ScoreResult } from './engine.js';
import type { InputKind } from './inputs.js';

function say(id: LabelId, locale: Locale, args: Args = {}): string {
  return renderRef({ id, args }, locale);
}

const n = (d: Decimal | null): string => (d === null ? '∞' : d.toString());

const INPUT_WORDS: Record<InputKind, LabelId> = {
  score: 'input.score',
  label: 'input.label',
  count: 'input.count',
  measure: 'input.measure',
  base: 'input.base',
  gate: 'input.gate',
  veto: 'input.veto',
};

/**
 * The missing inputs of one indicator in words, on its own line: what kind of fact is needed, with the
 * measure's name, and the `每` line's unit when several lines are counted apart (their keys are
 * `count:<indicator>/<unit>`, sharing everything up to the unit).
 */
function missingWords(keys: string[], locale: Locale): string {
  const counts = keys.filter((k) => k.startsWith('count:'));
  let shared = 0;
  if (counts.length > 1) {
    const first = counts[0]!;
    while (shared < first.length && counts.every((k) => k[shared] === first[shared])) shared++;
    shared = first.lastIndexOf('/', shared - 1) + 1;
  }
  return keys
    .map((key) => {
      const colon = key.indexOf(':');
      const kind = key.slice(0, colon) as InputKind;
      const word = say(INPUT_WORDS[kind], locale);
      if (kind === 'measure') return `${word} ${key.slice(colon + 1)}`;
      if (kind === 'count' && shared > 0) return `${word}（${key.slice(shared)}）`;
      return word;
    })
    .join(say('rule.and', locale));
}

/** The reason for one indicator's score, in a few words. */
export function reasonText(r: Reason, locale: Locale): string {
  switch (r.kind) {
    case 'direct':
      return say('why.direct', locale);
    case 'label':
      return say('why.label', locale, { label: r.label });
    case 'value':
      if (r.band === null) return say('why.noBand', locale, { measure: r.measure, value: `${r.value}${r.unit}` });
      return say(r.steps ? 'why.valueStep' : 'why.value', locale, { measure: r.measure, value: `${r.value}${r.unit}`, band: r.band });
    case 'per': {
      const sep = say('rule.and', locale);
      const parts: string[] = [];
      if (r.base) parts.push(r.base.met ? say('why.base', locale, { points: n(r.base.points) }) : say('why.baseNotMet', locale));
      if (!r.base || r.base.met) parts.push(...r.items.map((i) => say('why.perItem', locale, { count: n(i.count), each: n(i.each), unit: i.unit })));
      if (r.cap !== null && (!r.base || r.base.met)) parts.push(say('why.cap', locale, { cap: n(r.cap) }));
      return parts.join(sep);
    }
    case 'rate': {
      const s = say('why.rate', locale, { measure: r.measure, value: `${r.value}${r.unit}`, steps: n(r.steps), each: n(r.each), per: `${r.per}${r.unit}` });
      return r.cap !== null ? `${s}${say('rule.and', locale)}${say('why.cap', locale, { cap: n(r.cap) })}` : s;
    }
    case 'deduct': {
      const s = say('why.deduct', locale, { from: n(r.from), count: n(r.count), each: n(r.each) });
      return r.floor !== null ? `${s}${say('rule.and', locale)}${say('why.floor', locale, { floor: n(r.floor) })}` : s;
    }
    case 'best':
      return say('why.best', locale, { n: r.options.length, chosen: reasonText(r.options[r.chosen]?.reason ?? r.options[0]!.reason, locale) });
    case 'capped':
      return `${reasonText(r.reason, locale)}${say('rule.and', locale)}${say('why.capped', locale, { raw: n(r.raw), cap: n(r.cap) })}`;
    case 'gate':
      return say('why.gate', locale, { text: r.text });
    case 'sum':
      return say('why.sum', locale);
    case 'incomplete':
      return say('why.incomplete', locale);
    case 'missing':
      return say('why.missing', locale, { inputs: missingWords(r.inputs, locale) });
    case 'chosen':
      return say('why.chosen', locale, { low: n(r.low), high: n(r.high) });
    case 'none':
      return say('why.none', locale);
  }
}

function scoreText(x: { score: Decimal | null; min: Decimal | null; max: Decimal | null }, locale: Locale): string {
  if (x.score !== null) return x.score.toString();
  return `? (${say('why.range', locale, { min: n(x.min), max: n(x.max) })})`;
}

/** The explanation as lines of text, indented two spaces per level. */
export function explain(r: ScoreResult, locale: Locale): string[] {
  const out: string[] = [];
  const pts = (p: Decimal | null) => (p === null ? '' : ` [${p}]`);
  const line = (x: IndicatorScore, depth: number): void => {
    const name = x.code ? `${x.code} ${x.title}` : x.title;
    const weight = x.weight !== null && x.score !== null ? ` ${say('why.weighted', locale, { weight: `${x.weight.mul(Decimal.HUNDRED)}%`, value: x.score.mul(x.weight).toString() })}` : '';
    out.push(`${'  '.repeat(depth)}${name}${pts(x.points)} → ${scoreText(x, locale)}${weight}  ${reasonText(x.reason, locale)}`);
    for (const c of x.children) line(c, depth + 1);
    for (const b of x.bonuses) line(b, depth + 1);
  };
  for (const x of [...r.parts, ...r.indicators, ...r.bonuses]) line(x, 0);
  out.push('');
  out.push(say('why.baseScore', locale, { score: scoreText(r.base, locale) }));
  if (!r.bonus.isZero()) out.push(say('why.bonusScore', locale, { score: r.bonus.toString() }));
  if (!r.penalty.isZero()) out.push(say('why.penaltyScore', locale, { score: r.penalty.toString() }));
  const capped = r.cap !== null && r.final.score !== null && r.final.score.eq(r.cap);
  out.push(capped ? say('why.finalCapped', locale, { score: scoreText(r.final, locale), cap: r.cap!.toString() }) : say('why.finalScore', locale, { score: scoreText(r.final, locale) }));
  for (const v of r.vetoes) {
    const text = v.text ?? (v.target ? say('why.vetoScore', locale, { title: v.target, value: n(v.value) }) : '');
    out.push(say(v.applies === 'yes' ? 'why.vetoed' : 'why.vetoMaybe', locale, { text }));
  }
  if (r.vetoes.some((v) => v.applies === 'yes')) out.push(say('why.gradeVetoed', locale));
  else if (!r.complete) out.push(say('why.gradeOpen', locale));
  else out.push(r.grade !== null ? say('why.grade', locale, { grade: r.grade }) : say('why.noGrade', locale));
  return out;
}



