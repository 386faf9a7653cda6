// Reads a compiled rubric (the JSON that serializeIR writes, schemaVersion 2, docs/ir.md) back into
// the in-memory IR. Everything is checked: the JSON itself (RUB040), the schema version (RUB041),
// every value's type (RUB042), unknown keys (RUB043) and missing ones (RUB044); the first mistake is
// reported at its JSON path and its line and column, and nothing throws. What the writer left out is
// derived again here, by the rules serialize.ts states. Offsets are -1: the IR carries no source text.
import { Decimal } from '../decimal.js';
import { DiagnosticBag, type Args, type Diagnostic } from '../diagnostics.js';
import type { Code } from '../messages/catalog.js';
import { jsonPath, parseJson, type JsonNode } from '../score/json.js';
import type { Range } from '../source.js';
import { SCHEMA_VERSION, type BaseIR, type BandConditionIR, type BandIR, type Bound, type IndicatorIR, type IntervalIR, type MeasureIR, type PointsRangeIR, type RubricIR, type RuleIR, type SrcRange, type VetoIR } from './model.js';
import { derivedId, derivedName, usualDomain, type Context, type Place } from './serialize.js';

export interface ReadIRResult {
  /** The rubrics read (a file compiled to several is an array); empty when there is a mistake. */
  rubrics: RubricIR[];
  diagnostics: Diagnostic[];
}

/** A JSON path, built only as far as it is read: a step is one small object, a list only on a mistake. */
type Path = { up: Path; key: string | number } | null;
const sub = (up: Path, key: string | number): Path => ({ up, key });
/** An own key of a JSON object (`in` would also find `toString`). */
const has = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);
function steps(p: Path): (string | number)[] {
  const out: (string | number)[] = [];
  for (let x = p; x !== null; x = x.up) out.push(x.key);
  return out.reverse();
}
type Obj = Record<string, unknown>;

/** A mistake found while reading; turned into one diagnostic by readIR. */
class Mistake {
  constructor(
    readonly code: Code,
    readonly path: Path,
    readonly args: Args,
  ) {}
}

const DECIMAL = /^-?[0-9]+(\.[0-9]*[1-9])?$/;
const NUMBER = '-?[0-9]+(?:\\.[0-9]*[1-9])?';
const INTERVAL = new RegExp(`^([[(])(${NUMBER})?,(${NUMBER})?([\\])])$`);
/** Deeper than any rubric can be (nesting is limited to 32 when compiling); guards the recursion. */
const MAX_LEVELS = 64;

const KEYS = {
  rubric: ['schemaVersion', 'title', 'file', 'files', 'total', 'step', 'stepDeclared', 'min', 'max', 'cap', 'gradesWithBonus', 'at', 'measures', 'indicators', 'parts', 'bonuses', 'vetoes', 'grades', 'note'],
  measure: ['name', 'kind', 'unit', 'domain', 'unused', 'owner', 'at'],
  indicator: ['id', 'kind', 'code', 'codeStyle', 'name', 'title', 'titleQuoted', 'level', 'points', 'weight', 'min', 'max', 'at', 'rules', 'review', 'gates', 'uncapped', 'incomplete', 'standard', 'method', 'note', 'children', 'bonuses'],
  bands: ['bands'],
  band: ['label', 'points', 'pointsLow', 'at', 'conditions'],
  condition: ['measure', 'decl', 'interval', 'text', 'at'],
  per: ['kind', 'max', 'uncapped', 'at', 'items', 'base'],
  perItem: ['unit', 'points', 'at'],
  base: ['points', 'text', 'at'],
  rate: ['kind', 'measure', 'decl', 'per', 'percent', 'points', 'max', 'at'],
  deduct: ['kind', 'points', 'unit', 'floor', 'at'],
  veto: ['text', 'at', 'when'],
  when: ['ref', 'target', 'op', 'value', 'at'],
  grade: ['name', 'scores', 'at'],
} as const;

/** A node's ranges (its `at` list): its own, the others in their order (null when missing), and the context for what it holds. */
interface At {
  own: SrcRange;
  others: (SrcRange | null)[];
  ctx: Context;
}

