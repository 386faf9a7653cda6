// The `rubric` command against hostile and accidental inputs: imports that try to read other files
// of the disk, special files (named pipes, devices, dangling links), a closed output pipe, bad
// `compile` arguments, and files that once crashed a whole folder's check. Every case ends with a
// clear, coded message and the documented exit status (0 no errors, 1 errors, 2 usage or failure).
//
// That nothing outside the allowed folders, and no special file, is ever opened is proved with named
// pipes that have a writer waiting (special-files.ts).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, runCli } from './cli-runner.js';
import { LEAK, project, stillWaiting, Writers } from './special-files.js';

const writers = new Writers();
afterEach(() => writers.killAll());

interface JsonOut {
  files: { file: string; diagnostics: { code: string; message: string; range: { start: { line: number } } }[] }[];
}
const json = (stdout: string) => JSON.parse(stdout) as JsonOut;
const codesOf = (out: JsonOut, file?: string) => out.files.filter((f) => !file || f.file.endsWith(file)).flatMap((f) => f.diagnostics.map((d) => d.code));

describe('imports stay inside the project', () => {
  it('refuses /etc/passwd, ../ paths, absolute paths, devices and links leading out, and never shows their content', () => {
    const { dir, outside } = project();
    symlinkSync(join(outside, 'secret.rubric'), join(dir, 'link.rubric'));
    symlinkSync('/dev/zero', join(dir, 'zero.rubric'));
    writeFileSync(join(dir, 'notes.txt'), 'LEAK\n');
    const outsidePipe = writers.pipe(join(outside, 'pipe.rubric'));
    symlinkSync(join(outside, 'pipe.rubric'), join(dir, 'pipe-link.rubric'));
    const insidePipe = writers.pipe(join(dir, 'pipe.rubric'));
    writeFileSync(
      join(dir, 'main.rubric'),
      [
        '导入 "/etc/passwd"',
        '导入 "../../../../../../etc/shadow"',
        '导入 "../outside/secret.rubric"',
        `导入 "${join(outside, 'secret.rubric')}"`,
        '导入 "/dev/zero"',
        '导入 "notes.txt"',
        '导入 "link.rubric"',
        '导入 "zero.rubric"',
        '导入 "pipe.rubric"',
        '导入 "pipe-link.rubric"',
        '评估表 "主" { 指标 "甲" 1 }',
        '',
      ].join('\n'),
    );
    const r = runCli(['check', '--format', 'json', join(dir, 'main.rubric')], { timeoutMs: 30_000 });
    expect(r.status).toBe(1);
    const out = json(r.stdout);
    const byLine = out.files.flatMap((f) => f.diagnostics.map((d) => `${d.range.start.line} ${d.code}`));
    // Links whose real path is outside are outside (RUB115); a pipe inside is not a regular file (RUB117).
    expect(byLine).toEqual(['1 RUB115', '2 RUB115', '3 RUB115', '4 RUB115', '5 RUB115', '6 RUB116', '7 RUB115', '8 RUB115', '9 RUB117', '10 RUB115']);
    // Only the checked file has diagnostics; nothing of another file's content is shown.
    expect(out.files.map((f) => f.file)).toEqual([join(dir, 'main.rubric')]);
    expect(r.stdout).not.toMatch(LEAK);
    expect(r.stderr).toBe('');
    // Neither pipe was ever opened.
    expect(stillWaiting(insidePipe)).toBe(true);
    expect(stillWaiting(outsidePipe)).toBe(true);
  });

  it('allows another folder only when named with --allow-imports', () => {
    const { dir, outside } = project();
    writeFileSync(join(outside, 'shared.rubric'), '章节 共用 { 指标 "共用甲" 10 }\n');
    writeFileSync(join(dir, 'main.rubric'), '导入 "../outside/shared.rubric"\n评估表 "主" {\n  总分 10\n  使用 共用\n}\n');
    const refused = runCli(['check', '--format', 'json', 'main.rubric'], { cwd: dir });
    expect(codesOf(json(refused.stdout))).toContain('RUB115');
    expect(codesOf(json(refused.stdout))).toContain('RUB104');
    const allowed = runCli(['check', '--format', 'json', '--allow-imports', '../outside', 'main.rubric'], { cwd: dir });
    expect(allowed.status).toBe(0);
    expect(codesOf(json(allowed.stdout))).toEqual([]);
    expect(runCli(['check', '--allow-imports', 'no-such-folder', 'main.rubric'], { cwd: dir }).status).toBe(2);
  });
});

