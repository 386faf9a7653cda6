// The table preview in real VS Code (code-server), as a person uses it: open a rubric, click the
// editor-title button "预览评估表", and the table appears in a webview beside the source. Checks that
// exactly the subtotals the core finds wrong are highlighted, each with the computed sum beside the
// declared points, that the page follows the VS Code theme, that clicking a highlighted cell moves the
// cursor to its line, and that typing in the source updates the table. Takes a screenshot of the
// source beside the table with the errors highlighted.
// Usage: node preview.mjs BASE_URL WORKSPACE_DIR FILE_NAME OUT_PNG
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch } from './browser.mjs';

const [base, workspace, fileName, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node preview.mjs BASE_URL WORKSPACE_DIR FILE_NAME OUT_PNG');
  process.exit(2);
}
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const core = await import(pathToFileURL(join(root, 'packages/core/dist/index.js')).href);
const file = core.normalizePath(join(workspace, fileName));
const compiled = core.compile(file, { readFile: (p) => { try { return readFileSync(p); } catch { return undefined; } } });
const table = core.buildTable(compiled.rubric, compiled.diagnostics, 'zh-CN');
const byId = new Map(core.allIndicators(compiled.rubric).map((x) => [x.id, x]));
const want = table.groups
  .filter((g) => g.subtotal)
  .map((g) => ({ title: g.title, line: g.range.start.line, mark: `Σ ${g.subtotal.computed} ≠ ${g.subtotal.declared}`, points: byId.get(g.indicatorId).pointsRange, computed: g.subtotal.computed.toString() }));

let failed = false;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed = true;
};

/** The frame of the preview page (webviews are nested iframes). */
async function previewFrame(page) {
  const end = Date.now() + 60_000;
  while (Date.now() < end) {
    for (const f of page.frames()) {
      try {
        if (await f.$('#rubric-root')) return f;
      } catch {
        // A frame that navigates away while probed.
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error('the preview webview did not appear');
}

const marked = (frame) =>
  frame.$$eval('td.mismatch', (els) => els.map((e) => ({ text: e.textContent ?? '', line: Number(e.getAttribute('data-line')) })));

const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1200 } });
  page.setDefaultTimeout(60_000);
  await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench');
  await page.locator('.explorer-folders-view .monaco-list-row', { hasText: fileName }).first().click();
  await page.waitForSelector('.editor-instance .monaco-editor .view-lines');
  await page.waitForSelector('.monaco-editor .squiggly-error');

  // The editor-title button.
  const button = page.locator('.editor-actions .action-label[aria-label*="预览评估表"]').first();
  await button.waitFor();
  check(true, 'the editor title has the 预览评估表 button');
  await button.click();
  const frame = await previewFrame(page);
  await frame.waitForSelector('td.mismatch');

  // Exactly the wrong subtotals, with the computed sum beside the declared points.
  const got = await marked(frame);
  check(got.length === want.length, `${want.length} subtotals highlighted (found ${got.length})`);
  for (const w of want) {
    const cell = got.find((g) => g.line === w.line);
    check(!!cell && cell.text.includes(w.title) && cell.text.includes(w.mark), `${w.title} (line ${w.line}) shows “${w.mark}”: ${cell?.text ?? 'missing'}`);
  }
  const style = await frame.evaluate(() => {
    const td = document.querySelector('td.mismatch');
    return {
      body: document.body.className,
      background: getComputedStyle(document.body).backgroundColor,
      themed: getComputedStyle(document.documentElement).getPropertyValue('--vscode-editor-background').trim(),
      border: td ? getComputedStyle(td).borderTopColor : '',
    };
  });
  check(/vscode-(dark|light|high-contrast)/.test(style.body) && style.themed !== '', `the page follows the VS Code theme (${style.body}, background ${style.background}, editor ${style.themed})`);
  check(style.border !== '' && style.border !== 'rgb(0, 0, 0)', `highlighted cells have the theme's error border (${style.border})`);

  // A click on a highlighted cell reveals its line in the source.
  const first = want[0];
  await frame.locator(`td.mismatch[data-line="${first.line}"]`).scrollIntoViewIfNeeded();
  await frame.locator(`td.mismatch[data-line="${first.line}"]`).click();
  const ln = await page
    .waitForFunction((l) => (document.querySelector('[id="status.editor.selection"]')?.textContent ?? '').includes(`Ln ${l},`), first.line, { timeout: 15_000 })
    .then(() => true)
    .catch(() => false);
  check(ln, `clicking ${first.title} moves the cursor to line ${first.line}`);

  // Go to Line, waiting for its box before typing (on a busy machine keys typed before it opens would
  // land in the editor) and for the cursor to arrive.
  const goToLine = async (line) => {
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.type(String(line));
    await page.keyboard.press('Enter');
    return page
      .waitForFunction((l) => (document.querySelector('[id="status.editor.selection"]')?.textContent ?? '').includes(`Ln ${l},`), line, { timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
  };

  // The screenshot: the source beside its table, both errors in view (side bar hidden for room; the
  // editor centred between the two lines, the table scrolled to the first).
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+B');
  const lines = want.map((w) => w.line);
  await goToLine(Math.round((Math.min(...lines) + Math.max(...lines)) / 2));
  await frame.evaluate((l) => document.querySelector(`td.mismatch[data-line="${l}"]`)?.scrollIntoView({ block: 'start' }), first.line);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(1000);
  const inView = await frame.evaluate(() =>
    [...document.querySelectorAll('td.mismatch .mark')].map((e) => {
      const r = e.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }),
  );
  check(inView.length === want.length && inView.every(Boolean), `the marks of both subtotals are in view for the screenshot (${inView})`);
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`screenshot: ${out}`);

  // Typing updates the table: correct the first wrong subtotal's points to what its items add up to
  // (go to its line, move left from the end of the line to the end of the points, retype them).
  const text = readFileSync(file, 'utf8').split(/\r?\n/)[first.points.end.line - 1];
  check(await goToLine(first.points.end.line), `Go to Line reaches line ${first.points.end.line}`);
  await page.keyboard.press('End');
  for (let i = first.points.end.column - 1; i < text.length; i++) await page.keyboard.press('ArrowLeft');
  for (let i = first.points.start.column; i < first.points.end.column; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type(first.computed);
  const updated = await frame
    .waitForFunction((n) => document.querySelectorAll('td.mismatch').length === n, want.length - 1, { timeout: 60_000 })
    .then(() => true)
    .catch(() => false);
  const left = (await marked(frame)).map((m) => m.text);
  // What the window shows after typing (looked at when this check fails).
  await page.screenshot({ path: out.replace(/\.png$/, '-typed.png') });
  check(updated && !left.some((t) => t.includes(first.title)), `after typing ${first.computed} for ${first.title}, the table keeps only ${want.length - 1} highlighted: ${left.join(' | ')}`);
} catch (e) {
  console.error(e);
  failed = true;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
