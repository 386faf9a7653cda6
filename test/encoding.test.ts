// Files saved by Windows in GB18030/GBK are read correctly with a warning (RUB008); bytes that are
// neither UTF-8 nor GB18030, and text that would be misread (Big5, which also decodes as GB18030;
// UTF-16 with a lone surrogate or random bytes after its mark), are refused (RUB009) by check and
// fmt alike instead of becoming mojibake.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeBytes, loadSource } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import { ROOT, read, seedRubrics } from './harness.js';
import { runCli } from './cli-runner.js';

const gb = new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/encoding/gb18030.rubric.bin')));
const binary = new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/encoding/binary.rubric.bin')));
const fixture = (name: string) => new Uint8Array(readFileSync(join(ROOT, `test/fixtures/encoding/${name}.rubric.bin`)));
/** Files that decode, but not faithfully: each must be refused. */
const MISREAD = ['big5', 'utf16-lone-surrogate', 'utf16-random'];

describe('encodings', () => {
  it('decodes GB18030 text exactly', () => {
    const d = decodeBytes(gb);
    expect(d.encoding).toBe('GB18030');
    expect(d.text).toContain('评估表 "编码示例"');
    expect(d.text).toContain('指标 "甲（10分）" 10');
  });
  it('reports RUB008 for a GB18030 file and still checks it', () => {
    const f = loadSource('gb.rubric', gb);
    expect(f.diagnostics.map((x) => x.code)).toEqual(['RUB008']);
    expect(f.parse.ast.decls[0]?.type).toBe('rubric');
  });
  it('refuses undecodable bytes with RUB009', () => {
    expect(decodeBytes(binary).failed).toBe(true);
    expect(loadSource('bin.rubric', binary).diagnostics.map((x) => x.code)).toContain('RUB009');
  });
  it('accepts UTF-8 with a BOM and UTF-16 with a BOM', () => {
    const text = '评估表 "甲" { 指标 "乙" 1 }';
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(decodeBytes(utf8).text).toBe(text);
    const u16 = new Uint8Array(2 + text.length * 2);
    u16[0] = 0xff;
    u16[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      u16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      u16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(decodeBytes(u16).text).toBe(text);
  });
  it('the CLI reads a GB18030 file (warning, exit 0) and refuses a binary one (exit 1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubric-enc-'));
    writeFileSync(join(dir, 'gb.rubric'), gb);
    writeFileSync(join(dir, 'bin.rubric'), binary);
    const ok = runCli(['check', '--format', 'json', join(dir, 'gb.rubric')]);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).files[0].diagnostics.map((d: { code: string }) => d.code)).toEqual(['RUB008']);
    const bad = runCli(['check', '--format', 'json', join(dir, 'bin.rubric')]);
    expect(bad.status).toBe(1);
    expect(JSON.parse(bad.stdout).files[0].diagnostics.map((d: { code: string }) => d.code)).toContain('RUB009');
  });
  it('refuses Big5, UTF-16 with a lone surrogate, and random bytes after a UTF-16 mark (RUB009)', () => {
    for (const name of MISREAD) {
      expect(decodeBytes(fixture(name)).failed, name).toBe(true);
      expect(loadSource(`${name}.rubric`, fixture(name)).diagnostics.map((x) => x.code), name).toEqual(['RUB009']);
    }
  });
  it('still reads every seed saved as UTF-16LE and UTF-16BE exactly', () => {
    for (const f of seedRubrics()) {
      const text = read(f);
      const le = new Uint8Array(2 + text.length * 2);
      le.set([0xff, 0xfe]);
      for (let i = 0; i < text.length; i++) {
        le[2 + i * 2] = text.charCodeAt(i) & 0xff;
        le[3 + i * 2] = text.charCodeAt(i) >> 8;
      }
      const be = le.slice();
      be.set([0xfe, 0xff]);
      for (let i = 2; i < be.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
      expect(decodeBytes(le)).toEqual({ text, encoding: 'UTF-16LE' });
      expect(decodeBytes(be)).toEqual({ text, encoding: 'UTF-16BE' });
    }
  });
  it('check and fmt refuse the misread files; fmt leaves them untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubric-enc-'));
    for (const name of MISREAD) {
      const f = join(dir, `${name}.rubric`);
      writeFileSync(f, fixture(name));
      const check = runCli(['check', '--format', 'json', f]);
      expect(check.status, name).toBe(1);
      expect(JSON.parse(check.stdout).files[0].diagnostics.map((d: { code: string }) => d.code), name).toEqual(['RUB009']);
      for (const args of [['fmt', f], ['fmt', '--check', f]]) {
        const fmt = runCli(args);
        expect(fmt.status, name).toBe(1);
        expect(fmt.stderr, name).toContain('RUB009');
      }
      expect(new Uint8Array(readFileSync(f)), name).toEqual(fixture(name));
    }
  });
});
