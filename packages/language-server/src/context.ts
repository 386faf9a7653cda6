// What every feature receives: the connection, the workspace state, the settings, the client's
// capabilities, guarded handler registration, and conversions of core ranges to clamped LSP ones.
import type { Locale, Range as CoreRange, SourceFile } from '@rubric/core';
import type { ClientCapabilities, Connection, Location, Range, ServerCapabilities } from 'vscode-languageserver/node';
import { clampRange, pathOfUri, positionsOfLines, readPosition, readUri } from './convert.js';
import { guardNotification, guardRequest } from './guard.js';
import type { Settings } from './settings.js';
import type { Workspace } from './workspace.js';
import { TestFiles } from './features/rubric-tests.js';

export class Context {
  /** The open rubric test files (`*.tests.jsonc`). */
  readonly tests: TestFiles;

  constructor(
    readonly connection: Connection,
    readonly workspace: Workspace,
    readonly settings: Settings,
    readonly client: ClientCapabilities,
  ) {
    this.tests = new TestFiles(this);
  }

  get locale(): Locale {
    return this.settings.locale;
  }

  /** A request handler that answers exceptions with a ResponseError and keeps the server running. */
  request<P, R, T>(name: string, handler: (params: P, token: T) => R | Promise<R>) {
    return guardRequest(this.connection, name, handler);
  }

  notification<P>(name: string, handler: (params: P) => void | Promise<void>) {
    return guardNotification(this.connection, name, handler);
  }

  /** A core range in `file` as an LSP range inside that file's current text. */
  range(file: string, r: CoreRange): Range {
    const at = this.workspace.positions(file);
    if (at) return clampRange(r, at);
    const p = (x: CoreRange['start']) => ({ line: Math.max(0, x.line - 1), character: Math.max(0, x.column - 1) });
    return { start: p(r.start), end: p(r.end) };
  }

  /** The open document named by `params.textDocument`, its path, and the offset of `params.position`. */
  at(params: unknown): { uri: string; path: string; source: SourceFile; offset: number } | undefined {
    const uri = readUri(params);
    const position = readPosition((params as { position?: unknown }).position);
    const source = this.workspace.source(uri);
    if (!source) return undefined;
    return { uri, path: pathOfUri(uri), source, offset: positionsOfLines(source.parse.lines).offset(position) };
  }

  location(file: string, r: CoreRange): Location {
    return { uri: this.workspace.uriOf(file), range: this.range(file, r) };
  }
}

/** One LSP feature: the capabilities it announces and the handlers it registers. */
export interface Feature {
  capabilities(client: ClientCapabilities): ServerCapabilities;
  register(ctx: Context): void;
}
