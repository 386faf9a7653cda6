// `rubric fmt [--check] <files…>`: rewrites files in canonical layout (core's formatText). A file
// with syntax errors is left untouched and its errors are printed. With --check nothing is written
// and the command exits 1 when a file would change.
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeBytes, formatText, type Locale } from '@rubric/core';
import { formatLine, type Output } from './commands.js';
import { collectFiles } from './files.js';
import { say } from './messages.js';

export function fmtCommand(paths: string[], opts: { check: boolean; locale: Locale }): Output {
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  for (const f of collectFiles(paths)) {
    const decoded = decodeBytes(new Uint8Array(readFileSync(f)));
    if (decoded.failed) {
      const at = { line: 1, column: 1, offset: 0 };
      err.push(formatLine({ code: 'RUB009', severity: 'error', file: f, range: { start: at, end: at }, args: {} }, opts.locale));
      code = 1;
      continue;
    }
    const r = formatText(decoded.text, f);
    if (r.text === undefined) {
      for (const d of r.diagnostics.filter((x) => x.severity === 'error')) err.push(formatLine(d, opts.locale));
      code = 1;
      continue;
    }
    if (r.text === decoded.text && !decoded.encoding) continue;
    if (opts.check) {
      out.push(say('wouldFormat', { file: f }, opts.locale));
      code = 1;
    } else {
      writeFileSync(f, r.text);
      out.push(say('formatted', { file: f }, opts.locale));
    }
  }
  return { out, err, code };
}
