// Neovim real-client test of the bundled language server (editors/vscode/dist/server.js, run with node).
// For each seed rubric it computes what to expect from the project itself, not from hand-typed numbers:
// the diagnostics (codes and positions) from the CLI's JSON output, the fix to type from the core's fix
// data, and the indicator to hover from the IR. Then it runs lsp_client.lua in headless Neovim and checks
// the diagnostics, the hover (it names the indicator's points) and the update after the edit (one fewer).
// Usage: node test/nvim/run.mjs [file.rubric ...]; exits non-zero on any failure.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile, normalizePath } from '@rubric/core';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const server = join(root, 'editors/vscode/dist/server.js');
const cli = join(root, 'packages/cli/bin/rubric.js');
const lua = join(root, 'test/nvim/lsp_client.lua');
const files = process.argv.length > 2 ? process.argv.slice(2) : ['rubrics/yueyang-cishan.rubric', 'rubrics/pingdingshan-2016.rubric'];

if (!existsSync(server)) {
  console.error(`missing ${server}: run \`npx -y pnpm@10 build\` first`);
  process.exit(1);
}

/** Diagnostics of each file as the CLI reports them (one run for all): file -> [{ line, character, code }], 0-based. */
function expectedFromCli(files) {
  const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', ...files], { cwd: root, encoding: 'utf8' });
  const json = JSON.parse(run.stdout);
  const byFile = new Map(files.map((f) => [f, []]));
  for (const f of json.files) {
    const mine = files.find((x) => resolve(root, x) === resolve(root, f.file));
    if (!mine) continue;
    byFile.get(mine).push(...f.diagnostics.map((d) => ({ line: d.range.start.line - 1, character: d.range.start.column - 1, code: d.code })));
  }
  return byFile;
}

function compileFile(file) {
  const path = normalizePath(resolve(root, file));
  return { path, result: compile(path, { readFile: (p) => (existsSync(p) ? readFileSync(p) : undefined) }) };
}

/** The first one-line fix the core offers for `file`, as a whole replacement line. */
function firstFix({ path, result }, text) {
  const lines = text.split(/\r?\n/);
  for (const d of result.diagnostics) {
    const edits = d.fix?.edits ?? [];
    if (d.file !== path || edits.length !== 1) continue;
    const [e] = edits;
    if (e.file !== path || e.range.start.line !== e.range.end.line) continue;
    const line = lines[e.range.start.line - 1];
    const newText = line.slice(0, e.range.start.column - 1) + e.newText + line.slice(e.range.end.column - 1);
    return { code: d.code, line: e.range.start.line, newText };
  }
  return undefined;
}

/** The first indicator of this file that declares points: where to hover and what the hover must name. */
function hoverTarget({ path, result }) {
  const walk = (xs) => xs.flatMap((x) => [x, ...walk(x.children)]);
  const ind = walk(result.rubric?.indicators ?? []).find((i) => i.points !== null && i.titleRange.file === path);
  if (!ind) return undefined;
  return { line: ind.titleRange.start.line - 1, character: ind.titleRange.start.column - 1, points: ind.points.toString(), title: ind.title };
}

const key = (d) => `${d.line + 1}:${d.character + 1} ${d.code}`;
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

const fromCli = expectedFromCli(files);
for (const file of files) {
  console.log(`# ${file}`);
  const text = readFileSync(join(root, file), 'utf8');
  const expected = fromCli.get(file);
  const compiled = compileFile(file);
  const fix = firstFix(compiled, text);
  const hover = hoverTarget(compiled);
  if (!fix || !hover || expected.length === 0) {
    check(false, `${file}: needs diagnostics, a one-line fix and an indicator with points`);
    continue;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'rubric-nvim-'));
  const resultPath = join(tmp, 'result.json');
  const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${lua}`], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    env: {
      ...process.env,
      XDG_CACHE_HOME: tmp,
      XDG_STATE_HOME: tmp,
      XDG_DATA_HOME: tmp,
      LSP_FILE: join(root, file),
      LSP_CMD: `${process.execPath} ${server} --stdio`,
      LSP_RESULT: resultPath,
      HOVER_LINE: String(hover.line),
      HOVER_CHAR: String(hover.character),
      EDIT_LINE: String(fix.line),
      EDIT_TEXT: fix.newText,
    },
  });
  const result = existsSync(resultPath) ? JSON.parse(readFileSync(resultPath, 'utf8')) : { diagnostics: [] };
  rmSync(tmp, { recursive: true, force: true });
  if (run.status !== 0) {
    check(false, `nvim exited with ${run.status ?? run.signal}: ${result.error ?? ''} ${run.stderr.trim()}`);
    continue;
  }
  const got = result.diagnostics.map(key).sort();
  const want = expected.map(key).sort();
  check(JSON.stringify(got) === JSON.stringify(want), `diagnostics [${got.join(', ')}] = CLI's [${want.join(', ')}]`);
  check(result.nvim_diagnostic_count === expected.length, `vim.diagnostic holds ${result.nvim_diagnostic_count} diagnostics`);
  check(result.diagnostics.every((d) => typeof d.message === 'string' && d.message.length > 0), 'every diagnostic has a message');
  check(typeof result.hover === 'string' && result.hover.includes(hover.points), `hover on ${hover.title} at ${hover.line + 1}:${hover.character + 1} names its ${hover.points} points`);
  check(result.after_edit === expected.length - 1, `after fixing ${fix.code} on line ${fix.line}: ${result.after_edit} diagnostics (was ${expected.length})`);
}
if (failures > 0) {
  console.error(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('neovim: all checks passed');
