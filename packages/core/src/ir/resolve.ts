// The one name resolver. Every name written in a program is resolved here, and nowhere else:
// imports (to files), `使用` (to sections), measures in bands and rates (to the `度量` in scope), and
// `一票否决 当 X` (to an indicator or a part). It also splices sections in place, so the result is
// the program as if every `使用` had been written out: a tree of statement instances, each knowing
// the file it was written in and the sections it came through. The IR is lowered from that tree
// (lower.ts), and the editor's symbol index (query.ts) reads the same records.
//
// Expansion is iterative and bounded (LIMITS): a program that would expand past the limit is
// reported once (RUB114) and the rest is left out, so no input can exhaust memory or the stack.
import type { DiagnosticBag } from '../diagnostics.js';
import { isRefusal, reportImportFailure, type ReadRefusal } from '../imports.js';
import { LIMITS } from '../limits.js';
import { tooDeep } from '../syntax/depth.js';
import type * as A from '../syntax/ast.js';
import type { ParseResult } from '../syntax/parse.js';
import { baseName, resolveImport } from './paths.js';
import { renameFix } from './suggest.js';

export interface LoadedFile {
  path: string;
  parse: ParseResult;
}

/** Where a file's imports come from: already-parsed files by normalized path, undefined when missing, or why it was refused. */
export type FileLoader = (path: string) => LoadedFile | ReadRefusal | undefined;

/** A statement in place: where it was written, through which sections it came, what its names mean. */
export interface Inst {
  file: string;
  /** Never a `使用`: those are replaced by the section's statements. */
  stmt: A.Statement;
  /** The sections this statement was spliced in through, outermost first. */
  via: readonly string[];
  /** For an indicator, part or bonus with a block: its statements. */
  body?: Scope;
  /** For a band or a rate: the `度量` each measure name written in it stands for, when it resolves. */
  measures?: Map<A.Name, Inst>;
  /** For `一票否决 当 X`: the indicator or part X names, when it resolves to exactly one. */
  target?: Inst;
}

/** The statements of one block with sections spliced in, and the measures it declares. */
export interface Scope {
  items: Inst[];
  /** Measures declared directly in this block (the first declaration of a name). */
  measures: Map<string, Inst>;
  parent: Scope | undefined;
  /** The source blocks the items come from: the block itself, then the bodies of the sections used. */
  blocks: A.Block[];
}

export interface SectionDef {
  file: string;
  decl: A.SectionDecl;
}

export interface ImportLink {
  file: string;
  decl: A.ImportDecl;
  /** The normalized path it names. */
  target: string;
}

export type Spelling = 'code' | 'name' | 'title';

/** A declaration a name can stand for: a section's name, a measure's name, or an indicator's code, name or title. */
export interface Declared {
  file: string;
  at: A.Name | A.Text;
}

/** One name written somewhere, and what it stands for (undefined when it does not resolve). */
export interface Reference {
  kind: 'section' | 'measure' | 'indicator';
  file: string;
  at: A.Name | A.Text;
  decl: Declared | undefined;
  /** For indicators: which spelling of the indicator the name matched. */
  spelling?: Spelling;
}

export interface Root {
  file: string;
  decl: A.RubricDecl;
  scope: Scope;
  /** True for a file with sections only: its root uses each of its own sections once. */
  library: boolean;
  /** Indicators and parts that `一票否决 当` can name (bonuses and their subtrees excluded). */
  targets: Inst[];
}

export interface Resolution {
  /** Every file that was loaded, the entry first, then imports in load order. */
  files: LoadedFile[];
  imports: ImportLink[];
  sections: Map<string, SectionDef>;
  /** The entry's first rubric (or its library root). */
  root: Root | undefined;
  /** Every rubric of the entry file, in order (a document may hold several tables, each its own rubric). */
  roots: Root[];
  references: Reference[];
}

/** Resolves the program of `entry`: loads its imports, then expands and resolves its rubric. */
export function resolveProgram(entry: LoadedFile, load: FileLoader, bag: DiagnosticBag): Resolution {
  const { files, imports } = loadImports(entry, load, bag);
  const sections = collectSections(files, entry, bag);
  const references: Reference[] = [];
  const r = new Resolver(sections, bag, references);
  const rubrics = entry.parse.ast.decls.filter((d): d is A.RubricDecl => d.type === 'rubric');
  const titles = new Map<string, A.RubricDecl>();
  for (const d of rubrics) {
    const title = d.title?.value ?? '';
    const prev = titles.get(title);
    if (prev) {
      bag.add('RUB011', entry.path, d.title?.range ?? d.keyword, { title }, {
        related: [{ file: entry.path, range: prev.title?.range ?? prev.keyword, message: { id: 'related.previous', args: {} } }],
      });
    } else titles.set(title, d);
  }
  const roots = rubrics.map((d) => r.root(entry.path, d, false));
  if (roots.length === 0) {
    // A library file: its own sections, each used once, so that their arithmetic is still checked.
    const own = [...sections.values()].filter((s) => s.file === entry.path);
    if (own.length > 0) roots.push(r.root(entry.path, libraryDecl(own), true));
  }
  return { files, imports, sections, root: roots[0], roots, references };
}

