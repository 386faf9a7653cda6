// The server's state: open documents, the parsed files they and their imports are made of, and
// one compile per open document. Knows nothing of JSON-RPC; the server wires it to a connection.
//
// Invariants:
// - `cache` holds one SourceFile per path: the open document's current text, else the file on disk.
//   An open document's entry is brought up to date by an incremental reparse that reuses (and
//   moves) the old file's nodes, so every compile that includes that file is marked dirty at the
//   moment its text changes, and a dirty compile is never read: `entry()` compiles it first.
// - Diagnostics of an open document are those, among all current compiles, whose `file` is that
//   document; they are published only when no compile is dirty, so they never mix versions, and only
//   for the version that was compiled: a change that arrives while a compile runs cancels publishing
//   that compile's (then stale) diagnostics, and the change's own re-check publishes instead.
// - An open document's compile is incremental (core's IncrementalCheck): each block reparse is passed
//   on to it, so that after an edit inside an indicator only that indicator's subtree is checked again.
import { readdirSync, statSync } from 'node:fs';
import {
  checkImportPath,
  DiagnosticBag,
  dedupeDiagnostics,
  importRoots,
  IncrementalCheck,
  internalErrorDiagnostic,
  isRefusal,
  limitDiagnostics,
  loadSource,
  parseRubric,
  ProgramIndex,
  reparse,
  resolveImport,
  sortDiagnostics,
  type CompileResult,
  type Diagnostic,
  type Host,
  type LineIndex,
  type SourceFile,
} from '@rubric/core';
import { readRubricFile } from '@rubric/node-host';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { pathOfUri, positionsOfLines, uriOfPath, type Positions } from './convert.js';

export interface Entry {
  path: string;
  uri: string;
  version: number;
  result: CompileResult;
  /** Built on first use; null when it could not be built. */
  index: ProgramIndex | null | undefined;
}

export interface WorkspaceOptions {
  debounceMs: number;
  /** Called with the diagnostics of an open document whenever they may have changed. */
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
  /** Called when a re-check, a compile or an index fails (a bug); the server logs it. */
  onError(e: unknown, what?: string): void;
  /** Builds the program index of a compile's files (a parameter so that tests can make it fail). */
  makeIndex?(files: readonly SourceFile[]): ProgramIndex;
  /** Compiles one document (a parameter so that tests can make it fail). */
  compile?(path: string, host: Host, cache: Map<string, SourceFile>): CompileResult;
}

const MAX_WORKSPACE_FILES = 2000;

