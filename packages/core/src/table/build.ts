// Builds the table model (model.ts) from a compiled rubric and its diagnostics. Pure: the same IR,
// diagnostics and locale always give the same table. Points, sums and reach come from the IR and
// ir/semantics.ts, rules in words from ir/describe.ts; nothing is re-added or re-worded here.
//
// Layout, as the seed documents print their tables:
// - one row per leaf indicator (bonuses included), in tree order: parts, then indicators, then the
//   total row, then the rubric's own bonus items (below the total, outside it), then the total with
//   bonuses and the grade when there are any;
// - a parent is a level cell spanning its leaves' rows, titled with its code, title and declared
//   points (unless the title states them already); a leaf above the deepest level spans the level
//   columns to its right;
// - a parent's 评价标准/评定方法/备注 text is one cell merged over its rows when none of its
//   descendants has its own text in that column, else it is printed in the parent's level cell;
// - a leaf with scoring rules and no 评价标准 of its own shows its rules in words;
// - the columns 评价标准, 评定方法 and 评估结果 are left out when no row has anything in them.
import { Decimal } from '../decimal.js';
import type { Diagnostic } from '../diagnostics.js';
import { statedPoints } from '../check/titles.js';
import { describeIndicatorRules, describeInterval } from '../ir/describe.js';
import type { IndicatorIR, RubricIR, VetoIR } from '../ir/model.js';
import { childrenSum, rubricSum, shownValue } from '../ir/semantics.js';
import { label } from '../ir/words.js';
import type { Locale } from '../messages/render.js';
import { placeDiagnostics, toMark, type PlacedMarks } from './marks.js';
import type {
  ColumnRole,
  RowInput,
  SubtotalMismatch,
  Table,
  TableCell,
  TableColumn,
  TableGroup,
  TableMark,
  TableRef,
  TableRow,
  TableVeto,
} from './model.js';
import { levelHeader, tableWord } from './words.js';

type TextRole = 'standard' | 'method' | 'note';
const TEXT_ROLES: TextRole[] = ['standard', 'method', 'note'];

/** Outside the total: inside a bonus (加分) or a penalty (减分), or not. */
type Outside = 'bonus' | 'penalty' | null;

/** A leaf row before the grid is laid out. */
interface Leaf {
  ind: IndicatorIR;
  level: number;
  bonus: Outside;
  path: number[];
}

/** A parent before the grid is laid out. */
interface Group {
  ind: IndicatorIR;
  level: number;
  bonus: Outside;
  firstRow: number;
  lastRow: number;
  children: TableRef[];
  bonuses: TableRef[];
}

const percentText = (w: Decimal): string => `${w.mul(Decimal.HUNDRED)}%`;

export function buildTable(rubric: RubricIR, diagnostics: readonly Diagnostic[], locale: Locale): Table {
  return new TableBuilder(rubric, diagnostics, locale).build();
}

class TableBuilder {
  private readonly marks: PlacedMarks;
  private readonly leaves: Leaf[] = [];
  private readonly groups: Group[] = [];
  private depth = 1;

  constructor(
    private readonly rubric: RubricIR,
    private readonly diagnostics: readonly Diagnostic[],
    private readonly locale: Locale,
  ) {
    this.marks = placeDiagnostics(rubric, diagnostics, locale);
  }

  build(): Table {
    const r = this.rubric;
    const path: number[] = [];
    const terms: Table['total']['terms'] = [];
    const topBonuses: TableRef[] = [];
    for (const x of [...r.parts, ...r.indicators]) {
      const v = this.visit(x, 1, null, path);
      terms.push({ ref: v.ref, weight: x.kind === 'part' ? x.weight : null });
      topBonuses.push(...v.bonuses);
    }
    const mainRows = this.leaves.length;
    for (const b of r.bonuses) {
      const v = this.visit(b, 1, b.kind === 'penalty' ? 'penalty' : 'bonus', path);
      topBonuses.push(v.ref, ...v.bonuses);
    }
    return this.layout(mainRows, terms, topBonuses);
  }

