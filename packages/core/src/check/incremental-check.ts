// The editor's incremental re-check of one file. After an edit that the incremental reparse
// (incremental.ts) confined to one indicator's block, only that indicator's subtree is resolved and
// lowered again; the reach of its ancestors is recomputed; the per-indicator checks run again on the
// new subtree and on its ancestors only, and the whole-rubric checks (cheap) run again in full.
// Everything else is kept from the previous compile: the diagnostics each indicator got from the checks,
// the code-sequence diagnostics of each group of siblings, and the resolver's and lowering's
// diagnostics outside the subtree.
//
// Invariant: the result equals `compile(path, host, cache)` of the current text (as sets of
// diagnostics; the IR is the same tree). Whenever that cannot be shown cheaply the file is compiled in
// full: a file with imports, sections or several rubrics is compiled by `compile` itself; a rubric
// with vetoes, an edit outside an indicator's block, a subtree that declares or reads a measure, an
// edit the reparse did not confine to one block, and a check that throws, all mean a full compile.
// Cached diagnostics own their positions (copies), moved here when the reparse moves the text after
// the edited block, so that they stay exact without being recomputed.
import { Decimal } from '../decimal.js';
import { DiagnosticBag, dedupeDiagnostics, sortDiagnostics, type Args, type Diagnostic, type Fix, type Related } from '../diagnostics.js';
import { moveAfterEdit, type BlockEdit, type Reparse } from '../incremental.js';
import { LIMITS } from '../limits.js';
import type { IndicatorIR, RubricIR, SrcRange } from '../ir/model.js';
import { lowerProgram, lowerSubtree, type LoweringRecord } from '../ir/lower.js';
import { expandSubtree, resolveProgram, type Inst, type Scope } from '../ir/resolve.js';
import { computeReach, rubricReach } from '../ir/semantics.js';
import { SUGGESTION_BUDGET, withSuggestionBudget } from '../ir/suggest.js';
import { allIndicators, indicatorOf } from '../ir/walk.js';
import type { Code } from '../messages/catalog.js';
import { compile, type CompileResult, type Host, type SourceFile } from '../program.js';
import type { Position, Range } from '../source.js';
import type * as A from '../syntax/ast.js';
import { CHECKS } from './index.js';
import { CheckContext } from './context.js';
import { checkCodes } from './codes.js';

/** How a result was obtained: the previous one, a patch of it, a full check here, or core's compile. */
export type CheckMode = 'unchanged' | 'patch' | 'full' | 'compile';

export interface IncrementalResult {
  result: CompileResult;
  mode: CheckMode;
}

const HAS_BODY = new Set<A.Statement['type']>(['indicator', 'part', 'bonus', 'penalty']);

/** A check run that reports into our own collections, for the indicators given (not necessarily all). */
class ScopedContext extends CheckContext {
  constructor(
    rubric: RubricIR,
    private readonly list: IndicatorIR[],
    private readonly pathOf: (ind: IndicatorIR) => string[],
    private readonly sink: (d: Diagnostic, ind: IndicatorIR | undefined) => void,
  ) {
    super(rubric, new DiagnosticBag());
  }

  override all(): IndicatorIR[] {
    return this.list;
  }

  override report(code: Code, at: SrcRange, args: Args, extra: { indicator?: IndicatorIR; related?: Related[]; fix?: Fix } = {}): void {
    const bag = new DiagnosticBag();
    const { indicator, ...rest } = extra;
    bag.add(code, at.file, { start: at.start, end: at.end }, args, indicator ? { ...rest, indicator: indicatorOf(indicator, this.pathOf(indicator)) } : rest);
    this.sink(bag.items[0]!, indicator);
  }
}

class CheckFailed extends Error {}

