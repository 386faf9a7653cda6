// Language-level queries for editors: what the name under the cursor refers to, where a declared
// thing is used, and which names are visible at a place. Pure: it reads the ASTs of the files one
// compile loaded (entry first, then imports in load order) and follows the same rules as the IR
// builder: sections by name across the loaded files (the first declaration wins), `使用` splices a
// section's statements in place, a measure is visible in the block that declares it and below, and
// `一票否决 当 X` names a part or an indicator (not a bonus) by its name, code or title.
import { trueValue } from './check/arithmetic.js';
import { Decimal } from './decimal.js';
import type { LoadedFile } from './ir/build.js';
import { resolveImport } from './ir/build.js';
import type { IndicatorIR, RubricIR } from './ir/model.js';
import type { Range } from './source.js';
import type * as A from './syntax/ast.js';

export type SymbolKind = 'section' | 'measure' | 'indicator';

/** One place where a symbol is written. For quoted text the range includes the quotes. */
export interface Occurrence {
  file: string;
  range: Range;
  quoted: boolean;
  declaration: boolean;
}

export interface ProgramSymbol {
  kind: SymbolKind;
  /** Stable identity: kind, declaring file, offset and spelling of the declaration. */
  key: string;
  /** The name as written (for an indicator: the code, name or title that references use). */
  name: string;
  /** For indicators: which spelling of the indicator this symbol stands for. */
  spelling?: 'code' | 'name' | 'title';
  declaration: Occurrence;
  /** Every occurrence, the declaration first, then uses in file and position order. */
  occurrences: Occurrence[];
}

interface IndicatorDecl {
  file: string;
  stmt: A.IndicatorStmt | A.PartStmt;
  code?: A.Name;
  name?: A.Text;
  title?: A.Text;
}

/** The symbols of one program (the files of one compile) and where each is used. */
export class ProgramIndex {
  private readonly byKey = new Map<string, ProgramSymbol>();
  private readonly byFile = new Map<string, { occ: Occurrence; sym: ProgramSymbol }[]>();
  private readonly sectionDecls = new Map<string, { file: string; decl: A.SectionDecl }>();
  private readonly visible = new Map<A.Block, Set<string>>();
  private readonly files: LoadedFile[];
  private targets: IndicatorDecl[] = [];