  /** Walks one indicator: appends its leaf rows and groups; returns its ref and bonus rows shown beside it. */
  private visit(ind: IndicatorIR, level: number, inBonus: Outside, path: number[]): { ref: TableRef; bonuses: TableRef[] } {
    // Bonuses and penalties (and every row inside them) lie outside the total.
    const bonus: Outside = inBonus ?? (ind.kind === 'bonus' || ind.kind === 'penalty' ? ind.kind : null);
    if (ind.children.length === 0) {
      const row = this.leaves.length;
      this.leaves.push({ ind, level, bonus, path: [...path] });
      this.depth = Math.max(this.depth, level);
      // A leaf's own bonus items are shown as rows beside it (at its level), outside its points.
      const extra = ind.bonuses.map((b) => this.visit(b, level, b.kind === 'penalty' ? 'penalty' : 'bonus', path).ref);
      return { ref: { row }, bonuses: extra };
    }
    const index = this.groups.length;
    const g: Group = { ind, level, bonus, firstRow: this.leaves.length, lastRow: -1, children: [], bonuses: [] };
    this.groups.push(g);
    path.push(index);
    for (const c of ind.children) {
      const v = this.visit(c, level + 1, bonus, path);
      g.children.push(v.ref);
      g.bonuses.push(...v.bonuses);
    }
    for (const b of ind.bonuses) {
      const v = this.visit(b, level + 1, b.kind === 'penalty' ? 'penalty' : 'bonus', path);
      g.bonuses.push(v.ref, ...v.bonuses);
    }
    path.pop();
    g.lastRow = this.leaves.length - 1;
    return { ref: { group: index }, bonuses: [] };
  }

  // Words -------------------------------------------------------------------------------------

  private word(id: Parameters<typeof tableWord>[0], args: Record<string, string> = {}): string {
    return tableWord(id, this.locale, args);
  }

  /** A title as printed in its level cell. */
  private titleOf(ind: IndicatorIR, isGroup: boolean): string {
    let t = label(ind);
    if (ind.kind === 'part' && ind.weight) {
      const w = percentText(ind.weight);
      t = isGroup && ind.points !== null ? this.word('title.weight', { title: t, n: ind.points.toString(), w }) : this.word('title.weightOnly', { title: t, w });
    } else if (isGroup && ind.points !== null && !statedPoints(ind.title)) {
      t = this.word('title.points', { title: t, n: ind.points.toString() });
    }
    if (ind.kind === 'bonus' && !/加分|bonus/i.test(ind.title)) t = this.word('title.bonus', { title: t });
    if (ind.kind === 'penalty' && !/减分|扣分|penalty/i.test(ind.title)) t = this.word('title.penalty', { title: t });
    return t;
  }

  private ownText(ind: IndicatorIR, role: TextRole): string[] {
    return role === 'standard' ? ind.standard : role === 'method' ? ind.method : ind.note;
  }

  private inputsOf(ind: IndicatorIR): RowInput[] {
    const out: RowInput[] = [];
    for (const rule of ind.rules) {
      switch (rule.kind) {
        case 'bands': {
          const labels = rule.bands.flatMap((b) => (b.label !== null ? [b.label] : []));
          if (labels.length > 0) out.push({ kind: 'label', labels });
          const measures = new Set(rule.bands.flatMap((b) => (b.label === null && b.measure !== null ? [b.measure] : [])));
          for (const m of measures) out.push(this.measureInput(m));
          break;
        }
        case 'per':
          if (rule.base) out.push({ kind: 'base', text: rule.base.text ?? this.word('input.basePoints', { points: rule.base.points.toString() }) });
          for (const item of rule.items) out.push({ kind: 'count', unit: item.unit });
          break;
        case 'rate':
          out.push(this.measureInput(rule.measure));
          break;
        case 'deduct':
          out.push(rule.unit !== null ? { kind: 'count', unit: rule.unit } : { kind: 'score' });
          break;
      }
    }
    if (out.length === 0 && (ind.points !== null || ind.max !== null || ind.review)) out.push({ kind: 'score' });
    for (const g of ind.gates) out.push({ kind: 'gate', text: g });
    // A measure read by two rules of the leaf (a band and a rate) is recorded once.
    return out.filter((i, k) => i.kind !== 'measure' || out.findIndex((j) => j.kind === 'measure' && j.measure === i.measure) === k);
  }

  private measureInput(name: string): RowInput {
    const m = this.rubric.measures.find((x) => x.name === name);
    return { kind: 'measure', measure: name, valueKind: m?.kind ?? 'number', unit: m?.unit ?? null, domain: m?.domain ?? { low: null, high: null } };
  }

