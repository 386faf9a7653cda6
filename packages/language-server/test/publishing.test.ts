// Publishing as an editor sees it: after a debounce, the diagnostics of the version that was compiled,
// never those of a version that a later change made stale. Here the later change arrives once the
// compile of the first one is done but before its diagnostics are published (as a message read right
// after a long compile); what is published is the later version's diagnostics only, equal to a fresh
// compile of its text. Then, edits inside an indicator are re-checked incrementally and the
// published diagnostics still equal a fresh compile. And no version is compiled twice, whoever asks.
import { join } from 'node:path';
import { compile, compileText, type Diagnostic } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { project } from '../../../test/special-files.js';
import { Workspace } from '../src/workspace.js';
import { uriOf } from './client.js';

const TEXT = '评估表 "表" {\n  总分 10\n  指标 1 "甲" 6 {\n    档 "好" 6\n  }\n  指标 2 "乙" 4 {\n    档 "好" 4\n  }\n}\n';

/** Resolves once `done()` holds (checked every few milliseconds; at most 10 s). */
async function until(done: () => boolean): Promise<void> {
  for (const end = Date.now() + 10_000; !done() && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('publishing', () => {
  it('never publishes the diagnostics of a version that changed while it was compiled', async () => {
    const { dir } = project();
    const uri = uriOf(join(dir, 'a.rubric'));
    const published: { version: number; codes: string[] }[] = [];
    let during: (() => void) | undefined;
    const ws = new Workspace({
      debounceMs: 0,
      publish: (_uri: string, version: number, ds: Diagnostic[]) => published.push({ version, codes: ds.map((d) => d.code) }),
      onError: (e: unknown) => {
        throw e;
      },
      compile: (path, host, cache) => {
        const r = compile(path, host, cache);
        const f = during;
        during = undefined;
        if (f) queueMicrotask(f);
        return r;
      },
    });
    ws.open(uri, 'rubric', 1, TEXT);
    await until(() => published.length === 1);
    expect(published).toEqual([{ version: 1, codes: [] }]);
    // Version 2 breaks the total; version 3 arrives just after version 2 was compiled, and fixes it.
    const v2 = TEXT.replace('总分 10', '总分 11');
    during = () => ws.change(uri, 3, [{ text: TEXT }]);
    ws.change(uri, 2, [{ text: v2 }]);
    await until(() => published.length >= 2);
    // Anything else would come right after: let it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(published.map((p) => p.version)).toEqual([1, 3]);
    expect(published[1]!.codes).toEqual(compileText('/a.rubric', TEXT).diagnostics.map((d) => d.code));
  });

  it('publishes, after edits inside indicators, what a fresh compile of the text gives', async () => {
    const { dir } = project();
    const uri = uriOf(join(dir, 'b.rubric'));
    const published: { version: number; ds: Diagnostic[] }[] = [];
    const ws = new Workspace({
      debounceMs: 0,
      publish: (_uri: string, version: number, ds: Diagnostic[]) => published.push({ version, ds }),
      onError: (e: unknown) => {
        throw e;
      },
    });
    ws.open(uri, 'rubric', 1, TEXT);
    await until(() => published.length === 1);
    // Line 3 is `档 "好" 6` (0-based): 6 → 7 (RUB201 is not expected: leaves are the ground truth,
    // but the band is now worth more than its indicator, RUB203), then back.
    const edits = ['7', '6', '9'];
    let text = TEXT;
    for (const [i, newText] of edits.entries()) {
      const line = text.split('\n')[3]!;
      const at = line.lastIndexOf(' ') + 1;
      ws.change(uri, i + 2, [{ range: { start: { line: 3, character: at }, end: { line: 3, character: line.length } }, text: newText }]);
      text = text.replace(line, line.slice(0, at) + newText);
      await until(() => published.length === i + 2);
      const last = published[published.length - 1]!;
      expect(last.version).toBe(i + 2);
      const want = compileText(join(dir, 'b.rubric'), text).diagnostics;
      expect(last.ds.map((d) => [d.code, d.range.start.offset, d.args])).toEqual(want.map((d) => [d.code, d.range.start.offset, d.args]));
    }
    expect(published.some((p) => p.ds.some((d) => d.code === 'RUB203'))).toBe(true);
  });

  it('compiles each version once, also when requests ask for it before the scheduled re-check', async () => {
    const { dir } = project();
    const uri = uriOf(join(dir, 'c.rubric'));
    const published: number[] = [];
    const compiled: number[] = [];
    const ws: Workspace = new Workspace({
      debounceMs: 20,
      publish: (_uri: string, version: number) => published.push(version),
      onError: (e: unknown) => {
        throw e;
      },
      compile: (path, host, cache) => {
        compiled.push(ws.document(uri)!.version);
        return compile(path, host, cache);
      },
    });
    ws.open(uri, 'rubric', 1, TEXT);
    // Requests (hover, symbols, a code action) read the compile before the debounce is over.
    expect(ws.entry(uri)?.version).toBe(1);
    ws.index(uri);
    ws.diagnostics(uri);
    await until(() => published.length === 1);
    ws.change(uri, 2, [{ text: TEXT.replace('总分 10', '总分 12') }]);
    ws.change(uri, 3, [{ text: TEXT.replace('总分 10', '总分 11') }]);
    expect(ws.diagnostics(uri).map((d) => d.code)).toEqual(['RUB202']);
    expect(ws.entry(uri)?.version).toBe(3);
    await until(() => published.length === 2);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(published).toEqual([1, 3]);
    expect(compiled).toEqual([1, 3]);
  });
});
