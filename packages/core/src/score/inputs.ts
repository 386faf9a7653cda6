// What an assessment must (or may) say to score a rubric: one input per fact an assessor records. The
// template, the reader of assessments, the scorer and the Excel form all work from this one list.
//
// Kinds: `score` (a score given directly: review panels, leaves without a rule, a choice within a range
// of points), `label` (which band a qualitative indicator is in), `count` (occurrences of a `每` line or
// a deduction), `measure` (a measured value, by measure name), `base` (whether base points are met),
// `gate` (whether a 不得分 condition holds), `veto` (whether a written veto applies).
import { Decimal } from '../decimal.js';
import type { IndicatorIR, MeasureIR, RubricIR } from '../ir/model.js';
import { allIndicators } from '../ir/walk.js';

export type InputKind = 'score' | 'label' | 'count' | 'measure' | 'base' | 'gate' | 'veto';

export interface InputSpec {
  /** Stable key: `<kind>:<ref>`, e.g. `label:4.1.4`, `count:培训活动/次组织开展培训`, `measure:参与率`, `veto:1`. */
  key: string;
  kind: InputKind;
  /** How an assessment names what the input is about: an indicator's code, unique title or id; a measure's name; a veto's number. */
  ref: string;
  /** The indicator concerned (none for measures and vetoes). */
  indicator: IndicatorIR | null;
  /** What a reader sees: the indicator's title, the measure's name, the veto's text. */
  title: string;
  /** For `count`: the `每` line's unit (当 several lines count apart); for `measure`: the measure's unit. */
  unit: string | null;
  /** For `label`: the band labels allowed. */
  labels: string[] | null;
  /** For numbers: the allowed range (max null: unbounded) and, for scores, the score step. */
  min: Decimal | null;
  max: Decimal | null;
  step: Decimal | null;
  percent: boolean;
  integer: boolean;
  /**
   * Needed to score the indicator (or, with alternatives, one of its rules). Flags (`base` excepted)
   * default to "no"; bonuses and penalties default to nothing earned.
   */
  required: boolean;
  /** For inputs of one alternative among several rules of an indicator. */
  alternative: boolean;
  measure: MeasureIR | null;
}

/** How an assessment names each indicator: code (not an enumerator), else its title when unique, else its id. */
export function indicatorRefs(r: RubricIR): Map<IndicatorIR, string> {
  const all = allIndicators(r);
  const titles = new Map<string, number>();
  for (const x of all) titles.set(x.title, (titles.get(x.title) ?? 0) + 1);
  const codes = new Map<string, number>();
  for (const x of all) if (x.code !== null && x.codeStyle !== 'enumerator') codes.set(x.code, (codes.get(x.code) ?? 0) + 1);
  return new Map(all.map((x) => [x, x.code !== null && x.codeStyle !== 'enumerator' && codes.get(x.code) === 1 ? x.code : x.title !== '' && titles.get(x.title) === 1 ? x.title : x.id]));
}

/** How an assessment names each measure: its name, or `indicator/name` when two measures share a name. */
export function measureRefs(r: RubricIR): Map<MeasureIR, string> {
  const counts = new Map<string, number>();
  for (const m of r.measures) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  const shared = r.measures.some((m) => counts.get(m.name)! > 1);
  const refs = shared ? indicatorRefs(r) : new Map<IndicatorIR, string>();
  const byId = shared ? new Map(allIndicators(r).map((x) => [x.id, x])) : new Map<string, IndicatorIR>();
  return new Map(r.measures.map((m) => {
    const owner = m.owner !== null && counts.get(m.name)! > 1 ? byId.get(m.owner) : undefined;
    return [m, owner ? `${refs.get(owner)}/${m.name}` : m.name];
  }));
}