  constructor(files: readonly LoadedFile[]) {
    this.files = [...files];
    for (const f of this.files) {
      for (const d of f.parse.ast.decls) {
        if (d.type === 'section' && d.name && !this.sectionDecls.has(d.name.value)) this.sectionDecls.set(d.name.value, { file: f.path, decl: d });
      }
    }
    for (const [name, s] of this.sectionDecls) this.declare('section', name, s.file, s.decl.name!);
    const entry = this.files[0];
    for (const f of this.files) {
      for (const d of f.parse.ast.decls) {
        if (d.type === 'rubric' && d.body) this.block(f.path, d.body, [], [], f === entry ? 'entry' : 'other');
        if (d.type === 'section' && d.body) this.block(f.path, d.body, [], [d.name?.value ?? ''], 'other');
        if (d.type === 'section' && d.name) {
          const target = this.sectionDecls.get(d.name.value);
          if (target && target.decl !== d) this.declare('section', d.name.value, f.path, d.name);
        }
      }
    }
    for (const list of this.byFile.values()) list.sort((x, y) => x.occ.range.start.offset - y.occ.range.start.offset);
    for (const s of this.byKey.values()) {
      const [decl, ...uses] = s.occurrences;
      uses.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : x.range.start.offset - y.range.start.offset));
      s.occurrences = [decl!, ...dedupe(uses)];
    }
  }

  /** The symbol written at `offset` in `file` (declaration or use), with that occurrence. */
  at(file: string, offset: number): { symbol: ProgramSymbol; occurrence: Occurrence } | undefined {
    const list = this.byFile.get(file);
    if (!list) return undefined;
    let best: { occ: Occurrence; sym: ProgramSymbol } | undefined;
    for (const x of list) {
      if (x.occ.range.start.offset > offset) break;
      if (offset <= x.occ.range.end.offset) best = x;
    }
    return best && { symbol: best.sym, occurrence: best.occ };
  }

  symbol(key: string): ProgramSymbol | undefined {
    return this.byKey.get(key);
  }

  symbols(): ProgramSymbol[] {
    return [...this.byKey.values()];
  }

  /** Section names usable with `使用`. */
  sectionNames(): string[] {
    return [...this.sectionDecls.keys()];
  }

  /** Measures visible at `offset` in `file` (innermost block first). */
  measuresAt(file: string, offset: number): string[] {
    const f = this.files.find((x) => x.path === file);
    if (!f) return [];
    const out = new Set<string>();
    for (const b of enclosingBlocks(f.parse.ast, offset).reverse()) {
      const v = this.visible.get(b);
      if (v) for (const n of v) out.add(n);
    }
    return [...out];
  }

  /** What `一票否决 当` can name in the entry rubric: part names, indicator names, codes and titles. */
  indicatorRefs(): { text: string; spelling: 'code' | 'name' | 'title'; title: string; code: string | null }[] {
    const out: { text: string; spelling: 'code' | 'name' | 'title'; title: string; code: string | null }[] = [];
    for (const t of this.targets) {
      const title = t.title?.value ?? t.name?.value ?? '';
      const code = t.code?.value ?? null;
      if (t.code) out.push({ text: t.code.value, spelling: 'code', title, code });
      if (t.name) out.push({ text: t.name.value, spelling: 'name', title, code });
      else if (t.title) out.push({ text: t.title.value, spelling: 'title', title, code });
    }
    return out;
  }

  private declare(kind: SymbolKind, name: string, file: string, at: A.Name | A.Text, spelling?: ProgramSymbol['spelling']): ProgramSymbol {
    const key = `${kind}:${file}:${at.range.start.offset}:${spelling ?? ''}`;
    let s = this.byKey.get(key);
    if (!s) {
      const occ: Occurrence = { file, range: at.range, quoted: 'quoted' in at ? at.quoted : false, declaration: true };
      s = { kind, key, name, declaration: occ, occurrences: [occ] };
      if (spelling) s.spelling = spelling;
      this.byKey.set(key, s);
      this.record(occ, s);
    }
    return s;
  }

  private use(sym: ProgramSymbol, file: string, at: A.Name | A.Text): void {
    if (sym.occurrences.some((o) => o.file === file && o.range.start.offset === at.range.start.offset)) return;
    const occ: Occurrence = { file, range: at.range, quoted: 'quoted' in at ? at.quoted : false, declaration: false };
    sym.occurrences.push(occ);
    this.record(occ, sym);
  }

  private record(occ: Occurrence, sym: ProgramSymbol): void {
    let list = this.byFile.get(occ.file);
    if (!list) this.byFile.set(occ.file, (list = []));
    list.push({ occ, sym });
  }

  /** Statements of a block with `使用` spliced in, each with its file (as the IR builder does). */
  private expand(file: string, stmts: A.Statement[], stack: string[], blocks: A.Block[]): { file: string; stmt: A.Statement }[] {
    const out: { file: string; stmt: A.Statement }[] = [];
    for (const s of stmts) {
      if (s.type !== 'use') {
        out.push({ file, stmt: s });
        continue;
      }
      if (!s.name) continue;
      const def = this.sectionDecls.get(s.name.value);
      if (!def) continue;
      this.use(this.declare('section', s.name.value, def.file, def.decl.name!), file, s.name);
      if (stack.includes(s.name.value) || !def.decl.body) continue;
      blocks.push(def.decl.body);
      for (const it of this.expand(def.file, def.decl.body.statements, [...stack, s.name.value], blocks)) out.push(it);
    }
    return out;
  }

  private block(
    file: string,
    block: A.Block,
    outer: Map<string, ProgramSymbol>[],
    stack: string[],
    role: 'entry' | 'other' | 'inside',
  ): void {
    const blocks: A.Block[] = [block];
    const items = this.expand(file, block.statements, stack, blocks);
    const scope = new Map<string, ProgramSymbol>();
    for (const { file: f, stmt } of items) {
      if (stmt.type === 'measure' && stmt.name && !scope.has(stmt.name.value)) scope.set(stmt.name.value, this.declare('measure', stmt.name.value, f, stmt.name));
    }
    const chain = [scope, ...outer];
    const names = new Set<string>();
    for (const s of chain) for (const n of s.keys()) names.add(n);
    for (const b of blocks) {
      const v = this.visible.get(b);
      if (v) for (const n of names) v.add(n);
      else this.visible.set(b, new Set(names));
    }
    const lookup = (n: string): ProgramSymbol | undefined => {
      for (const s of chain) {
        const m = s.get(n);
        if (m) return m;
      }
      return undefined;
    };
    const top: IndicatorDecl[] = [];
    const vetoes: { file: string; ref: A.Text }[] = [];
    for (const { file: f, stmt } of items) {
      if ((stmt.type === 'band' || stmt.type === 'rate') && stmt.measure) {
        const m = lookup(stmt.measure.value);
        if (m) this.use(m, f, stmt.measure);
      }
      if (role === 'entry' && (stmt.type === 'indicator' || stmt.type === 'part')) top.push(this.indicatorDecl(f, stmt));
      if (role === 'entry' && stmt.type === 'veto' && stmt.when?.ref) vetoes.push({ file: f, ref: stmt.when.ref });
      if ((stmt.type === 'indicator' || stmt.type === 'part' || stmt.type === 'bonus') && stmt.body) {
        this.block(f, stmt.body, chain, stack, role === 'entry' && stmt.type !== 'bonus' ? 'inside' : 'other');
        if (role === 'entry' && stmt.type !== 'bonus') this.collectTargets(f, stmt.body, stack, top);
      }
    }
    if (role === 'entry') {
      this.targets = top;
      for (const t of top) {
        if (t.code) this.declare('indicator', t.code.value, t.file, t.code, 'code');
        if (t.name) this.declare('indicator', t.name.value, t.file, t.name, 'name');
        else if (t.title) this.declare('indicator', t.title.value, t.file, t.title, 'title');
      }
      for (const v of vetoes) {
        const ref = v.ref.value;
        const hits = top.filter((t) => t.name?.value === ref || t.code?.value === ref || (t.title ?? t.name)?.value === ref);
        if (hits.length !== 1) continue;
        const t = hits[0]!;
        const spelling = t.code?.value === ref ? 'code' : t.name?.value === ref ? 'name' : 'title';
        const at = spelling === 'code' ? t.code! : spelling === 'name' ? t.name! : (t.title ?? t.name)!;
        this.use(this.declare('indicator', ref, t.file, at, spelling), v.file, v.ref);
      }
    }
  }

  private indicatorDecl(file: string, s: A.IndicatorStmt | A.PartStmt): IndicatorDecl {
    if (s.type === 'part') {
      const d: IndicatorDecl = { file, stmt: s };
      if (s.name) d.name = s.name;
      if (s.title) d.title = s.title;
      return d;
    }
    const d: IndicatorDecl = { file, stmt: s };
    if (s.code) d.code = s.code;
    if (s.title && !s.title.quoted) d.name = s.title;
    else if (s.title) d.title = s.title;
    return d;
  }

  /** Indicators below a part or an indicator (bonuses and their subtrees are not veto targets). */
  private collectTargets(file: string, body: A.Block, stack: string[], out: IndicatorDecl[]): void {
    for (const { file: f, stmt } of this.expand(file, body.statements, stack, [])) {
      if (stmt.type !== 'indicator') continue;
      out.push(this.indicatorDecl(f, stmt));
      if (stmt.body) this.collectTargets(f, stmt.body, stack, out);
    }
  }
}

