// The workspace isolates each document: a compile that throws (a bug, simulated here) reports RUB902
// on its own document and is logged, and every other document is still re-checked and published;
// a program that cannot be indexed is skipped with a log line and never leaves a partial index.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, ProgramIndex, type Diagnostic } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { project } from '../../../test/special-files.js';
import { Workspace } from '../src/workspace.js';
import { uriOf } from './client.js';

function workspace(opts: { failCompile?: string; failIndex?: string } = {}) {
  const published = new Map<string, { version: number; codes: string[] }>();
  const errors: string[] = [];
  const ws = new Workspace({
    debounceMs: 1_000_000,
    publish: (uri: string, version: number, ds: Diagnostic[]) => published.set(uri, { version, codes: ds.map((d) => d.code) }),
    onError: (_e: unknown, what?: string) => errors.push(what ?? ''),
    compile: (path, host, cache) => {
      if (path.endsWith(opts.failCompile ?? '\u0000')) throw new RangeError('Maximum call stack size exceeded');
      return compile(path, host, cache);
    },
    makeIndex: (files) => {
      if (files[0]?.path.endsWith(opts.failIndex ?? '\u0000')) throw new RangeError('Maximum call stack size exceeded');
      return new ProgramIndex(files);
    },
  });
  return { ws, published, errors };
}

const OK = '评估表 "好" {\n  总分 10\n  指标 "甲" 10\n}\n';

describe('workspace isolation', () => {
  it('a compile that throws reports RUB902 on its document; the others are still re-checked', () => {
    const { dir } = project();
    const { ws, published, errors } = workspace({ failCompile: 'bad.rubric' });
    const bad = uriOf(join(dir, 'bad.rubric'));
    const ok = uriOf(join(dir, 'ok.rubric'));
    ws.open(bad, 'rubric', 1, OK);
    ws.open(ok, 'rubric', 1, OK);
    ws.flushNow();
    expect(published.get(bad)).toEqual({ version: 1, codes: ['RUB902'] });
    expect(published.get(ok)).toEqual({ version: 1, codes: [] });
    expect(errors.some((e) => e.startsWith('check') && e.endsWith('bad.rubric'))).toBe(true);
    ws.change(ok, 2, [{ text: OK.replace('总分 10', '总分 11') }]);
    ws.flushNow();
    expect(published.get(ok)).toEqual({ version: 2, codes: ['RUB202'] });
  });

  it('a program that cannot be indexed is skipped with a log line; the others are all indexed', () => {
    const { dir } = project();
    writeFileSync(join(dir, 'a-bad.rubric'), '章节 共用 { 指标 "甲" 10 }\n评估表 "坏" { 使用 共用 }\n');
    for (const n of ['b', 'c', 'd']) writeFileSync(join(dir, `${n}.rubric`), '章节 共用 { 指标 "甲" 10 }\n评估表 "用" { 使用 共用 }\n');
    const { ws, errors } = workspace({ failIndex: 'a-bad.rubric' });
    ws.setRoots([dir]);
    const indexes = ws.allIndexes();
    expect(indexes).toHaveLength(3);
    expect(errors.filter((e) => e.startsWith('index'))).toHaveLength(1);
    // Asked again, the same complete set (the map is never left half built).
    expect(ws.allIndexes()).toHaveLength(3);
  });
});