  private inputText(inputs: RowInput[]): string[] {
    return inputs.flatMap((i): string[] => {
      switch (i.kind) {
        case 'score':
          return [];
        case 'label':
          return i.labels.map((l) => this.word('input.label', { label: l }));
        case 'count':
          return [this.word('input.count', { unit: i.unit })];
        case 'measure':
          return [this.word('input.measure', { measure: i.measure, unit: i.valueKind === 'percent' ? '%' : (i.unit ?? '') })];
        case 'gate':
          return [this.word('input.gate', { text: i.text })];
        case 'base':
          return [this.word('input.base', { text: i.text })];
      }
    });
  }

  // Layout ------------------------------------------------------------------------------------

  private layout(mainRows: number, terms: Table['total']['terms'], topBonuses: TableRef[]): Table {
    const r = this.rubric;
    const depth = this.depth;
    const leafMarks = (ind: IndicatorIR): TableMark[] => this.marks.indicators.get(ind) ?? [];

    // Text columns: merged parent cells and leaf cells, per role.
    const text = new Map<TextRole, { cells: Map<number, { lines: string[]; span: number; ind: IndicatorIR }>; covered: Set<number>; inLevel: Map<number, string[]> }>();
    for (const role of TEXT_ROLES) {
      const cells = new Map<number, { lines: string[]; span: number; ind: IndicatorIR }>();
      const covered = new Set<number>();
      const inLevel = new Map<number, string[]>();
      // Which groups and leaves have their own text in this column.
      const hasOwn = (ind: IndicatorIR): boolean => this.ownText(ind, role).length > 0;
      const descendantHas = (ind: IndicatorIR): boolean =>
        ind.children.some((c) => hasOwn(c) || descendantHas(c)) || ind.bonuses.some((c) => hasOwn(c) || descendantHas(c));
      this.groups.forEach((g, gi) => {
        if (!hasOwn(g.ind)) return;
        if (!covered.has(g.firstRow) && !descendantHas(g.ind)) {
          cells.set(g.firstRow, { lines: this.ownText(g.ind, role), span: g.lastRow - g.firstRow + 1, ind: g.ind });
          for (let i = g.firstRow; i <= g.lastRow; i++) covered.add(i);
        } else inLevel.set(gi, this.ownText(g.ind, role));
      });
      this.leaves.forEach((l, i) => {
        if (covered.has(i)) return;
        let lines = this.ownText(l.ind, role);
        if (role === 'standard' && lines.length === 0) lines = describeIndicatorRules(l.ind, r, this.locale);
        if (lines.length > 0) cells.set(i, { lines, span: 1, ind: l.ind });
      });
      text.set(role, { cells, covered, inLevel });
    }
    const inputs = this.leaves.map((l) => this.inputsOf(l.ind));
    const resultText = inputs.map((i) => this.inputText(i));

    // Columns.
    const columns: TableColumn[] = [];
    for (let level = 1; level <= depth; level++) columns.push({ role: 'level', level, header: depth === 1 ? this.word('header.indicators') : levelHeader(level, this.locale), width: 0 });
    const present = (role: ColumnRole): boolean => {
      if (role === 'result') return resultText.some((t) => t.length > 0);
      if (role === 'standard' || role === 'method') return text.get(role)!.cells.size > 0;
      return true;
    };
    for (const role of ['points', 'standard', 'method', 'result', 'self', 'score', 'note'] as const) {
      if (present(role)) columns.push({ role, level: null, header: this.word(`header.${role}`), width: 0 });
    }
    const col = (role: ColumnRole): number => columns.findIndex((c) => c.role === role);

    // Groups of the model.
    const tgroups: TableGroup[] = this.groups.map((g) => {
      const gm = leafMarks(g.ind);
      return {
        indicatorId: g.ind.id,
        kind: g.bonus ?? g.ind.kind,
        level: g.level,
        code: g.ind.code,
        title: g.ind.title,
        points: shownValue(g.ind),
        weight: g.ind.weight,
        firstRow: g.firstRow,
        lastRow: g.lastRow,
        children: g.children,
        bonuses: g.bonuses,
        range: g.ind.range,
        subtotal: this.subtotalOf(g.ind, gm),
        marks: gm,
      };
    });

    // Leaf rows.
    const blank = (role: ColumnRole, lines: string[] = [], ind: IndicatorIR | null = null): TableCell => ({
      role,
      lines,
      rowSpan: 1,
      colSpan: 1,
      indicatorId: ind?.id ?? null,
      range: ind?.titleRange ?? null,
      marks: [],
      subtotal: null,
    });
    const rows: TableRow[] = this.leaves.map((l, i) => {
      const cells: (TableCell | null)[] = columns.map(() => null);
      const marks = leafMarks(l.ind);
      const lines = [this.titleOf(l.ind, false)];
      cells[l.level - 1] = { ...blank('level', lines, l.ind), colSpan: depth - l.level + 1, marks };
      for (const c of columns.keys()) {
        const role = columns[c]!.role;
        if (role === 'level') continue;
        if (role === 'standard' || role === 'method' || role === 'note') {
          const t = text.get(role)!;
          const cell = t.cells.get(i);
          if (cell) cells[c] = { ...blank(role, cell.lines, cell.ind), rowSpan: cell.span };
          else if (!t.covered.has(i)) cells[c] = blank(role, [], l.ind);
          continue;
        }
        if (role === 'points') {
          const p = shownValue(l.ind);
          cells[c] = blank(role, p === null ? [] : [p.toString()], l.ind);
        } else if (role === 'result') cells[c] = blank(role, resultText[i]!, l.ind);
        else cells[c] = blank(role, [], l.ind);
      }
      return {
        kind: 'leaf',
        indicatorId: l.ind.id,
        indicatorKind: l.bonus ?? l.ind.kind,
        level: l.level,
        range: l.ind.titleRange,
        path: l.path.map((g) => this.groups[g]!.ind.id),
        cells,
        inputs: inputs[i]!,
        points: shownValue(l.ind),
        min: l.ind.min,
        max: l.ind.max,
        step: r.step,
        marks,
      };
    });

    // Parents' level cells.
    this.groups.forEach((g, gi) => {
      const tg = tgroups[gi]!;
      const lines = [this.titleOf(g.ind, true)];
      for (const role of TEXT_ROLES) lines.push(...(text.get(role)!.inLevel.get(gi) ?? []));
      lines.push(...(g.ind.rules.length > 0 || g.ind.gates.length > 0 ? describeIndicatorRules(g.ind, r, this.locale) : []));
      rows[g.firstRow]!.cells[g.level - 1] = { ...blank('level', lines, g.ind), rowSpan: g.lastRow - g.firstRow + 1, marks: tg.marks, subtotal: tg.subtotal };
    });

    // Summary rows: the total after the main rows, the rubric's bonus items, the total with bonuses, the grade.
    const summary = (kind: TableRow['kind'], title: string, points: Decimal | null, extra: Partial<TableCell> = {}): TableRow => {
      const cells: (TableCell | null)[] = columns.map((c) => (c.role === 'level' ? null : blank(c.role)));
      cells[0] = { ...blank('level', [title]), colSpan: depth };
      const pc = col('points');
      cells[pc] = { ...blank('points', points === null ? [] : [points.toString()]), ...extra };
      return { kind, indicatorId: null, indicatorKind: null, level: 1, range: null, path: [], cells, inputs: [], points, min: null, max: null, step: r.step, marks: extra.marks ?? [] };
    };
    const computed = rubricSum(r);
    const totalMismatch: SubtotalMismatch | null =
      r.total !== null && computed !== null && this.marks.total.some((m) => m.code === 'RUB202') ? { code: 'RUB202', declared: r.total, computed } : null;
    const totalTitle =
      r.parts.length > 0
        ? this.word('row.weighted', {
            terms: [...r.parts.map((p) => `${p.title}×${p.weight ? percentText(p.weight) : '?'}`), ...r.indicators.map((x) => x.title)].join(' + '),
          })
        : this.word('row.total');
    const out: TableRow[] = rows.slice(0, mainRows);
    if (mainRows > 0) out.push(summary('total', totalTitle, r.total ?? computed, { marks: this.marks.total, subtotal: totalMismatch }));
    const shift = out.length - mainRows; // rows after the total move down by one
    out.push(...rows.slice(mainRows));
    const hasBonus = this.leaves.some((l) => l.bonus !== null);
    if (hasBonus) out.push(summary('final', this.word('row.final'), null));
    if (r.grades.length > 0) out.push(summary('grade', this.word('row.grade'), null));
    const moved = (i: number): number => (i >= mainRows ? i + shift : i);
    const moveRef = (x: TableRef): TableRef => ('row' in x ? { row: moved(x.row) } : x);
    for (const g of tgroups) {
      g.firstRow = moved(g.firstRow);
      g.lastRow = moved(g.lastRow);
      g.children = g.children.map(moveRef);
      g.bonuses = g.bonuses.map(moveRef);
    }

    this.sizeColumns(columns, out);
    // A veto on a score names its indicator: a group, or a leaf row.
    const vetoOn = (w: VetoIR['when']): TableVeto['when'] => {
      if (!w || w.target === null) return null;
      const group = tgroups.findIndex((g) => g.indicatorId === w.target);
      const row = out.findIndex((x) => x.indicatorId === w.target);
      const ref: TableRef | null = group >= 0 ? { group } : row >= 0 ? { row } : null;
      return ref ? { ref, op: w.op, value: w.value } : null;
    };
    return {
      locale: this.locale,
      title: r.title,
      file: r.file,
      depth,
      step: r.step,
      columns,
      header: this.header(columns, depth),
      rows: out,
      groups: tgroups,
      total: {
        declared: r.total,
        computed,
        mismatch: totalMismatch,
        terms: terms.map((t) => ({ ...t, ref: moveRef(t.ref) })),
        bonuses: topBonuses.map(moveRef),
        marks: this.marks.total,
      },
      bonuses: [...tgroups.flatMap((g) => g.bonuses), ...topBonuses.map(moveRef)],
      cap: r.cap,
      gradesWithBonus: r.gradesWithBonus,
      grades: r.grades.map((g) => ({ name: g.name, scores: g.scores, condition: describeInterval(g.scores, ''), range: g.range, marks: this.marks.grades.get(g) ?? [] })),
      vetoes: r.vetoes.map((v) => ({ text: v.text ?? (v.when ? `${v.when.ref} ${v.when.op} ${v.when.value}` : ''), when: vetoOn(v.when), range: v.range, marks: this.marks.vetoes.get(v) ?? [] })),
      notes: r.note,
      words: {
        grades: this.word('section.grades'),
        vetoes: this.word('section.vetoes'),
        notes: this.word('section.notes'),
        problems: this.word('section.problems'),
        legend: this.word('legend'),
      },
      otherMarks: this.marks.other,
      allMarks: this.diagnostics.map((d) => toMark(d, this.locale)),
      errors: this.diagnostics.filter((d) => d.severity === 'error').length,
      warnings: this.diagnostics.filter((d) => d.severity === 'warning').length,
    };
  }

