// Integration tests of the extension, run inside a real VS Code extension host (code-server, driven by
// test/vscode/run.sh through the `extensionTestsPath` payload). The workspace is a throwaway copy of
// rubrics/. Expectations (codes, lines, points, the indicator tree) come from @rubric/core's own result
// on the same file, never from hand-typed numbers or message text. A thrown error fails the run.
'use strict';
const assert = require('node:assert/strict');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const vscode = require('vscode');

const EXTENSION_ID = 'rubric.rubric';
const FILE = 'yueyang-cishan.rubric';
const WAIT_MS = 30000;
const CORE = path.resolve(__dirname, '../../../packages/core/dist/index.js');
const CORPUS_DOCX = path.resolve(__dirname, '../../../test/import/corpus/yueyang.docx');

function log(message) {
  console.log(`[rubric-it] ${message}`);
}

/** Polls `probe` until it returns a truthy value; fails with `what` after WAIT_MS. */
async function waitFor(what, probe) {
  const end = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const codeOf = (d) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code));
const diagnosticsOf = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === undefined || /rubric/i.test(d.source));

function hoverText(hovers) {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** The core's view of the file as it is on disk: diagnostics, and indicators with their ranges. */
async function expectations(file) {
  const core = await import(pathToFileURL(CORE).href);
  const fs = require('node:fs');
  const p = core.normalizePath(file);
  const result = core.compile(p, { readFile: (f) => (fs.existsSync(f) ? fs.readFileSync(f) : undefined) });
  const own = (r) => r.file === p;
  const walk = (xs) => xs.flatMap((x) => [x, ...walk(x.children)]);
  return {
    diagnostics: result.diagnostics.filter((d) => d.file === p),
    indicators: (result.rubric?.indicators ?? []).filter((i) => own(i.range)),
    all: walk(result.rubric?.indicators ?? []).filter((i) => own(i.range)),
  };
}

function flattenSymbols(symbols, parent = null, out = []) {
  for (const s of symbols) {
    out.push({ symbol: s, parent });
    flattenSymbols(s.children ?? [], s, out);
  }
  return out;
}

exports.run = async function run() {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  const uri = vscode.Uri.joinPath(folder.uri, FILE);
  const want = await expectations(uri.fsPath);
  const want201 = want.diagnostics.filter((d) => d.code === 'RUB201');
  assert.equal(want201.length, 2, 'the core reports two RUB201 subtotal errors in the seed file');

  // Open the file: the language is contributed by the extension, which activates on it.
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'rubric');
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  await waitFor('activation', () => ext.isActive);
  log(`activated ${ext.id} ${ext.packageJSON.version} from ${ext.extensionPath}`);

  // Diagnostics: the two RUB201 at the core's lines (LSP and VS Code lines are 0-based).
  const diags = await waitFor('diagnostics', () => {
    const ds = diagnosticsOf(uri);
    return ds.length >= want.diagnostics.length && ds;
  });
  const got201 = diags.filter((d) => codeOf(d) === 'RUB201');
  assert.deepEqual(
    got201.map((d) => [d.range.start.line, d.range.start.character]).sort((a, b) => a[0] - b[0]),
    want201.map((d) => [d.range.start.line - 1, d.range.start.column - 1]).sort((a, b) => a[0] - b[0]),
  );
  assert.ok(got201.every((d) => d.severity === vscode.DiagnosticSeverity.Error && d.message.length > 0));
  log(`diagnostics: ${diags.map((d) => `${codeOf(d)}@${d.range.start.line + 1}`).join(', ')}`);

  // The message language follows `rubric.locale`, live: each message is the core's rendering in that locale.
  const core = await import(pathToFileURL(CORE).href);
  const config = vscode.workspace.getConfiguration('rubric');
  const original = config.inspect('locale')?.globalValue;
  for (const locale of ['en', 'zh-CN']) {
    await config.update('locale', locale, vscode.ConfigurationTarget.Global);
    const rendered = want201.map((d) => `${d.range.start.line - 1}|${core.renderDiagnostic(d, locale)}`).sort();
    await waitFor(`messages in ${locale}`, () => {
      const shown = diagnosticsOf(uri).filter((d) => codeOf(d) === 'RUB201').map((d) => `${d.range.start.line}|${d.message}`).sort();
      return JSON.stringify(shown) === JSON.stringify(rendered);
    });
    log(`rubric.locale = ${locale}: messages re-rendered`);
  }
  await config.update('locale', original, vscode.ConfigurationTarget.Global);

  // Quick fix on the first one: apply its edit, and that diagnostic disappears.
  const first = got201.sort((a, b) => a.range.start.line - b.range.start.line)[0];
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, first.range, vscode.CodeActionKind.QuickFix.value, 10);
  const fix = actions.find((a) => a.edit && (a.diagnostics ?? []).some((d) => codeOf(d) === 'RUB201' && d.range.isEqual(first.range)))
    ?? actions.find((a) => a.edit && a.edit.size > 0);
  assert.ok(fix, `a quick fix with an edit is offered for RUB201 (got: ${actions.map((a) => a.title).join(' | ')})`);
  log(`quick fix: ${fix.title}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit applies');
  await waitFor('the fixed diagnostic to disappear', () => {
    const ds = diagnosticsOf(uri).filter((d) => codeOf(d) === 'RUB201');
    return ds.length === 1 && !ds.some((d) => d.range.start.line === first.range.start.line);
  });
  log('the fixed RUB201 is gone, the other remains');

  // Hover on an indicator title names its points.
  const target = want.all.find((i) => i.points !== null);
  assert.ok(target, 'the file has an indicator with points');
  const at = new vscode.Position(target.titleRange.start.line - 1, target.titleRange.start.column - 1);
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, at);
  const text = hoverText(hovers);
  assert.ok(text.length > 0, 'hover has content');
  assert.ok(text.includes(target.points.toString()), `hover on ${target.title} names its ${target.points} points`);
  log(`hover on ${target.title}: ${text.replace(/\s+/g, ' ').slice(0, 120)}`);

  // Document symbols: every indicator of the file, nested as in the IR.
  const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
  assert.ok(Array.isArray(symbols) && symbols.length > 0, 'document symbols are returned');
  const flat = flattenSymbols(symbols);
  const titleAt = (i) => new vscode.Position(i.titleRange.start.line - 1, i.titleRange.start.column - 1);
  const size = (r) => (r.end.line - r.start.line) * 1e6 + (r.end.character - r.start.character);
  // The innermost symbol that names the indicator and covers its title (a parent's title may contain a child's).
  const symbolOf = (i) =>
    flat
      .filter((f) => f.symbol.name.includes(i.title) && f.symbol.range.contains(titleAt(i)))
      .sort((a, b) => size(a.symbol.range) - size(b.symbol.range))[0];
  for (const i of want.all) assert.ok(symbolOf(i), `a symbol for indicator ${i.title} (line ${i.range.start.line})`);
  const isBelow = (child, parent) => {
    for (let p = child.parent; p; p = flat.find((f) => f.symbol === p)?.parent) if (p === parent.symbol) return true;
    return false;
  };
  for (const parent of want.all) {
    for (const child of parent.children.filter((c) => want.all.includes(c))) {
      assert.ok(isBelow(symbolOf(child), symbolOf(parent)), `symbol ${child.title} is nested under ${parent.title}`);
    }
  }
  log(`document symbols: ${flat.length} symbols cover ${want.all.length} indicators, nested as in the IR`);

  // Back to the text on disk (the fix undone), so that both errors are there again.
  const disk = require('node:fs').readFileSync(uri.fsPath, 'utf8');
  const undo = new vscode.WorkspaceEdit();
  undo.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), disk);
  assert.ok(await vscode.workspace.applyEdit(undo), 'the text on disk is restored');
  await waitFor('both RUB201 back with the text on disk', () => diagnosticsOf(uri).filter((d) => codeOf(d) === 'RUB201').length === 2);

  // The table preview (预览评估表): the two wrong subtotals, declared and computed, as the core sums them.
  await vscode.window.showTextDocument(doc);
  const shown = await vscode.commands.executeCommand('rubric.preview');
  assert.ok(shown, 'the preview opens on the active rubric');
  const orgs = want.all.filter((i) => i.pointsRange && want201.some((d) => d.range.start.offset === i.pointsRange.start.offset));
  assert.equal(orgs.length, 2);
  assert.deepEqual(
    shown.mismatches.map((m) => [m.title, m.declared, m.code, m.line]),
    orgs.map((i) => [i.title, i.points.toString(), 'RUB201', i.range.start.line]),
  );
  assert.deepEqual(shown.mismatches.map((m) => m.computed), orgs.map((i) => core.childrenSum(i).toString()));
  assert.ok(shown.rows > 100, `the preview has a row per leaf (${shown.rows})`);
  const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => ({ label: t.label, column: g.viewColumn, webview: t.input instanceof vscode.TabInputWebview })));
  const tab = await waitFor(`a preview tab (tabs: ${tabs().map((t) => t.label).join(', ')})`, () => tabs().find((t) => t.webview && t.label.startsWith('预览')));
  assert.notEqual(tab.column, vscode.window.activeTextEditor?.viewColumn, 'the preview is beside the source');
  log(`preview: ${shown.rows} rows; marked ${shown.mismatches.map((m) => `${m.title} ${m.declared}≠Σ${m.computed}`).join(', ')}`);

  // Leave the copy as it was on disk.
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');

  // "从 Word/Excel 导入评估表…" on a Word file in the workspace: the drafts are written beside it,
  // opened, and the language server reports on them what the core reports on the written files.
  const word = vscode.Uri.joinPath(folder.uri, 'yueyang.docx');
  await vscode.workspace.fs.writeFile(word, require('node:fs').readFileSync(CORPUS_DOCX));
  const drafts = await vscode.commands.executeCommand('rubric.importDocument', word);
  assert.ok(Array.isArray(drafts) && drafts.length === 5, 'five drafts, one per table of the document');
  for (const d of drafts) {
    await waitFor(`${path.basename(d.fsPath)} open`, () => vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === d.toString()) || vscode.workspace.textDocuments.some((t) => t.uri.toString() === d.toString()));
    const expected = (await expectations(d.fsPath)).diagnostics.map((x) => `${x.code}@${x.range.start.line - 1}`).sort();
    await waitFor(`diagnostics of ${path.basename(d.fsPath)}`, () => JSON.stringify(diagnosticsOf(d).map((x) => `${codeOf(x)}@${x.range.start.line}`).sort()) === JSON.stringify(expected));
    log(`imported ${path.basename(d.fsPath)}: ${expected.join(', ') || 'no diagnostics'}`);
  }
  assert.deepEqual(diagnosticsOf(drafts[4]).map(codeOf), ['RUB201', 'RUB201'], '慈善: the two subtotals that do not add up');
  log('all integration tests passed');
};
