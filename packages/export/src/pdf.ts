// PDF: the html page printed by headless Chromium (Debian's `chromium` package). Chromium is found
// through $CHROMIUM, then `chromium`/`chromium-browser` on PATH, then /usr/bin/chromium; when it is
// missing the error says how to install it (EXP001). The printing itself (print.ts, through the
// DevTools protocol) is loaded only when a PDF is made.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ExportError } from './errors.js';

const NAMES = ['chromium', 'chromium-browser'];

export function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to print with, or undefined when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env['CHROMIUM'];
  if (given) return executable(given) ? given : undefined;
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter(Boolean)) {
    for (const n of NAMES) if (executable(join(dir, n))) return join(dir, n);
  }
  return executable('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** The flags every headless run adds: no sandbox (root in containers), no GPU, nothing online. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// The printer by its package name (not `./print.js`): bundlers that inline this module (the CLI's)
// leave it and its DevTools client out, and Node loads them on first use.
const PRINT: string = '@rubric/export/pdf';

/** Prints an html page to an A4 PDF (the page's own @page size) with headless Chromium. */
export async function htmlToPdf(html: string, opts: { chromium?: string; timeoutMs?: number } = {}): Promise<Uint8Array> {
  const chromium = opts.chromium !== undefined ? (executable(opts.chromium) ? opts.chromium : undefined) : findChromium();
  if (!chromium) throw new ExportError('EXP001');
  const { printPdf } = (await import(PRINT)) as typeof import('./print.js');
  return printPdf(html, chromium, opts.timeoutMs ?? 600_000);
}
