// Language-level queries for editors: what the name under the cursor refers to, where a declared
// thing is used, and which names are visible at a place. Pure. It reads the records of the one name
// resolver (ir/resolve.ts) over the files of one program (entry first, then imports in load order):
// every root is resolved (the entry's rubric, other files' rubrics, each section's body on its own),
// so a name inside a section links to its declaration even when no rubric uses the section.
import { DiagnosticBag } from './diagnostics.js';
import { resolveImport } from './ir/paths.js';
import { resolveAll, spellings, type Declared, type LoadedFile, type Scope, type Spelling } from './ir/resolve.js';
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
  spelling?: Spelling;
  declaration: Occurrence;
  /** Every occurrence, the declaration first, then uses in file and position order. */
  occurrences: Occurrence[];
}

export interface IndicatorRef {
  text: string;
  spelling: Spelling;
  title: string;
  code: string | null;
}

/** The symbols of one program (the files of one compile) and where each is used. */
export class ProgramIndex {
  private readonly byKey = new Map<string, ProgramSymbol>();
  private readonly byFile = new Map<string, { occ: Occurrence; sym: ProgramSymbol }[]>();
  /** `key file offset` of every occurrence recorded, so a use seen through several instances counts once. */
  private readonly seen = new Set<string>();
  private readonly visible = new Map<A.Block, Set<string>>();
  private readonly files: LoadedFile[];
  private readonly sectionList: string[];
  private readonly refs: IndicatorRef[] = [];

  constructor(files: readonly LoadedFile[]) {
    this.files = [...files];
    const { resolution, others } = resolveAll(this.files, new DiagnosticBag());
    this.sectionList = [...resolution.sections.keys()];
    // Sections: the first declaration of a name is the section; a later one is a symbol of its own.
    for (const f of this.files) {
      for (const d of f.parse.ast.decls) if (d.type === 'section' && d.name) this.declare('section', d.name.value, { file: f.path, at: d.name });
    }
    // Measures and what each block can see.
    const scopes = [...resolution.roots.map((r) => r.scope), ...others];
    for (const s of scopes) this.scopes(s);
    // Indicators and parts of the entry rubric, as `一票否决 当` can name them.
    for (const t of resolution.roots.flatMap((r) => r.targets)) {
      const sp = spellings(t);
      const title = (sp.title ?? sp.name)?.value ?? '';
      const code = sp.code?.value ?? null;
      if (sp.code) {
        this.declare('indicator', sp.code.value, { file: t.file, at: sp.code }, 'code');
        this.refs.push({ text: sp.code.value, spelling: 'code', title, code });
      }
      if (sp.name) {
        this.declare('indicator', sp.name.value, { file: t.file, at: sp.name }, 'name');
        this.refs.push({ text: sp.name.value, spelling: 'name', title, code });
      } else if (sp.title) {
        this.declare('indicator', sp.title.value, { file: t.file, at: sp.title }, 'title');
        this.refs.push({ text: sp.title.value, spelling: 'title', title, code });
      }
    }
    for (const r of resolution.references) {
      if (!r.decl) continue;
      this.use(this.declare(r.kind, r.at.value, r.decl, r.spelling), r.file, r.at);
    }
    for (const list of this.byFile.values()) list.sort((x, y) => x.occ.range.start.offset - y.occ.range.start.offset);
    for (const s of this.byKey.values()) {
      const [decl, ...uses] = s.occurrences;
      uses.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : x.range.start.offset - y.range.start.offset));
      s.occurrences = [decl!, ...uses];
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
    return [...this.sectionList];
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
  indicatorRefs(): IndicatorRef[] {
    return [...this.refs];
  }

  /** Declares measures of every scope below `root`, and records which names each source block sees. */
  private scopes(root: Scope): void {
    const work: Scope[] = [root];
    while (work.length > 0) {
      const s = work.pop()!;
      for (const m of s.measures.values()) if (m.stmt.type === 'measure' && m.stmt.name) this.declare('measure', m.stmt.name.value, { file: m.file, at: m.stmt.name });
      const names = new Set<string>();
      for (let x: Scope | undefined = s; x; x = x.parent) for (const n of x.measures.keys()) names.add(n);
      for (const b of s.blocks) {
        const v = this.visible.get(b);
        if (v) for (const n of names) v.add(n);
        else this.visible.set(b, new Set(names));
      }
      for (const it of s.items) if (it.body) work.push(it.body);
    }
  }

  private declare(kind: SymbolKind, name: string, d: Declared, spelling?: Spelling): ProgramSymbol {
    const key = `${kind}:${d.file}:${d.at.range.start.offset}:${spelling ?? ''}`;
    let s = this.byKey.get(key);
    if (!s) {
      const occ: Occurrence = { file: d.file, range: d.at.range, quoted: 'quoted' in d.at ? d.at.quoted : false, declaration: true };
      s = { kind, key, name, declaration: occ, occurrences: [occ] };
      if (spelling) s.spelling = spelling;
      this.byKey.set(key, s);
      this.seen.add(`${key}\u0000${d.file}\u0000${d.at.range.start.offset}`);
      this.record(occ, s);
    }
    return s;
  }

  private use(sym: ProgramSymbol, file: string, at: A.Name | A.Text): void {
    const k = `${sym.key}\u0000${file}\u0000${at.range.start.offset}`;
    if (this.seen.has(k)) return;
    this.seen.add(k);
    const occ: Occurrence = { file, range: at.range, quoted: 'quoted' in at ? at.quoted : false, declaration: false };
    sym.occurrences.push(occ);
    this.record(occ, sym);
  }

  private record(occ: Occurrence, sym: ProgramSymbol): void {
    let list = this.byFile.get(occ.file);
    if (!list) this.byFile.set(occ.file, (list = []));
    list.push({ occ, sym });
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
