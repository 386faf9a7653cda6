// Lowering: the resolved program (resolve.ts) → the IR (model.ts). Enforces where each statement may
// appear (RUB012, RUB013), reads literals (RUB22x, RUB23x), and records each node's reachable
// min/max through the arithmetic module (semantics.ts). Every name was resolved before: lowering
// looks nothing up by name. Arithmetic consistency is left to the checks (check/*.ts).
import { Decimal } from '../decimal.js';
import type { DiagnosticBag } from '../diagnostics.js';
import type { Range } from '../source.js';
import type * as A from '../syntax/ast.js';
import type { BandIR, BaseIR, IndicatorIR, IntervalIR, MeasureIR, PerItemIR, RubricIR, SrcRange, VetoIR } from './model.js';
import type { Inst, Resolution, Root, Scope } from './resolve.js';
import { computeReach, rubricReach } from './semantics.js';
import { indicatorOf } from './walk.js';
import { keywordArg } from './words.js';

type Context = 'rubric' | 'indicator' | 'part' | 'bonus' | 'penalty';

const IN_INDICATOR = ['indicator', 'standard', 'method', 'note', 'band', 'measure', 'per', 'rate', 'deduct', 'base', 'gate', 'review', 'uncapped', 'incomplete', 'bonus', 'penalty', 'use', 'veto'] as const;

const ALLOWED: Record<Context, Set<A.Statement['type']>> = {
  rubric: new Set(['total', 'step', 'cap', 'gradesWithBonus', 'measure', 'indicator', 'standard', 'method', 'note', 'veto', 'bonus', 'penalty', 'part', 'grade', 'use']),
  indicator: new Set(IN_INDICATOR),
  part: new Set(IN_INDICATOR),
  bonus: new Set(IN_INDICATOR.filter((t) => t !== 'veto' && t !== 'bonus' && t !== 'penalty')),
  // A penalty's rules give the amount deducted; `扣` (from full marks) has no meaning there.
  penalty: new Set(IN_INDICATOR.filter((t) => t !== 'veto' && t !== 'bonus' && t !== 'penalty' && t !== 'deduct')),
};

const CONTEXT_WORD: Record<Context, string> = {
  rubric: '@word.rubric',
  indicator: '@word.indicator',
  part: '@word.part',
  bonus: '@word.bonus',
  penalty: '@word.penalty',
};

/**
 * What the editor's incremental re-check (check/incremental-check.ts) keeps of a lowering: the
 * decimal places used by each indicator's own statements and by each rubric's own statements (the
 * step of a rubric that declares none is the finest of them all).
 */
export interface LoweringRecord {
  ownDecimals: Map<IndicatorIR, number>;
  rubricDecimals: Map<RubricIR, number>;
}

/** The IR of every rubric of the resolved program, in order (none for a file without rubrics). */
export function lowerProgram(res: Resolution, bag: DiagnosticBag, record?: LoweringRecord): RubricIR[] {
  return res.roots.map((root) => new Lowering(bag, record).rubric(root, res.files.map((f) => f.path)));
}

/**
 * Lowers one indicator (or bonus, or penalty) and its subtree again under its unchanged parent, for the
 * editor's incremental re-check. Only for subtrees that declare and read no measure and hold no veto.
 */
export function lowerSubtree(
  it: Inst,
  at: { parent: IndicatorIR | undefined; parentPath: string[]; index: number; level: number; kind: 'indicator' | 'bonus' | 'penalty' },
  bag: DiagnosticBag,
  record: LoweringRecord,
): IndicatorIR {
  return Lowering.subtree(it, at, bag, record);
}

class Lowering {
  private readonly measures: MeasureIR[] = [];
  private readonly measureOf = new Map<Inst, MeasureIR>();
  private readonly indicatorOf = new Map<Inst, IndicatorIR>();
  private readonly vetoes: { inst: Inst; ir: VetoIR }[] = [];
  /** The titles from the top of the tree down to each indicator, for the diagnostics that name it. */
  private readonly paths = new Map<IndicatorIR, string[]>();
  private maxDecimals = 0;
  /** Decimal places of the current indicator's own statements (or the rubric's, outside any). */
  private ownDecimals = 0;

  constructor(
    private readonly bag: DiagnosticBag,
    private readonly record?: LoweringRecord,
  ) {}

