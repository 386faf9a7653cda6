// `rubric import <file> [-o out]`: reads a Word, Excel, text or HTML document with @rubric/import,
// writes one draft rubric per evaluation table (canonical layout), then checks the drafts as
// `rubric check` does, so the document's own mistakes show at once. Exit codes: 0 no errors in the
// drafts, 1 errors found in them, 2 the document could not be imported (coded IMPxxx error).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { compile, renderRef, sortDiagnostics, type Diagnostic, type Locale } from '@rubric/core';
import { formatLine, type Output } from './commands.js';
import { display, hostFor, UsageError } from './files.js';
import { say } from './messages.js';

export interface ImportOptions {
  output?: string;
  force?: boolean;
  locale: Locale;
}

/** Where the drafts go: beside the input, into a folder (`-o dir/`), or to the given name. */
function targets(input: string, output: string | undefined, count: number, draftNames: (base: string, n: number) => string[]): string[] {
  const stem = basename(input, extname(input));
  if (output === undefined) return draftNames(join(dirname(input), stem), count);
  const isDir = /[\\/]$/.test(output) || (existsSync(output) && statSync(output).isDirectory());
  return isDir ? draftNames(join(output, stem), count) : draftNames(output, count);
}

export async function importCommand(file: string, opts: ImportOptions): Promise<Output> {
  const lib = await import('@rubric/import');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch {
    throw new UsageError(file);
  }
  const err = (e: InstanceType<typeof lib.ImportError>): Output => ({ out: [], err: [`${display(file)}  ${renderRef({ id: 'severity.error', args: {} }, opts.locale)}  ${e.code}  ${lib.renderImportError(e, opts.locale)}`], code: 2 });
  let result: Awaited<ReturnType<typeof lib.importDocument>>;
  try {
    result = await lib.importDocument(bytes, file);
  } catch (e) {
    if (e instanceof lib.ImportError) return err(e);
    throw e;
  }
  const paths = targets(file, opts.output, result.rubrics.length, lib.draftNames).map(display);
  if (!opts.force) {
    const taken = paths.find((p) => existsSync(p));
    if (taken) return { out: [], err: [lib.renderImportText('exists', { file: taken }, opts.locale)], code: 2 };
  }
  const out: string[] = [];
  let all: Diagnostic[] = [];
  for (const [i, r] of result.rubrics.entries()) {
    const p = paths[i]!;
    try {
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, r.text);
    } catch (e) {
      return err(new lib.ImportError('IMP007', { file: p, detail: e instanceof Error ? e.message : String(e) }));
    }
    out.push(lib.renderImportText('wrote', { file: p, title: r.title }, opts.locale));
    all.push(...compile(p, hostFor(p)).diagnostics);
  }
  all = sortDiagnostics(all);
  for (const d of all) out.push(formatLine(d, opts.locale));
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  out.push(say('summary', { errors, warnings, files: paths.length }, opts.locale));
  const sum = (k: 'indicators' | 'rules' | 'reviews') => result.rubrics.reduce((a, r) => a + r[k], 0);
  out.push(lib.renderImportText('summary', { indicators: sum('indicators'), rules: sum('rules'), reviews: sum('reviews') }, opts.locale));
  return { out, err: [], code: errors > 0 ? 1 : 0 };
}
