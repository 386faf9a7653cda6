// Reading an assessment: what an assessor recorded about one organisation, as input values keyed by
// the rubric's inputs (inputs.ts). Two shapes are read: a JSON document (grouped by kind, keyed by
// indicator reference) and rows of key/value pairs (a CSV or spreadsheet form). Every value is checked
// against its input; every problem is a coded diagnostic (RUB4xx) at the place it was written, never
// a silent zero. Pure: the caller reads the file.
import { Decimal } from '../decimal.js';
import { DiagnosticBag, type Args, type Diagnostic } from '../diagnostics.js';
import type { IndicatorIR, MeasureIR, RubricIR } from '../ir/model.js';
import { allIndicators } from '../ir/walk.js';
import { closest } from '../ir/suggest.js';
import type { Range } from '../source.js';
import { inputsOf, indicatorRefs, type InputKind, type InputSpec } from './inputs.js';
import { jsonPath, parseJson, type JsonNode } from './json.js';

/** Where a value was written: a range in the file, and how to say it (`$.labels["4.1"]`, `E12`, `行 3`). */
export interface Where {
  file: string;
  range: Range;
  at: string;
}

export type InputValue = Decimal | string | boolean;

export interface Assessment {
  /** The organisation assessed, when the assessment says. */
  name: string | null;
  /** The title of the rubric it is for, when it says. */
  rubric: string | null;
  /** A draft may leave inputs out: the result then gives what is still possible. */
  draft: boolean;
  values: Map<string, { value: InputValue; where: Where }>;
}

export interface ReadResult {
  assessment: Assessment;
  diagnostics: Diagnostic[];
}

const NOWHERE: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

