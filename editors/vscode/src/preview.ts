// The table preview ("预览评估表"): a webview beside the source showing the rubric's table as the
// exporters print it, with wrong subtotals highlighted and the computed sum beside the declared one.
// The page comes from the language server (`rubric/table`, from its current compile) and carries its
// own content security policy (nothing remote, only its nonced style and script). Edits refresh it
// after a pause in typing; later refreshes replace the page's content without reloading it, so the
// scroll position stays. Clicking a row or cell reveals the line it was written on.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TABLE_REQUEST, type TableResult } from '@rubric/language-server/protocol';

const DEBOUNCE_MS = 300;

/** What the command returns: what the preview shows (for scripts and tests). */
export interface PreviewSummary {
  title: string;
  rows: number;
  mismatches: TableResult['mismatches'];
}

export class TablePreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private source: vscode.Uri | undefined;
  private sourceColumn: vscode.ViewColumn = vscode.ViewColumn.One;
  private loaded = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && this.source && e.document.languageId === 'rubric') this.schedule();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.panel && d.languageId === 'rubric') this.schedule();
      }),
    );
  }

  /** Opens (or moves) the preview beside the active rubric editor. */
  async open(target?: vscode.Uri): Promise<PreviewSummary | undefined> {
    const editor = vscode.window.activeTextEditor;
    const uri = target ?? (editor?.document.languageId === 'rubric' ? editor.document.uri : undefined);
    if (!uri) {
      void vscode.window.showInformationMessage('请先打开一个评估表（.rubric）文件。/ Open a .rubric file first.');
      return undefined;
    }
    this.source = uri;
    if (editor && editor.document.uri.toString() === uri.toString() && editor.viewColumn) this.sourceColumn = editor.viewColumn;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'rubric.preview',
        '预览评估表',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [], enableFindWidget: true },
      );
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.loaded = false;
      });
      this.panel.webview.onDidReceiveMessage((m: unknown) => void this.reveal(m));
    } else this.panel.reveal(vscode.ViewColumn.Beside, true);
    this.loaded = false;
    return this.refresh();
  }

  private schedule(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, DEBOUNCE_MS);
  }

  private async refresh(): Promise<PreviewSummary | undefined> {
    const client = this.client();
    const panel = this.panel;
    const source = this.source;
    if (!client || !panel || !source) return undefined;
    let result: TableResult | null;
    try {
      result = await client.sendRequest<TableResult | null>(TABLE_REQUEST, { textDocument: { uri: client.code2ProtocolConverter.asUri(source) } });
    } catch (e) {
      client.warn(`[rubric] ${TABLE_REQUEST} failed`, e);
      return undefined;
    }
    if (panel !== this.panel) return undefined;
    if (!result) {
      panel.webview.html = emptyPage();
      this.loaded = false;
      return undefined;
    }
    panel.title = `预览：${result.title || source.path.slice(source.path.lastIndexOf('/') + 1)}`;
    if (!this.loaded) {
      panel.webview.html = result.html;
      this.loaded = true;
    } else void panel.webview.postMessage({ type: 'update', body: result.body });
    return { title: result.title, rows: result.rows, mismatches: result.mismatches };
  }

  /** A click in the page: `{ type: 'reveal', file, line, column }` (1-based) shows that place of the source. */
  private async reveal(m: unknown): Promise<void> {
    const msg = m as { type?: unknown; file?: unknown; line?: unknown; column?: unknown };
    if (msg?.type !== 'reveal' || typeof msg.file !== 'string' || typeof msg.line !== 'number') return;
    const uri = this.source && this.source.scheme !== 'file' && msg.file === this.source.toString() ? this.source : vscode.Uri.file(msg.file);
    const pos = new vscode.Position(Math.max(0, msg.line - 1), Math.max(0, (typeof msg.column === 'number' ? msg.column : 1) - 1));
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: this.sourceColumn, selection: new vscode.Range(pos, pos) });
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The page for a file without a rubric (only sections): the same policy, no script. */
function emptyPage(): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none';"></head>
<body><p>此文件中没有评估表（只有章节）。/ This file holds no rubric (only sections).</p></body></html>`;
}
