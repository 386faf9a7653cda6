// A small LSP client for the protocol-level tests: runs the server in this process over a pair of
// in-memory streams (or, with `spawn`, the built server as a child process over stdio, as editors
// do), speaks JSON-RPC through vscode-languageserver-protocol, records every publishDiagnostics, and
// offers helpers to open and edit the seed rubrics. Also: core-side expectations (compile from disk) and
// applying TextEdits to a text, so that tests compare the server with `rubric check` itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { readFileSync } from 'node:fs';
import { compile, normalizePath, type CompileResult, type Diagnostic, type Host, type SourceFile } from '@rubric/core';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type InitializeResult,
  type Range,
  type ServerCapabilities,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { startServer } from '../src/server.js';

export const ROOT = normalizePath(new URL('../../..', import.meta.url).pathname);
export const SERVER = new URL('../bin/rubric-language-server.js', import.meta.url).pathname;
export const SEEDS = [
  'jiaxing-2016',
  'luohe-2015',
  'pingdingshan-2016',
  'tongzhou-shanghui',
  'yueyang-cishan',
  'yueyang-common',
  'yueyang-hangye',
  'yueyang-lianhe',
  'yueyang-xueshu',
  'yueyang-zhuanye',
].map((n) => `${ROOT}/rubrics/${n}.rubric`);

export const seed = (name: string): string => `${ROOT}/rubrics/${name}.rubric`;
export const uriOf = (path: string): string => `file://${path.split('/').map(encodeURIComponent).join('/')}`;
export const readText = (path: string): string => readFileSync(path, 'utf8');

/** Reads files from disk, except the ones given in memory. */
export function hostWith(overrides: Record<string, string> = {}): Host {
  return {
    readFile(path) {
      if (path in overrides) return overrides[path];
      try {
        return new Uint8Array(readFileSync(path));
      } catch {
        return undefined;
      }
    },
  };
}

export function compileWith(path: string, overrides: Record<string, string> = {}, cache?: Map<string, SourceFile>): CompileResult {
  return compile(path, hostWith(overrides), cache);
}