  static subtree(it: Inst, at: Parameters<typeof lowerSubtree>[1], bag: DiagnosticBag, record: LoweringRecord): IndicatorIR {
    const l = new Lowering(bag, record);
    if (at.parent) l.paths.set(at.parent, at.parentPath);
    return l.indicator(it, at.parent, at.index, at.level, at.kind);
  }

  private src(file: string, r: Range): SrcRange {
    return { file, start: r.start, end: r.end };
  }

  private notePoints(d: Decimal): void {
    this.maxDecimals = Math.max(this.maxDecimals, d.decimals);
    this.ownDecimals = Math.max(this.ownDecimals, d.decimals);
  }

  rubric(root: Root, files: string[]): RubricIR {
    const { file, decl, scope } = root;
    const r: RubricIR = {
      title: root.library ? '' : (decl.title?.value ?? ''),
      file,
      range: this.src(file, decl.range),
      total: null,
      totalRange: null,
      step: Decimal.ONE,
      stepDeclared: false,
      min: null,
      max: null,
      measures: this.measures,
      indicators: [],
      parts: [],
      bonuses: [],
      cap: null,
      capRange: null,
      gradesWithBonus: false,
      vetoes: [],
      grades: [],
      note: [],
      files,
    };
    const seen = new Set<string>();
    const once = (key: string, f: string, s: A.Statement, word: string): boolean => {
      if (seen.has(key)) {
        this.bag.add('RUB012', f, s.keyword, { keyword: word, context: CONTEXT_WORD.rubric });
        return false;
      }
      seen.add(key);
      return true;
    };
    this.declareMeasures(scope, null);
    let topIndex = 0;
    for (const it of scope.items) {
      const { file: f, stmt: s } = it;
      if (!ALLOWED.rubric.has(s.type)) {
        this.misplaced(f, s, 'rubric');
        continue;
      }
      switch (s.type) {
        case 'total':
          if (once('total', f, s, '@word.total') && s.points) {
            const p = this.single(f, s.points, '@word.total');
            if (p && p.isNegative()) this.bag.add('RUB232', f, s.points.range, { what: '@word.total', value: p.toString() });
            r.total = p ?? null;
            r.totalRange = this.src(f, s.points.range);
          }
          break;
        case 'step':
          if (once('step', f, s, '@word.step') && s.value) {
            if (s.value.value.isNegative() || s.value.value.isZero()) this.bag.add('RUB232', f, s.value.range, { what: '@word.step', value: s.value.value.toString() });
            else {
              r.step = s.value.value;
              r.stepDeclared = true;
            }
          }
          break;
        case 'indicator':
          r.indicators.push(this.indicator(it, undefined, ++topIndex, 1, 'indicator'));
          break;
        case 'part':
          r.parts.push(this.part(it, r.parts.length + 1));
          break;
        case 'bonus':
        case 'penalty':
          r.bonuses.push(this.indicator(it, undefined, r.bonuses.length + 1, 1, s.type));
          break;
        case 'cap':
          if (once('cap', f, s, keywordArg('max')) && s.points) {
            const p = this.single(f, s.points, '@word.rubric');
            if (p && p.isNegative()) this.bag.add('RUB232', f, s.points.range, { what: '@word.cap', value: p.toString() });
            r.cap = p ?? null;
            r.capRange = this.src(f, s.points.range);
          }
          break;
        case 'gradesWithBonus':
          if (once('gradesWithBonus', f, s, keywordArg('gradesWithBonus'))) r.gradesWithBonus = true;
          break;
        case 'veto':
          this.veto(it);
          break;
        case 'grade':
          if (s.name && s.condition) {
            r.grades.push({
              name: s.name.value,
              scores: this.conditionInterval(f, s.condition),
              range: this.src(f, s.range),
              conditionRange: this.src(f, s.condition.range),
            });
          }
          break;
        case 'standard':
        case 'method':
        case 'note':
          if (s.text) r.note.push(s.text.value);
          break;
        default:
          break;
      }
    }
    this.record?.rubricDecimals.set(r, this.ownDecimals);
    const [min, max] = rubricReach(r);
    r.min = min;
    r.max = max;
    if (!r.stepDeclared) r.step = Decimal.unit(this.maxDecimals);
    // Vetoes written anywhere disqualify the whole evaluation; they are kept in source order.
    for (const v of this.vetoes) {
      if (v.ir.when && v.inst.target) v.ir.when.target = this.indicatorOf.get(v.inst.target)?.id ?? null;
      r.vetoes.push(v.ir);
    }
    return r;
  }

