// Rubric tests in the editor: a `<name>.tests.jsonc` file beside `<name>.rubric` holds example
// assessments with their expected results (docs/scoring.md). While such a file is open, and whenever
// the command `rubric.server.runTests` asks (for a rubric or its test file), its cases are run against
// the rubric's current compile and each failure is published as a diagnostic on the test file, at
// the value that did not come out (RUB420), like `rubric test` prints it.
import { readFileSync } from 'node:fs';
import { compile, runCases, type CompileResult } from '@rubric/core';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ExecuteCommandParams, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import type { Context, Feature } from '../context.js';
import { pathOfUri, uriOfPath } from '../convert.js';
import { toLspDiagnostic } from './diagnostics.js';

export const TESTS_SUFFIX = '.tests.jsonc';
export const RUN_TESTS = 'rubric.server.runTests';

export function isTestFile(uri: string): boolean {
  return pathOfUri(uri).endsWith(TESTS_SUFFIX);
}

export interface TestSummary {
  tests: string;
  passed: number;
  failed: number;
  problems: number;
}

/** The open test files, and running them. */
export class TestFiles {
  private readonly docs = new Map<string, TextDocument>();

  constructor(private readonly ctx: Context) {}

  open(uri: string, version: number, text: string): void {
    this.docs.set(uri, TextDocument.create(uri, 'jsonc', version, text));
    this.run(uri);
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void {
    const doc = this.docs.get(uri);
    if (!doc) return;
    this.docs.set(uri, TextDocument.update(doc, changes, version));
    this.run(uri);
  }

  close(uri: string): void {
    if (this.docs.delete(uri)) void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** After a rubric changed: re-run its open test file, if any. */
  rubricChanged(rubricUri: string): void {
    const tests = testsOf(rubricUri);
    if (this.docs.has(tests)) this.run(tests);
  }

  /** Runs the cases of a test file (open, or read from disk) and publishes what failed. */
  run(testsUri: string): TestSummary {
    const path = pathOfUri(testsUri);
    const doc = this.docs.get(testsUri);
    let text: string;
    try {
      text = doc?.getText() ?? readFileSync(path, 'utf8');
    } catch {
      return { tests: path, passed: 0, failed: 0, problems: 0 };
    }
    const run = runCases(text, path, this.rubricCompile(rubricOf(testsUri)).rubrics);
    void this.ctx.connection.sendDiagnostics({ uri: testsUri, ...(doc ? { version: doc.version } : {}), diagnostics: run.diagnostics.map((d) => toLspDiagnostic(this.ctx, d)) });
    const passed = run.cases.filter((c) => c.passed).length;
    return { tests: path, passed, failed: run.cases.length - passed, problems: run.diagnostics.length };
  }

  /** The rubric's compile: the editor's when the rubric is open, else from disk. */
  private rubricCompile(rubricUri: string): CompileResult {
    return this.ctx.workspace.entry(rubricUri)?.result ?? compile(pathOfUri(rubricUri), this.ctx.workspace.host);
  }
}

/** `a.rubric` ↔ `a.tests.jsonc`. */
export function testsOf(rubricUri: string): string {
  return uriOfPath(pathOfUri(rubricUri).replace(/\.rubric$/, TESTS_SUFFIX));
}
export function rubricOf(testsUri: string): string {
  return uriOfPath(pathOfUri(testsUri).slice(0, -TESTS_SUFFIX.length) + '.rubric');
}

export const rubricTests: Feature = {
  capabilities: () => ({ executeCommandProvider: { commands: [RUN_TESTS] } }),
  register: (ctx) =>
    ctx.connection.onExecuteCommand(
      ctx.request('executeCommand', (p: ExecuteCommandParams): TestSummary | null => {
        if (p?.command !== RUN_TESTS) return null;
        const uri = p.arguments?.[0];
        if (typeof uri !== 'string') throw new TypeError('rubric.server.runTests needs the URI of a rubric or of its test file');
        return ctx.tests.run(isTestFile(uri) ? uri : testsOf(uri));
      }),
    ),
};