interface State {
  /** The file the state describes (its positions are current). */
  file: SourceFile;
  result: CompileResult;
  rubric: RubricIR;
  record: LoweringRecord;
  /** Resolver and lowering diagnostics (copies). */
  structure: Diagnostic[];
  /** Diagnostics of the checks, by the indicator they concern (copies). */
  own: Map<IndicatorIR, Diagnostic[]>;
  /** Code-sequence diagnostics of sibling groups, by the indicator they concern (copies). */
  codes: Map<IndicatorIR, Diagnostic[]>;
  /** Diagnostics of the whole-rubric checks (recomputed every time, never moved). */
  rubricLevel: Diagnostic[];
  /** Duplicate codes across the rubric (the codes check's first pass), by code (copies). */
  duplicates: Map<string, Diagnostic[]>;
  /** The indicators compared by code across the rubric, by code: an edit re-checks only the codes its subtree had or has. */
  byCode: Map<string, Set<IndicatorIR>>;
  parentOf: Map<IndicatorIR, IndicatorIR | undefined>;
  /** The indicator lowered from a statement, by the statement's start position (shared with the IR). */
  irAt: Map<Position, IndicatorIR>;
  /** The instance whose body is a block. */
  ownerOf: Map<A.Block, Inst>;
  statements: number;
  indicators: number;
  /** Blocks whose statements changed since the state's result. */
  dirty: A.Block[];
}

export class IncrementalCheck {
  private state: State | undefined;

  constructor(readonly path: string) {}

  /** Forgets everything kept (the next check is full). */
  reset(): void {
    this.state = undefined;
  }

  /**
   * Follows a reparse of the file, `reparse(old, text, { consume: true })`: kept diagnostics move with
   * the text, and the edited block is remembered. Anything but a block reparse of the kept file resets.
   */
  edited(old: SourceFile, r: Reparse): void {
    const s = this.state;
    if (!s || r.mode === 'unchanged') return;
    if (s.file !== old || r.mode !== 'block' || !r.edit) {
      this.state = undefined;
      return;
    }
    const e = r.edit;
    // Diagnostics inside the block's old contents are in old coordinates and about replaced statements:
    // they go now (the patch of the block's owner reports afresh), so that every kept one is current.
    const from = e.block.range.start.offset;
    s.structure = s.structure.filter((d) => d.range.start.offset <= from || d.range.start.offset >= e.to);
    if (e.delta !== 0 || e.dLine !== 0 || e.dCol !== 0) {
      for (const d of s.structure) moveDiagnostic(d, e);
      for (const ds of s.own.values()) for (const d of ds) moveDiagnostic(d, e);
      for (const ds of s.codes.values()) for (const d of ds) moveDiagnostic(d, e);
      for (const ds of s.duplicates.values()) for (const d of ds) moveDiagnostic(d, e);
    }
    s.dirty.push(e.block);
    s.file = r.file;
  }

  /** The compile of the file as `compile(path, host, cache)` would give it, reusing what the edits left valid. */
  check(host: Host, cache: Map<string, SourceFile>): IncrementalResult {
    const file = cache.get(this.path);
    const s = this.state;
    if (s && file && s.file === file) {
      if (s.dirty.length === 0) return { result: s.result, mode: 'unchanged' };
      try {
        if (this.patch(s)) return { result: s.result, mode: 'patch' };
      } catch (e) {
        if (!(e instanceof CheckFailed)) throw e;
      }
    }
    this.state = undefined;
    if (file && eligible(file)) {
      try {
        this.state = full(file);
        return { result: this.state.result, mode: 'full' };
      } catch (e) {
        if (!(e instanceof CheckFailed)) throw e;
      }
    }
    return { result: compile(this.path, host, cache), mode: 'compile' };
  }

  /** Re-checks the dirty blocks' subtrees; false when one of them needs a full check. */
  private patch(s: State): boolean {
    const done = new Set<A.Block>();
    for (const block of s.dirty) {
      if (done.has(block)) continue;
      done.add(block);
      const inst = s.ownerOf.get(block);
      // A block that was itself replaced by a later edit is no longer in the tree: its owner was patched.
      if (inst && !attached(s, inst)) continue;
      if (!inst || !patchOne(s, inst)) return false;
    }
    s.dirty = [];
    s.result = assemble(s);
    return true;
  }
}

