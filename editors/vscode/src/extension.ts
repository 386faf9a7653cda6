// The VS Code client of the rubric language server. It starts the bundled server (dist/server.js) over
// stdio on the extension host's Node, forwards the message language (`rubric.locale`) and restarts the
// server when that setting changes. All language knowledge lives in the server; this file only wires it.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

type Locale = 'zh-CN' | 'en';

let client: LanguageClient | undefined;

/** The `rubric.locale` setting, with `auto` following VS Code's display language (Chinese unless English). */
export function effectiveLocale(setting: string | undefined, displayLanguage: string): Locale {
  if (setting === 'zh-CN' || setting === 'en') return setting;
  return displayLanguage.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

function currentLocale(): Locale {
  return effectiveLocale(vscode.workspace.getConfiguration('rubric').get<string>('locale'), vscode.env.language);
}

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
    // Evaluated at every (re)start, so a restart picks up a changed `rubric.locale`.
    initializationOptions: () => ({ locale: currentLocale() }),
    synchronize: {
      configurationSection: 'rubric',
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
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('rubric.restartServer', () => restart(context, output)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // Messages are rendered by the server in its locale: restart it so every open file is re-checked.
      if (e.affectsConfiguration('rubric.locale')) void restart(context, output);
    }),
    { dispose: () => void client?.stop() },
  );
  await restart(context, output);
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
