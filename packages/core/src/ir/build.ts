// AST → IR. Resolves imports (through a host: core does no I/O), sections (使用), measures and
// references; enforces where each statement may appear; computes every node's reachable min/max.
// Reports RUB011–RUB013, RUB1xx and the literal-level RUB23x checks. Arithmetic consistency is left
// to the checks (check/*.ts), which read only the IR.
import { Decimal } from '../decimal.js';
import { DiagnosticBag } from '../diagnostics.js';
import type { Range } from '../source.js';
import type * as A from '../syntax/ast.js';
import { KEYWORDS } from '../syntax/tokens.js';
import { isRefusal, reportImportFailure, type ReadRefusal } from '../imports.js';
import { tooDeep } from '../syntax/depth.js';
import { renameFix } from './suggest.js';
import { allIndicators } from './walk.js';
import type { ParseResult } from '../syntax/cst-to-ast.js';
import type { BandIR, Bound, IndicatorIR, IntervalIR, MeasureIR, PerItemIR, RubricIR, RuleIR, SrcRange, VetoIR } from './model.js';

export interface LoadedFile {
  path: string;
  parse: ParseResult;
}

/** Where a file's imports come from: already-parsed files by normalized path, undefined when missing, or why it was refused. */
export type FileLoader = (path: string) => LoadedFile | ReadRefusal | undefined;

/** Joins a relative import path to the importing file's folder, with `/` separators. */
export function resolveImport(from: string, target: string): string {
  if (target.startsWith('/') || /^[A-Za-z]:[\\/]/.test(target)) return normalizePath(target);
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  return normalizePath(dir + target);
}

export function normalizePath(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return (abs ? '/' : '') + out.join('/');
}

/** A statement after sections are spliced in: where it was written and through which sections. */
interface Item {
  file: string;
  stmt: A.Statement;
  chain: string[];
}

interface SectionDef {
  file: string;
  decl: A.SectionDecl;
}

type Context = 'rubric' | 'indicator' | 'part' | 'bonus';

const ALLOWED: Record<Context, Set<A.Statement['type']>> = {
  rubric: new Set(['total', 'step', 'measure', 'indicator', 'standard', 'method', 'note', 'veto', 'bonus', 'part', 'grade', 'use']),
  indicator: new Set(['indicator', 'standard', 'method', 'note', 'band', 'measure', 'per', 'rate', 'deduct', 'gate', 'review', 'uncapped', 'bonus', 'use', 'veto']),
  part: new Set(['indicator', 'standard', 'method', 'note', 'band', 'measure', 'per', 'rate', 'deduct', 'gate', 'review', 'uncapped', 'bonus', 'use', 'veto']),
  bonus: new Set(['indicator', 'standard', 'method', 'note', 'band', 'measure', 'per', 'rate', 'deduct', 'gate', 'review', 'uncapped', 'use']),
};

const CONTEXT_WORD: Record<Context, string> = {
  rubric: '@word.rubric',
  indicator: '@word.indicator',
  part: '@word.part',
  bonus: '@word.bonus',
};

export interface BuildResult {
  rubric: RubricIR | undefined;
  /** Every file that was loaded, the entry first. */
  files: LoadedFile[];
}

export function buildProgram(entry: LoadedFile, load: FileLoader, bag: DiagnosticBag): BuildResult {
  const files: LoadedFile[] = [entry];
  const sections = new Map<string, SectionDef>();
  const visiting: string[] = [];
  const done = new Set<string>();

  const visit = (f: LoadedFile): void => {
    visiting.push(f.path);
    for (const d of f.parse.ast.decls) {
      if (d.type === 'section' && d.name) {
        const prev = sections.get(d.name.value);
        if (prev && !(prev.file === f.path && prev.decl === d)) {
          if (prev.file === f.path || f === entry) {
            bag.add('RUB106', f.path, d.name.range, { name: d.name.value }, {
              related: [{ file: prev.file, range: prev.decl.name!.range, message: { id: 'related.previous', args: {} } }],
            });
          }
        } else sections.set(d.name.value, { file: f.path, decl: d });
      }
    }
    for (const d of f.parse.ast.decls) {
      if (d.type !== 'import' || !d.path) continue;
      const target = resolveImport(f.path, d.path.value);
      if (visiting.includes(target)) {
        const cycle = [...visiting.slice(visiting.indexOf(target)), target].map(baseName).join(' → ');
        bag.add('RUB103', f.path, d.path.range, { cycle });
        continue;
      }
      if (done.has(target)) continue;
      const loaded = load(target);
      if (!loaded || isRefusal(loaded)) {
        reportImportFailure(bag, f.path, d.path, loaded);
        continue;
      }
      files.push(loaded);
      visit(loaded);
    }
    visiting.pop();
    done.add(f.path);
  };
  visit(entry);

  const rubrics = entry.parse.ast.decls.filter((d): d is A.RubricDecl => d.type === 'rubric');
  for (const extra of rubrics.slice(1)) bag.add('RUB011', entry.path, extra.keyword);
  const decl = rubrics[0];
  const b = new Builder(bag, sections);
  if (decl) return { rubric: b.rubric(entry.path, decl, files.map((f) => f.path)), files };
  // A library file: build its own sections alone so that their arithmetic is still checked.
  const own = [...sections.values()].filter((s) => s.file === entry.path);
  if (own.length === 0) return { rubric: undefined, files };
  return { rubric: b.library(entry.path, own, files.map((f) => f.path)), files };
}