/** True for a file this module can check: no imports, no sections, exactly one rubric. */
function eligible(file: SourceFile): boolean {
  let rubrics = 0;
  for (const d of file.parse.ast.decls) {
    if (d.type === 'rubric') rubrics++;
    else return false;
  }
  return rubrics === 1;
}

/**
 * True when `inst` is still in the file: each block on the way up still holds the statement, up to
 * the rubric's own block (a later edit of an enclosing block replaces the statements inside it).
 */
function attached(s: State, inst: Inst): boolean {
  for (let it = inst; ; ) {
    const scope = it.body?.parent;
    const block = scope?.blocks[0];
    if (!scope || !block || !block.statements.includes(it.stmt)) return false;
    if (!scope.parent) return s.file.parse.ast.decls.some((d) => d.type === 'rubric' && d.body === block);
    const owner = s.ownerOf.get(block);
    if (!owner || owner.body !== scope) return false;
    it = owner;
  }
}

/**
 * Runs every check on `list` (the codes check on the groups below `codeRoots`, and its duplicates
 * across the rubric on the codes `duplicateCodes`); the diagnostics that concern an indicator are
 * added to its entry, the others replace the whole-rubric ones.
 */
function checkScoped(
  s: State,
  list: IndicatorIR[],
  pathOf: (i: IndicatorIR) => string[],
  codeRoots: IndicatorIR[] | 'all',
  duplicateCodes: ReadonlySet<string> | 'all',
): void {
  const rubricLevel: Diagnostic[] = [];
  const into = (map: Map<IndicatorIR, Diagnostic[]>) => (d: Diagnostic, ind: IndicatorIR | undefined) => {
    const c = copyDiagnostic(d);
    if (!ind) rubricLevel.push(c);
    else {
      const xs = map.get(ind);
      if (xs) xs.push(c);
      else map.set(ind, [c]);
    }
  };
  const run = (name: string, f: () => void): void => {
    try {
      f();
    } catch {
      // A check that throws is reported (RUB901) by core's compile: leave the file to it.
      throw new CheckFailed(name);
    }
  };
  const r = s.rubric;
  for (const [name, check] of Object.entries(CHECKS)) {
    if (check === checkCodes) continue;
    run(name, () => check(new ScopedContext(r, list, pathOf, into(s.own))));
  }
  // Codes: duplicates across the whole rubric (all of them, or those of the codes given: each code's
  // indicators in the rubric's order, so the first of each is the one the others repeat), then the
  // sibling groups below the roots.
  let sameCode: IndicatorIR[];
  if (duplicateCodes === 'all') {
    sameCode = allIndicators(r);
    s.duplicates = new Map();
  } else {
    sameCode = [];
    for (const code of duplicateCodes) {
      s.duplicates.delete(code);
      for (const x of inRubricOrder(s, [...(s.byCode.get(code) ?? [])])) sameCode.push(x);
    }
  }
  const duplicate = (d: Diagnostic, ind: IndicatorIR | undefined): void => {
    const c = copyDiagnostic(d);
    const code = ind?.code;
    if (code === null || code === undefined) rubricLevel.push(c);
    else {
      const xs = s.duplicates.get(code);
      if (xs) xs.push(c);
      else s.duplicates.set(code, [c]);
    }
  };
  run('codes', () => checkCodes(new ScopedContext({ ...r, indicators: [], parts: [] }, sameCode, pathOf, duplicate)));
  const groups = codeRoots === 'all' ? r : { ...r, indicators: codeRoots, parts: [] };
  run('codes', () => checkCodes(new ScopedContext(groups, [], pathOf, into(s.codes))));
  s.rubricLevel = rubricLevel;
}

