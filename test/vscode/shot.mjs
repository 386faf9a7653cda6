// Takes a screenshot of the real VS Code workbench (code-server) with a rubric open: the server's
// diagnostics underlined in the editor and listed in the Problems panel. It also checks the panel lists
// every diagnostic the CLI reports for the file, by code and line (the workbench's own row text).
// Usage: node shot.mjs BASE_URL WORKSPACE_DIR FILE_NAME OUT_PNG
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, problemsPanelLists, PROBLEM_ROW } from './browser.mjs';

const [base, workspace, fileName, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node shot.mjs BASE_URL WORKSPACE_DIR FILE_NAME OUT_PNG');
  process.exit(2);
}
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const cli = spawnSync(process.execPath, [join(root, 'packages/cli/bin/rubric.js'), 'check', '--format', 'json', join(workspace, fileName)], { encoding: 'utf8' });
const expected = JSON.parse(cli.stdout).files.flatMap((f) => (f.file.endsWith(fileName) ? f.diagnostics : []));

const browser = await launch();
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1200 } });
  page.setDefaultTimeout(60_000);
  await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench');
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first().click();
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines');
  await page.keyboard.press('Control+Shift+M'); // Problems panel
  if (!(await problemsPanelLists(page, expected))) failed = true;
  // Select the first problem (the editor jumps to it), then centre the editor between the first and the
  // last diagnostic with Go to Line, so that all squiggles are in view when they fit.
  await page.locator(PROBLEM_ROW, { hasText: expected[0]?.code ?? 'RUB' }).first().click();
  const lines = expected.map((d) => d.range.start.line);
  const middle = Math.round((Math.min(...lines) + Math.max(...lines)) / 2);
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(middle));
  await page.keyboard.press('Enter');
  await page.waitForSelector('.monaco-editor .squiggly-error');
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500); // let the reveal animation settle before the picture
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`screenshot: ${out}`);
} catch (e) {
  console.error(e);
  failed = true;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