/**
 * Resolves every root of already-loaded files for the editor's index: the entry's rubric (whose
 * targets `一票否决 当` can name), the other files' rubrics, and every section's body on its own.
 * Reports nothing: the compile of the entry reports.
 */
export function resolveAll(files: readonly LoadedFile[], bag: DiagnosticBag): { resolution: Resolution; others: Scope[] } {
  const entry = files[0];
  const sections = entry ? collectSections(files, entry, bag) : new Map<string, SectionDef>();
  const references: Reference[] = [];
  const r = new Resolver(sections, bag, references);
  const roots: Root[] = [];
  const others: Scope[] = [];
  for (const f of files) {
    for (const d of f.parse.ast.decls) {
      if (d.type === 'rubric' && d.body) {
        if (f === entry) roots.push(r.root(f.path, d, false));
        else others.push(r.expandBlock(f.path, d.body, [], undefined));
      }
      if (d.type === 'section' && d.body) others.push(r.expandBlock(f.path, d.body, [d.name?.value ?? ''], undefined));
    }
  }
  return { resolution: { files: [...files], imports: [], sections, root: roots[0], roots, references }, others };
}

/**
 * Expands one indicator's block again, for the editor's incremental re-check
 * (check/incremental-check.ts): in `parent`, the scope the indicator sits in, with its items at
 * nesting level `level`. Only for programs without sections. Also returns how many statements and
 * indicators the block holds, as the limits count them.
 */
export function expandSubtree(file: string, block: A.Block, parent: Scope, level: number, bag: DiagnosticBag): { scope: Scope; statements: number; indicators: number } {
  const r = new Resolver(new Map(), bag, []);
  const scope = r.expandBlock(file, block, [], parent, level);
  return { scope, ...r.spent() };
}

// ---- imports -----------------------------------------------------------------------------------

function loadImports(entry: LoadedFile, load: FileLoader, bag: DiagnosticBag): { files: LoadedFile[]; imports: ImportLink[] } {
  const files: LoadedFile[] = [entry];
  const imports: ImportLink[] = [];
  const visiting: string[] = [];
  const done = new Set<string>();
  // Iterative depth-first walk (an import chain can be as long as there are files).
  const stack: { file: LoadedFile; decls: A.TopDecl[]; i: number }[] = [];
  const enter = (f: LoadedFile): void => {
    visiting.push(f.path);
    stack.push({ file: f, decls: f.parse.ast.decls, i: 0 });
  };
  enter(entry);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.i >= top.decls.length) {
      stack.pop();
      visiting.pop();
      done.add(top.file.path);
      continue;
    }
    const d = top.decls[top.i++]!;
    if (d.type !== 'import' || !d.path) continue;
    const f = top.file;
    const target = resolveImport(f.path, d.path.value);
    imports.push({ file: f.path, decl: d, target });
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
    enter(loaded);
  }
  return { files, imports };
}

/** Sections by name across the loaded files; the first declaration wins (RUB106 for others). */
function collectSections(files: readonly LoadedFile[], entry: LoadedFile, bag: DiagnosticBag): Map<string, SectionDef> {
  const sections = new Map<string, SectionDef>();
  for (const f of files) {
    for (const d of f.parse.ast.decls) {
      if (d.type !== 'section' || !d.name) continue;
      const prev = sections.get(d.name.value);
      if (!prev) {
        sections.set(d.name.value, { file: f.path, decl: d });
        continue;
      }
      // A clash is reported in the file that declares the second one, or in the entry file.
      if (prev.file === f.path || f === entry) {
        bag.add('RUB106', f.path, d.name.range, { name: d.name.value }, {
          related: [{ file: prev.file, range: prev.decl.name!.range, message: { id: 'related.previous', args: {} } }],
        });
      }
    }
  }
  return sections;
}

function libraryDecl(own: SectionDef[]): A.RubricDecl {
  const first = own[0]!.decl;
  return {
    type: 'rubric',
    range: first.range,
    keyword: first.keyword,
    body: {
      statements: own.map((s) => ({ type: 'use', range: s.decl.range, keyword: s.decl.keyword, name: { value: s.decl.name!.value, range: s.decl.name!.range } })),
      range: first.range,
      closed: true,
    },
  };
}

// ---- expansion and scopes ----------------------------------------------------------------------