function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

interface Scope {
  measures: Map<string, MeasureIR>;
  parent: Scope | undefined;
}

function lookupMeasure(s: Scope | undefined, name: string): MeasureIR | undefined {
  for (let x = s; x; x = x.parent) {
    const m = x.measures.get(name);
    if (m) return m;
  }
  return undefined;
}

class Builder {
  private readonly allMeasures: MeasureIR[] = [];
  private maxDecimals = 0;

  constructor(
    private readonly bag: DiagnosticBag,
    private readonly sections: Map<string, SectionDef>,
  ) {}

  private src(file: string, r: Range): SrcRange {
    return { file, start: r.start, end: r.end };
  }

  private notePoints(d: Decimal): void {
    this.maxDecimals = Math.max(this.maxDecimals, d.decimals);
  }

  /**
   * Flattens `使用` into the statements of the section, each tagged with its file and with the chain
   * of sections it came through (so that a section used again inside its own indicators is caught).
   */
  private expand(file: string, stmts: A.Statement[], ctx: Context, chain: string[]): Item[] {
    const out: Item[] = [];
    for (const s of stmts) {
      if (s.type !== 'use') {
        out.push({ file, stmt: s, chain });
        continue;
      }
      if (!s.name) continue;
      const def = this.sections.get(s.name.value);
      if (!def) {
        const fix = renameFix(file, s.name.range, s.name.value, this.sections.keys());
        this.bag.add('RUB104', file, s.name.range, { name: s.name.value }, fix ? { fix } : {});
        continue;
      }
      if (chain.includes(s.name.value)) {
        this.bag.add('RUB112', file, s.name.range, { name: s.name.value });
        continue;
      }
      // A loop, not push(...items): a section may hold more statements than a call takes arguments.
      for (const it of this.expand(def.file, def.decl.body?.statements ?? [], ctx, [...chain, s.name.value])) out.push(it);
    }
    return out;
  }