/** A value as it is shown in a message: short JSON. */
function shown(v: unknown): string {
  if (v === undefined) return '—';
  let t: string;
  try {
    t = JSON.stringify(v) ?? String(v);
  } catch {
    t = Array.isArray(v) ? '[…]' : '{…}';
  }
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}

class Reader {
  private files: string[] = [];
  private measures: MeasureIR[] = [];

  fail(path: Path, expected: Args['expected'], found: unknown): never {
    throw new Mistake('RUB042', path, { at: jsonPath(steps(path)), expected, found: shown(found) });
  }

  obj(v: unknown, path: Path, keys: readonly string[]): Obj {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(path, '@ir.object', v);
    for (const k of Object.keys(v)) if (!keys.includes(k)) throw new Mistake('RUB043', sub(path, k), { key: k, at: jsonPath(steps(sub(path, k))) });
    return v as Obj;
  }

  need(o: Obj, key: string, path: Path): unknown {
    if (!has(o, key)) throw new Mistake('RUB044', path, { key, at: jsonPath(steps(path)) });
    return o[key];
  }

  str(v: unknown, path: Path): string {
    return typeof v === 'string' ? v : this.fail(path, '@ir.text', v);
  }

  optStr(o: Obj, key: string, path: Path): string | null {
    return has(o, key) && o[key] !== null ? this.str(o[key], sub(path, key)) : null;
  }

  strings(o: Obj, key: string, path: Path): string[] {
    return this.list(o, key, path, (v, p) => this.str(v, p));
  }

  oneOf<T extends string>(v: unknown, path: Path, values: readonly T[]): T {
    return values.includes(v as T) ? (v as T) : this.fail(path, [...values], v);
  }

  /** A flag written only when it differs from its default. */
  flag(o: Obj, key: string, path: Path, written: boolean): boolean {
    if (!has(o, key)) return !written;
    if (o[key] !== written) this.fail(sub(path, key), String(written), o[key]);
    return written;
  }

  int(v: unknown, path: Path, min: number): number {
    return typeof v === 'number' && Number.isSafeInteger(v) && v >= min ? v : this.fail(path, '@ir.integer', v);
  }

  dec(v: unknown, path: Path): Decimal {
    const d = typeof v === 'string' && DECIMAL.test(v) ? Decimal.parse(v) : undefined;
    return d ?? this.fail(path, '@ir.decimal', v);
  }

  optDec(o: Obj, key: string, path: Path, dflt: Decimal | null = null): Decimal | null {
    if (!has(o, key)) return dflt;
    return o[key] === null ? null : this.dec(o[key], sub(path, key));
  }

  points(v: unknown, path: Path): PointsRangeIR {
    if (Array.isArray(v) && v.length === 2) return { low: this.dec(v[0], sub(path, 0)), high: this.dec(v[1], sub(path, 1)) };
    if (typeof v !== 'string') this.fail(path, '@ir.points', v);
    const d = this.dec(v, path);
    return { low: d, high: d };
  }

  interval(v: unknown, path: Path): IntervalIR {
    const m = typeof v === 'string' ? INTERVAL.exec(v) : null;
    // An unbounded side is open: `(,0]`, `[60,)`.
    if (!m || (m[2] === undefined && m[1] !== '(') || (m[3] === undefined && m[4] !== ')')) this.fail(path, '@ir.interval', v);
    const bound = (text: string | undefined, closed: boolean): Bound | null => (text === undefined ? null : { value: Decimal.parse(text)!, closed });
    return { low: bound(m[2], m[1] === '['), high: bound(m[3], m[4] === ']') };
  }

  list<T>(o: Obj, key: string, path: Path, f: (v: unknown, p: Path, i: number) => T): T[] {
    if (!has(o, key)) return [];
    const v = o[key];
    const at = sub(path, key);
    if (!Array.isArray(v)) this.fail(at, '@ir.array', v);
    return v.map((x, i) => f(x, sub(at, i), i));
  }


