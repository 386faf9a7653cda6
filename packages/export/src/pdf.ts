// PDF: the html page printed by headless Chromium (Debian's `chromium` package). Chromium is found
// through $CHROMIUM, then `chromium`/`chromium-browser` on PATH, then /usr/bin/chromium; when it is
// missing the error says how to install it (EXP001). Each run uses a fresh profile in a temporary
// folder, offline, and is bounded in time.
import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExportError } from './errors.js';

const NAMES = ['chromium', 'chromium-browser'];

function executable(p: string): boolean {
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

/** The flags every headless run uses: no sandbox (root in containers), no GPU, nothing online. */
export function chromiumFlags(profile: string): string[] {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--user-data-dir=${profile}`,
  ];
}

/** Prints an html page to PDF with headless Chromium. */
export async function htmlToPdf(html: string, opts: { chromium?: string; timeoutMs?: number } = {}): Promise<Uint8Array> {
  const chromium = opts.chromium !== undefined ? (executable(opts.chromium) ? opts.chromium : undefined) : findChromium();
  if (!chromium) throw new ExportError('EXP001');
  const dir = mkdtempSync(join(tmpdir(), 'rubric-pdf-'));
  try {
    const page = join(dir, 'table.html');
    const out = join(dir, 'table.pdf');
    writeFileSync(page, html);
    const args = [...chromiumFlags(join(dir, 'profile')), '--no-pdf-header-footer', `--print-to-pdf=${out}`, pathToFileURL(page).href];
    const detail = await new Promise<string | null>((resolve) => {
      execFile(chromium, args, { timeout: opts.timeoutMs ?? 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
        if (!error) return resolve(null);
        const lines = String(stderr).trim().split('\n').slice(-3).join(' ');
        resolve(`${error.killed ? 'timed out' : `exit ${String(error.code)}`}${lines ? `: ${lines}` : ''}`);
      });
    });
    let pdf: Uint8Array;
    try {
      pdf = new Uint8Array(readFileSync(out));
    } catch {
      throw new ExportError('EXP002', { path: chromium, detail: detail ?? 'no PDF written' });
    }
    if (detail !== null && pdf.length === 0) throw new ExportError('EXP002', { path: chromium, detail });
    return pdf;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
