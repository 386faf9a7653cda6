// Shared Playwright setup for the code-server tests: Debian's Chromium, headless, quiet and offline.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A `vscode-remote://` URI for a path on the code-server machine (this machine). */
export function remote(base, path) {
  return `vscode-remote://${new URL(base).host}${path}`;
}

export const PROBLEM_ROW = '.markers-panel .monaco-list-row';

/**
 * Waits until the Problems panel lists as many RUB rows as `expected` has diagnostics (as `rubric check
 * --format json` gives them), then checks each by code and line. Returns true when all are listed.
 */
export async function problemsPanelLists(page, expected) {
  await page.waitForFunction(
    ([sel, n]) => [...document.querySelectorAll(sel)].filter((r) => /RUB\d{3}/.test(r.textContent ?? '')).length >= n,
    [PROBLEM_ROW, expected.length],
  );
  const rows = await page.$$eval(PROBLEM_ROW, (rs) => rs.map((r) => r.textContent ?? '').filter((t) => /RUB\d{3}/.test(t)));
  let all = true;
  for (const d of expected) {
    const ok = rows.some((t) => t.includes(d.code) && t.includes(`Ln ${d.range.start.line}`));
    console.log(`${ok ? 'ok  ' : 'FAIL'} Problems panel lists ${d.code} at ${d.file ? `${d.file}:` : 'line '}${d.range.start.line}`);
    all &&= ok;
  }
  return all;
}