function full(file: SourceFile): State {
  const bag = new DiagnosticBag();
  const record: LoweringRecord = { ownDecimals: new Map(), rubricDecimals: new Map() };
  return withSuggestionBudget(SUGGESTION_BUDGET, () => {
    const resolution = resolveProgram(file, () => undefined, bag);
    const rubrics = lowerProgram(resolution, bag, record);
    const rubric = rubrics[0];
    const root = resolution.root;
    if (!rubric || !root || rubrics.length !== 1) throw new CheckFailed('not one rubric');
    const state: State = {
      file,
      result: { rubric, rubrics, diagnostics: [], files: [file] },
      rubric,
      record,
      structure: [],
      own: new Map(),
      codes: new Map(),
      rubricLevel: [],
      duplicates: new Map(),
      byCode: new Map(),
      parentOf: new Map(),
      irAt: new Map(),
      ownerOf: new Map(),
      statements: 0,
      indicators: 0,
      dirty: [],
    };
    const counts = count(root.scope, state.ownerOf);
    state.statements = counts.statements;
    state.indicators = counts.indicators;
    for (const top of [...rubric.parts, ...rubric.indicators, ...rubric.bonuses]) index(state, top, undefined);
    checkScoped(state, allIndicators(rubric), pathFn(state), 'all', 'all');
    state.structure = bag.items.map(copyDiagnostic);
    state.result = assemble(state);
    return state;
  });
}

/** Statements and indicators of a scope as the resolver's limits count them; records block owners. */
function count(scope: Scope, ownerOf: Map<A.Block, Inst>): { statements: number; indicators: number; depth: number; plain: boolean } {
  let statements = 0;
  let indicators = 0;
  let depth = 0;
  let plain = true;
  for (const it of scope.items) {
    const st = it.stmt;
    statements++;
    if (HAS_BODY.has(st.type)) indicators++;
    if (st.type === 'measure' || st.type === 'rate' || st.type === 'veto' || (st.type === 'band' && st.tests.some((t) => t.measure))) plain = false;
    if (it.body) {
      const body = (st as A.IndicatorStmt).body;
      if (body) ownerOf.set(body, it);
      const c = count(it.body, ownerOf);
      statements += c.statements;
      indicators += c.indicators;
      depth = Math.max(depth, c.depth + 1);
      plain &&= c.plain;
    }
  }
  return { statements, indicators, depth, plain };
}

/** Records an indicator subtree in the state's maps. */
function index(s: State, ind: IndicatorIR, parent: IndicatorIR | undefined): void {
  s.parentOf.set(ind, parent);
  s.irAt.set(ind.range.start, ind);
  const code = comparedCode(ind);
  if (code !== undefined) {
    const xs = s.byCode.get(code);
    if (xs) xs.add(ind);
    else s.byCode.set(code, new Set([ind]));
  }
  for (const c of ind.children) index(s, c, ind);
  for (const c of ind.bonuses) index(s, c, ind);
}

/**
 * The code under which the codes check compares an indicator across the rubric: written codes other
 * than enumerators (一、 1． …, which repeat under every parent and are compared among siblings only).
 */
function comparedCode(ind: IndicatorIR): string | undefined {
  return ind.code === null || ind.codeStyle === 'enumerator' ? undefined : ind.code;
}

/** Forgets an indicator subtree. */
function forget(s: State, ind: IndicatorIR): void {
  s.parentOf.delete(ind);
  if (s.irAt.get(ind.range.start) === ind) s.irAt.delete(ind.range.start);
  s.own.delete(ind);
  s.codes.delete(ind);
  s.record.ownDecimals.delete(ind);
  const code = comparedCode(ind);
  if (code !== undefined) {
    const xs = s.byCode.get(code);
    xs?.delete(ind);
    if (xs?.size === 0) s.byCode.delete(code);
  }
  for (const c of ind.children) forget(s, c);
  for (const c of ind.bonuses) forget(s, c);
}

