// The IR as compact, deterministic JSON (schemaVersion 2; docs/ir.md explains it and
// packages/core/schema/rubric-ir.schema.json describes it). Keys are written in a fixed order, decimals
// as strings, and nothing is written that a reader can derive:
// - a node's source ranges are one list `at`, in a fixed order per kind of node (its own range first;
//   a missing range is null, trailing nulls are left out). A range is written relative to a context
//   (a file and a line): [column, endColumn] on the context line, [lines, column, endColumn] further
//   down (or up), [lines, column, lineCount, endColumn] across lines, and [file, line, column, endLine,
//   endColumn] in another file (an index into `files`, absolute lines). A node's own range is relative
//   to its parent's own range (the rubric's to line 0 of its file); its other ranges, and its
//   children's, to its own range;
// - a key whose value is its default is left out: false, null, an empty list, `min` 0, `max` equal to
//   `points`, a measure's usual domain, a rule's kind when it is bands, and what follows from the
//   node's place (id, kind, level, name, codeStyle, a band's first condition and its range, a rule's
//   measure);
// - a measure read by a band or a rate is the index of its declaration in `measures`.
// The same IR always gives the same bytes; readIR (read.ts) loads them back. Offsets are not written
// (they index a source text that the IR does not carry).
import { Decimal } from '../decimal.js';
import { SCHEMA_VERSION, type BandIR, type IndicatorIR, type IntervalIR, type MeasureIR, type PointsRangeIR, type RubricIR, type RuleIR, type SrcRange } from './model.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** What a node's place says about it: the defaults of its id, kind and level. */
export interface Place {
  parentId: string | undefined;
  parentLevel: number;
  /** 1-based position among its siblings of the same list. */
  index: number;
  kind: IndicatorIR['kind'];
}

/** The file and line ranges are written relative to. */
export interface Context {
  file: string;
  line: number;
}

/** The id lowering gives an indicator at this place (ir/lower.ts): its code, a part's name, else an ordinal path. */
export function derivedId(code: string | null, codeStyle: IndicatorIR['codeStyle'], name: string | null, kind: IndicatorIR['kind'], place: Place): string {
  if (code !== null && codeStyle !== 'enumerator') return code;
  if (kind === 'part' && name !== null) return name;
  const prefix = kind === 'bonus' || kind === 'penalty' ? kind : kind === 'part' ? 'part' : '';
  return place.parentId !== undefined ? `${place.parentId}#${place.index}` : `${prefix}#${place.index}`;
}

/** An unquoted title is the name references use. */
export const derivedName = (title: string, titleQuoted: boolean): string | null => (titleQuoted ? null : title);

/** The domain of a measure declared without one (ir/lower.ts): 0–100 for a percentage, else 0 or more. */
export const usualDomain = (kind: MeasureIR['kind']): string => (kind === 'percent' ? '[0,100]' : '[0,)');

/** The interval in the usual notation: `[60,100)`, `(,0]`; an empty side is unbounded. */
export function intervalText(i: IntervalIR): string {
  const low = i.low === null ? '(' : `${i.low.closed ? '[' : '('}${i.low.value.toString()}`;
  const high = i.high === null ? ')' : `${i.high.value.toString()}${i.high.closed ? ']' : ')'}`;
  return `${low},${high}`;
}

const dec = (d: Decimal): string => d.toString();
const same = (a: Decimal | null, b: Decimal | null): boolean => (a === null || b === null ? a === b : a.eq(b));
const pointsRange = (p: PointsRangeIR): Json => (p.low.eq(p.high) ? dec(p.low) : [dec(p.low), dec(p.high)]);

export function sameRange(a: SrcRange | null, b: SrcRange | null): boolean {
  if (a === null || b === null) return a === b;
  return a.file === b.file && a.start.line === b.start.line && a.start.column === b.start.column && a.end.line === b.end.line && a.end.column === b.end.column;
}

class Writer {
  private readonly fileIndex = new Map<string, number>();
  private readonly measureIndex = new Map<MeasureIR, number>();

  constructor(private readonly r: RubricIR) {
    r.files.forEach((f, i) => {
      if (!this.fileIndex.has(f)) this.fileIndex.set(f, i);
    });
    r.measures.forEach((m, i) => this.measureIndex.set(m, i));
  }

  range(x: SrcRange, ctx: Context): Json {
    const { start: s, end: e } = x;
    if (x.file !== ctx.file) {
      const f = this.fileIndex.get(x.file);
      if (f === undefined) throw new Error(`a range in a file that is not in files: ${x.file}`);
      return [f, s.line, s.column, e.line, e.column];
    }
    const d = s.line - ctx.line;
    if (s.line !== e.line) return [d, s.column, e.line - s.line, e.column];
    return d === 0 ? [s.column, e.column] : [d, s.column, e.column];
  }

