// The command "从 Word/Excel 导入评估表…" (rubric.importDocument): picks a .docx, .xlsx, .txt or
// .html file (or takes the one clicked in the explorer), reads it with @rubric/import — bundled
// separately as dist/importer.js and loaded on first use, since its Word/Excel readers are large —
// writes the draft rubrics beside it, opens them beside the current editor and shows the Problems
// panel, where the language server reports the document's own mistakes.
import * as vscode from 'vscode';
import type * as Importer from '@rubric/import';

type Lib = typeof Importer;
let lib: Lib | undefined;

function importer(context: vscode.ExtensionContext): Lib {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  lib ??= require(context.asAbsolutePath('dist/importer.js')) as Lib;
  return lib;
}

function locale(): 'zh-CN' | 'en' {
  const setting = vscode.workspace.getConfiguration('rubric').get<string>('locale', 'auto');
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return vscode.env.language.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** Draft files beside the source that do not exist yet: name.rubric, else name（2）.rubric … */
async function freeTargets(l: Lib, source: vscode.Uri, count: number): Promise<vscode.Uri[]> {
  const dir = vscode.Uri.joinPath(source, '..');
  const base = source.path.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
  for (let k = 1; ; k++) {
    const names = l.draftNames(k === 1 ? base : `${base}（${k}）`, count).map((n) => vscode.Uri.joinPath(dir, n));
    const taken = await Promise.all(names.map(exists));
    if (!taken.some(Boolean)) return names;
  }
}

/** Runs the import; returns the drafts written (for tests), or undefined when nothing was imported. */
export async function importDocumentCommand(context: vscode.ExtensionContext, uri?: vscode.Uri): Promise<vscode.Uri[] | undefined> {
  const zh = locale() === 'zh-CN';
  const source =
    uri ??
    (
      await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: zh ? '导入' : 'Import',
        title: zh ? '从 Word/Excel 导入评估表' : 'Import an evaluation table from Word/Excel',
        filters: { [zh ? '评估表（Word、Excel、文本、网页）' : 'Evaluation tables (Word, Excel, text, web page)']: ['docx', 'xlsx', 'txt', 'html', 'htm'] },
      })
    )?.[0];
  if (!source) return undefined;
  const l = importer(context);
  let result: Awaited<ReturnType<Lib['importDocument']>>;
  try {
    result = await l.importDocument(await vscode.workspace.fs.readFile(source), source.path);
  } catch (e) {
    if (e instanceof l.ImportError) {
      void vscode.window.showErrorMessage(`${e.code} ${l.renderImportError(e, locale())}`);
      return undefined;
    }
    throw e;
  }
  const targets = await freeTargets(l, source, result.rubrics.length);
  for (const [i, r] of result.rubrics.entries()) await vscode.workspace.fs.writeFile(targets[i]!, new TextEncoder().encode(r.text));
  // The first draft opens beside the current editor, the others as tabs of that same group.
  const first = await vscode.window.showTextDocument(targets[0]!, { viewColumn: vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, preview: false });
  for (const t of targets.slice(1)) await vscode.window.showTextDocument(t, { viewColumn: first.viewColumn, preview: false, preserveFocus: true });
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const sum = (k: 'indicators' | 'rules' | 'reviews') => result.rubrics.reduce((a, r) => a + r[k], 0);
  void vscode.window.showInformationMessage(l.renderImportText('summary', { indicators: sum('indicators'), rules: sum('rules'), reviews: sum('reviews') }, locale()));
  return targets;
}
