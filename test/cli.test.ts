// The `rubric` command as a user runs it: output format, exit codes, JSON shape, locale choice,
// deterministic compile output, and fmt.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { readIR, serializeIR } from '@rubric/core';
import { runCli } from './cli-runner.js';
import { ROOT, compileRepoFile, read } from './harness.js';

const validateCheck = new Ajv2020.default({ allErrors: true, strict: true }).compile(JSON.parse(read('packages/cli/schema/check-output.schema.json')));

describe('rubric check', () => {
  it('reports the seeds’ real errors as compiler-style lines and exits 1', () => {
    const r = runCli(['check', 'rubrics/']);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    const diagnostics = lines.slice(0, -1);
    for (const l of diagnostics) expect(l).toMatch(/^rubrics\/[\w-]+\.rubric:\d+:\d+ {2}(错误|警告) {2}RUB\d{3} {2}\S/);
    const codes = diagnostics.map((l) => /(rubrics\/\S+?):(\d+):\d+ {2}\S+ {2}(RUB\d{3})/.exec(l)!.slice(1).join(' '));
    expect(codes).toContain('rubrics/yueyang-cishan.rubric 53 RUB201');
    expect(codes).toContain('rubrics/yueyang-cishan.rubric 88 RUB201');
  });
  it('prints JSON with files, codes, ranges, the indicator concerned as data, related places and the fix', () => {
    const r = runCli(['check', '--format', 'json', 'rubrics/yueyang-cishan.rubric']);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(validateCheck(json), JSON.stringify(validateCheck.errors)).toBe(true);
    const ds = json.files.find((f: { file: string }) => f.file === 'rubrics/yueyang-cishan.rubric').diagnostics;
    expect(ds.map((d: { code: string }) => d.code)).toEqual(['RUB201', 'RUB201']);
    expect(ds[0]).toMatchObject({
      severity: 'error',
      args: { title: '组织机构', declared: '85', sum: '84' },
      range: { start: { line: 53, column: 15 } },
      indicator: { id: '#3#1', code: null, title: '组织机构', path: ['内部治理', '组织机构'] },
    });
    // The editor's related places (the items of the sum) and quick fix, in the file's coordinates.
    expect(ds[0].related).toHaveLength(6);
    const text = readFileSync(join(ROOT, 'rubrics/yueyang-cishan.rubric'), 'utf8');
    const edit = ds[0].fix.edits[0];
    expect(edit.newText).toBe('84');
    expect(text.slice(edit.range.start.offset, edit.range.end.offset)).toBe('85');
    expect(Object.keys(ds[0]).sort()).toEqual(['args', 'code', 'fix', 'indicator', 'message', 'range', 'related', 'severity']);
  });
  it('tells indicators with the same title apart by their path of titles and their id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubric-json-'));
    const f = join(dir, 'same-titles.rubric');
    writeFileSync(f, '评估表 "同名" {\n  指标 1 "党建" 10 {\n    指标 "管理制度" 4 { 档 "好" 5 }\n  }\n  指标 2 "财务" 10 {\n    指标 "管理制度" 4 { 档 "好" 5 }\n  }\n}\n');
    const json = JSON.parse(runCli(['check', '--format', 'json', f]).stdout);
    expect(validateCheck(json), JSON.stringify(validateCheck.errors)).toBe(true);
    const bands = json.files[0].diagnostics.filter((d: { code: string }) => d.code === 'RUB203');
    expect(bands.map((d: { indicator: unknown }) => d.indicator)).toEqual([
      { id: '1#1', code: null, title: '管理制度', path: ['党建', '管理制度'] },
      { id: '2#1', code: null, title: '管理制度', path: ['财务', '管理制度'] },
    ]);
  });
  it('prints JSON valid against its schema for every seed and fixture', () => {
    const json = JSON.parse(runCli(['check', '--format', 'json', 'rubrics/', 'test/fixtures/']).stdout);
    expect(validateCheck(json), JSON.stringify(validateCheck.errors?.slice(0, 3))).toBe(true);
    const ds = json.files.flatMap((f: { diagnostics: unknown[] }) => f.diagnostics);
    expect(ds.filter((d: { fix: unknown }) => d.fix !== null).length).toBeGreaterThan(5);
    expect(ds.filter((d: { indicator: unknown }) => d.indicator !== null).length).toBeGreaterThan(5);
  });
  it('the check output schema rejects an unknown key', () => {
    expect(validateCheck({ files: [], extra: 1 })).toBe(false);
  });
  it('exits 0 on a rubric without errors', () => {
    expect(runCli(['check', 'rubrics/yueyang-hangye.rubric']).status).toBe(0);
  });
  it('exits 2 on a missing path and on a usage error', () => {
    expect(runCli(['check', 'no/such/file.rubric']).status).toBe(2);
    expect(runCli(['check']).status).toBe(2);
    expect(runCli(['frobnicate']).status).toBe(2);
  });
  it('takes the language from --lang, else from the environment', () => {
    const en = runCli(['check', '--format', 'json', '--lang', 'en', 'rubrics/yueyang-cishan.rubric']);
    const zh = runCli(['check', '--format', 'json', 'rubrics/yueyang-cishan.rubric'], { env: { LANG: 'zh_CN.UTF-8' } });
    const envEn = runCli(['check', '--format', 'json', 'rubrics/yueyang-cishan.rubric'], { env: { LANG: 'en_US.UTF-8' } });
    const msg = (r: { stdout: string }) => JSON.parse(r.stdout).files[0].diagnostics[0].message as string;
    expect(msg(en)).toBe(msg(envEn));
    expect(msg(zh)).not.toBe(msg(en));
    expect(msg(zh)).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('rubric compile', () => {
  it('writes deterministic IR (byte-identical across runs) to stdout or a file', () => {
    const a = runCli(['compile', 'rubrics/pingdingshan-2016.rubric']);
    const b = runCli(['compile', 'rubrics/pingdingshan-2016.rubric']);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).schemaVersion).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'rubric-compile-'));
    const out = join(dir, 'out.json');
    runCli(['compile', 'rubrics/pingdingshan-2016.rubric', '-o', out]);
    expect(readFileSync(out, 'utf8')).toBe(`${a.stdout.trimEnd()}\n`);
  });
  it('writes compact JSON by default and indented JSON with --pretty, both read back by readIR', () => {
    const compact = runCli(['compile', 'rubrics/pingdingshan-2016.rubric']).stdout;
    const pretty = runCli(['compile', '--pretty', 'rubrics/pingdingshan-2016.rubric']).stdout;
    expect(compact.trimEnd().split('\n')).toHaveLength(1);
    expect(pretty.split('\n').length).toBeGreaterThan(100);
    expect(pretty).toContain('\n  "schemaVersion": 2,\n');
    expect(JSON.parse(pretty)).toEqual(JSON.parse(compact));
    const back = readIR(pretty);
    expect(back.diagnostics).toEqual([]);
    expect(serializeIR(back.rubrics[0]!)).toBe(`${compact.trimEnd()}\n`);
  });
  it('exits 1 with diagnostics on stderr when the rubric has errors', () => {
    const r = runCli(['compile', 'rubrics/yueyang-cishan.rubric']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('RUB201');
    expect(JSON.parse(r.stdout).title).toContain('慈善组织类');
  });
});