/** What `rubric check` reports for `file` when `entries` are checked together. */
export function expectedFor(file: string, entries: string[], overrides: Record<string, string> = {}): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of entries) {
    for (const d of compileWith(e, overrides).diagnostics) {
      if (d.file !== file) continue;
      const k = `${d.range.start.offset}|${d.range.end.offset}|${d.code}|${JSON.stringify(d.args)}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(d);
    }
  }
  return out.sort((a, b) => a.range.start.offset - b.range.start.offset || (a.code < b.code ? -1 : 1));
}

/** A core range as the 0-based LSP range the server should send. */
export function lspRange(r: Diagnostic['range']): Range {
  return { start: { line: r.start.line - 1, character: r.start.column - 1 }, end: { line: r.end.line - 1, character: r.end.column - 1 } };
}

/** Offset of an LSP position in a text (lines split on \n, \r\n and \r). */
export function offsetAt(text: string, p: { line: number; character: number }): number {
  let line = 0;
  let i = 0;
  while (line < p.line && i < text.length) {
    const c = text[i++];
    if (c === '\n' || (c === '\r' && text[i] !== '\n')) line++;
  }
  return i + p.character;
}

export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

/** Applies non-overlapping edits (as an editor does: all positions refer to the original text). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const withOffsets = edits.map((e) => ({ from: offsetAt(text, e.range.start), to: offsetAt(text, e.range.end), newText: e.newText }));
  withOffsets.sort((a, b) => b.from - a.from);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.from) + e.newText + out.slice(e.to);
  return out;
}

/** True when the range lies inside the text. */
export function rangeInside(text: string, r: Range): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  const ok = (p: { line: number; character: number }) =>
    Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line]!.length;
  const ordered = r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);
  return ok(r.start) && ok(r.end) && ordered;
}

export interface SessionOptions {
  locale?: string;
  initializationOptions?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  /** Answers workspace/configuration (and then the client announces the capability). */
  configuration?: (section: string | undefined) => unknown;
  /** Run the built server as a child process over stdio (as an editor does) instead of in this process. */
  spawn?: boolean;
  /** Workspace folders (absolute paths); default: the repository's rubrics/ folder. */
  workspaceFolders?: string[];
}

/** The two ends of a client–server link: a spawned process, or a server running in this process. */
interface Link {
  conn: ProtocolConnection;
  proc?: ChildProcess;
  server?: Connection;
}

function spawnedLink(onLog: (s: string) => void): Link {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stderr!.on('data', (b: Buffer) => onLog(b.toString()));
  return { conn: createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!)), proc };
}

function inProcessLink(): Link {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(server);
  return { conn: createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)), server };
}

export class Session {
  readonly published: PublishDiagnosticsParams[] = [];
  private waiters: (() => void)[] = [];
  readonly versions = new Map<string, number>();
  readonly texts = new Map<string, string>();
  /** The server's answer to initialize. */
  capabilities: ServerCapabilities = {};

  private constructor(
    private readonly link: Link,
    readonly logs: string[],
  ) {}

  get conn(): ProtocolConnection {
    return this.link.conn;
  }

  /** The server process, when spawned. */
  get proc(): ChildProcess | undefined {
    return this.link.proc;
  }

  static async start(opts: SessionOptions = {}): Promise<Session> {
    const logs: string[] = [];
    const s = new Session(opts.spawn ? spawnedLink((l) => logs.push(l)) : inProcessLink(), logs);
    const conn = s.conn;
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      s.published.push(p);
      s.wake();
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => s.logs.push(p.message));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => opts.configuration?.(i.section) ?? null));
    conn.listen();
    const capabilities: ClientCapabilities = {
      textDocument: {
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        rename: { prepareSupport: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
      },
      workspace: opts.configuration ? { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } : {},
      ...opts.capabilities,
    };
    const init: InitializeResult = await conn.sendRequest('initialize', {
      // In-process, no parent watchdog: the server would exit this very process when it stops.
      processId: opts.spawn ? process.pid : null,
      rootUri: uriOf(opts.workspaceFolders?.[0] ?? ROOT),
      workspaceFolders: (opts.workspaceFolders ?? [`${ROOT}/rubrics`]).map((p) => ({ uri: uriOf(p), name: p.slice(p.lastIndexOf('/') + 1) })),
      capabilities,
      locale: opts.locale ?? 'zh-cn',
      initializationOptions: { debounceMs: 0, ...opts.initializationOptions },
    });
    s.capabilities = init.capabilities;
    await conn.sendNotification('initialized', {});
    return s;
  }

  private wake(): void {
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }

  /** Waits until `pred` holds for a published notification (checked on each publication). */
  async waitFor(pred: (p: PublishDiagnosticsParams) => boolean, what = 'diagnostics'): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const hit = [...this.published].reverse().find(pred);
      if (hit) return hit;
      if (Date.now() > deadline || (this.proc && this.proc.exitCode !== null)) throw new Error(`no ${what}; logs:\n${this.logs.join('\n')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  /** The diagnostics published for `uri` at its current version (the latest such publication). */
  async diagnostics(uri: string, version = this.versions.get(uri)): Promise<PublishDiagnosticsParams> {
    return this.waitFor((p) => p.uri === uri && p.version === version, `diagnostics for ${uri} v${version}`);
  }

  async open(path: string, text = readText(path)): Promise<string> {
    const uri = uriOf(path);
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'rubric', version: 1, text } });
    return uri;
  }

  /** Replaces the whole text (a full-document change) and returns the new version. */
  async replace(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** Applies edits as incremental changes (in reverse order, so positions stay valid). */
  async edit(uri: string, edits: TextEdit[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const text = this.texts.get(uri)!;
    const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
    this.texts.set(uri, applyEdits(text, edits));
    await this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })),
    });
    return version;
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      // `exit` ends the server's process: only a spawned server gets it.
      if (this.proc) await this.conn.sendNotification('exit');
    } catch {
      // Already gone.
    }
    this.conn.dispose();
    this.link.server?.dispose();
    if (this.proc && this.proc.exitCode === null) this.proc.kill();
  }
}
