// Which diagnostic belongs to which part of the table. A diagnostic inside a grade, a veto or the
// 总分 statement belongs to that entry; otherwise to the innermost indicator whose source contains
// it (every instance of it, when a section is used more than once); anything else is left over.
// Linear in the number of indicators plus O(log n) per diagnostic.
import type { Diagnostic } from '../diagnostics.js';
import type { GradeIR, IndicatorIR, RubricIR, SrcRange, VetoIR } from '../ir/model.js';
import { renderDiagnostic, type Locale } from '../messages/render.js';
import type { TableMark } from './model.js';

export interface PlacedMarks {
  indicators: Map<IndicatorIR, TableMark[]>;
  total: TableMark[];
  grades: Map<GradeIR, TableMark[]>;
  vetoes: Map<VetoIR, TableMark[]>;
  other: TableMark[];
}

function contains(r: SrcRange, d: Diagnostic): boolean {
  return r.file === d.file && r.start.offset <= d.range.start.offset && d.range.end.offset <= r.end.offset;
}

const key = (r: SrcRange): string => `${r.file}\u0000${r.start.offset}\u0000${r.end.offset}`;

function push<K>(m: Map<K, TableMark[]>, k: K, mark: TableMark): void {
  const list = m.get(k);
  if (list) list.push(mark);
  else m.set(k, [mark]);
}

export function toMark(d: Diagnostic, locale: Locale): TableMark {
  return { code: d.code, severity: d.severity, message: renderDiagnostic(d, locale), file: d.file, range: { ...d.range, file: d.file } };
}

export function placeDiagnostics(rubric: RubricIR, diagnostics: readonly Diagnostic[], locale: Locale): PlacedMarks {
  const out: PlacedMarks = { indicators: new Map(), total: [], grades: new Map(), vetoes: new Map(), other: [] };
  if (diagnostics.length === 0) return out;

  // Indicators by file, sorted by start (outer before inner at the same start), with their parents.
  const parent = new Map<IndicatorIR, IndicatorIR | undefined>();
  const sameRange = new Map<string, IndicatorIR[]>();
  const byFile = new Map<string, IndicatorIR[]>();
  const walk = (xs: IndicatorIR[], p: IndicatorIR | undefined): void => {
    for (const x of xs) {
      parent.set(x, p);
      const k = key(x.range);
      const same = sameRange.get(k);
      if (same) same.push(x);
      else sameRange.set(k, [x]);
      const list = byFile.get(x.range.file);
      if (list) list.push(x);
      else byFile.set(x.range.file, [x]);
      walk(x.children, x);
      walk(x.bonuses, x);
    }
  };
  walk([...rubric.parts, ...rubric.indicators, ...rubric.bonuses], undefined);
  for (const list of byFile.values()) list.sort((a, b) => a.range.start.offset - b.range.start.offset || b.range.end.offset - a.range.end.offset);

  const innermost = (d: Diagnostic): IndicatorIR | undefined => {
    const list = byFile.get(d.file);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.range.start.offset <= d.range.start.offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // The indicator starting last before the diagnostic is inside the innermost one that contains it
    // (source nesting within a file is tree nesting), so that one is among its ancestors.
    for (let x = found >= 0 ? list[found] : undefined; x; x = parent.get(x)) if (contains(x.range, d)) return x;
    return undefined;
  };

  for (const d of diagnostics) {
    const mark = toMark(d, locale);
    const grade = rubric.grades.find((g) => contains(g.range, d));
    if (grade) {
      push(out.grades, grade, mark);
      continue;
    }
    const veto = rubric.vetoes.find((v) => contains(v.range, d));
    if (veto) {
      push(out.vetoes, veto, mark);
      continue;
    }
    if (rubric.totalRange && contains(rubric.totalRange, d)) {
      out.total.push(mark);
      continue;
    }
    const ind = innermost(d);
    if (!ind) {
      out.other.push(mark);
      continue;
    }
    for (const x of sameRange.get(key(ind.range)) ?? [ind]) push(out.indicators, x, mark);
  }
  return out;
}
