// The VS Code client of the rubric language server. It starts the bundled server (dist/server.js) over
// stdio on the extension host's Node and wires it to `.rubric` documents. All language knowledge lives
// in the server: it reads `rubric.locale` itself (workspace/configuration, re-rendering every message when
// the setting changes), and "auto" falls back to VS Code's display language sent in `initialize`.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { importDocumentCommand } from './import.js';
import { TablePreview } from './preview.js';

let client: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'rubric' },
      { scheme: 'untitled', language: 'rubric' },
      // A rubric's example assessments (`<name>.tests.jsonc`): their failures show in the file.
      { scheme: 'file', pattern: '**/*.tests.jsonc' },
    ],
    // Read at every (re)start; the server prefers the live setting once it has asked for it.
    initializationOptions: () => ({ locale: vscode.workspace.getConfiguration('rubric').get<string>('locale', 'auto') }),
    synchronize: {
      // Imported files may change on disk while their importers are open.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.rubric'),
    },
    outputChannel: output,
  };
  return new LanguageClient('rubric', 'Rubric 评估指标', serverOptions, clientOptions);
}

async function restart(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<void> {
  const old = client;
  client = undefined;
  if (old) await old.stop().catch(() => undefined);
  client = createClient(context, output);
  await client.start();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Rubric 评估指标', { log: true });
  const preview = new TablePreview(() => client);
  context.subscriptions.push(
    output,
    preview,
    vscode.commands.registerCommand('rubric.restartServer', () => restart(context, output)),
    vscode.commands.registerCommand('rubric.runTests', () => runTests()),
    vscode.commands.registerCommand('rubric.importDocument', (uri?: vscode.Uri) => importDocumentCommand(context, uri)),
    vscode.commands.registerCommand('rubric.preview', (uri?: unknown) => preview.open(uri instanceof vscode.Uri ? uri : undefined)),
    { dispose: () => void client?.stop() },
  );
  await restart(context, output);
}

/** Runs the tests of the rubric (or test file) in the active editor; failures appear in the test file. */
async function runTests(): Promise<void> {
  const uri = vscode.window.activeTextEditor?.document.uri;
  if (!client || !uri) return;
  const zh = !vscode.env.language.startsWith('en');
  const r = (await client.sendRequest(ExecuteCommandRequest.type, { command: 'rubric.server.runTests', arguments: [uri.toString()] })) as
    | { tests: string; passed: number; failed: number; problems: number }
    | null;
  if (!r) return;
  if (r.passed + r.failed === 0) {
    void vscode.window.showWarningMessage(zh ? `没有找到评估表测试（${r.tests}）。` : `No rubric tests found (${r.tests}).`);
    return;
  }
  const text = zh ? `评估表测试：通过 ${r.passed} 个，失败 ${r.failed} 个。` : `Rubric tests: ${r.passed} passed, ${r.failed} failed.`;
  if (r.failed > 0 || r.problems > 0) {
    const open = zh ? '打开测试文件' : 'Open the test file';
    if ((await vscode.window.showErrorMessage(text, open)) === open) await vscode.window.showTextDocument(vscode.Uri.file(r.tests));
  } else void vscode.window.showInformationMessage(text);
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
