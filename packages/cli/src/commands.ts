// The CLI's commands as functions from arguments to output and an exit code, so that tests can run
// them in-process. Exit codes: 0 no errors, 1 errors found, 2 usage or internal failure.
import { realpathSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import {
  compile,
  dedupeDiagnostics,
  limitDiagnostics,
  renderDiagnostic,
  renderRef,
  serializeIRs,
  sortDiagnostics,
  internalErrorDiagnostic,
  type CompileResult,
  type Diagnostic,
  type Host,
  type Locale,
  type Position,
  type Range,
  type SourceFile,
} from '@rubric/core';
import { say, type CliMessage } from './messages.js';
import { allowedFolders, collectFiles, diskHost } from './files.js';

/** One diagnostic as a compiler-style line: `file:line:col  severity  CODE  message`. */
export function formatLine(d: Diagnostic, locale: Locale): string {
  const sev = renderRef({ id: `severity.${d.severity}`, args: {} }, locale);
  return `${d.file}:${d.range.start.line}:${d.range.start.column}  ${sev}  ${d.code}  ${renderDiagnostic(d, locale)}`;
}

const position = (p: Position) => ({ line: p.line, column: p.column, offset: p.offset });
const rangeJson = (r: Range) => ({ start: position(r.start), end: position(r.end) });

/**
 * One diagnostic in `check --format json` (schema: packages/cli/schema/check-output.schema.json):
 * what the editor gets, with messages rendered in the locale.
 */
export function diagnosticJson(d: Diagnostic, locale: Locale) {
  return {
    code: d.code,
    severity: d.severity,
    message: renderDiagnostic(d, locale),
    args: d.args,
    range: rangeJson(d.range),
    indicator: d.indicator ?? null,
    related: (d.related ?? []).map((r) => ({ file: r.file, range: rangeJson(r.range), message: renderRef(r.message, locale) })),
    fix: d.fix
      ? { message: renderRef(d.fix.message, locale), edits: d.fix.edits.map((e) => ({ file: e.file, range: rangeJson(e.range), newText: e.newText })) }
      : null,
  };
}

export interface Output {
  out: string[];
  err: string[];
  code: number;
}

export interface CompileOptions {
  locale: Locale;
  /** Further folders imports may come from (--allow-imports). */
  allowImports?: string[];
}

/** A compile that never throws: a bug becomes RUB902 on its file, so the other files are still checked. */
export function safeCompile(file: string, host: Host, cache?: Map<string, SourceFile>): CompileResult {
  try {
    return compile(file, host, cache);
  } catch (e) {
    return { rubric: undefined, rubrics: [], diagnostics: [internalErrorDiagnostic(file, e)], files: [] };
  }
}

export function checkCommand(paths: string[], opts: CompileOptions & { format: 'text' | 'json' }): Output {
  const inputs = collectFiles(paths);
  const host = diskHost([...inputs.roots, ...allowedFolders(opts.allowImports ?? [])]);
  const cache = new Map<string, SourceFile>();
  let all: Diagnostic[] = [];
  for (const f of inputs.files) for (const d of safeCompile(f, host, cache).diagnostics) all.push(d);
  all = sortDiagnostics(dedupeDiagnostics(all));
  // Every error counts for the summary and the exit status; at most a few hundred per file are shown.
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const shown = limitDiagnostics(all);
  const byFile = new Map<string, Diagnostic[]>(inputs.files.map((f) => [f, []]));
  for (const d of shown) {
    if (!byFile.has(d.file)) byFile.set(d.file, []);
    byFile.get(d.file)!.push(d);
  }
  const out: string[] = [];
  if (opts.format === 'json') {
    const json = { files: [...byFile.entries()].map(([file, ds]) => ({ file, diagnostics: ds.map((d) => diagnosticJson(d, opts.locale)) })) };
    out.push(JSON.stringify(json, null, 2));
  } else {
    for (const d of shown) out.push(formatLine(d, opts.locale));
    out.push(say('summary', { errors, warnings, files: byFile.size }, opts.locale));
  }
  return { out, err: [], code: errors > 0 ? 1 : 0 };
}

/** The real path of a file, or of where it would be created. */
function realTarget(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(p))), basename(p));
    } catch {
      return resolve(p);
    }
  }
}

export function compileCommand(file: string, opts: CompileOptions & { output?: string; pretty?: boolean }): Output {
  const inputs = collectFiles([file]);
  const usage = (id: CliMessage, args: Record<string, string | number>): Output => ({ out: [], err: [say(id, args, opts.locale)], code: 2 });
  if (inputs.files.length === 0) return usage('emptyFolder', { path: file });
  if (inputs.files.length > 1) return usage('oneFile', { path: file, count: inputs.files.length });
  const path = inputs.files[0]!;
  const host = diskHost([...inputs.roots, ...allowedFolders(opts.allowImports ?? [])]);
  const r = safeCompile(path, host);
  const err = limitDiagnostics(r.diagnostics).map((d) => formatLine(d, opts.locale));
  const hasErrors = r.diagnostics.some((d) => d.severity === 'error');
  if (r.rubrics.length === 0) {
    // A file that could not be read at all has said why; a file of sections only has nothing to compile.
    if (r.files.length > 0) err.push(say('noRubric', { file: path }, opts.locale));
    return { out: [], err, code: 1 };
  }
  // One rubric: its IR. Several (a document with several tables): an array of them, in order.
  // Compact JSON, or indented for people with --pretty.
  const json = serializeIRs(r.rubrics, { pretty: opts.pretty ?? false });
  const out: string[] = [];
  if (opts.output) {
    const target = realTarget(opts.output);
    if ([path, ...r.files.map((f) => f.path)].some((f) => realTarget(f) === target)) return usage('outputIsSource', { path: opts.output });
    try {
      writeFileSync(opts.output, json);
    } catch (e) {
      const reason = (e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e));
      return { out: [], err: [...err, say('cannotWrite', { path: opts.output, reason }, opts.locale)], code: 2 };
    }
  } else out.push(json.trimEnd());
  return { out, err, code: hasErrors ? 1 : 0 };
}
