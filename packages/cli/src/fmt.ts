// `rubric fmt [--check] <files…>`: rewrites files in canonical layout (core's formatText). A file
// with syntax errors is left untouched and its errors are printed; so is a file that cannot be read
// (not a regular file, too large) or whose encoding cannot be decoded exactly (RUB009): fmt never
// writes a file it could not read faithfully. With --check nothing is written and the command exits 1
// when a file would change.
import { writeFileSync } from 'node:fs';
import { CATALOG, decodeBytes, formatText, isRefusal, limitDiagnostics, renderRef, unreadableDiagnostic, type Diagnostic, type Locale } from '@rubric/core';
import { readRubricFile } from '@rubric/node-host';
import { formatLine, type Output } from './commands.js';
import { collectFiles } from './files.js';
import { say } from './messages.js';

export function fmtCommand(paths: string[], opts: { check: boolean; locale: Locale }): Output {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const inputs = collectFiles(paths);
  const fail = (d: Diagnostic): void => {
    err.push(formatLine(d, opts.locale));
    code = Math.max(code, 1);
  };
  for (const f of inputs.files) {
    const read = readRubricFile(f, inputs.roots);
    if (read === undefined || isRefusal(read)) {
      fail(unreadableDiagnostic(f, read));
      continue;
    }
    const decoded = decodeBytes(read.bytes);
    if (decoded.failed) {
      const at = { line: 1, column: 1, offset: 0 };
      fail({ code: 'RUB009', severity: CATALOG.RUB009.severity, file: f, range: { start: at, end: at }, args: {} });
      continue;
    }
    const r = formatText(decoded.text, f);
    if (r.text === undefined) {
      for (const d of limitDiagnostics(r.diagnostics.filter((x) => x.severity === 'error'))) fail(d);
      continue;
    }
    if (r.text === decoded.text && !decoded.encoding) continue;
    if (opts.check) {
      out.push(say('wouldFormat', { file: f }, opts.locale));
      code = Math.max(code, 1);
      continue;
    }
    try {
      writeFileSync(f, r.text);
      out.push(say('formatted', { file: f }, opts.locale));
    } catch (e) {
      err.push(say('cannotWrite', { path: f, reason: (e as { code?: string }).code ?? String(e) }, opts.locale));
      code = 2;
    }
  }
  return { out, err, code };
}