  rubric(file: string, decl: A.RubricDecl, files: string[]): RubricIR {
    const scope: Scope = { measures: new Map(), parent: undefined };
    const r: RubricIR = {
      title: decl.title?.value ?? '',
      file,
      range: this.src(file, decl.range),
      total: null,
      totalRange: null,
      step: Decimal.ONE,
      stepDeclared: false,
      min: null,
      max: null,
      measures: this.allMeasures,
      indicators: [],
      parts: [],
      bonuses: [],
      vetoes: [],
      grades: [],
      note: [],
      files,
    };
    const seen = new Map<string, Range>();
    const once = (key: string, f: string, s: A.Statement, word: string): boolean => {
      if (seen.has(key)) {
        this.bag.add('RUB012', f, s.keyword, { keyword: word, context: CONTEXT_WORD.rubric });
        return false;
      }
      seen.set(key, s.keyword);
      return true;
    };
    const items = this.expand(file, decl.body?.statements ?? [], 'rubric', []);
    for (const { file: f, stmt: s } of items) if (s.type === 'measure') this.measure(f, s, scope);
    let topIndex = 0;
    for (const { file: f, stmt: s, chain } of items) {
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
          r.indicators.push(this.indicator(f, s, undefined, ++topIndex, 1, scope, 'indicator', chain));
          break;
        case 'part':
          r.parts.push(this.part(f, s, r.parts.length + 1, scope, chain));
          break;
        case 'bonus':
          r.bonuses.push(this.indicator(f, s, undefined, r.bonuses.length + 1, 1, scope, 'bonus', chain));
          break;
        case 'veto':
          r.vetoes.push(this.veto(f, s));
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
    if (r.parts.length > 0) {
      let min: Decimal | null = Decimal.ZERO;
      let max: Decimal | null = Decimal.ZERO;
      for (const p of r.parts) {
        const w = p.weight ?? Decimal.ZERO;
        min = min && p.min ? min.add(p.min.mul(w)) : null;
        max = max && p.max ? max.add(p.max.mul(w)) : null;
      }
      for (const i of r.indicators) {
        min = min && i.min ? min.add(i.min) : null;
        max = max && i.max ? max.add(i.max) : null;
      }
      r.min = min;
      r.max = max;
    } else {
      r.min = sumOrNull(r.indicators.map((i) => i.min));
      r.max = sumOrNull(r.indicators.map((i) => i.max));
    }
    if (!r.stepDeclared) r.step = Decimal.unit(this.maxDecimals);
    this.resolveVetoes(r);
    return r;
  }

  library(file: string, own: SectionDef[], files: string[]): RubricIR {
    const synthetic: A.RubricDecl = {
      type: 'rubric',
      range: own[0]!.decl.range,
      keyword: own[0]!.decl.keyword,
      body: {
        statements: own.map((s) => ({ type: 'use', range: s.decl.range, keyword: s.decl.keyword, name: { value: s.decl.name!.value, range: s.decl.name!.range } })),
        range: own[0]!.decl.range,
        closed: true,
      },
    };
    const r = this.rubric(file, synthetic, files);
    r.title = '';
    return r;
  }

  private misplaced(file: string, s: A.Statement, ctx: Context): void {
    const spelled = s.keyword;
    this.bag.add('RUB013', file, spelled, { keyword: keywordWord(s.type), context: CONTEXT_WORD[ctx] });
  }

  private measure(file: string, s: A.MeasureStmt, scope: Scope): void {
    if (!s.name || !s.measureKind) return;
    const prev = scope.measures.get(s.name.value);
    if (prev) {
      this.bag.add('RUB106', file, s.name.range, { name: s.name.value }, {
        related: [{ file: prev.range.file, range: prev.range, message: { id: 'related.previous', args: {} } }],
      });
      return;
    }
    const domain: IntervalIR = s.domain
      ? this.interval(file, s.domain)
      : s.measureKind === 'percent'
        ? { low: { value: Decimal.ZERO, closed: true }, high: { value: Decimal.HUNDRED, closed: true } }
        : { low: { value: Decimal.ZERO, closed: true }, high: null };
    const m: MeasureIR = { name: s.name.value, kind: s.measureKind, unit: s.unit?.value ?? null, domain, range: this.src(file, s.name.range), used: false };
    scope.measures.set(m.name, m);
    this.allMeasures.push(m);
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

  private part(file: string, s: A.PartStmt, index: number, scope: Scope, chain: string[]): IndicatorIR {
    const ind = this.indicator(file, s, undefined, index, 1, scope, 'part', chain);
    if (s.weight) {
      if (!s.weight.percent) this.bag.add('RUB230', file, s.weight.range, { name: '@word.weight', kind: '@word.percentKind', value: s.weight.value.toString(), valueKind: '@word.numberKind' });
      if (s.weight.value.isNegative()) this.bag.add('RUB232', file, s.weight.range, { what: '@word.weight', value: s.weight.value.toString() });
      ind.weight = s.weight.percent ? s.weight.value.percent() : s.weight.value;
      ind.weightRange = this.src(file, s.weight.range);
    } else {
      this.bag.add('RUB224', file, s.name?.range ?? s.keyword, { name: s.name?.value ?? '' });
    }
    return ind;
  }

  private indicator(
    file: string,
    s: A.IndicatorStmt | A.BonusStmt | A.PartStmt,
    parent: IndicatorIR | undefined,
    index: number,
    level: number,
    outer: Scope,
    kind: IndicatorIR['kind'],
    chain: string[],
  ): IndicatorIR {
    const code = s.type === 'indicator' || s.type === 'bonus' ? s.code : undefined;
    const titleText = s.type === 'part' ? (s.title ?? s.name) : s.title;
    const nameText = s.type === 'part' ? s.name : s.title && !s.title.quoted ? s.title : undefined;
    const prefix = kind === 'bonus' ? 'bonus' : kind === 'part' ? 'part' : '';
    const id = code?.value ?? (kind === 'part' && nameText ? nameText.value : parent ? `${parent.id}#${index}` : `${prefix}#${index}`);
    const ind: IndicatorIR = {
      id,
      kind,
      name: nameText?.value ?? null,
      code: code?.value ?? null,
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
    if (s.points) {
      const p = this.single(file, s.points, `@word.${kind}`);
      if (p) {
        ind.points = p;
        ind.pointsRange = this.src(file, s.points.range);
      }
    }
    const ctx: Context = kind;
    const scope: Scope = { measures: new Map(), parent: outer };
    // Sections used inside indicators can nest deeper than any one file does: the same limit applies.
    const items = tooDeep(level, s.body, file, this.bag) ? [] : this.expand(file, s.body?.statements ?? [], ctx, chain);
    for (const { file: f, stmt: st } of items) if (st.type === 'measure') this.measure(f, st, scope);

    const bands: BandIR[] = [];
    const ruleStmts: Item[] = [];
    let childIndex = 0;
    for (const it of items) {
      const { file: f, stmt: st, chain: via } = it;
      if (!ALLOWED[ctx].has(st.type)) {
        this.misplaced(f, st, ctx);
        continue;
      }
      switch (st.type) {
        case 'indicator':
          ind.children.push(this.indicator(f, st, ind, ++childIndex, level + 1, scope, 'indicator', via));
          break;
        case 'bonus':
          ind.bonuses.push(this.indicator(f, st, ind, ind.bonuses.length + 1, level + 1, scope, 'bonus', via));
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
          ruleStmts.push(it);
          break;
        case 'veto':
          // A veto written inside an indicator still vetoes the whole evaluation; it is kept as a note.
          if (st.text) ind.note.push(st.text.value);
          break;
        default:
          break;
      }
    }
    this.rule(ind, ruleStmts, bands, scope);
    computeReach(ind);
    return ind;
  }

  private rule(ind: IndicatorIR, stmts: Item[], bands: BandIR[], scope: Scope): void {
    if (stmts.length === 0) return;
    const first = stmts[0]!;
    if (ind.children.length > 0) {
      this.bag.add('RUB220', first.file, first.stmt.keyword, { title: ind.title }, { indicator: label(ind) });
    }
    const kinds = [...new Set(stmts.map((x) => x.stmt.type))];
    // Bands, per-occurrence points and rates may be alternatives (the best applies); a deduction
    // from full marks cannot be combined with another way of scoring.
    if (kinds.length > 1 && kinds.includes('deduct')) {
      const odd = stmts.find((x) => x.stmt.type !== kinds[0])!;
      this.bag.add('RUB221', odd.file, odd.stmt.keyword, { title: ind.title, rules: kinds.map(keywordWord).join('、') }, { indicator: label(ind) });
    }
    for (const kind of ['rate', 'deduct'] as const) {
      for (const x of stmts.filter((y) => y.stmt.type === kind).slice(1)) {
        this.bag.add('RUB012', x.file, x.stmt.keyword, { keyword: keywordWord(kind), context: '@word.indicator' }, { indicator: label(ind) });
      }
    }
    const perLines = stmts.filter((x) => x.stmt.type === 'per');
    if (perLines.length > 0) this.perRule(ind, perLines);
    const bandLines = stmts.filter((x) => x.stmt.type === 'band');
    if (bandLines.length > 0) this.bandRule(ind, bandLines, bands, scope);
    for (const { file, stmt } of stmts) {
      if (stmt.type === 'rate' && !ind.rules.some((r) => r.kind === 'rate')) {
        if (!stmt.points || !stmt.step || !stmt.measure) continue;
        const m = lookupMeasure(scope, stmt.measure.value);
        if (!m) this.unknownMeasure(file, stmt.measure, scope, ind);
        else m.used = true;
        const points = this.single(file, stmt.points, '@word.indicator');
        const max = stmt.max ? this.single(file, stmt.max, '@word.cap') ?? null : null;
        if (!points) continue;
        ind.rules.push({
          kind: 'rate',
          measure: stmt.measure.value,
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
        if (points.low.isNegative()) this.bag.add('RUB232', file, stmt.points.range, { what: keywordWord('deduct'), value: points.low.toString() });
        const floor = stmt.floor ? this.single(file, stmt.floor, '@word.floor') ?? null : null;
        ind.rules.push({ kind: 'deduct', points, unit: stmt.unit?.value ?? null, floor, range: this.src(file, stmt.range) });
      }
    }
  }

  private perRule(ind: IndicatorIR, lines: Item[]): void {
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
        if (m && maxRange) this.bag.add('RUB012', file, stmt.max.range, { keyword: '最高', context: '@word.indicator' }, { indicator: label(ind) });
        else if (m) {
          max = m;
          maxRange = this.src(file, stmt.max.range);
        }
      }
      if (stmt.uncapped) uncapped = true;
    }
    if (items.length === 0) return;
    const f = lines[0]!;
    ind.rules.push({ kind: 'per', items, max, uncapped, range: this.src(f.file, f.stmt.range), maxRange });
    if (uncapped) ind.uncapped = true;
  }

  private bandRule(ind: IndicatorIR, stmts: Item[], bands: BandIR[], scope: Scope): void {
    let measure: string | null = null;
    let mixed = false;
    for (const x of stmts) {
      const b = x.stmt;
      if (b.type !== 'band' || !b.points) continue;
      const pts = this.single(x.file, b.points, '@word.bands');
      if (!pts) continue;
      const band: BandIR = {
        label: b.label?.value ?? null,
        measure: b.measure?.value ?? null,
        condition: null,
        points: pts,
        range: this.src(x.file, b.range),
        pointsRange: this.src(x.file, b.points.range),
        conditionRange: b.condition ? this.src(x.file, b.condition.range) : null,
      };
      if (b.measure && b.condition) {
        const m = lookupMeasure(scope, b.measure.value);
        if (!m) this.unknownMeasure(x.file, b.measure, scope, ind);
        else {
          m.used = true;
          this.checkValueKind(x.file, m, b.condition);
        }
        band.condition = this.conditionInterval(x.file, b.condition);
        if (measure !== null && measure !== b.measure.value) mixed = true;
        measure ??= b.measure.value;
      }
      bands.push(band);
    }
    const numeric = bands.filter((b) => b.measure !== null);
    if ((numeric.length > 0 && numeric.length < bands.length) || mixed) {
      const odd = bands.find((b) => (b.measure === null) !== (bands[0]!.measure === null)) ?? bands[bands.length - 1]!;
      this.bag.add('RUB222', odd.range.file, odd.range, {}, { indicator: label(ind) });
    }
    const dm = measure ? lookupMeasure(scope, measure) : undefined;
    ind.rules.push({ kind: 'bands', measure, domain: dm?.domain ?? null, bands });
  }

  private unknownMeasure(file: string, name: A.Name, scope: Scope, ind: IndicatorIR): void {
    const visible: string[] = [];
    for (let x: Scope | undefined = scope; x; x = x.parent) for (const k of x.measures.keys()) visible.push(k);
    const fix = renameFix(file, name.range, name.value, visible);
    this.bag.add('RUB105', file, name.range, { name: name.value }, fix ? { indicator: label(ind), fix } : { indicator: label(ind) });
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

  private veto(file: string, s: A.VetoStmt): VetoIR {
    const v: VetoIR = { text: s.text?.value ?? null, when: null, range: this.src(file, s.range) };
    if (s.when?.ref && s.when.op && s.when.value) {
      v.when = { ref: s.when.ref.value, target: null, op: s.when.op, value: s.when.value.value, refRange: this.src(file, s.when.ref.range) };
    }
    return v;
  }

  private resolveVetoes(r: RubricIR): void {
    if (!r.vetoes.some((v) => v.when)) return;
    const all = allIndicators(r);
    for (const v of r.vetoes) {
      if (!v.when) continue;
      const ref = v.when.ref;
      const hits = all.filter((x) => x.name === ref || x.code === ref || x.title === ref);
      const rr = v.when.refRange;
      if (hits.length === 1) v.when.target = hits[0]!.id;
      else if (hits.length === 0) {
        const names = all.flatMap((x) => [x.name, x.code].filter((n): n is string => n !== null));
        const fix = renameFix(rr.file, rr, ref, names);
        this.bag.add('RUB101', rr.file, rr, { name: ref }, fix ? { fix } : {});
      }
      else this.bag.add('RUB111', rr.file, rr, { name: ref, count: hits.length });
    }
  }
}

/** The word a statement's keyword is shown as in messages: its first Chinese spelling. */
export function keywordWord(type: string): string {
  const k = KEYWORDS.find((x) => x.name.toLowerCase() === type);
  return k?.zh[0] ?? type;
}

export function label(ind: IndicatorIR): string {
  return ind.code ? `${ind.code} ${ind.title}` : ind.title;
}

function sumOrNull(xs: (Decimal | null)[]): Decimal | null {
  let acc = Decimal.ZERO;
  for (const x of xs) {
    if (x === null) return null;
    acc = acc.add(x);
  }
  return acc;
}

function boundsCover(domain: IntervalIR, bands: IntervalIR[]): boolean {
  // True when the bands leave no part of the domain uncovered at its ends (interior gaps are
  // reported separately); used only to decide whether an unmatched value scoring 0 is reachable.
  const lows = bands.map((b) => b.low);
  const highs = bands.map((b) => b.high);
  const coversLow = lows.some((l) => l === null || (domain.low !== null && (l.value.lt(domain.low.value) || (l.value.eq(domain.low.value) && (l.closed || !domain.low.closed)))));
  const coversHigh = highs.some((h) => h === null || (domain.high !== null && (h.value.gt(domain.high.value) || (h.value.eq(domain.high.value) && (h.closed || !domain.high.closed)))));
  return coversLow && coversHigh;
}

/** Reachable min and max of one rule on a leaf with declared points `p` (null: unbounded). */
function ruleReach(r: RuleIR, p: Decimal | null): [Decimal | null, Decimal | null] {
  switch (r.kind) {
    case 'bands': {
      const pts = r.bands.map((b) => b.points);
      if (pts.length === 0) return [Decimal.ZERO, Decimal.ZERO];
      let min = pts.reduce((a, b) => Decimal.min(a, b));
      let max = pts.reduce((a, b) => Decimal.max(a, b));
      const numeric = r.bands.filter((b) => b.condition);
      const domain: IntervalIR = r.domain ?? { low: { value: Decimal.ZERO, closed: true }, high: null };
      // Values outside every band score 0: qualitative bands always allow "none of these", numeric
      // bands when they do not reach both ends of the measure's domain.
      if (numeric.length < r.bands.length || !boundsCover(domain, numeric.map((b) => b.condition!))) {
        min = Decimal.min(min, Decimal.ZERO);
        max = Decimal.max(max, Decimal.ZERO);
      }
      return [min, max];
    }
    case 'per': {
      const cap = r.uncapped ? null : (r.max ?? p ?? null);
      if (r.items.every((i) => i.points.low.isNegative())) return [cap ? cap.neg() : null, Decimal.ZERO];
      return [Decimal.ZERO, cap];
    }
    case 'rate':
      return [Decimal.ZERO, r.max ?? p ?? null];
    case 'deduct':
      return [r.floor ?? (p ? Decimal.min(p, Decimal.ZERO) : null), p ?? Decimal.ZERO];
  }
}

/** Reachable min and max of one indicator from its children or its rules (the best rule applies). */
export function computeReach(ind: IndicatorIR): void {
  const p = ind.points;
  let min: Decimal | null;
  let max: Decimal | null;
  if (ind.children.length > 0) {
    min = sumOrNull(ind.children.map((c) => c.min));
    max = sumOrNull(ind.children.map((c) => c.max));
  } else if (ind.rules.length === 0) {
    min = p ? Decimal.min(p, Decimal.ZERO) : Decimal.ZERO;
    max = p ? Decimal.max(p, Decimal.ZERO) : Decimal.ZERO;
  } else {
    const reaches = ind.rules.map((r) => ruleReach(r, p));
    min = reaches.some(([lo]) => lo === null) ? null : reaches.map(([lo]) => lo!).reduce((a, b) => Decimal.min(a, b));
    max = reaches.some(([, hi]) => hi === null) ? null : reaches.map(([, hi]) => hi!).reduce((a, b) => Decimal.max(a, b));
  }
  if (ind.uncapped) max = null;
  if (ind.gates.length > 0) {
    if (min !== null) min = Decimal.min(min, Decimal.ZERO);
    if (max !== null) max = Decimal.max(max, Decimal.ZERO);
  }
  ind.min = min;
  ind.max = max;
}

export type { Bound };
