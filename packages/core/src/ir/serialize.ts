// The IR as deterministic JSON (schemaVersion 1): keys in a fixed order, decimals as strings,
// ranges as 1-based line/column without offsets. The same IR always gives the same bytes. The
// shape is described by packages/core/schema/rubric-ir.schema.json.
import type { Decimal } from '../decimal.js';
import { SCHEMA_VERSION, type Bound, type IndicatorIR, type IntervalIR, type RubricIR, type RuleIR, type SrcRange } from './model.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const dec = (d: Decimal | null): Json => (d === null ? null : d.toString());
const range = (r: SrcRange | null): Json =>
  r === null ? null : { file: r.file, start: { line: r.start.line, column: r.start.column }, end: { line: r.end.line, column: r.end.column } };
const bound = (b: Bound | null): Json => (b === null ? null : { value: b.value.toString(), closed: b.closed });
const interval = (i: IntervalIR | null): Json => (i === null ? null : { low: bound(i.low), high: bound(i.high) });

function rule(r: RuleIR): Json {
  switch (r.kind) {
    case 'bands':
      return {
        kind: 'bands',
        measure: r.measure,
        bands: r.bands.map((b) => ({
          label: b.label,
          measure: b.measure,
          condition: interval(b.condition),
          // Written only when they say more than the fields above: a range of points, and `或`.
          ...(b.pointsLow !== null ? { pointsLow: dec(b.pointsLow) } : {}),
          ...(b.conditions.length > 1 ? { or: b.conditions.slice(1).map((c) => ({ measure: c.measure, condition: interval(c.interval) })) } : {}),
          points: dec(b.points),
          range: range(b.range),
        })),
      };
    case 'per':
      return {
        kind: 'per',
        items: r.items.map((i) => ({ unit: i.unit, points: { low: dec(i.points.low), high: dec(i.points.high) } })),
        max: dec(r.max),
        uncapped: r.uncapped,
        ...(r.base ? { base: { points: dec(r.base.points), text: r.base.text } } : {}),
      };
    case 'rate':
      return { kind: 'rate', measure: r.measure, per: dec(r.per), percent: r.percent, points: dec(r.points), max: dec(r.max) };
    case 'deduct':
      return { kind: 'deduct', points: { low: dec(r.points.low), high: dec(r.points.high) }, unit: r.unit, floor: dec(r.floor) };
  }
}

function indicator(i: IndicatorIR): Json {
  return {
    id: i.id,
    kind: i.kind,
    code: i.code,
    ...(i.codeStyle === 'letter' || i.codeStyle === 'enumerator' ? { codeStyle: i.codeStyle } : {}),
    name: i.name,
    title: i.title,
    level: i.level,
    points: dec(i.points),
    weight: dec(i.weight),
    min: dec(i.min),
    max: dec(i.max),
    rules: i.rules.map(rule),
    review: i.review,
    gates: i.gates,
    uncapped: i.uncapped,
    ...(i.incomplete ? { incomplete: true } : {}),
    standard: i.standard,
    method: i.method,
    note: i.note,
    children: i.children.map(indicator),
    bonuses: i.bonuses.map(indicator),
    range: range(i.range),
    pointsRange: range(i.pointsRange),
  };
}

export function irToJson(r: RubricIR): Json {
  return {
    schemaVersion: SCHEMA_VERSION,
    title: r.title,
    file: r.file,
    total: dec(r.total),
    step: dec(r.step),
    min: dec(r.min),
    max: dec(r.max),
    measures: r.measures.map((m) => ({ name: m.name, kind: m.kind, unit: m.unit, domain: interval(m.domain) })),
    indicators: r.indicators.map(indicator),
    parts: r.parts.map(indicator),
    bonuses: r.bonuses.map(indicator),
    ...(r.cap !== null ? { cap: dec(r.cap) } : {}),
    ...(r.gradesWithBonus ? { gradesWithBonus: true } : {}),
    vetoes: r.vetoes.map((v) => ({
      text: v.text,
      when: v.when ? { ref: v.when.ref, target: v.when.target, op: v.when.op, value: dec(v.when.value) } : null,
      range: range(v.range),
    })),
    grades: r.grades.map((g) => ({ name: g.name, scores: interval(g.scores), range: range(g.range) })),
    note: r.note,
    files: r.files,
    range: range(r.range),
  };
}

export function serializeIR(r: RubricIR): string {
  return `${JSON.stringify(irToJson(r), null, 2)}\n`;
}
