// `rubric import` as a user runs it: drafts written beside the input (or into -o), checked at once,
// a summary line, exit 1 when the document has errors; existing drafts are not overwritten.
import { existsSync, mkdtempSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli-runner.js';
import { ROOT } from '../harness.js';

describe('rubric import', () => {
  it('writes one draft per table and prints the checker\'s findings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubric-import-'));
    const r = runCli(['import', join(ROOT, 'test/import/corpus/yueyang.docx'), '-o', `${dir}/`]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    for (let i = 1; i <= 5; i++) expect(existsSync(join(dir, `yueyang-${i}.rubric`))).toBe(true);
    // 联合类: the label says 10, the points column 15; 慈善: two subtotals that do not add up.
    expect(lines.filter((l) => /yueyang-2\.rubric:\d+:\d+ +错误 +RUB210/.test(l))).toHaveLength(1);
    expect(lines.filter((l) => /yueyang-5\.rubric:\d+:\d+ +错误 +RUB201/.test(l))).toHaveLength(2);
    expect(lines.filter((l) => / RUB\d{3} /.test(l))).toHaveLength(3);
    expect(lines[lines.length - 1]).toMatch(/^识别 927 个指标，\d+ 条计分规则；\d+ 处需要人工确认/);
    // The drafts are in canonical layout: rubric fmt --check leaves them alone.
    const fmt = runCli(['fmt', '--check', dir]);
    expect(fmt.status).toBe(0);
  });
  it('writes beside the input by default and does not overwrite without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubric-import-'));
    const src = join(dir, '嘉兴.txt');
    copyFileSync(join(ROOT, 'test/import/seeds/000_148925b563ff98dd.txt'), src);
    const first = runCli(['--lang', 'en', 'import', src]);
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/RUB207/);
    expect(first.stdout).toMatch(/62 indicators and \d+ scoring rules recognised; \d+ places to confirm/);
    const draft = readFileSync(join(dir, '嘉兴.rubric'), 'utf8');
    expect(draft).toContain('评估表 "嘉兴市行业协会（商会）工作评价细则（修订）"');
    const again = runCli(['import', src]);
    expect(again.status).toBe(2);
    expect(readFileSync(join(dir, '嘉兴.rubric'), 'utf8')).toBe(draft);
    expect(runCli(['import', src, '--force']).status).toBe(1);
  });
});
