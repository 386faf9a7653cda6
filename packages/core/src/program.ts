// The compile pipeline for one entry file: decode → parse → resolve names (with imports) → lower to
// the IR → checks.
// Files are read through a Host, so that the CLI (disk), the language server (open documents) and
// tests (memory) share it. Parsed files may be cached across compiles by the caller.
import { DiagnosticBag, dedupeDiagnostics, sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { decodeBytes } from './encoding.js';
import { lowerProgram } from './ir/lower.js';
import { normalizePath } from './ir/paths.js';
import { resolveProgram, type LoadedFile } from './ir/resolve.js';
import type { RubricIR } from './ir/model.js';
import { runChecks } from './check/index.js';
import { parseRubric } from './syntax/parse.js';
import { checkImportPath, importRoots, isRefusal, reportUnreadable, type ReadRefusal } from './imports.js';
import { LIMITS, utf8SizeExceeds } from './limits.js';
import { SUGGESTION_BUDGET, withSuggestionBudget } from './ir/suggest.js';

export interface Host {
  /**
   * The file's bytes or text; undefined when it does not exist; a refusal when the host will not
   * read it. `roots` are the folders the read must stay inside (see imports.ts): a disk host checks
   * that the file's real path lies in one of them, and that it is a regular file under the limit.
   */
  readFile(path: string, roots: readonly string[]): Uint8Array | string | ReadRefusal | undefined;
  /** Folders imports may come from, besides the folder of the file being checked. */
  importRoots?: readonly string[];
}

export interface SourceFile extends LoadedFile {
  text: string;
  /** Decoding and syntax diagnostics of this file alone. */
  diagnostics: Diagnostic[];
}

export interface CompileResult {
  /** The file's first rubric (most files hold one). */
  rubric: RubricIR | undefined;
  /** Every rubric of the file, in order: a document may hold several tables, each with its own total. */
  rubrics: RubricIR[];
  /** All diagnostics of the entry file and of the files it imports, sorted and without duplicates. */
  diagnostics: Diagnostic[];
  files: SourceFile[];
}

/** Decodes and parses one file's content. A content over the size limit is not parsed (RUB010).
 * `keepTokens`: see `parseRubric` (false: the token list is made again only if it is read). */
export function loadSource(path: string, content: Uint8Array | string, keepTokens = true): SourceFile {
  const bag = new DiagnosticBag();
  let text: string;
  const tooLarge = typeof content === 'string' ? utf8SizeExceeds(content, LIMITS.fileBytes) : content.length > LIMITS.fileBytes;
  if (tooLarge) {
    reportUnreadable(bag, path, { refused: 'tooLarge' });
    // The text is kept (an editor's document is this text), but nothing of it is parsed.
    const parse = parseRubric('', path, new DiagnosticBag());
    return { path, text: typeof content === 'string' ? content : '', parse, diagnostics: bag.items };
  }
  if (typeof content === 'string') text = content;
  else {
    const d = decodeBytes(content);
    text = d.text;
    const at = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
    if (d.failed) bag.add('RUB009', path, at);
    else if (d.encoding === 'GB18030') bag.add('RUB008', path, at, { encoding: d.encoding });
  }
  const parse = parseRubric(text, path, bag, keepTokens);
  return { path, text, parse, diagnostics: bag.items };
}

export function compile(entryPath: string, host: Host, cache?: Map<string, SourceFile>): CompileResult {
  const files = new Map<string, SourceFile>();
  const roots = importRoots(entryPath, host.importRoots);
  const read = (path: string): SourceFile | ReadRefusal | undefined => {
    const hit = files.get(path) ?? cache?.get(path);
    if (hit) {
      files.set(path, hit);
      return hit;
    }
    const content = host.readFile(path, roots);
    if (content === undefined || isRefusal(content)) return content;
    // The files a compile reads itself keep no token list (made again if a caller reads it).
    const f = loadSource(path, content, false);
    files.set(path, f);
    cache?.set(path, f);
    return f;
  };
  const entryFile = normalizePath(entryPath);
  const entry = read(entryFile);
  if (!entry || isRefusal(entry)) {
    const bag = new DiagnosticBag();
    reportUnreadable(bag, entryFile, entry);
    return { rubric: undefined, rubrics: [], diagnostics: bag.items, files: [] };
  }
  // Imports: core's verdict on the path first, then the host's.
  const get = (p: string): SourceFile | ReadRefusal | undefined => {
    const path = normalizePath(p);
    return checkImportPath(path, roots) ?? read(path);
  };
  const bag = new DiagnosticBag();
  // "Did you mean" gets a fixed amount of work per compile (ir/suggest.ts).
  const { resolution, rubrics } = withSuggestionBudget(SUGGESTION_BUDGET, () => {
    const resolution = resolveProgram(entry, get, bag);
    const rubrics = lowerProgram(resolution, bag);
    for (const r of rubrics) runChecks(r, bag);
    return { resolution, rubrics };
  });
  const loaded = resolution.files.map((f) => files.get(f.path)!).filter(Boolean);
  const all = [...loaded.flatMap((f) => f.diagnostics), ...bag.items];
  return { rubric: rubrics[0], rubrics, diagnostics: sortDiagnostics(dedupeDiagnostics(all)), files: loaded };
}

/** Compiles a text held in memory (no imports beyond what `others` provides). */
export function compileText(path: string, text: string, others: Record<string, string> = {}): CompileResult {
  const all: Record<string, string> = { ...others, [normalizePath(path)]: text };
  return compile(path, { readFile: (p) => all[p] });
}
