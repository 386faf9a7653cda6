// The VS Code client of the rubric language server. It starts the bundled server (dist/server.js) over
// stdio on the extension host's Node and wires it to `.rubric` documents. All language knowledge lives
// in the server: it reads `rubric.locale` itself (workspace/configuration, re-rendering every message when
// the setting changes), and "auto" falls back to VS Code's display language sent in `initialize`.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
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
    vscode.commands.registerCommand('rubric.preview', (uri?: unknown) => preview.open(uri instanceof vscode.Uri ? uri : undefined)),
    { dispose: () => void client?.stop() },
  );
  await restart(context, output);
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