  /** A range relative to a context (serialize.ts): [col, endCol], [lines, col, endCol], [lines, col, lineCount, endCol], [file, line, col, endLine, endCol]. */
  range(v: unknown, path: Path, ctx: Context): SrcRange {
    if (!Array.isArray(v) || v.length < 2 || v.length > 5) this.fail(path, '@ir.range', v);
    for (let i = 0; i < v.length; i++) if (!Number.isSafeInteger(v[i])) this.fail(sub(path, i), '@ir.integer', v[i]);
    const [a, b, c, d, e] = v as number[];
    let r: SrcRange;
    switch (v.length) {
      case 2:
        r = srcRange(ctx.file, ctx.line, a!, ctx.line, b!);
        break;
      case 3:
        r = srcRange(ctx.file, ctx.line + a!, b!, ctx.line + a!, c!);
        break;
      case 4:
        r = srcRange(ctx.file, ctx.line + a!, b!, c! >= 1 ? ctx.line + a! + c! : 0, d!);
        break;
      default:
        r = srcRange(this.files[a!] ?? this.fail(sub(path, 0), '@ir.fileIndex', a), b!, c!, d!, e!);
    }
    // Lines and columns are 1-based, and a range ends where it starts or later.
    const { start, end } = r;
    if (start.line < 1 || start.column < 1 || end.column < 1 || end.line < start.line || (end.line === start.line && end.column < start.column)) this.fail(path, '@ir.range', v);
    return r;
  }

  /** A node's `at` list: its own range (relative to the parent's context) and up to `others` more. */
  at(o: Obj, path: Path, parent: Context, others: number): At {
    const p = sub(path, 'at');
    const v = this.need(o, 'at', path);
    if (!Array.isArray(v) || v.length < 1 || v.length > 1 + others) this.fail(p, '@ir.at', v);
    const own = this.range(v[0], sub(p, 0), parent);
    const ctx = { file: own.file, line: own.start.line };
    const rest: (SrcRange | null)[] = [];
    for (let i = 1; i <= others; i++) rest.push(v[i] === undefined || v[i] === null ? null : this.range(v[i], sub(p, i), ctx));
    return { own, others: rest, ctx };
  }

  /** A measure read by a band or a rate: the index of its declaration, or a name that is not declared. */
  measureRef(o: Obj, path: Path): { name: string; decl: MeasureIR | null } {
    const v = this.need(o, 'measure', path);
    if (typeof v === 'number') {
      if (has(o, 'decl')) throw new Mistake('RUB043', sub(path, 'decl'), { key: 'decl', at: jsonPath(steps(sub(path, 'decl'))) });
      const m = this.measures[this.int(v, sub(path, 'measure'), 0)] ?? this.fail(sub(path, 'measure'), '@ir.measureRef', v);
      return { name: m.name, decl: m };
    }
    const name = this.str(v, sub(path, 'measure'));
    if (!has(o, 'decl')) return { name, decl: null };
    const d = o.decl;
    return { name, decl: this.measures[this.int(d, sub(path, 'decl'), 0)] ?? this.fail(sub(path, 'decl'), '@ir.measureRef', d) };
  }