  private concerned(ind: IndicatorIR) {
    return indicatorOf(ind, this.paths.get(ind) ?? [ind.title]);
  }

  private misplaced(file: string, s: A.Statement, ctx: Context): void {
    this.bag.add('RUB013', file, s.keyword, { keyword: keywordArg(s.type), context: CONTEXT_WORD[ctx] });
  }

  /** Measures declared in a scope, in order (resolve.ts kept the first of each name). */
  private declareMeasures(scope: Scope, owner: IndicatorIR | null): void {
    for (const inst of scope.measures.values()) {
      const s = inst.stmt;
      if (s.type !== 'measure' || !s.name || !s.measureKind) continue;
      const domain: IntervalIR = s.domain
        ? this.interval(inst.file, s.domain)
        : s.measureKind === 'percent'
          ? { low: { value: Decimal.ZERO, closed: true }, high: { value: Decimal.HUNDRED, closed: true } }
          : { low: { value: Decimal.ZERO, closed: true }, high: null };
      const m: MeasureIR = { name: s.name.value, kind: s.measureKind, unit: s.unit?.value ?? null, domain, range: this.src(inst.file, s.name.range), used: false, owner: owner?.id ?? null };
      this.measureOf.set(inst, m);
      this.measures.push(m);
    }
  }

  private single(file: string, p: A.Points, what: string): Decimal | undefined {
    this.notePoints(p.low);
    if (p.isRange) {
      this.bag.add('RUB013', file, p.range, { keyword: `${p.low}~${p.high}`, context: what });
      return undefined;
    }
    return p.low;
  }

  private pointsRange(file: string, p: A.Points): { low: Decimal; high: Decimal } {
    this.notePoints(p.low);
    this.notePoints(p.high);
    if (p.low.gt(p.high)) {
      this.bag.add('RUB233', file, p.range, { low: p.low.toString(), high: p.high.toString() });
      return { low: p.high, high: p.low };
    }
    return { low: p.low, high: p.high };
  }

  private interval(file: string, i: A.Interval): IntervalIR {
    if (i.low.value.gt(i.high.value) || (i.low.value.eq(i.high.value) && !(i.lowClosed && i.highClosed))) {
      this.bag.add('RUB231', file, i.range, { low: i.low.value.toString(), high: i.high.value.toString() });
    }
    return { low: { value: i.low.value, closed: i.lowClosed }, high: { value: i.high.value, closed: i.highClosed } };
  }

  private conditionInterval(file: string, c: A.Condition): IntervalIR {
    if (c.kind === 'interval') return this.interval(file, c.interval);
    const v = c.value.value;
    switch (c.op) {
      case '>=':
        return { low: { value: v, closed: true }, high: null };
      case '>':
        return { low: { value: v, closed: false }, high: null };
      case '<=':
        return { low: null, high: { value: v, closed: true } };
      case '<':
        return { low: null, high: { value: v, closed: false } };
      case '=':
        return { low: { value: v, closed: true }, high: { value: v, closed: true } };
    }
  }

  private part(it: Inst, index: number): IndicatorIR {
    const s = it.stmt as A.PartStmt;
    const ind = this.indicator(it, undefined, index, 1, 'part');
    if (s.weight) {
      if (!s.weight.percent) this.bag.add('RUB230', it.file, s.weight.range, { name: '@word.weight', kind: '@word.percentKind', value: s.weight.value.toString(), valueKind: '@word.numberKind' });
      if (s.weight.value.isNegative()) this.bag.add('RUB232', it.file, s.weight.range, { what: '@word.weight', value: s.weight.value.toString() });
      ind.weight = s.weight.percent ? s.weight.value.percent() : s.weight.value;
      ind.weightRange = this.src(it.file, s.weight.range);
    } else {
      this.bag.add('RUB224', it.file, s.name?.range ?? s.keyword, { name: s.name?.value ?? '' });
    }
    return ind;
  }