  /**
   * The `at` list of a node: its own range relative to its parent's context, the others relative to
   * its own; trailing nulls left out. Returns the context for what the node holds.
   */
  at(o: Record<string, Json>, own: SrcRange, parent: Context, others: readonly (SrcRange | null)[]): Context {
    const ctx = { file: own.file, line: own.start.line };
    const list: Json[] = [this.range(own, parent), ...others.map((x) => (x === null ? null : this.range(x, ctx)))];
    while (list.length > 1 && list[list.length - 1] === null) list.pop();
    o.at = list;
    return ctx;
  }

  /** A measure read by a band or a rate: its declaration's index, else (unresolved) its name as written. */
  measure(name: string, decl: MeasureIR | null): Record<string, Json> {
    const i = decl ? this.measureIndex.get(decl) : undefined;
    if (i === undefined) return { measure: name };
    return decl!.name === name ? { measure: i } : { measure: name, decl: i };
  }

  rubric(): Json {
    const r = this.r;
    const o: Record<string, Json> = { schemaVersion: SCHEMA_VERSION, title: r.title };
    if (r.file !== r.files[0]) o.file = r.file;
    o.files = r.files;
    if (r.total !== null) o.total = dec(r.total);
    o.step = dec(r.step);
    if (r.stepDeclared) o.stepDeclared = true;
    reach(o, r.min, r.max, r.total);
    if (r.cap !== null) o.cap = dec(r.cap);
    if (r.gradesWithBonus) o.gradesWithBonus = true;
    const ctx = this.at(o, r.range, { file: r.file, line: 0 }, [r.totalRange, r.capRange]);
    list(o, 'measures', r.measures, (m) => {
      const x: Record<string, Json> = { name: m.name, kind: m.kind };
      if (m.unit !== null) x.unit = m.unit;
      const domain = intervalText(m.domain);
      if (domain !== usualDomain(m.kind)) x.domain = domain;
      if (!m.used) x.unused = true;
      if (m.owner !== null) x.owner = m.owner;
      this.at(x, m.range, ctx, []);
      return x;
    });
    const top = (kind: IndicatorIR['kind']) => (x: IndicatorIR, i: number) => this.indicator(x, ctx, { parentId: undefined, parentLevel: 0, index: i + 1, kind });
    list(o, 'indicators', r.indicators, top('indicator'));
    list(o, 'parts', r.parts, top('part'));
    list(o, 'bonuses', r.bonuses, top('bonus'));
    list(o, 'vetoes', r.vetoes, (v) => {
      const x: Record<string, Json> = {};
      if (v.text !== null) x.text = v.text;
      const vctx = this.at(x, v.range, ctx, []);
      if (v.when) {
        const w: Record<string, Json> = { ref: v.when.ref };
        if (v.when.target !== null) w.target = v.when.target;
        w.op = v.when.op;
        w.value = dec(v.when.value);
        this.at(w, v.when.refRange, vctx, []);
        x.when = w;
      }
      return x;
    });
    list(o, 'grades', r.grades, (g) => {
      const x: Record<string, Json> = { name: g.name, scores: intervalText(g.scores) };
      this.at(x, g.range, ctx, [g.conditionRange]);
      return x;
    });
    if (r.note.length > 0) o.note = r.note;
    return o;
  }

  indicator(i: IndicatorIR, parent: Context, place: Place): Json {
    const o: Record<string, Json> = {};
    if (i.id !== derivedId(i.code, i.codeStyle, i.name, i.kind, place)) o.id = i.id;
    if (i.kind !== place.kind) o.kind = i.kind;
    if (i.code !== null) o.code = i.code;
    if (i.codeStyle !== (i.code === null ? null : 'number')) o.codeStyle = i.codeStyle;
    if (i.name !== derivedName(i.title, i.titleQuoted)) o.name = i.name;
    o.title = i.title;
    if (!i.titleQuoted) o.titleQuoted = false;
    if (i.level !== place.parentLevel + 1) o.level = i.level;
    if (i.points !== null) o.points = dec(i.points);
    if (i.weight !== null) o.weight = dec(i.weight);
    reach(o, i.min, i.max, i.points);
    const ctx = this.at(o, i.range, parent, [i.titleRange, i.codeRange, i.pointsRange, i.weightRange]);
    list(o, 'rules', i.rules, (r) => this.rule(r, ctx));
    if (i.review) o.review = true;
    if (i.gates.length > 0) o.gates = i.gates;
    if (i.uncapped) o.uncapped = true;
    if (i.incomplete) o.incomplete = true;
    if (i.standard.length > 0) o.standard = i.standard;
    if (i.method.length > 0) o.method = i.method;
    if (i.note.length > 0) o.note = i.note;
    const under = (kind: IndicatorIR['kind']) => (c: IndicatorIR, n: number) => this.indicator(c, ctx, { parentId: i.id, parentLevel: i.level, index: n + 1, kind });
    list(o, 'children', i.children, under('indicator'));
    list(o, 'bonuses', i.bonuses, under('bonus'));
    return o;
  }

