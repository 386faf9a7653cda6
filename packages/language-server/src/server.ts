// The language server: one table of features (one file each, under features/), registered on a
// connection that the caller creates (stdio in main.ts, anything else in tests or embedders).
// Document synchronisation, settings and the initialize handshake live here.
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver/node';
import { Context, type Feature } from './context.js';
import { pathOfUri, readUri } from './convert.js';
import { codeActions } from './features/code-actions.js';
import { completion } from './features/completion.js';
import { definition } from './features/definition.js';
import { diagnostics, toPublished } from './features/diagnostics.js';
import { documentSymbols } from './features/document-symbols.js';
import { foldingRanges } from './features/folding-ranges.js';
import { formatting } from './features/formatting.js';
import { hover } from './features/hover.js';
import { inlayHints } from './features/inlay-hints.js';
import { preview } from './features/preview.js';
import { references } from './features/references.js';
import { rename } from './features/rename.js';
import { isTestFile, rubricTests } from './features/rubric-tests.js';
import { semanticTokens } from './features/semantic-tokens.js';
import { guardNotification, logError } from './guard.js';
import { readInitializationOptions, Settings } from './settings.js';
import { Workspace } from './workspace.js';

export const FEATURES: Feature[] = [
  diagnostics,
  codeActions,
  hover,
  inlayHints,
  documentSymbols,
  foldingRanges,
  semanticTokens,
  formatting,
  completion,
  definition,
  references,
  rename,
  rubricTests,
  preview,
];

export interface ServerOptions {
  /** Overrides initializationOptions.debounceMs. */
  debounceMs?: number;
}

/** Registers every handler on `connection` and starts listening. */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  let ctx: Context | undefined;

  // vscode-jsonrpc answers an exception thrown here with an error; the parameters are read defensively.
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const client: ClientCapabilities = params?.capabilities ?? {};
    const init = readInitializationOptions(params?.initializationOptions);
    if (options.debounceMs !== undefined) init.debounceMs = options.debounceMs;
    const settings = new Settings(typeof params?.locale === 'string' ? params.locale : undefined, init);
    const workspace: Workspace = new Workspace({
      debounceMs: settings.debounceMs,
      publish: (uri, version, ds) => {
        const c = ctx;
        if (!c) return;
        void connection.sendDiagnostics({ uri, version, diagnostics: toPublished(c, uri, ds) });
        // The rubric's tests are run again against what it now says.
        c.tests.rubricChanged(uri);
      },
      onError: (e, what) => logError(connection, what ?? 'check', e),
    });
    const folders = Array.isArray(params?.workspaceFolders) ? params.workspaceFolders : [];
    const roots = folders.filter((f) => typeof f?.uri === 'string').map((f) => pathOfUri(f.uri));
    if (roots.length === 0 && typeof params?.rootUri === 'string') roots.push(pathOfUri(params.rootUri));
    workspace.setRoots(roots.filter((r) => r.startsWith('/')));
    ctx = new Context(connection, workspace, settings, client);
    // Messages are rendered in the configured locale: publish nothing until the settings are read.
    if (client.workspace?.configuration) {
      workspace.pause();
      setTimeout(() => workspace.resume(), 3000).unref();
    }
    for (const f of FEATURES) f.register(ctx);

    let capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    };
    for (const f of FEATURES) capabilities = { ...capabilities, ...f.capabilities(client) };
    return { capabilities, serverInfo: { name: 'rubric-language-server', version: '0.1.0' } };
  });

  connection.onInitialized(
    guardNotification(connection, 'initialized', async () => {
      const c = ctx;
      if (!c) return;
      if (c.client.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await c.connection.client.register(DidChangeConfigurationNotification.type, { section: 'rubric' });
      }
      // Imported files change on disk too (without watching, their modification time is checked).
      if (c.client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        await c.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.rubric' }] });
      }
      try {
        await readSettings(c);
      } finally {
        c.workspace.resume();
      }
    }),
  );

  connection.onDidChangeConfiguration(
    guardNotification(connection, 'didChangeConfiguration', async (params: { settings?: unknown }) => {
      const c = ctx;
      if (!c) return;
      if (c.client.workspace?.configuration) await readSettings(c);
      else {
        const s = (params?.settings as { rubric?: { locale?: unknown } } | undefined)?.rubric?.locale;
        setLocale(c, typeof s === 'string' ? s : undefined);
      }
    }),
  );

  connection.onDidOpenTextDocument(
    guardNotification(connection, 'didOpen', (p: { textDocument: { uri: string; languageId: string; version: number; text: string } }) => {
      const d = p.textDocument;
      if (typeof d?.uri !== 'string' || typeof d.text !== 'string') throw new TypeError('invalid didOpen');
      if (isTestFile(d.uri)) ctx?.tests.open(d.uri, Number(d.version ?? 0), d.text);
      else ctx?.workspace.open(d.uri, String(d.languageId ?? 'rubric'), Number(d.version ?? 0), d.text);
    }),
  );
  connection.onDidChangeTextDocument(
    guardNotification(connection, 'didChange', (p: { textDocument: { uri: string; version: number }; contentChanges: unknown[] }) => {
      const uri = readUri(p);
      if (!Array.isArray(p.contentChanges)) throw new TypeError('invalid contentChanges');
      if (isTestFile(uri)) ctx?.tests.change(uri, Number(p.textDocument.version), p.contentChanges as never[]);
      else ctx?.workspace.change(uri, Number(p.textDocument.version), p.contentChanges as never[]);
    }),
  );
  connection.onDidCloseTextDocument(
    guardNotification(connection, 'didClose', (p: unknown) => {
      const uri = readUri(p);
      if (isTestFile(uri)) ctx?.tests.close(uri);
      else ctx?.workspace.close(uri);
    }),
  );
  connection.onDidChangeWatchedFiles(
    guardNotification(connection, 'didChangeWatchedFiles', (p: { changes?: { uri?: unknown }[] }) => {
      const uris = (p?.changes ?? []).map((c) => c?.uri).filter((u): u is string => typeof u === 'string');
      ctx?.workspace.filesChanged(uris);
    }),
  );

  connection.listen();

}

async function readSettings(c: Context): Promise<void> {
  if (!c.client.workspace?.configuration) return;
  const conf = (await c.connection.workspace.getConfiguration({ section: 'rubric' })) as { locale?: unknown } | null;
  setLocale(c, typeof conf?.locale === 'string' ? conf.locale : undefined);
}

function setLocale(c: Context, value: string | undefined): void {
  const before = c.locale;
  c.settings.setting = value;
  if (c.locale !== before) c.workspace.republishAll();
}