const HAS_BODY = new Set(['indicator', 'part', 'bonus', 'penalty']);

class Resolver {
  private indicators = 0;
  private statements = 0;
  private exceeded = false;

  constructor(
    private readonly sections: Map<string, SectionDef>,
    private readonly bag: DiagnosticBag,
    private readonly refs: Reference[],
  ) {}

  root(file: string, decl: A.RubricDecl, library: boolean): Root {
    const scope = this.expandBlock(file, decl.body, [], undefined);
    const targets: Inst[] = [];
    const bonuses: Inst[] = [];
    const vetoes: Inst[] = [];
    collect(scope, targets, bonuses, vetoes);
    for (const v of vetoes) this.veto(v, targets, bonuses);
    return { file, decl, scope, library, targets };
  }

  /** Expands a block and every block below it; scopes are resolved parents first. */
  expandBlock(file: string, block: A.Block | undefined, via: readonly string[], parent: Scope | undefined, level = 1): Scope {
    const root = this.splice(file, block, via, parent);
    // Each scope with the level of its items (1 for the rubric's own indicators).
    const work: { s: Scope; level: number }[] = [{ s: root, level }];
    while (work.length > 0) {
      const { s, level } = work.pop()!;
      this.declareMeasures(s);
      for (const it of s.items) {
        const st = it.stmt;
        if (st.type === 'rate' && st.measure) this.measureRef(it, st.measure, s);
        if (st.type === 'band') for (const t of st.tests) if (t.measure) this.measureRef(it, t.measure, s);
        if (HAS_BODY.has(st.type) && 'body' in st && st.body) {
          // A file alone never nests past the limit (syntax/depth.ts), but sections used inside
          // indicators stack their depths: the same limit applies to the spliced tree.
          if (tooDeep(level, st.body, it.file, this.bag)) {
            it.body = { items: [], measures: new Map(), parent: s, blocks: [] };
            continue;
          }
          it.body = this.splice(it.file, st.body, it.via, s);
          work.push({ s: it.body, level: level + 1 });
        }
      }
    }
    return root;
  }

