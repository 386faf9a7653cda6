// The CLI's commands as functions from arguments to output and an exit code, so that tests can run
// them in-process. Exit codes: 0 no errors, 1 errors found, 2 usage or internal failure.
import { writeFileSync } from 'node:fs';
import {
  compile,
  dedupeDiagnostics,
  renderDiagnostic,
  renderRef,
  serializeIR,
  sortDiagnostics,
  type Diagnostic,
  type Locale,
  type Position,
  type Range,
  type SourceFile,
} from '@rubric/core';
import { collectFiles, diskHost } from './files.js';
import { say } from './messages.js';

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

export function checkCommand(paths: string[], opts: { format: 'text' | 'json'; locale: Locale }): Output {
  const files = collectFiles(paths);
  const cache = new Map<string, SourceFile>();
  let all: Diagnostic[] = [];
  for (const f of files) all.push(...compile(f, diskHost, cache).diagnostics);
  all = sortDiagnostics(dedupeDiagnostics(all));
  const byFile = new Map<string, Diagnostic[]>(files.map((f) => [f, []]));
  for (const d of all) {
    if (!byFile.has(d.file)) byFile.set(d.file, []);
    byFile.get(d.file)!.push(d);
  }
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const out: string[] = [];
  if (opts.format === 'json') {
    const json = { files: [...byFile.entries()].map(([file, ds]) => ({ file, diagnostics: ds.map((d) => diagnosticJson(d, opts.locale)) })) };
    out.push(JSON.stringify(json, null, 2));
  } else {
    for (const d of all) out.push(formatLine(d, opts.locale));
    out.push(say('summary', { errors, warnings, files: byFile.size }, opts.locale));
  }
  return { out, err: [], code: errors > 0 ? 1 : 0 };
}

export function compileCommand(file: string, opts: { output?: string; locale: Locale }): Output {
  const [path] = collectFiles([file]);
  const r = compile(path!, diskHost);
  const err = r.diagnostics.map((d) => formatLine(d, opts.locale));
  if (r.rubrics.length === 0) {
    err.push(say('noRubric', { file: path! }, opts.locale));
    return { out: [], err, code: 1 };
  }
  // One rubric: its IR. Several (a document with several tables): an array of them, in order.
  const json = r.rubrics.length === 1 ? serializeIR(r.rubrics[0]!) : `[\n${r.rubrics.map((x) => serializeIR(x).trimEnd()).join(',\n')}\n]\n`;
  const out: string[] = [];
  if (opts.output) writeFileSync(opts.output, json);
  else out.push(json.trimEnd());
  return { out, err, code: r.diagnostics.some((d) => d.severity === 'error') ? 1 : 0 };
}
