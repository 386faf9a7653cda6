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