const TRUE = new Set(['true', 'yes', 'y', '1', '是', '有', '√', '✓', '对', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0', '否', '无', '没有', '×', '✗', '']);

/** Looks up inputs by key, and indicators by code, id or title. */
export class InputIndex {
  readonly specs: InputSpec[];
  readonly byKey = new Map<string, InputSpec>();
  private readonly byIndicator = new Map<IndicatorIR, InputSpec[]>();
  /** Measure inputs by declaration, and by name when the name is the input's reference. */
  readonly byMeasure = new Map<MeasureIR | string, InputSpec>();
  private readonly refs = new Map<string, IndicatorIR[]>();

  constructor(readonly rubric: RubricIR) {
    this.specs = inputsOf(rubric);
    for (const s of this.specs) {
      this.byKey.set(s.key, s);
      if (s.indicator) this.byIndicator.set(s.indicator, [...(this.byIndicator.get(s.indicator) ?? []), s]);
      if (s.measure) {
        this.byMeasure.set(s.measure, s);
        this.byMeasure.set(s.ref, s);
      }
    }
    const add = (k: string, x: IndicatorIR) => {
      const list = this.refs.get(k) ?? [];
      if (!list.includes(x)) list.push(x);
      this.refs.set(k, list);
    };
    for (const x of allIndicators(rubric)) {
      add(x.id, x);
      if (x.code !== null) add(x.code, x);
      if (x.title !== '') add(x.title, x);
    }
    // The reference the template writes always names one indicator.
    for (const [x, ref] of indicatorRefs(rubric)) this.refs.set(ref, [x]);
  }

  /** The indicators a reference names (by code, id or title). */
  indicators(ref: string): IndicatorIR[] {
    return this.refs.get(ref) ?? [];
  }

  inputsOf(x: IndicatorIR): InputSpec[] {
    return this.byIndicator.get(x) ?? [];
  }

  suggest(ref: string): string | undefined {
    return closest(ref, this.refs.keys());
  }
}

/** Collects values and diagnostics while reading one assessment. */
class Reader {
  readonly bag = new DiagnosticBag();
  readonly assessment: Assessment = { name: null, rubric: null, draft: false, values: new Map() };
  /** Values given before (a test's starting assessment) may be replaced once. */
  override = false;
  private readonly replaced = new Set<string>();

  constructor(
    readonly index: InputIndex,
    readonly file: string,
  ) {}

  report(code: Parameters<DiagnosticBag['add']>[0], where: Where, args: Args): void {
    this.bag.add(code, where.file, where.range, { ...args, at: where.at });
  }

  /** An indicator named by `ref`, or a diagnostic. */
  indicator(ref: string, where: Where): IndicatorIR | undefined {
    const hits = this.index.indicators(ref);
    if (hits.length === 1) return hits[0];
    if (hits.length > 1) this.report('RUB413', where, { ref, count: hits.length });
    else {
      const guess = this.index.suggest(ref);
      this.report('RUB401', where, { ref, suggestion: guess ?? '' });
    }
    return undefined;
  }

  /** The input of `kind` of indicator `x` (with `unit` for one of several `每` lines). */
  inputFor(x: IndicatorIR, kind: InputKind, where: Where, unit?: string): InputSpec | undefined {
    if (x.children.length > 0) {
      this.report('RUB408', where, { title: x.title });
      return undefined;
    }
    const all = this.index.inputsOf(x).filter((s) => s.kind === kind);
    const spec = unit === undefined ? (all.length === 1 ? all[0] : undefined) : all.find((s) => s.unit === unit);
    if (!spec) {
      const other = unit !== undefined && all.length > 0;
      if (other) this.report('RUB414', where, { title: x.title, what: `@input.${kind}`, unit: unit ?? '' });
      else if (kind === 'count' && all.length > 1) this.report('RUB414', where, { title: x.title, what: `@input.${kind}`, unit: all.map((s) => s.unit ?? '').join('、') });
      else this.report('RUB414', where, { title: x.title, what: `@input.${kind}`, unit: '' });
    }
    return spec;
  }

  /** A score given directly beside the inputs of the rules it replaces contradicts them (RUB415). */
  finish(): ReadResult {
    for (const [key, { where }] of this.assessment.values) {
      const spec = this.index.byKey.get(key)!;
      if (spec.kind !== 'score' || spec.required || !spec.indicator) continue;
      const others = this.index.inputsOf(spec.indicator).filter((s) => (s.kind === 'label' || s.kind === 'count' || s.kind === 'base') && this.assessment.values.has(s.key));
      if (others.length > 0 && !this.override) this.report('RUB415', where, { title: spec.title, what: `@input.${others[0]!.kind}` });
    }
    return { assessment: this.assessment, diagnostics: this.bag.items };
  }

  /** Checks a raw value against its input and records it. */
  value(spec: InputSpec, raw: string | boolean | number, where: Where): void {
    if (this.assessment.values.has(spec.key) && !(this.override && !this.replaced.has(spec.key))) {
      this.report('RUB418', where, { key: spec.key });
      return;
    }
    this.replaced.add(spec.key);
    const v = readValue(spec, raw);
    if (v.error) {
      this.report(v.error.code, where, v.error.args);
      return;
    }
    this.assessment.values.set(spec.key, { value: v.value!, where });
  }
}

type Checked = { value?: InputValue; error?: { code: 'RUB403' | 'RUB404' | 'RUB405' | 'RUB406' | 'RUB407' | 'RUB411'; args: Args } };

/** A raw value (text, number text, boolean) read as the input needs it, or the problem with it. */
export function readValue(spec: InputSpec, raw: string | boolean | number): Checked {
  const text = typeof raw === 'string' ? raw.trim() : String(raw);
  const title = spec.title;
  switch (spec.kind) {
    case 'label': {
      if (spec.labels!.includes(text)) return { value: text };
      return { error: { code: 'RUB403', args: { label: text, title, labels: spec.labels! } } };
    }
    case 'base':
    case 'gate':
    case 'veto': {
      if (typeof raw === 'boolean') return { value: raw };
      const t = text.toLowerCase();
      if (TRUE.has(t)) return { value: true };
      if (FALSE.has(t)) return { value: false };
      return { error: { code: 'RUB411', args: { value: text, kind: '@input.yesNo' } } };
    }
    default: {
      const pct = text.endsWith('%') || text.endsWith('％');
      const n = Decimal.parse(pct ? text.slice(0, -1).trim() : text);
      if (!n || (pct && !spec.percent)) return { error: { code: 'RUB411', args: { value: text, kind: spec.kind === 'count' ? '@input.count' : '@input.number' } } };
      if (spec.kind === 'count') {
        if (n.isNegative() || !n.isMultipleOf(Decimal.ONE)) return { error: { code: 'RUB404', args: { value: text, title } } };
        return { value: n };
      }
      if (spec.kind === 'measure') {
        const low = spec.min;
        const high = spec.max;
        const bound = spec.measure?.domain;
        const below = bound?.low && (n.lt(bound.low.value) || (n.eq(bound.low.value) && !bound.low.closed));
        const above = bound?.high && (n.gt(bound.high.value) || (n.eq(bound.high.value) && !bound.high.closed));
        if (below || above) {
          const u = spec.percent ? '%' : (spec.unit ?? '');
          return { error: { code: 'RUB405', args: { value: text, name: title, low: low ? `${low}${u}` : '-∞', high: high ? `${high}${u}` : '∞' } } };
        }
        if (spec.integer && !n.isMultipleOf(Decimal.ONE)) return { error: { code: 'RUB411', args: { value: text, kind: '@input.count' } } };
        return { value: n };
      }
      // A score given directly.
      if ((spec.min && n.lt(spec.min)) || (spec.max && n.gt(spec.max))) {
        return { error: { code: 'RUB406', args: { value: text, title, min: spec.min?.toString() ?? '-∞', max: spec.max?.toString() ?? '∞' } } };
      }
      if (spec.step && !spec.step.isZero() && !n.isMultipleOf(spec.step)) return { error: { code: 'RUB407', args: { value: text, title, step: spec.step.toString() } } };
      return { value: n };
    }
  }
}

const GROUPS: Record<string, InputKind> = { scores: 'score', labels: 'label', counts: 'count', measures: 'measure', bases: 'base', gates: 'gate', vetoes: 'veto' };
const META = new Set(['schema', 'schemaVersion', 'rubric', 'name', 'draft']);

/** Reads an assessment written as JSON (`docs/assessment.md`; schema `packages/core/schema/assessment.schema.json`). */
export function readAssessmentJson(text: string, file: string, index: InputIndex): ReadResult {
  const parsed = parseJson(text);
  if (parsed.error) {
    const r = new Reader(index, file);
    r.report('RUB400', { file, range: parsed.error.range, at: `${parsed.error.range.start.line}:${parsed.error.range.start.column}` }, { problem: `@json.${parsed.error.message}` });
    return { assessment: r.assessment, diagnostics: r.bag.items };
  }
  return readAssessmentNode(parsed.value, [], file, index);
}

/**
 * Reads an assessment from a parsed JSON object at `path` of its file. Keys in `extra` belong to the
 * caller (a rubric test's `name` and `expect`) and are skipped; `base` values are given before the
 * object's own (a test starting from the full assessment).
 */
export function readAssessmentNode(root: JsonNode, path: (string | number)[], file: string, index: InputIndex, extra: ReadonlySet<string> = new Set(), base?: Assessment): ReadResult {
  const r = new Reader(index, file);
  if (base) for (const [k, v] of base.values) r.assessment.values.set(k, v);
  const where = (n: { range: Range }, p: (string | number)[]): Where => ({ file, range: n.range, at: jsonPath(p) });
  if (root.kind !== 'object') {
    r.report('RUB400', where(root, path), { problem: '@json.notObject' });
    return { assessment: r.assessment, diagnostics: r.bag.items };
  }
  for (const { key, keyRange, value } of root.entries) {
    if (extra.has(key)) continue;
    const at = where(value, [...path, key]);
    if (META.has(key)) {
      if (key === 'schemaVersion' && !(value.kind === 'number' && value.text === '1')) r.report('RUB412', at, { key: `${key} = ${value.kind === 'number' ? value.text : value.kind}` });
      else if (key === 'schema' && !(value.kind === 'string' && value.value === 'rubric-assessment')) r.report('RUB412', at, { key });
      else if ((key === 'rubric' || key === 'name') && value.kind === 'string') r.assessment[key] = value.value;
      else if ((key === 'rubric' || key === 'name') && value.kind === 'null') continue;
      else if (key === 'draft' && value.kind === 'bool') r.assessment.draft = value.value;
      else if (key !== 'schemaVersion' && key !== 'schema') r.report('RUB411', at, { value: value.kind, kind: key === 'draft' ? '@input.yesNo' : '@input.text' });
      continue;
    }
    const kind = GROUPS[key];
    if (!kind) {
      r.report('RUB412', { file, range: keyRange, at: jsonPath([...path, key]) }, { key });
      continue;
    }
    if (value.kind !== 'object') {
      r.report('RUB411', at, { value: value.kind, kind: '@input.object' });
      continue;
    }
    for (const e of value.entries) readEntry(r, kind, e.key, e.value, [...path, key, e.key], where, { file, range: e.keyRange, at: jsonPath([...path, key, e.key]) }, !!base);
  }
  return r.finish();
}

function scalar(n: JsonNode): string | boolean | undefined {
  return n.kind === 'string' ? n.value : n.kind === 'number' ? n.text : n.kind === 'bool' ? n.value : undefined;
}

/** Left blank (a template's null or ""): not given. */
function blank(n: JsonNode): boolean {
  return n.kind === 'null' || (n.kind === 'string' && n.value.trim() === '');
}

function readEntry(r: Reader, kind: InputKind, ref: string, node: JsonNode, path: (string | number)[], where: (n: { range: Range }, p: (string | number)[]) => Where, keyAt: Where, override = false): void {
  // Left blank: not given; over a starting assessment, it takes the starting value away.
  const isBlank = blank(node);
  if (isBlank && !override) return;
  r.override = override;
  const at = where(node, path);
  if (kind === 'measure') {
    const spec = r.index.byMeasure.get(ref);
    if (!spec) {
      r.report('RUB402', keyAt, { ref, suggestion: closest(ref, r.index.specs.filter((s) => s.kind === 'measure').map((s) => s.ref)) ?? '' });
      return;
    }
    const v = scalar(node);
    if (isBlank) r.assessment.values.delete(spec.key);
    else if (v === undefined) r.report('RUB411', at, { value: node.kind, kind: '@input.number' });
    else r.value(spec, v, at);
    return;
  }
  if (kind === 'veto') {
    const spec = r.index.specs.find((s) => s.kind === 'veto' && (s.ref === ref || s.title === ref));
    if (!spec) {
      r.report('RUB401', keyAt, { ref, suggestion: '' });
      return;
    }
    const v = scalar(node);
    if (isBlank) r.assessment.values.delete(spec.key);
    else if (v === undefined) r.report('RUB411', at, { value: node.kind, kind: '@input.yesNo' });
    else r.value(spec, v, at);
    return;
  }
  // `counts` may name one `每` line of several as `ref/unit`, or give all of them as an object.
  const slash = kind === 'count' ? ref.lastIndexOf('/') : -1;
  const x = r.index.indicators(ref).length > 0 || slash < 0 ? r.indicator(ref, keyAt) : r.indicator(ref.slice(0, slash), keyAt);
  if (!x) return;
  const unitFromKey = x && r.index.indicators(ref).length === 0 && slash >= 0 ? ref.slice(slash + 1) : undefined;
  if (kind === 'count' && node.kind === 'object') {
    for (const e of node.entries) {
      if (blank(e.value)) continue;
      const spec = r.inputFor(x, 'count', { file: keyAt.file, range: e.keyRange, at: jsonPath([...path, e.key]) }, e.key);
      const v = scalar(e.value);
      if (spec && v !== undefined) r.value(spec, v, where(e.value, [...path, e.key]));
      else if (spec) r.report('RUB411', where(e.value, [...path, e.key]), { value: e.value.kind, kind: '@input.count' });
    }
    return;
  }
  const spec = r.inputFor(x, kind, keyAt, unitFromKey);
  if (!spec) return;
  const v = scalar(node);
  if (isBlank) r.assessment.values.delete(spec.key);
  else if (v === undefined) r.report('RUB411', at, { value: node.kind, kind: `@input.${kind}` });
  else r.value(spec, v, at);
}

/** One key/value row of a spreadsheet or CSV form. */
export interface Row {
  key: string;
  value: string;
  /** Where the value cell is. */
  where: Where;
  /** Where the key cell is. */
  keyWhere: Where;
}

/** Reads an assessment from key/value rows (the long CSV template, or an xlsx form read by a tool). */
export function readAssessmentRows(rows: readonly Row[], file: string, index: InputIndex, meta: { name?: string; rubric?: string } = {}): ReadResult {
  const r = new Reader(index, file);
  if (meta.name !== undefined) r.assessment.name = meta.name;
  if (meta.rubric !== undefined) r.assessment.rubric = meta.rubric;
  for (const row of rows) {
    if (row.value.trim() === '') continue;
    const spec = index.byKey.get(row.key);
    if (!spec) {
      r.report('RUB412', row.keyWhere, { key: row.key });
      continue;
    }
    r.value(spec, row.value, row.where);
  }
  return r.finish();
}

/** The rubric of a file that an assessment is for: the one it names, or the only one (RUB416 otherwise). */
export function pickRubric(rubrics: readonly RubricIR[], wanted: string | null, file: string): { rubric?: RubricIR; diagnostics: Diagnostic[] } {
  const hit = wanted === null ? (rubrics.length === 1 ? rubrics[0] : undefined) : rubrics.find((r) => r.title === wanted);
  if (hit) return { rubric: hit, diagnostics: [] };
  const bag = new DiagnosticBag();
  bag.add('RUB416', file, NOWHERE, { wanted: wanted ?? '?', titles: rubrics.map((r) => r.title) });
  return { diagnostics: bag.items };
}

export { NOWHERE };