  rule(r: RuleIR, parent: Context): Json {
    switch (r.kind) {
      case 'bands':
        // The commonest rule: `kind` is left out.
        return { bands: r.bands.map((b) => this.band(b, parent)) };
      case 'per': {
        const o: Record<string, Json> = { kind: 'per' };
        if (r.max !== null) o.max = dec(r.max);
        if (r.uncapped) o.uncapped = true;
        const ctx = this.at(o, r.range, parent, [r.maxRange]);
        o.items = r.items.map((x) => {
          const it: Record<string, Json> = { unit: x.unit, points: pointsRange(x.points) };
          this.at(it, x.range, ctx, []);
          return it;
        });
        if (r.base) {
          const b: Record<string, Json> = { points: dec(r.base.points) };
          if (r.base.text !== null) b.text = r.base.text;
          this.at(b, r.base.range, ctx, []);
          o.base = b;
        }
        return o;
      }
      case 'rate': {
        const o: Record<string, Json> = { kind: 'rate', ...this.measure(r.measure, r.decl), per: dec(r.per) };
        if (r.percent) o.percent = true;
        o.points = dec(r.points);
        if (r.max !== null) o.max = dec(r.max);
        this.at(o, r.range, parent, [r.maxRange]);
        return o;
      }
      case 'deduct': {
        const o: Record<string, Json> = { kind: 'deduct', points: pointsRange(r.points) };
        if (r.unit !== null) o.unit = r.unit;
        if (r.floor !== null) o.floor = dec(r.floor);
        this.at(o, r.range, parent, []);
        return o;
      }
    }
  }

  band(b: BandIR, parent: Context): Json {
    const o: Record<string, Json> = {};
    if (b.label !== null) o.label = b.label;
    o.points = dec(b.points);
    if (b.pointsLow !== null) o.pointsLow = dec(b.pointsLow);
    const ctx = this.at(o, b.range, parent, [b.pointsRange]);
    // The condition's range is the first condition's, unless written as a third entry (null: none).
    if (!sameRange(b.conditionRange, b.conditions[0]?.range ?? null)) (o.at as Json[]).push(b.conditionRange === null ? null : this.range(b.conditionRange, ctx));
    list(o, 'conditions', b.conditions, (c) => {
      const x: Record<string, Json> = { ...this.measure(c.measure, c.decl), interval: intervalText(c.interval), text: c.text };
      this.at(x, c.range, ctx, []);
      return x;
    });
    return o;
  }
}

/** `min` is written unless 0, `max` unless equal to the declared points. */
function reach(o: Record<string, Json>, min: Decimal | null, max: Decimal | null, points: Decimal | null): void {
  if (!same(min, Decimal.ZERO)) o.min = min === null ? null : dec(min);
  if (!same(max, points)) o.max = max === null ? null : dec(max);
}

function list<T>(o: Record<string, Json>, key: string, xs: readonly T[], f: (x: T, i: number) => Json): void {
  if (xs.length > 0) o[key] = xs.map(f);
}

/** The rubric as the JSON value written (schemaVersion 2). */
export function irToJson(r: RubricIR): Json {
  return new Writer(r).rubric();
}

// In indented JSON, a list of whole numbers (a range), and then a list of such lists and nulls (an
// `at` list), are each kept on one line. JSON text has no line break inside a string, so these
// patterns, which span lines, only ever match lists.
const NUMBERS = /\[\n\s*(-?\d+(?:,\n\s*-?\d+)*)\n\s*\]/g;
const RANGES = /\[\n\s*((?:\[[-\d,]*\]|null)(?:,\n\s*(?:\[[-\d,]*\]|null))*)\n\s*\]/g;

function text(value: Json, pretty: boolean): string {
  if (!pretty) return `${JSON.stringify(value)}\n`;
  const indented = JSON.stringify(value, null, 2)
    .replace(NUMBERS, (_, xs: string) => `[${xs.replace(/\s+/g, '')}]`)
    .replace(RANGES, (_, xs: string) => `[${xs.replace(/,\s+/g, ', ')}]`);
  return `${indented}\n`;
}

/** The rubric as JSON text: compact by default, indented for people with `pretty`. */
export function serializeIR(r: RubricIR, opts: { pretty?: boolean } = {}): string {
  return text(irToJson(r), opts.pretty ?? false);
}

/** Several rubrics (a file may hold more than one): one IR, or a JSON array of them in order. */
export function serializeIRs(rs: readonly RubricIR[], opts: { pretty?: boolean } = {}): string {
  return rs.length === 1 ? serializeIR(rs[0]!, opts) : text(rs.map(irToJson), opts.pretty ?? false);
}