  private indicator(it: Inst, parent: IndicatorIR | undefined, index: number, level: number, kind: IndicatorIR['kind']): IndicatorIR {
    const file = it.file;
    const s = it.stmt as A.IndicatorStmt | A.BonusStmt | A.PartStmt;
    const code = s.type === 'part' ? undefined : s.code;
    const titleText = s.type === 'part' ? (s.title ?? s.name) : s.title;
    const nameText = s.type === 'part' ? s.name : s.title && !s.title.quoted ? s.title : undefined;
    const prefix = kind === 'bonus' || kind === 'penalty' ? kind : kind === 'part' ? 'part' : '';
    // A document's enumerators (（一）) repeat under every parent: they are codes, not ids.
    const unique = code && code.style !== 'enumerator' ? code.value : undefined;
    const id = unique ?? (kind === 'part' && nameText ? nameText.value : parent ? `${parent.id}#${index}` : `${prefix}#${index}`);
    const ind: IndicatorIR = {
      id,
      kind,
      name: nameText?.value ?? null,
      code: code?.value ?? null,
      codeStyle: code?.style ?? null,
      title: titleText?.value ?? '',
      level,
      points: null,
      weight: null,
      min: null,
      max: null,
      rules: [],
      review: false,
      gates: [],
      uncapped: false,
      incomplete: false,
      standard: [],
      method: [],
      note: [],
      children: [],
      bonuses: [],
      range: this.src(file, s.range),
      titleRange: this.src(file, (titleText ?? { range: s.keyword }).range),
      titleQuoted: !!titleText?.quoted,
      pointsRange: null,
      codeRange: code ? this.src(file, code.range) : null,
      weightRange: null,
    };
    this.indicatorOf.set(it, ind);
    this.paths.set(ind, [...((parent && this.paths.get(parent)) ?? []), ind.title]);
    const outerDecimals = this.ownDecimals;
    this.ownDecimals = 0;
    if (s.points) {
      const p = this.single(file, s.points, `@word.${kind}`);
      if (p) {
        ind.points = p;
        ind.pointsRange = this.src(file, s.points.range);
      }
      if (s.type === 'indicator' && s.bracketed) {
        const at = this.src(file, s.bracketed);
        const text = `${s.points.low}`;
        this.bag.add('RUB030', file, s.bracketed, { points: text }, {
          fix: { message: { id: 'fix.unbracketPoints', args: { points: text } }, edits: [{ file, range: s.bracketed, newText: ` ${text}` }] },
        });
        ind.pointsRange = at;
      }
    }
    const ctx: Context = kind;
    const body = it.body;
    if (body) this.declareMeasures(body, ind);
    const ruleItems: Inst[] = [];
    let childIndex = 0;
    for (const c of body?.items ?? []) {
      const st = c.stmt;
      if (!ALLOWED[ctx].has(st.type)) {
        this.misplaced(c.file, st, ctx);
        continue;
      }
      switch (st.type) {
        case 'indicator':
          ind.children.push(this.indicator(c, ind, ++childIndex, level + 1, 'indicator'));
          break;
        case 'bonus':
        case 'penalty':
          ind.bonuses.push(this.indicator(c, ind, ind.bonuses.length + 1, level + 1, st.type));
          break;
        case 'incomplete':
          ind.incomplete = true;
          if (st.text) ind.note.push(st.text.value);
          break;
        case 'standard':
        case 'method':
        case 'note':
          if (st.text) ind[st.type].push(st.text.value);
          break;
        case 'gate':
          if (st.text) ind.gates.push(st.text.value);
          break;
        case 'uncapped':
          ind.uncapped = true;
          break;
        case 'review':
          ind.review = true;
          break;
        case 'band':
        case 'per':
        case 'rate':
        case 'deduct':
        case 'base':
          ruleItems.push(c);
          break;
        case 'veto':
          this.veto(c);
          break;
        default:
          break;
      }
    }
    this.rules(ind, ruleItems);
    computeReach(ind);
    this.record?.ownDecimals.set(ind, this.ownDecimals);
    this.ownDecimals = outerDecimals;
    return ind;
  }