export class Workspace {
  private readonly docs = new Map<string, TextDocument>();
  private readonly uriByPath = new Map<string, string>();
  /** The path of each open document's URI (converting a URI is not free, and ranges ask often). */
  private readonly pathByUri = new Map<string, string>();
  /** Offset ↔ position conversions, one per line index (a new text has a new index). */
  private readonly positionsByLines = new WeakMap<LineIndex, Positions>();
  readonly cache = new Map<string, SourceFile>();
  /** Modification times of files read from disk, to notice changes without file watching. */
  private readonly mtimes = new Map<string, number>();
  private readonly entries = new Map<string, Entry>();
  /** The incremental compile of each open document, by path. */
  private readonly checks = new Map<string, IncrementalCheck>();
  private readonly dirty = new Set<string>();
  private readonly unpublished = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** While paused (waiting for the client's settings), nothing is published. */
  private paused = false;
  private roots: string[] = [];
  private workspaceIndexes: Map<string, ProgramIndex> | undefined;

  /**
   * Open documents from memory; anything else from disk through @rubric/node-host: only regular files
   * whose real path is inside the roots core gives (the workspace folders and the checked file's
   * folder), under the size limit, never blocking on a pipe or a device.
   */
  readonly host: Host = {
    readFile: (path, roots) => {
      const uri = this.uriByPath.get(path);
      const doc = uri ? this.docs.get(uri) : undefined;
      if (doc) return doc.getText();
      // Files are named by absolute paths here; a relative one comes from a document that is not a
      // file (untitled:…), whose imports would otherwise be read relative to the server's folder.
      if (!path.startsWith('/')) return { refused: 'outside' };
      const r = readRubricFile(path, roots);
      if (r === undefined || isRefusal(r)) return r;
      this.mtimes.set(path, r.mtimeMs);
      return r.bytes;
    },
    importRoots: [],
  };

  constructor(private readonly options: WorkspaceOptions) {}

  setRoots(roots: string[]): void {
    this.roots = roots;
    this.host.importRoots = roots;
    this.workspaceIndexes = undefined;
  }

  /** True when `target`, imported from `from`, may be read (core's rules, then the disk's). */
  canImport(from: string, target: string): boolean {
    const roots = importRoots(from, this.roots);
    if (checkImportPath(target, roots)) return false;
    const content = this.host.readFile(target, roots);
    return content !== undefined && !isRefusal(content);
  }

  // Documents -----------------------------------------------------------------------------------

  open(uri: string, languageId: string, version: number, text: string): void {
    const path = pathOfUri(uri);
    this.docs.set(uri, TextDocument.create(uri, languageId, version, text));
    this.uriByPath.set(path, uri);
    this.pathByUri.set(uri, path);
    this.cache.set(path, loadSource(path, text));
    this.mtimes.delete(path);
    this.changed(path);
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void {
    const doc = this.docs.get(uri);
    if (!doc) return;
    this.docs.set(uri, TextDocument.update(doc, changes, version));
    this.changed(pathOfUri(uri));
  }

  close(uri: string): void {
    const path = pathOfUri(uri);
    if (!this.docs.delete(uri)) return;
    this.uriByPath.delete(path);
    this.pathByUri.delete(uri);
    this.markDependents(path);
    this.cache.delete(path);
    this.entries.delete(path);
    this.checks.delete(path);
    this.dirty.delete(path);
    this.unpublished.delete(uri);
    this.workspaceIndexes = undefined;
    this.options.publish(uri, 0, []);
    this.schedule();
  }

  /** Files changed on disk (from file watching): forget them and re-check what used them. */
  filesChanged(uris: string[]): void {
    for (const uri of uris) {
      const path = pathOfUri(uri);
      if (this.uriByPath.has(path)) continue;
      this.cache.delete(path);
      this.mtimes.delete(path);
      this.markDependents(path);
    }
    this.workspaceIndexes = undefined;
    this.schedule();
  }

  document(uri: string): TextDocument | undefined {
    return this.docs.get(uri);
  }

  openUris(): string[] {
    return [...this.docs.keys()];
  }

  uriOf(path: string): string {
    return this.uriByPath.get(path) ?? uriOfPath(path);
  }

  /** Re-publishes every open document's diagnostics (after the locale changed). */
  republishAll(): void {
    for (const uri of this.docs.keys()) this.unpublished.add(uri);
    this.schedule();
  }

  // Sources and compiles ------------------------------------------------------------------------

  /** The up-to-date parsed file of an open document (cheap: an incremental reparse at most). */
  source(uri: string): SourceFile | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    const path = this.pathByUri.get(uri) ?? pathOfUri(uri);
    const text = doc.getText();
    const cached = this.cache.get(path);
    if (cached && cached.text === text) return cached;
    let next: SourceFile;
    const check = this.checks.get(path);
    try {
      if (cached) {
        const r = reparse(cached, text, { consume: true });
        check?.edited(cached, r);
        next = r.file;
      } else next = loadSource(path, text);
    } catch (e) {
      // A bug in the reparse (which consumed the old file) or the parser: report it on this file only.
      this.options.onError(e, `parse ${path}`);
      check?.reset();
      next = failedSource(path, text, e);
    }
    this.cache.set(path, next);
    return next;
  }

  /** The up-to-date compile of an open document. */
  entry(uri: string): Entry | undefined {
    if (!this.docs.has(uri)) return undefined;
    const path = pathOfUri(uri);
    if (this.dirty.has(path) || !this.entries.has(path)) {
      this.compileEntry(path);
      // Its diagnostics are published by the pending (or a new) scheduled flush.
      if (this.timer === undefined) this.schedule();
    }
    return this.entries.get(path);
  }

  /** The program index of an open document's compile (names, declarations and uses). */
  index(uri: string): ProgramIndex | undefined {
    const e = this.entry(uri);
    if (!e) return undefined;
    if (e.index === undefined) e.index = this.makeIndex(e.path, e.result.files) ?? null;
    return e.index ?? undefined;
  }

  /** The index of one program, or undefined (logged) when it cannot be built: never a partial one. */
  private makeIndex(path: string, files: readonly SourceFile[]): ProgramIndex | undefined {
    try {
      return this.options.makeIndex ? this.options.makeIndex(files) : new ProgramIndex(files);
    } catch (e) {
      this.options.onError(e, `index ${path} (skipped)`);
      return undefined;
    }
  }

  /**
   * Indexes of every open document and of every rubric file in the workspace folders. A file that
   * cannot be indexed is skipped with a log line; the workspace's map is kept only once complete.
   */
  allIndexes(): ProgramIndex[] {
    const out: ProgramIndex[] = [];
    for (const uri of this.docs.keys()) {
      const i = this.index(uri);
      if (i) out.push(i);
    }
    if (!this.workspaceIndexes) {
      const built = new Map<string, ProgramIndex>();
      for (const path of this.workspaceFiles()) {
        if (this.uriByPath.has(path)) continue;
        const files = this.closure(path);
        const i = files.length > 0 ? this.makeIndex(path, files) : undefined;
        if (i) built.set(path, i);
      }
      this.workspaceIndexes = built;
    }
    for (const i of this.workspaceIndexes.values()) out.push(i);
    return out;
  }

  /** Offsets ↔ positions for a file: its current text when it is open or loaded, else none. */
  positions(path: string): Positions | undefined {
    const uri = this.uriByPath.get(path);
    const sf = uri ? this.source(uri) : this.cache.get(path);
    if (!sf) return undefined;
    let at = this.positionsByLines.get(sf.parse.lines);
    if (!at) this.positionsByLines.set(sf.parse.lines, (at = positionsOfLines(sf.parse.lines)));
    return at;
  }

  /** The diagnostics of an open document, from every current compile. */
  diagnostics(uri: string): Diagnostic[] {
    this.compileDirty();
    return this.collect(uri);
  }

  private collect(uri: string): Diagnostic[] {
    const path = pathOfUri(uri);
    const out: Diagnostic[] = [];
    for (const e of this.entries.values()) for (const d of e.result.diagnostics) if (d.file === path) out.push(d);
    return limitDiagnostics(sortDiagnostics(dedupeDiagnostics(out)));
  }

  // Scheduling ----------------------------------------------------------------------------------

  private changed(path: string): void {
    this.dirty.add(path);
    this.markDependents(path);
    this.workspaceIndexes = undefined;
    this.schedule();
  }

  /** Marks dirty every compile that read `path`. */
  private markDependents(path: string): void {
    for (const e of this.entries.values()) {
      if (e.path === path || e.result.files.some((f) => f.path === path)) this.dirty.add(e.path);
    }
  }

  /** Holds publishing until `resume()`; used while the client's settings are being read. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.schedule();
  }

  private schedule(): void {
    if (this.paused) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.compileDirty();
      } catch (e) {
        this.options.onError(e);
      }
      // The compile may have taken a while: read what arrived meanwhile before publishing.
      setImmediate(() => {
        try {
          this.publishCurrent();
        } catch (e) {
          this.options.onError(e);
        }
      });
    }, this.options.debounceMs);
  }

  /** Compiles every dirty document, then publishes every document whose diagnostics may have changed. */
  flushNow(): void {
    this.compileDirty();
    this.publishCurrent();
  }

  /**
   * Publishes the documents whose compiles are current. Run after the messages that arrived during
   * the compile were read: when one of them changed a document, nothing of that document is published
   * (its compile is dirty again, and the change scheduled the next flush).
   */
  private publishCurrent(): void {
    if (this.paused || this.dirty.size > 0) return;
    for (const uri of [...this.unpublished]) {
      this.unpublished.delete(uri);
      const doc = this.docs.get(uri);
      if (doc) this.options.publish(uri, doc.version, this.collect(uri));
    }
  }

  private compileDirty(): void {
    for (const path of [...this.dirty]) {
      const uri = this.uriByPath.get(path);
      if (uri && this.docs.has(uri)) this.compileEntry(path);
      else this.dirty.delete(path);
    }
  }

  private compileEntry(path: string): void {
    const uri = this.uriByPath.get(path);
    const doc = uri ? this.docs.get(uri) : undefined;
    if (!uri || !doc) return;
    const version = doc.version;
    // Bring every open document's parse up to date, and forget disk files that changed.
    for (const u of this.docs.keys()) this.source(u);
    const before = this.entries.get(path);
    for (const f of before?.result.files ?? []) this.revalidate(f.path);
    // Each document's compile is isolated: one that throws (a bug) reports RUB902 on its own file and
    // is logged, and every other document is still re-checked.
    let result: CompileResult;
    try {
      if (this.options.compile) result = this.options.compile(path, this.host, this.cache);
      else {
        let check = this.checks.get(path);
        if (!check) this.checks.set(path, (check = new IncrementalCheck(path)));
        result = check.check(this.host, this.cache).result;
      }
    } catch (e) {
      this.checks.get(path)?.reset();
      this.options.onError(e, `check ${path}`);
      result = { rubric: undefined, rubrics: [], diagnostics: [internalErrorDiagnostic(path, e)], files: [] };
    }
    // A change made while compiling (only by a re-entrant caller) leaves the entry dirty.
    this.entries.set(path, { path, uri, version, result, index: undefined });
    if (this.docs.get(uri)?.version === version) this.dirty.delete(path);
    for (const f of [path, ...(before?.result.files ?? []).map((x) => x.path), ...result.files.map((x) => x.path)]) {
      const u = this.uriByPath.get(f);
      if (u) this.unpublished.add(u);
    }
  }

  /** Drops a disk file from the cache when it changed since it was read. */
  private revalidate(path: string): void {
    const seen = this.mtimes.get(path);
    if (seen === undefined || this.uriByPath.has(path)) return;
    let now: number | undefined;
    try {
      now = statSync(path).mtimeMs;
    } catch {
      now = undefined;
    }
    if (now !== seen) {
      this.cache.delete(path);
      this.mtimes.delete(path);
    }
  }

  // Workspace files -----------------------------------------------------------------------------

  /** A file and everything it imports, parsed (no compile). */
  private closure(path: string): SourceFile[] {
    const out: SourceFile[] = [];
    const seen = new Set<string>();
    // The same rules as a compile of `path`: imports stay inside its roots and are read by the host.
    const roots = importRoots(path, this.roots);
    const visit = (p: string, entry: boolean): void => {
      if (seen.has(p)) return;
      seen.add(p);
      if (!entry && checkImportPath(p, roots)) return;
      let sf = this.cache.get(p);
      if (!sf) {
        const content = this.host.readFile(p, roots);
        if (content === undefined || isRefusal(content)) return;
        sf = loadSource(p, content);
        this.cache.set(p, sf);
      }
      out.push(sf);
      for (const d of sf.parse.ast.decls) if (d.type === 'import' && d.path) visit(resolveImport(p, d.path.value), false);
    };
    visit(path, true);
    return out;
  }

  private workspaceFiles(): string[] {
    const out: string[] = [];
    const walk = (dir: string, depth: number): void => {
      if (depth > 8 || out.length >= MAX_WORKSPACE_FILES) return;
      let names: import('node:fs').Dirent[];
      try {
        names = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of names) {
        if (out.length >= MAX_WORKSPACE_FILES) return;
        if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === 'dist') continue;
        const p = dir.endsWith('/') ? dir + e.name : `${dir}/${e.name}`;
        if (e.isDirectory()) walk(p, depth + 1);
        else if (e.isFile() && e.name.endsWith('.rubric')) out.push(p);
      }
    };
    for (const r of this.roots) walk(r, 0);
    return out;
  }
}

/** A SourceFile standing for a text that could not be parsed (a bug): empty, with RUB902. */
function failedSource(path: string, text: string, e: unknown): SourceFile {
  return { path, text, parse: parseRubric('', path, new DiagnosticBag()), diagnostics: [internalErrorDiagnostic(path, e)] };
}