/** Every input of a rubric, in the order of the table (indicators depth first, then measures, then vetoes). */
export function inputsOf(r: RubricIR): InputSpec[] {
  const refs = indicatorRefs(r);
  const mrefs = measureRefs(r);
  const out: InputSpec[] = [];
  const base = (x: IndicatorIR, kind: InputKind, over: Partial<InputSpec> = {}): InputSpec => withAlternative({
    key: `${kind}:${refs.get(x)!}`,
    kind,
    ref: refs.get(x)!,
    indicator: x,
    title: x.title,
    unit: null,
    labels: null,
    min: null,
    max: null,
    step: null,
    percent: false,
    integer: false,
    required: x.kind !== 'bonus' && x.kind !== 'penalty',
    alternative: false,
    measure: null,
    ...over,
  });
  // An input of one alternative among several rules is not required on its own: one of them is.
  const withAlternative = (s: InputSpec): InputSpec => (s.alternative ? { ...s, required: false } : s);
  /** Measures read (by declaration, else by name): true when some indicator has no other way to score. */
  const usedMeasures = new Map<MeasureIR | string, boolean>();
  const use = (m: MeasureIR | string, alt: boolean) => usedMeasures.set(m, (usedMeasures.get(m) ?? false) || !alt);
  const leaf = (x: IndicatorIR): void => {
    const alt = x.rules.length > 1;
    const needsChoice = x.rules.some(
      (ru) => (ru.kind === 'bands' && ru.bands.some((b) => b.pointsLow !== null)) || (ru.kind === 'per' && ru.items.some((i) => !i.points.low.eq(i.points.high))) || (ru.kind === 'deduct' && !ru.points.low.eq(ru.points.high)),
    );
    // A score given directly: the only input of a leaf without rules; optional otherwise, and required
    // when the rule leaves the points to the assessor's choice within a range.
    const direct = x.rules.length === 0;
    out.push(base(x, 'score', { min: x.min, max: x.max, step: r.step, required: (direct || needsChoice) && x.kind !== 'bonus' && x.kind !== 'penalty' }));
    for (const ru of x.rules) {
      if (ru.kind === 'bands') {
        const labels = ru.bands.filter((b) => b.label !== null).map((b) => b.label!);
        if (labels.length > 0) out.push(base(x, 'label', { labels, alternative: alt }));
        for (const b of ru.bands) for (const c of b.conditions) use(c.decl ?? c.measure, alt || labels.length > 0);
      } else if (ru.kind === 'per') {
        if (ru.base) out.push(base(x, 'base', { alternative: alt }));
        if (ru.items.length === 1) out.push(base(x, 'count', { unit: ru.items[0]!.unit, min: Decimal.ZERO, integer: true, alternative: alt }));
        else for (const i of ru.items) out.push({ ...base(x, 'count', { unit: i.unit, min: Decimal.ZERO, integer: true, alternative: alt }), key: `count:${refs.get(x)!}/${i.unit}`, ref: `${refs.get(x)!}/${i.unit}` });
      } else if (ru.kind === 'rate') {
        use(ru.decl ?? ru.measure, alt);
      } else {
        out.push(base(x, 'count', { unit: ru.unit, min: Decimal.ZERO, integer: true, alternative: alt }));
      }
    }
    if (x.gates.length > 0) out.push(base(x, 'gate', { title: x.gates.join('；'), required: false }));
  };
  const walk = (xs: readonly IndicatorIR[]): void => {
    for (const x of xs) {
      if (x.children.length > 0) walk(x.children);
      else leaf(x);
      walk(x.bonuses);
    }
  };
  walk(r.parts);
  walk(r.indicators);
  walk(r.bonuses);
  for (const m of r.measures) {
    const used = usedMeasures.get(m) ?? usedMeasures.get(m.name);
    if (used === undefined) continue;
    const ref = mrefs.get(m)!;
    out.push({
      key: `measure:${ref}`,
      kind: 'measure',
      ref,
      indicator: null,
      title: m.name,
      unit: m.kind === 'percent' ? '%' : m.unit,
      labels: null,
      min: m.domain.low?.value ?? null,
      max: m.domain.high?.value ?? null,
      step: null,
      percent: m.kind === 'percent',
      integer: m.kind === 'integer',
      required: used,
      alternative: !used,
      measure: m,
    });
  }
  r.vetoes.forEach((v, i) => {
    if (v.when) return;
    out.push({ key: `veto:${i + 1}`, kind: 'veto', ref: String(i + 1), indicator: null, title: v.text ?? '', unit: null, labels: null, min: null, max: null, step: null, percent: false, integer: false, required: false, alternative: false, measure: null });
  });
  return out;
}