function pathFn(s: State): (ind: IndicatorIR) => string[] {
  return (ind) => {
    const out: string[] = [];
    for (let x: IndicatorIR | undefined = ind; x; x = s.parentOf.get(x)) out.push(x.title);
    return out.reverse();
  };
}

/** The list an indicator sits in (its parent's children or bonuses, or the rubric's). */
function siblingsOf(s: State, ind: IndicatorIR, parent: IndicatorIR | undefined): IndicatorIR[] | undefined {
  const r = s.rubric;
  const lists = parent ? [parent.children, parent.bonuses] : [r.indicators, r.bonuses, r.parts];
  return lists.find((l) => l.includes(ind));
}

/** Re-checks one indicator's subtree after its block changed; false when a full check is needed. */
function patchOne(s: State, inst: Inst): boolean {
  const stmt = inst.stmt;
  if (stmt.type !== 'indicator' && stmt.type !== 'bonus' && stmt.type !== 'penalty') return false;
  if (s.rubric.vetoes.length > 0) return false;
  const old = s.irAt.get(stmt.range.start);
  const block = stmt.body;
  const outer = inst.body?.parent;
  if (!old || !block || !inst.body || !outer || old.kind !== stmt.type) return false;
  const oldOwners = new Map<A.Block, Inst>();
  const before = count(inst.body, oldOwners);
  if (!before.plain) return false;
  const parent = s.parentOf.get(old);
  const list = siblingsOf(s, old, parent);
  if (!list) return false;
  const at = list.indexOf(old);

  // Resolve and lower the subtree again.
  const bag = new DiagnosticBag();
  const expanded = expandSubtree(inst.file, block, outer, old.level + 1, bag);
  const ownerOf = new Map<A.Block, Inst>();
  const after = count(expanded.scope, ownerOf);
  const statements = s.statements - before.statements + after.statements;
  const indicators = s.indicators - before.indicators + after.indicators;
  if (!after.plain || statements > LIMITS.statements || indicators > LIMITS.indicators || old.level + 1 + after.depth >= LIMITS.depth) return false;
  const fresh: Inst = { ...inst, body: expanded.scope };
  const pathOf = pathFn(s);
  // Ordinal ids count the lowered siblings of the same list (children, or bonuses) before it.
  const ir = withSuggestionBudget(SUGGESTION_BUDGET, () =>
    lowerSubtree(fresh, { parent, parentPath: parent ? pathOf(parent) : [], index: at + 1, level: old.level, kind: stmt.type }, bag, s.record),
  );
  if (ir.id !== old.id) return false;

  // Swap the subtree in. The codes the old subtree had and the new one has are checked for duplicates again.
  const touched = new Set<string>();
  const codesOf = (x: IndicatorIR): void => {
    const code = comparedCode(x);
    if (code !== undefined) touched.add(code);
    x.children.forEach(codesOf);
    x.bonuses.forEach(codesOf);
  };
  codesOf(old);
  codesOf(ir);
  const codes = s.codes.get(old);
  forget(s, old);
  list[at] = ir;
  index(s, ir, parent);
  if (codes) s.codes.set(ir, codes);
  const items = outer.items;
  items[items.indexOf(inst)] = fresh;
  for (const b of oldOwners.keys()) s.ownerOf.delete(b);
  for (const [b, i] of ownerOf) s.ownerOf.set(b, i);
  s.ownerOf.set(block, fresh);
  s.statements = statements;
  s.indicators = indicators;
  const ancestors: IndicatorIR[] = [];
  for (let a = parent; a; a = s.parentOf.get(a)) {
    computeReach(a);
    ancestors.push(a);
  }
  const r = s.rubric;
  [r.min, r.max] = rubricReach(r);
  if (!r.stepDeclared) {
    let decimals = s.record.rubricDecimals.get(r) ?? 0;
    for (const d of s.record.ownDecimals.values()) decimals = Math.max(decimals, d);
    r.step = Decimal.unit(decimals);
  }

  // Resolver and lowering diagnostics of the old subtree are replaced by the new ones.
  const from = stmt.range.start.offset;
  const to = stmt.range.end.offset;
  s.structure = s.structure.filter((d) => d.range.start.offset < from || d.range.start.offset >= to).concat(bag.items.map(copyDiagnostic));

  // The checks: on the new subtree and the ancestors; code groups below the subtree when the codes
  // check walks there (children links from the rubric's indicators or parts).
  for (const a of ancestors) s.own.delete(a);
  const subtree: IndicatorIR[] = [];
  const walk = (x: IndicatorIR): void => {
    subtree.push(x);
    x.children.forEach(walk);
    x.bonuses.forEach(walk);
  };
  walk(ir);
  checkScoped(s, [...ancestors.reverse(), ...subtree], pathOf, codeWalked(s, ir) ? [ir] : [], touched);
  return true;
}