  private rules(ind: IndicatorIR, items: Inst[]): void {
    if (items.length === 0) return;
    const first = items[0]!;
    if (ind.children.length > 0) {
      this.bag.add('RUB220', first.file, first.stmt.keyword, { title: ind.title }, { indicator: this.concerned(ind) });
    }
    const kinds = [...new Set(items.map((x) => x.stmt.type))];
    // Bands, per-occurrence points and rates may be alternatives (the best applies); a deduction
    // from full marks cannot be combined with another way of scoring, nor base points with anything
    // but the `每` lines that add increments to them.
    const exclusive = kinds.includes('deduct') ? 'deduct' : kinds.includes('base') ? 'base' : undefined;
    const fits = (k: string) => k === exclusive || (exclusive === 'base' && k === 'per');
    if (exclusive && kinds.some((k) => !fits(k))) {
      const odd = items.find((x) => !fits(x.stmt.type))!;
      this.bag.add('RUB221', odd.file, odd.stmt.keyword, { title: ind.title, rules: kinds.map(keywordArg) }, { indicator: this.concerned(ind) });
    }
    for (const kind of ['rate', 'deduct', 'base'] as const) {
      for (const x of items.filter((y) => y.stmt.type === kind).slice(1)) {
        this.bag.add('RUB012', x.file, x.stmt.keyword, { keyword: keywordArg(kind), context: '@word.indicator' }, { indicator: this.concerned(ind) });
      }
    }
    const perLines = items.filter((x) => x.stmt.type === 'per');
    const base = items.find((x) => x.stmt.type === 'base');
    if (perLines.length > 0 || base) this.perRule(ind, perLines, base);
    const bandLines = items.filter((x) => x.stmt.type === 'band');
    if (bandLines.length > 0) this.bandRule(ind, bandLines);
    for (const it of items) {
      const { file, stmt } = it;
      if (stmt.type === 'rate' && !ind.rules.some((r) => r.kind === 'rate')) {
        if (!stmt.points || !stmt.step || !stmt.measure) continue;
        const m = this.usedMeasure(it, stmt.measure);
        const points = this.single(file, stmt.points, '@word.indicator');
        const max = stmt.max ? (this.single(file, stmt.max, '@word.cap') ?? null) : null;
        if (!points) continue;
        ind.rules.push({
          kind: 'rate',
          measure: m?.name ?? stmt.measure.value,
          decl: m ?? null,
          per: stmt.step.value,
          percent: stmt.step.percent,
          points,
          max,
          range: this.src(file, stmt.range),
          maxRange: stmt.max ? this.src(file, stmt.max.range) : null,
        });
      } else if (stmt.type === 'deduct' && !ind.rules.some((r) => r.kind === 'deduct')) {
        if (!stmt.points) continue;
        const points = this.pointsRange(file, stmt.points);
        if (points.low.isNegative()) this.bag.add('RUB232', file, stmt.points.range, { what: keywordArg('deduct'), value: points.low.toString() });
        const floor = stmt.floor ? (this.single(file, stmt.floor, '@word.floor') ?? null) : null;
        ind.rules.push({ kind: 'deduct', points, unit: stmt.unit?.value ?? null, floor, range: this.src(file, stmt.range) });
      }
    }
  }

  /** The measure a name in a band or rate stands for (resolved before), marked as used. */
  private usedMeasure(it: Inst, name: A.Name): MeasureIR | undefined {
    const decl = it.measures?.get(name);
    const m = decl ? this.measureOf.get(decl) : undefined;
    if (m) m.used = true;
    return m;
  }

  private perRule(ind: IndicatorIR, lines: Inst[], baseItem: Inst | undefined): void {
    let base: BaseIR | null = null;
    if (baseItem && baseItem.stmt.type === 'base' && baseItem.stmt.points) {
      const p = this.single(baseItem.file, baseItem.stmt.points, keywordArg('base'));
      if (p && p.isNegative()) this.bag.add('RUB232', baseItem.file, baseItem.stmt.points.range, { what: keywordArg('base'), value: p.toString() });
      if (p) base = { points: p, text: baseItem.stmt.text?.value ?? null, range: this.src(baseItem.file, baseItem.stmt.range) };
    }
    const items: PerItemIR[] = [];
    let max: Decimal | null = null;
    let maxRange: SrcRange | null = null;
    let uncapped = false;
    for (const { file, stmt } of lines) {
      if (stmt.type !== 'per' || !stmt.points) continue;
      items.push({ unit: stmt.unit?.value ?? '', points: this.pointsRange(file, stmt.points), range: this.src(file, stmt.range) });
      if (stmt.max) {
        const m = this.single(file, stmt.max, '@word.cap');
        if (m && m.isNegative()) this.bag.add('RUB232', file, stmt.max.range, { what: '@word.cap', value: m.toString() });
        if (m && maxRange) this.bag.add('RUB012', file, stmt.max.range, { keyword: keywordArg('max'), context: '@word.indicator' }, { indicator: this.concerned(ind) });
        else if (m) {
          max = m;
          maxRange = this.src(file, stmt.max.range);
        }
      }
      if (stmt.uncapped) uncapped = true;
    }
    if (items.length === 0 && !base) return;
    const f = baseItem ?? lines[0]!;
    ind.rules.push({ kind: 'per', items, max, uncapped, range: this.src(f.file, f.stmt.range), maxRange, base });
    if (uncapped) ind.uncapped = true;
  }