describe('rubric fmt', () => {
  it('accepts every seed as already formatted (--check exits 0)', () => {
    const r = runCli(['fmt', '--check', 'rubrics/']);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  });
  it('rewrites a messy file, keeps comments, and is idempotent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubric-fmt-'));
    const f = join(dir, 'messy.rubric');
    writeFileSync(f, '// 头注释\n评估表 “示例” ｛ 总分  10分\n指标 1 "甲" 10 { 档 "好" 10 // 行尾注释\n档 "差" 0 }\n\n\n 指标 2 "乙" 0 }\n');
    expect(runCli(['fmt', '--check', f]).status).toBe(1);
    expect(runCli(['fmt', f]).status).toBe(0);
    const once = readFileSync(f, 'utf8');
    expect(once).toContain('// 头注释');
    expect(once).toContain('// 行尾注释');
    expect(once).toContain('评估表 "示例" {');
    expect(runCli(['fmt', '--check', f]).status).toBe(0);
    expect(runCli(['fmt', f]).status).toBe(0);
    expect(readFileSync(f, 'utf8')).toBe(once);
  });
  it('leaves a file with syntax errors untouched and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubric-fmt-'));
    const f = join(dir, 'broken.rubric');
    copyFileSync(join(ROOT, 'test/fixtures/syntax.rubric'), f);
    const before = readFileSync(f, 'utf8');
    const r = runCli(['fmt', f]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('RUB002');
    expect(readFileSync(f, 'utf8')).toBe(before);
  });
  it('does not change what a seed means (same IR after formatting)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubric-fmt-'));
    const f = join(dir, 'p.rubric');
    // Indentation stripped and trailing blanks added: fmt restores the seed exactly.
    writeFileSync(f, readFileSync(join(ROOT, 'rubrics/pingdingshan-2016.rubric'), 'utf8').replace(/^ +/gm, '').replace(/\n/g, '   \n'));
    runCli(['fmt', f]);
    expect(readFileSync(f, 'utf8')).toBe(readFileSync(join(ROOT, 'rubrics/pingdingshan-2016.rubric'), 'utf8'));
    expect(compileRepoFile('rubrics/pingdingshan-2016.rubric').rubric).toBeDefined();
  });
});