  /** A parent's subtotal that the checker found wrong (RUB201 on it): declared vs what its children add up to. */
  private subtotalOf(ind: IndicatorIR, marks: TableMark[]): SubtotalMismatch | null {
    if (ind.points === null || !marks.some((m) => m.code === 'RUB201')) return null;
    const computed = childrenSum(ind);
    return computed === null ? null : { code: 'RUB201', declared: ind.points, computed };
  }

  private header(columns: TableColumn[], depth: number): (TableCell | null)[][] {
    const cell = (role: ColumnRole, text: string, rowSpan: number, colSpan: number): TableCell => ({
      role,
      lines: [text],
      rowSpan,
      colSpan,
      indicatorId: null,
      range: null,
      marks: [],
      subtotal: null,
    });
    if (depth === 1) return [columns.map((c) => cell(c.role, c.header, 1, 1))];
    const top: (TableCell | null)[] = columns.map((c) => (c.role === 'level' ? null : cell(c.role, c.header, 2, 1)));
    top[0] = cell('level', this.word('header.indicators'), 1, depth);
    const second: (TableCell | null)[] = columns.map((c) => (c.role === 'level' ? cell('level', c.header, 1, 1) : null));
    return [top, second];
  }

  /** Suggested widths, in CJK characters, from what the cells say (wide text wraps). */
  private sizeColumns(columns: TableColumn[], rows: TableRow[]): void {
    const LIMITS: Record<ColumnRole, [number, number]> = {
      level: [6, 26],
      points: [5, 8],
      standard: [16, 34],
      method: [10, 24],
      result: [10, 16],
      self: [6, 6],
      score: [6, 6],
      note: [6, 12],
    };
    const len = (s: string): number => {
      let n = 0;
      for (const ch of s) n += ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1;
      return n;
    };
    columns.forEach((c, i) => {
      const sizes: number[] = [len(c.header)];
      for (const row of rows) {
        const cell = row.cells[i];
        // A tall merged text cell may wrap onto more lines; a level cell should keep its title on a line or two.
        const share = c.role === 'level' ? 1 : Math.max(1, Math.min(cell?.rowSpan ?? 1, 3));
        if (cell && cell.colSpan === 1) for (const line of cell.lines) sizes.push(len(line) / share);
      }
      sizes.sort((a, b) => a - b);
      const p80 = sizes[Math.floor(sizes.length * 0.8)] ?? 0;
      const [lo, hi] = LIMITS[c.role];
      c.width = Math.round(Math.max(lo, Math.min(hi, p80)));
    });
  }
}