  rubric(v: unknown, path: Path): RubricIR {
    // The version first: a file of another version is refused as such, not for its other keys.
    const version = typeof v === 'object' && v !== null && !Array.isArray(v) && has(v, 'schemaVersion') ? (v as Obj).schemaVersion : SCHEMA_VERSION;
    if (version !== SCHEMA_VERSION) throw new Mistake('RUB041', sub(path, 'schemaVersion'), { found: shown(version), expected: SCHEMA_VERSION });
    const o = this.obj(v, path, KEYS.rubric);
    this.need(o, 'schemaVersion', path);
    this.files = this.strings(o, 'files', path);
    if (this.files.length === 0) this.fail(sub(path, 'files'), '@ir.files', this.need(o, 'files', path));
    const file = has(o, 'file') ? this.str(o.file, sub(path, 'file')) : this.files[0]!;
    const total = this.optDec(o, 'total', path);
    const step = this.dec(this.need(o, 'step', path), sub(path, 'step'));
    const at = this.at(o, path, { file, line: 0 }, 2);
    const ctx = at.ctx;
    this.measures = this.list(o, 'measures', path, (x, p) => {
      const m = this.obj(x, p, KEYS.measure);
      const kind = this.oneOf(this.need(m, 'kind', p), sub(p, 'kind'), ['percent', 'integer', 'number'] as const);
      return {
        name: this.str(this.need(m, 'name', p), sub(p, 'name')),
        kind,
        unit: this.optStr(m, 'unit', p),
        domain: this.interval(has(m, 'domain') ? m.domain : usualDomain(kind), sub(p, 'domain')),
        range: this.at(m, p, ctx, 0).own,
        used: !this.flag(m, 'unused', p, true),
        owner: this.optStr(m, 'owner', p),
      };
    });
    const top = (kind: IndicatorIR['kind']) => (x: unknown, p: Path, i: number) => this.indicator(x, p, ctx, { parentId: undefined, parentLevel: 0, index: i + 1, kind }, 1);
    return {
      title: this.str(this.need(o, 'title', path), sub(path, 'title')),
      file,
      range: at.own,
      total,
      totalRange: at.others[0]!,
      step,
      stepDeclared: this.flag(o, 'stepDeclared', path, true),
      min: this.optDec(o, 'min', path, Decimal.ZERO),
      max: this.optDec(o, 'max', path, total),
      measures: this.measures,
      indicators: this.list(o, 'indicators', path, top('indicator')),
      parts: this.list(o, 'parts', path, top('part')),
      bonuses: this.list(o, 'bonuses', path, top('bonus')),
      cap: this.optDec(o, 'cap', path),
      capRange: at.others[1]!,
      gradesWithBonus: this.flag(o, 'gradesWithBonus', path, true),
      vetoes: this.list(o, 'vetoes', path, (x, p) => this.veto(x, p, ctx)),
      grades: this.list(o, 'grades', path, (x, p) => {
        const g = this.obj(x, p, KEYS.grade);
        const gat = this.at(g, p, ctx, 1);
        return {
          name: this.str(this.need(g, 'name', p), sub(p, 'name')),
          scores: this.interval(this.need(g, 'scores', p), sub(p, 'scores')),
          range: gat.own,
          conditionRange: gat.others[0] ?? this.fail(sub(p, 'at'), '@ir.at', g.at),
        };
      }),
      note: this.strings(o, 'note', path),
      files: this.files,
    };
  }

  veto(x: unknown, p: Path, parent: Context): VetoIR {
    const v = this.obj(x, p, KEYS.veto);
    const at = this.at(v, p, parent, 0);
    let when: VetoIR['when'] = null;
    if (has(v, 'when')) {
      const wp = sub(p, 'when');
      const w = this.obj(v.when, wp, KEYS.when);
      when = {
        ref: this.str(this.need(w, 'ref', wp), sub(wp, 'ref')),
        target: this.optStr(w, 'target', wp),
        op: this.oneOf(this.need(w, 'op', wp), sub(wp, 'op'), ['>=', '>', '<=', '<', '='] as const),
        value: this.dec(this.need(w, 'value', wp), sub(wp, 'value')),
        refRange: this.at(w, wp, at.ctx, 0).own,
      };
    }
    return { text: this.optStr(v, 'text', p), when, range: at.own };
  }

