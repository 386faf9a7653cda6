// `rubric export` as a user runs it: every format is written, a rubric with errors is still exported
// with a warning and exit 1, and usage or I/O problems exit 2 with a clear message, never a stack trace.
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli-runner.js';

const dir = mkdtempSync(join(tmpdir(), 'rubric-export-'));
const noStack = (s: string): void => expect(s).not.toMatch(/\n\s+at [\w.<]+ \(/);

describe('rubric export', () => {
  for (const format of ['md', 'html', 'xlsx', 'docx']) {
    it(`writes ${format} of a rubric without errors and exits 0`, () => {
      const out = join(dir, `hangye.${format}`);
      const r = runCli(['export', 'rubrics/yueyang-hangye.rubric', '--format', format, '-o', out]);
      expect(r.status).toBe(0);
      expect(statSync(out).size).toBeGreaterThan(1000);
      expect(r.stderr).toContain(out);
      noStack(r.stderr);
    });
  }

  it('exports a rubric with errors, says so, marks the cells, and exits 1', () => {
    const out = join(dir, 'cishan.md');
    const r = runCli(['export', 'rubrics/yueyang-cishan.rubric', '--format', 'md', '-o', out]);
    expect(r.status).toBe(1);
    // The diagnostics as `rubric check` prints them, then the warning line.
    expect(r.stderr).toMatch(/rubrics\/yueyang-cishan\.rubric:53:15 {2}错误 {2}RUB201/);
    expect(r.stderr.trim().split('\n').pop()).toMatch(/^警告：评估表有 2 个错误/);
    expect(readFileSync(out, 'utf8')).toContain('Σ 84 ≠ 85');
  });

  it('writes beside the rubric without -o, and html or md to stdout with -o -', () => {
    const r = runCli(['export', 'rubrics/tongzhou-shanghui.rubric', '--format', 'md', '-o', '-']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# 通州区工商联各类商会工作目标管理考评意见\n/);
    const copy = join(dir, 'beside');
    runCli(['export', 'rubrics/tongzhou-shanghui.rubric', '--format', 'html', '-o', join(copy, 'x.html')]);
    expect(existsSync(join(copy, 'x.html'))).toBe(true);
  });

  it('speaks English with --lang en', () => {
    const r = runCli(['--lang', 'en', 'export', 'rubrics/yueyang-cishan.rubric', '--format', 'md', '-o', '-']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('| Level 1 | Level 2 |');
    expect(r.stderr).toMatch(/warning: the rubric has 2 error\(s\)/);
  });

  it('exits 2 on usage and I/O errors, with a message and no stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['export', 'no/such.rubric', '--format', 'md'], /no\/such\.rubric/],
      [['export', 'rubrics', '--format', 'md'], /文件夹/],
      [['export', 'rubrics/yueyang-common.rubric', '--format', 'md', '-o', '-'], /没有评估表/],
      [['export', 'rubrics/yueyang-hangye.rubric', '--format', 'xlsx', '-o', '-'], /二进制/],
      [['export', 'rubrics/yueyang-hangye.rubric', '--format', 'md', '-o', 'package.json/x.md'], /无法写入 package.json\/x.md：E[A-Z]+/],
      [['export', 'rubrics/yueyang-hangye.rubric', '--format', 'odt'], /odt/],
      [['export', 'rubrics/yueyang-hangye.rubric'], /--format/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      noStack(r.stderr);
    }
  });

  it('pdf without Chromium: exit 2 and how to install it (EXP001)', () => {
    const r = runCli(['export', 'rubrics/yueyang-hangye.rubric', '--format', 'pdf', '-o', join(dir, 'x.pdf')], { env: { CHROMIUM: '/no/such/chromium' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^EXP001: .*apt-get install chromium/m);
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});