describe('special files', () => {
  it('reports a dangling link and a named pipe in a folder (RUB018, exit 1) without opening the pipe', () => {
    const { dir } = project();
    writeFileSync(join(dir, 'ok.rubric'), '评估表 "好" { 总分 1\n 指标 "甲" 1 }\n');
    symlinkSync(join(dir, 'gone.rubric.old'), join(dir, 'dangling.rubric'));
    const w = writers.pipe(join(dir, 'pipe.rubric'));
    const r = runCli(['check', '--format', 'json', dir], { timeoutMs: 30_000 });
    expect(r.status).toBe(1);
    const out = json(r.stdout);
    expect(codesOf(out, 'dangling.rubric')).toEqual(['RUB018']);
    expect(codesOf(out, 'pipe.rubric')).toEqual(['RUB018']);
    expect(codesOf(out, 'ok.rubric')).toEqual([]);
    expect(stillWaiting(w)).toBe(true);
    // Named on the command line, a pipe or a device is refused the same way.
    const direct = runCli(['check', '--format', 'json', join(dir, 'pipe.rubric'), '/dev/zero'], { timeoutMs: 30_000 });
    expect(direct.status).toBe(1);
    expect(codesOf(json(direct.stdout))).toEqual(['RUB018', 'RUB018']);
    expect(stillWaiting(w)).toBe(true);
  });

  it('fmt refuses a named pipe and a file over the size limit, and leaves them alone', () => {
    const { dir } = project();
    const w = writers.pipe(join(dir, 'pipe.rubric'));
    const big = join(dir, 'big.rubric');
    writeFileSync(big, `评估表 "大" {\n${'  指标 "甲" 1\n'.repeat(200_000)}}\n`);
    const before = readFileSync(big);
    const r = runCli(['fmt', dir], { timeoutMs: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('RUB018');
    expect(r.stderr).toContain('RUB010');
    expect(readFileSync(big).equals(before)).toBe(true);
    expect(stillWaiting(w)).toBe(true);
  });
});

describe('exit status and output', () => {
  it('exits quietly with the check’s status when the reader of its output goes away (| head -1)', () => {
    const { dir } = project();
    // Enough diagnostics to fill a pipe several times over.
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, `bad${i}.rubric`), `评估表 "x" {\n${'  指标 "甲" 1 @\n'.repeat(600)}}\n`);
    writeFileSync(join(dir, 'ok.rubric'), '评估表 "好" { 总分 1\n 指标 "甲" 1 }\n');
    for (const [args, status] of [[`check ${dir}`, 1], [`check ${join(dir, 'ok.rubric')}`, 0]] as const) {
      const r = spawnSync('bash', ['-c', `node ${CLI} ${args} | head -1; echo "status=\${PIPESTATUS[0]}"`], { encoding: 'utf8', timeout: 30_000 });
      expect(r.stdout.trim().split('\n').pop()).toBe(`status=${status}`);
      expect(r.stderr).toBe('');
    }
  });

  it('compile: an empty folder, a folder of several files, -o onto a source file, an unwritable -o: exit 2 with a message', () => {
    const { dir } = project();
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const several = join(dir, 'several');
    mkdirSync(several);
    writeFileSync(join(several, 'a.rubric'), '导入 "common.rubric"\n评估表 "甲" { 总分 1\n 指标 "甲" 1 }\n');
    writeFileSync(join(several, 'common.rubric'), '章节 共用 { 指标 "乙" 1 }\n');
    const a = join(several, 'a.rubric');
    const common = join(several, 'common.rubric');
    const sources = [readFileSync(a, 'utf8'), readFileSync(common, 'utf8')];
    const cases: string[][] = [
      ['compile', empty],
      ['compile', several],
      ['compile', a, '-o', a],
      ['compile', a, '-o', common],
      ['compile', a, '-o', join(dir, 'no-such-folder', 'out.json')],
      ['compile', a, '-o', empty],
    ];
    for (const args of cases) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).not.toBe('');
      expect(r.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
    expect([readFileSync(a, 'utf8'), readFileSync(common, 'utf8')]).toEqual(sources);
    // Compiling the one file is still fine, to stdout or to a new file.
    const ok = runCli(['compile', a, '-o', join(dir, 'a.json')]);
    expect(ok.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')).title).toBe('甲');
  });

  it('checks a folder whose files once crashed the check: every file’s results are kept', () => {
    const { dir } = project();
    writeFileSync(join(dir, 'a-deep.rubric'), `评估表 "深" {\n${'指标 "a" {\n'.repeat(400)}${'}\n'.repeat(400)}}\n`);
    writeFileSync(join(dir, 'b-nul.rubric'), '\u0000'.repeat(125_000));
    writeFileSync(join(dir, 'c-grades.rubric'), `评估表 "等级" {\n  总分 100\n  指标 "甲" 100\n${'  等级 "优" 90 以上\n'.repeat(2000)}}\n`);
    writeFileSync(join(dir, 'd-sum.rubric'), '评估表 "合计" {\n  总分 5\n  指标 "甲" 10\n}\n');
    const r = runCli(['check', '--format', 'json', dir], { timeoutMs: 30_000 });
    expect(r.status).toBe(1);
    const out = json(r.stdout);
    expect(codesOf(out, 'a-deep.rubric')).toContain('RUB017');
    expect(codesOf(out, 'b-nul.rubric')).toEqual(['RUB014']);
    // 1,999 overlaps and 1,999 repeated names: 500 shown, then one RUB015 for the rest.
    const grades = codesOf(out, 'c-grades.rubric');
    expect(grades).toHaveLength(501);
    expect(grades[500]).toBe('RUB015');
    expect(codesOf(out, 'd-sum.rubric')).toEqual(['RUB202']);
  });
});