  indicator(x: unknown, path: Path, parent: Context, place: Place, depth: number): IndicatorIR {
    if (depth > MAX_LEVELS) throw new Mistake('RUB040', path, { problem: '@json.depth', at: jsonPath(steps(path)) });
    const o = this.obj(x, path, KEYS.indicator);
    const at = this.at(o, path, parent, 4);
    const ctx = at.ctx;
    const code = this.optStr(o, 'code', path);
    const codeStyle: IndicatorIR['codeStyle'] =
      has(o, 'codeStyle') ? (o.codeStyle === null ? null : this.oneOf(o.codeStyle, sub(path, 'codeStyle'), ['number', 'letter', 'enumerator'] as const)) : code === null ? null : 'number';
    const kind = has(o, 'kind') ? this.oneOf(o.kind, sub(path, 'kind'), ['indicator', 'bonus', 'penalty', 'part'] as const) : place.kind;
    const title = this.str(this.need(o, 'title', path), sub(path, 'title'));
    const titleQuoted = this.flag(o, 'titleQuoted', path, false);
    const name = has(o, 'name') ? this.optStr(o, 'name', path) : derivedName(title, titleQuoted);
    const id = has(o, 'id') ? this.str(o.id, sub(path, 'id')) : derivedId(code, codeStyle, name, kind, place);
    const level = has(o, 'level') ? this.int(o.level, sub(path, 'level'), 1) : place.parentLevel + 1;
    const points = this.optDec(o, 'points', path);
    const under = (k: IndicatorIR['kind']) => (c: unknown, p: Path, i: number) => this.indicator(c, p, ctx, { parentId: id, parentLevel: level, index: i + 1, kind: k }, depth + 1);
    return {
      id,
      kind,
      name,
      code,
      codeStyle,
      title,
      level,
      points,
      weight: this.optDec(o, 'weight', path),
      min: this.optDec(o, 'min', path, Decimal.ZERO),
      max: this.optDec(o, 'max', path, points),
      rules: this.list(o, 'rules', path, (r, p) => this.rule(r, p, ctx)),
      review: this.flag(o, 'review', path, true),
      gates: this.strings(o, 'gates', path),
      uncapped: this.flag(o, 'uncapped', path, true),
      incomplete: this.flag(o, 'incomplete', path, true),
      standard: this.strings(o, 'standard', path),
      method: this.strings(o, 'method', path),
      note: this.strings(o, 'note', path),
      children: this.list(o, 'children', path, under('indicator')),
      bonuses: this.list(o, 'bonuses', path, under('bonus')),
      range: at.own,
      titleRange: at.others[0] ?? this.fail(sub(path, 'at'), '@ir.at', o.at),
      titleQuoted,
      pointsRange: at.others[2]!,
      codeRange: at.others[1]!,
      weightRange: at.others[3]!,
    };
  }

  rule(x: unknown, path: Path, parent: Context): RuleIR {
    // A rule without `kind` is bands.
    const kind = typeof x === 'object' && x !== null && !Array.isArray(x) ? ((x as Obj).kind ?? 'bands') : undefined;
    const k = this.oneOf(kind, sub(path, 'kind'), ['bands', 'per', 'rate', 'deduct'] as const);
    switch (k) {
      case 'bands': {
        const o = this.obj(x, path, KEYS.bands);
        const bands = this.list(o, 'bands', path, (b, p) => this.band(b, p, parent));
        const first = bands.flatMap((b) => b.conditions)[0];
        return { kind: 'bands', measure: first?.measure ?? null, domain: first?.decl?.domain ?? null, bands };
      }
      case 'per': {
        const o = this.obj(x, path, KEYS.per);
        const at = this.at(o, path, parent, 1);
        let base: BaseIR | null = null;
        if (has(o, 'base')) {
          const bp = sub(path, 'base');
          const b = this.obj(o.base, bp, KEYS.base);
          base = { points: this.dec(this.need(b, 'points', bp), sub(bp, 'points')), text: this.optStr(b, 'text', bp), range: this.at(b, bp, at.ctx, 0).own };
        }
        return {
          kind: 'per',
          items: this.list(o, 'items', path, (i, p) => {
            const it = this.obj(i, p, KEYS.perItem);
            return { unit: this.str(this.need(it, 'unit', p), sub(p, 'unit')), points: this.points(this.need(it, 'points', p), sub(p, 'points')), range: this.at(it, p, at.ctx, 0).own };
          }),
          max: this.optDec(o, 'max', path),
          uncapped: this.flag(o, 'uncapped', path, true),
          range: at.own,
          maxRange: at.others[0]!,
          base,
        };
      }
      case 'rate': {
        const o = this.obj(x, path, KEYS.rate);
        const m = this.measureRef(o, path);
        const at = this.at(o, path, parent, 1);
        return {
          kind: 'rate',
          measure: m.name,
          decl: m.decl,
          per: this.dec(this.need(o, 'per', path), sub(path, 'per')),
          percent: this.flag(o, 'percent', path, true),
          points: this.dec(this.need(o, 'points', path), sub(path, 'points')),
          max: this.optDec(o, 'max', path),
          range: at.own,
          maxRange: at.others[0]!,
        };
      }
      case 'deduct': {
        const o = this.obj(x, path, KEYS.deduct);
        return { kind: 'deduct', points: this.points(this.need(o, 'points', path), sub(path, 'points')), unit: this.optStr(o, 'unit', path), floor: this.optDec(o, 'floor', path), range: this.at(o, path, parent, 0).own };
      }
    }
  }