  /** The statements of `block` with every `使用` replaced by the section's statements (iteratively). */
  private splice(file: string, block: A.Block | undefined, via: readonly string[], parent: Scope | undefined): Scope {
    const scope: Scope = { items: [], measures: new Map(), parent, blocks: block ? [block] : [] };
    if (!block) return scope;
    const stack: { file: string; stmts: A.Statement[]; i: number; via: readonly string[]; use: { file: string; at: A.Name } | undefined }[] = [
      { file, stmts: block.statements, i: 0, via, use: undefined },
    ];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.i >= top.stmts.length) {
        stack.pop();
        continue;
      }
      const s = top.stmts[top.i++]!;
      if (s.type !== 'use') {
        if (!this.spend(s, top.file, top.use)) return scope;
        scope.items.push({ file: top.file, stmt: s, via: top.via });
        continue;
      }
      if (!s.name) continue;
      const name = s.name.value;
      const def = this.sections.get(name);
      if (!def) {
        const fix = renameFix(top.file, s.name.range, name, this.sections.keys());
        this.bag.add('RUB104', top.file, s.name.range, { name }, fix ? { fix } : {});
        this.refs.push({ kind: 'section', file: top.file, at: s.name, decl: undefined });
        continue;
      }
      this.refs.push({ kind: 'section', file: top.file, at: s.name, decl: { file: def.file, at: def.decl.name! } });
      if (top.via.includes(name)) {
        this.bag.add('RUB112', top.file, s.name.range, { name });
        continue;
      }
      if (!def.decl.body) continue;
      scope.blocks.push(def.decl.body);
      stack.push({ file: def.file, stmts: def.decl.body.statements, i: 0, via: [...top.via, name], use: top.use ?? { file: top.file, at: s.name } });
    }
    return scope;
  }

  /** The statements and indicators counted so far. */
  spent(): { statements: number; indicators: number } {
    return { statements: this.statements, indicators: this.indicators };
  }

  /** Counts one statement against the limits; false (after one RUB114) once they are exceeded. */
  private spend(s: A.Statement, file: string, use: { file: string; at: A.Name } | undefined): boolean {
    if (this.exceeded) return false;
    this.statements++;
    if (HAS_BODY.has(s.type)) this.indicators++;
    const over = this.indicators > LIMITS.indicators ? 'indicators' : this.statements > LIMITS.statements ? 'statements' : undefined;
    if (!over) return true;
    this.exceeded = true;
    const at = use ?? { file, at: { value: '', range: s.keyword } };
    this.bag.add('RUB114', at.file, at.at.range, { limit: LIMITS[over], what: `@word.${over}` });
    return false;
  }

  private declareMeasures(s: Scope): void {
    for (const it of s.items) {
      const st = it.stmt;
      if (st.type !== 'measure' || !st.name || !st.measureKind) continue;
      const prev = s.measures.get(st.name.value);
      if (prev && prev.stmt.type === 'measure') {
        this.bag.add('RUB106', it.file, st.name.range, { name: st.name.value }, {
          related: [{ file: prev.file, range: prev.stmt.name!.range, message: { id: 'related.previous', args: {} } }],
        });
        continue;
      }
      s.measures.set(st.name.value, it);
    }
  }

  private measureRef(it: Inst, name: A.Name, scope: Scope): void {
    for (let x: Scope | undefined = scope; x; x = x.parent) {
      const m = x.measures.get(name.value);
      if (m && m.stmt.type === 'measure') {
        (it.measures ??= new Map()).set(name, m);
        this.refs.push({ kind: 'measure', file: it.file, at: name, decl: { file: m.file, at: m.stmt.name! } });
        return;
      }
    }
    this.refs.push({ kind: 'measure', file: it.file, at: name, decl: undefined });
    const visible: string[] = [];
    for (let x: Scope | undefined = scope; x; x = x.parent) for (const k of x.measures.keys()) visible.push(k);
    const fix = renameFix(it.file, name.range, name.value, visible);
    this.bag.add('RUB105', it.file, name.range, { name: name.value }, fix ? { fix } : {});
  }

  private veto(v: Inst, targets: Inst[], bonuses: Inst[]): void {
    if (v.stmt.type !== 'veto' || !v.stmt.when?.ref) return;
    const ref = v.stmt.when.ref;
    const hits = targets.filter((t) => spellingOf(t, ref.value) !== undefined);
    if (hits.length === 1) {
      const t = hits[0]!;
      const spelling = spellingOf(t, ref.value)!;
      v.target = t;
      this.refs.push({ kind: 'indicator', file: v.file, at: ref, decl: { file: t.file, at: spellings(t)[spelling]! }, spelling });
      return;
    }
    this.refs.push({ kind: 'indicator', file: v.file, at: ref, decl: undefined });
    if (hits.length > 1) {
      this.bag.add('RUB111', v.file, ref.range, { name: ref.value, count: hits.length });
      return;
    }
    const bonus = bonuses.find((b) => spellingOf(b, ref.value) !== undefined);
    if (bonus) {
      const at = spellings(bonus);
      const shown = at.title ?? at.name ?? at.code;
      this.bag.add('RUB113', v.file, ref.range, { name: ref.value }, {
        related: shown ? [{ file: bonus.file, range: shown.range, message: { id: 'related.bonus', args: {} } }] : [],
      });
      return;
    }
    const names = targets.flatMap((t) => {
      const s = spellings(t);
      return [s.name?.value, s.code?.value].filter((n): n is string => n !== undefined);
    });
    const fix = renameFix(v.file, ref.range, ref.value, names);
    this.bag.add('RUB101', v.file, ref.range, { name: ref.value }, fix ? { fix } : {});
  }
}

/** Targets (indicators and parts), bonuses and penalties (not targets), and vetoes of a rubric, in source order. */
function collect(scope: Scope, targets: Inst[], bonuses: Inst[], vetoes: Inst[]): void {
  const walk = (s: Scope, inBonus: boolean): void => {
    for (const it of s.items) {
      const t = it.stmt.type;
      if (t === 'veto') vetoes.push(it);
      if (t === 'bonus' || t === 'penalty') bonuses.push(it);
      else if ((t === 'indicator' || t === 'part') && !inBonus) targets.push(it);
      if (it.body) walk(it.body, inBonus || t === 'bonus' || t === 'penalty');
    }
  };
  walk(scope, false);
}

/** The ways an indicator, part or bonus can be named: its code, its name, and its title. */
export function spellings(it: Inst): { code?: A.Name; name?: A.Text; title?: A.Text } {
  const s = it.stmt;
  if (s.type === 'part') return { ...(s.name ? { name: s.name } : {}), ...((s.title ?? s.name) ? { title: (s.title ?? s.name)! } : {}) };
  if (s.type !== 'indicator' && s.type !== 'bonus' && s.type !== 'penalty') return {};
  const out: { code?: A.Name; name?: A.Text; title?: A.Text } = {};
  if (s.code) out.code = s.code;
  if (s.title && !s.title.quoted) out.name = s.title;
  if (s.title) out.title = s.title;
  return out;
}

/** Which spelling of the indicator `ref` is (code first, then name, then title), if any. */
export function spellingOf(it: Inst, ref: string): Spelling | undefined {
  const s = spellings(it);
  if (s.code?.value === ref) return 'code';
  if (s.name?.value === ref) return 'name';
  if (s.title?.value === ref) return 'title';
  return undefined;
}
