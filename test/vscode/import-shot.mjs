// The import command as a person uses it in real VS Code (code-server): right-click a Word file in the
// explorer, choose “从 Word/Excel 导入评估表…”; the drafts open beside it and the Problems panel lists
// what the checker finds in them. Checks the panel against `rubric check` on the drafts written (by
// code and line), then takes a screenshot.
// Usage: node import-shot.mjs BASE_URL WORKSPACE_DIR DOCUMENT_NAME OUT_PNG
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, problemsPanelLists, PROBLEM_ROW } from './browser.mjs';

const [base, workspace, docName, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node import-shot.mjs BASE_URL WORKSPACE_DIR DOCUMENT_NAME OUT_PNG');
  process.exit(2);
}
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const stem = docName.replace(/\.[^.]+$/, '');

const browser = await launch();
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(60_000);
  await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench');
  // The extension's menu items appear once the workbench has read its manifest: right-click until the
  // item is there.
  const item = page.getByRole('menuitem', { name: /从 Word\/Excel 导入评估表/ });
  for (let tries = 0; ; tries++) {
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: docName }).first().click({ button: 'right' });
    if (await item.isVisible().catch(() => false)) break;
    await page.waitForTimeout(300);
    if (await item.isVisible().catch(() => false)) break;
    if (tries === 40) throw new Error('the import command is not in the explorer context menu');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(1000);
  }
  await item.click();
  // The drafts are written beside the document and opened.
  await page.waitForFunction((s) => [...document.querySelectorAll('.tab')].some((t) => (t.textContent ?? '').includes(`${s}-5.rubric`)), stem);
  const drafts = readdirSync(workspace).filter((f) => f.startsWith(`${stem}-`) && f.endsWith('.rubric')).sort();
  console.log(`drafts written: ${drafts.join(', ')}`);
  if (drafts.length !== 5) failed = true;
  const cli = spawnSync(process.execPath, [join(root, 'packages/cli/bin/rubric.js'), 'check', '--format', 'json', ...drafts.map((d) => join(workspace, d))], { encoding: 'utf8' });
  const expected = JSON.parse(cli.stdout).files.flatMap((f) => f.diagnostics.map((d) => ({ ...d, file: f.file.replace(/^.*\//, '') })));
  if (expected.length === 0 || !(await problemsPanelLists(page, expected))) failed = true;
  // Show the 慈善 draft at its first subtotal error.
  const cishan = expected.find((d) => d.file === `${stem}-5.rubric`);
  await page.locator(PROBLEM_ROW, { hasText: `Ln ${cishan.range.start.line}` }).filter({ hasText: cishan.code }).first().click();
  await page.waitForSelector('.monaco-editor .squiggly-error');
  await page.mouse.move(0, 0);
  await page.waitForTimeout(500);
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`screenshot: ${out}`);
  if (!existsSync(out)) failed = true;
} catch (e) {
  console.error(e);
  failed = true;
  const page = browser.contexts()[0]?.pages()[0];
  if (page) {
    console.error('menus:', await page.$$eval('.monaco-menu .action-label, [role=menuitem]', (xs) => xs.map((x) => x.textContent)).catch(() => []));
    await page.screenshot({ path: out.replace(/\.png$/, '-failed.png') }).catch(() => undefined);
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