/**
 * Indicators in the order `allIndicators` lists them: parts, indicators, then bonuses of the rubric,
 * each followed by its children and then its bonuses.
 */
function inRubricOrder(s: State, xs: IndicatorIR[]): IndicatorIR[] {
  if (xs.length < 2) return xs;
  const r = s.rubric;
  const place = (x: IndicatorIR): number[] => {
    const out: number[] = [];
    for (let y: IndicatorIR | undefined = x; y; ) {
      const parent = s.parentOf.get(y);
      const lists = parent ? [parent.children, parent.bonuses] : [r.parts, r.indicators, r.bonuses];
      const k = lists.findIndex((l) => l.includes(y!));
      out.push(lists[k]!.indexOf(y), k);
      y = parent;
    }
    return out.reverse();
  };
  const places = new Map(xs.map((x) => [x, place(x)]));
  const compare = (a: number[], b: number[]): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  };
  return xs.sort((a, b) => compare(places.get(a)!, places.get(b)!));
}

/** True when the codes check visits the groups below `ind`: a chain of children from the rubric's indicators or parts. */
function codeWalked(s: State, ind: IndicatorIR): boolean {
  let x = ind;
  for (let p = s.parentOf.get(x); p; x = p, p = s.parentOf.get(x)) if (!p.children.includes(x)) return false;
  return s.rubric.indicators.includes(x) || s.rubric.parts.includes(x);
}

function assemble(s: State): CompileResult {
  const all: Diagnostic[] = [...s.file.diagnostics, ...s.structure, ...s.rubricLevel];
  for (const ds of s.own.values()) for (const d of ds) all.push(d);
  for (const ds of s.codes.values()) for (const d of ds) all.push(d);
  for (const ds of s.duplicates.values()) for (const d of ds) all.push(d);
  return { rubric: s.rubric, rubrics: [s.rubric], diagnostics: sortDiagnostics(dedupeDiagnostics(all)), files: [s.file] };
}

// ---- diagnostics that own their positions --------------------------------------------------------

const copyPosition = (p: Position): Position => ({ line: p.line, column: p.column, offset: p.offset });
/** A copy of a range with positions of its own (a related location's range also names its file). */
const copyRange = <R extends Range>(r: R): R => ({ ...r, start: copyPosition(r.start), end: copyPosition(r.end) });

function copyDiagnostic(d: Diagnostic): Diagnostic {
  const c: Diagnostic = { ...d, range: copyRange(d.range) };
  if (d.related) c.related = d.related.map((x) => ({ ...x, range: copyRange(x.range) }));
  if (d.fix) c.fix = { ...d.fix, edits: d.fix.edits.map((x) => ({ ...x, range: copyRange(x.range) })) };
  return c;
}

function moveDiagnostic(d: Diagnostic, e: BlockEdit): void {
  const move = (r: Range): void => {
    moveAfterEdit(r.start, e);
    moveAfterEdit(r.end, e);
  };
  move(d.range);
  for (const x of d.related ?? []) move(x.range);
  for (const x of d.fix?.edits ?? []) move(x.range);
}