/** Blocks of `ast` that contain `offset`, outermost first. */
export function enclosingBlocks(ast: A.FileAst, offset: number): A.Block[] {
  const out: A.Block[] = [];
  const inside = (b: A.Block | undefined): b is A.Block => !!b && b.range.start.offset < offset && (offset < b.range.end.offset || !b.closed);
  let cur: A.Block | undefined;
  for (const d of ast.decls) if (d.type !== 'import' && inside(d.body)) cur = d.body;
  while (cur) {
    out.push(cur);
    const next: A.Block | undefined = cur.statements.map((s) => ('body' in s ? s.body : undefined)).find((b): b is A.Block => inside(b));
    cur = next;
  }
  return out;
}

/** The import at `offset` in `file`, with the path it resolves to. */
export function importAt(file: LoadedFile, offset: number): { range: Range; target: string } | undefined {
  for (const d of file.parse.ast.decls) {
    if (d.type === 'import' && d.path && d.path.range.start.offset <= offset && offset <= d.path.range.end.offset) {
      return { range: d.path.range, target: resolveImport(file.path, d.path.value) };
    }
  }
  return undefined;
}

function dedupe(xs: Occurrence[]): Occurrence[] {
  const seen = new Set<string>();
  return xs.filter((o) => {
    const k = `${o.file}\u0000${o.range.start.offset}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** What the children of an indicator add up to, as the subtotal check (RUB201) counts them: each
 * child's declared points, else what it adds up to itself. Null when some child has no value. */
export function childrenSum(ind: IndicatorIR): Decimal | null {
  return shownSum(ind.children, () => Decimal.ONE);
}

/** What the rubric's top level adds up to, as the total check (RUB202) counts it: parts by weight. */
export function rubricSum(r: RubricIR): Decimal | null {
  const plain = shownSum(r.indicators, () => Decimal.ONE);
  if (r.parts.length === 0) return plain;
  const weighted = shownSum(r.parts, (p) => p.weight);
  return plain && weighted ? plain.add(weighted) : null;
}

function shownSum(xs: IndicatorIR[], weight: (x: IndicatorIR) => Decimal | null): Decimal | null {
  let acc = Decimal.ZERO;
  for (const x of xs) {
    const v = x.points ?? trueValue(x);
    const w = weight(x);
    if (v === null || w === null) return null;
    acc = acc.add(v.mul(w));
  }
  return acc;
}