  private bandRule(ind: IndicatorIR, lines: Inst[]): void {
    const bands: BandIR[] = [];
    let measure: MeasureIR | undefined;
    let measureName: string | null = null;
    let mixed = false;
    let either = false;
    for (const x of lines) {
      const b = x.stmt;
      if (b.type !== 'band' || !b.points) continue;
      const pr = this.pointsRange(x.file, b.points);
      const first = b.tests[0];
      const band: BandIR = {
        label: b.label?.value ?? null,
        measure: null,
        condition: null,
        conditions: [],
        points: pr.high,
        pointsLow: b.points.isRange ? pr.low : null,
        range: this.src(x.file, b.range),
        pointsRange: this.src(x.file, b.points.range),
        conditionRange: first?.condition ? this.src(x.file, first.condition.range) : null,
      };
      if (b.tests.length > 1) either = true;
      for (const t of b.tests) {
        if (!t.measure || !t.condition) continue;
        const m = this.usedMeasure(x, t.measure);
        if (m) this.checkValue(x.file, m, t.condition);
        const interval = this.conditionInterval(x.file, t.condition);
        band.conditions.push({
          measure: t.measure.value,
          measureKind: m?.kind ?? 'number',
          unit: m?.unit ?? null,
          domain: m?.domain ?? { low: null, high: null },
          decl: m ?? null,
          interval,
          text: t.condition.text,
          range: this.src(x.file, t.condition.range),
        });
        if (band.measure === null) {
          band.measure = t.measure.value;
          band.condition = interval;
        }
        if (measureName !== null && measureName !== t.measure.value) mixed = true;
        if (measureName === null) {
          measureName = t.measure.value;
          measure = m;
        }
      }
      bands.push(band);
    }
    const numeric = bands.filter((b) => b.measure !== null);
    // Bands read one measure, unless they say `或`: then each measure is checked on its own.
    if ((numeric.length > 0 && numeric.length < bands.length) || (mixed && !either)) {
      const odd = bands.find((b) => (b.measure === null) !== (bands[0]!.measure === null)) ?? bands[bands.length - 1]!;
      this.bag.add('RUB222', odd.range.file, odd.range, {}, { indicator: this.concerned(ind) });
    }
    ind.rules.push({ kind: 'bands', measure: measureName, domain: measure?.domain ?? null, bands });
  }

  /** A condition's values against its measure: percent or not (RUB230), the printed unit (RUB246). */
  private checkValue(file: string, m: MeasureIR, c: A.Condition): void {
    this.checkValueKind(file, m, c);
    const values = c.kind === 'compare' ? [c.value] : [c.interval.low, c.interval.high];
    for (const v of values) {
      if (v.unit && m.unit !== null && v.unit.value !== m.unit) {
        this.bag.add('RUB246', file, v.unit.range, { value: `${v.value}${v.unit.value}`, unit: v.unit.value, name: m.name, measureUnit: m.unit });
      }
    }
  }

  private checkValueKind(file: string, m: MeasureIR, c: A.Condition): void {
    const values = c.kind === 'compare' ? [c.value] : [c.interval.low, c.interval.high];
    for (const v of values) {
      const wantPercent = m.kind === 'percent';
      if (v.percent !== wantPercent) {
        this.bag.add('RUB230', file, v.range, {
          name: m.name,
          kind: wantPercent ? '@word.percentKind' : '@word.numberKind',
          value: `${v.value}${v.percent ? '%' : ''}`,
          valueKind: v.percent ? '@word.percentKind' : '@word.numberKind',
        }, wantPercent ? { fix: { message: { id: 'fix.addPercent', args: { value: v.value.toString() } }, edits: [{ file, range: { start: v.range.end, end: v.range.end }, newText: '%' }] } } : {});
      }
    }
  }

  private veto(it: Inst): void {
    const s = it.stmt as A.VetoStmt;
    const v: VetoIR = { text: s.text?.value ?? null, when: null, range: this.src(it.file, s.range) };
    if (s.when?.ref && s.when.op && s.when.value) {
      v.when = { ref: s.when.ref.value, target: null, op: s.when.op, value: s.when.value.value, refRange: this.src(it.file, s.when.ref.range) };
    }
    this.vetoes.push({ inst: it, ir: v });
  }
}