  band(x: unknown, path: Path, parent: Context): BandIR {
    const o = this.obj(x, path, KEYS.band);
    const at = this.at(o, path, parent, 2);
    const conditions = this.list(o, 'conditions', path, (c, p): BandConditionIR => {
      const co = this.obj(c, p, KEYS.condition);
      const m = this.measureRef(co, p);
      return {
        measure: m.name,
        measureKind: m.decl?.kind ?? 'number',
        unit: m.decl?.unit ?? null,
        domain: m.decl?.domain ?? { low: null, high: null },
        decl: m.decl,
        interval: this.interval(this.need(co, 'interval', p), sub(p, 'interval')),
        text: this.str(this.need(co, 'text', p), sub(p, 'text')),
        range: this.at(co, p, at.ctx, 0).own,
      };
    });
    const first = conditions[0];
    const list = o.at as unknown[];
    return {
      label: this.optStr(o, 'label', path),
      measure: first?.measure ?? null,
      condition: first?.interval ?? null,
      conditions,
      points: this.dec(this.need(o, 'points', path), sub(path, 'points')),
      pointsLow: this.optDec(o, 'pointsLow', path),
      range: at.own,
      pointsRange: at.others[0] ?? this.fail(sub(path, 'at'), '@ir.at', o.at),
      // A third entry says where the condition is when that is not the first condition's range.
      conditionRange: list.length > 2 ? at.others[1]! : (first?.range ?? null),
    };
  }
}

const srcRange = (file: string, line: number, column: number, endLine: number, endColumn: number): SrcRange => ({
  file,
  start: { line, column, offset: -1 },
  end: { line: endLine, column: endColumn, offset: -1 },
});

const NOWHERE: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };

/** Where a JSON path is written in the text (the closest enclosing value that exists). */
function locate(text: string, path: Path): Range {
  const parsed = parseJson(text);
  if (!parsed.value) return parsed.error.range;
  let node: JsonNode = parsed.value;
  for (const p of steps(path)) {
    const next: JsonNode | undefined =
      node.kind === 'object' ? node.entries.find((e) => e.key === p)?.value : node.kind === 'array' && typeof p === 'number' ? node.items[p] : undefined;
    if (!next) break;
    node = next;
  }
  return node.range;
}

/**
 * Reads a compiled rubric (or an array of them) written by serializeIR. Never throws: a mistake is one
 * coded, located diagnostic (RUB040–RUB044) and no rubric.
 */
export function readIR(text: string, file = 'rubric.ir.json'): ReadIRResult {
  const bag = new DiagnosticBag();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const parsed = parseJson(text);
    const range = parsed.error?.range ?? NOWHERE;
    bag.add('RUB040', file, range, { problem: `@json.${parsed.error?.message ?? 'unexpected'}`, at: `${range.start.line}:${range.start.column}` });
    return { rubrics: [], diagnostics: bag.items };
  }
  try {
    const reader = new Reader();
    const rubrics = Array.isArray(value) ? value.map((v, i) => reader.rubric(v, sub(null, i))) : [reader.rubric(value, null)];
    return { rubrics, diagnostics: [] };
  } catch (e) {
    if (!(e instanceof Mistake)) throw e;
    bag.add(e.code, file, locate(text, e.path), e.args);
    return { rubrics: [], diagnostics: bag.items };
  }
}
