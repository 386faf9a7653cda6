// Printing an html page to PDF in headless Chromium through the DevTools protocol (playwright-core
// drives the system's Chromium; it downloads nothing). `--print-to-pdf` on the command line stalls on
// documents of several hundred pages; the protocol's Page.printToPDF does not. Each run has a fresh
// profile, offline, and is bounded in time.
import { chromium as driver } from 'playwright-core';
import { ExportError } from './errors.js';
import { CHROMIUM_FLAGS } from './pdf.js';

export async function printPdf(html: string, chromium: string, timeoutMs: number): Promise<Uint8Array> {
  const fail = (e: unknown): never => {
    const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);
    throw new ExportError('EXP002', { path: chromium, detail });
  };
  const browser = await driver.launch({ executablePath: chromium, args: CHROMIUM_FLAGS, timeout: timeoutMs }).catch(fail);
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(timeoutMs);
    await page.setContent(html, { waitUntil: 'load' });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no PDF after ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    });
    try {
      const pdf = await Promise.race([page.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false }), late]);
      return new Uint8Array(pdf);
    } finally {
      clearTimeout(timer);
    }
  } catch (e) {
    return fail(e);
  } finally {
    await browser.close().catch(() => undefined);
  }
}
