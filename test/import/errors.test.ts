// Documents the importer cannot read get a coded error (IMPxxx, rendered late in zh-CN or en) and
// `rubric import` exits with 2 — never a crash, never an empty rubric presented as success.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { IMPORT_ERRORS, ImportError, importDocument, renderImportError } from '@rubric/import';
import { runCli } from '../cli-runner.js';
import { ROOT } from '../harness.js';
import { compoundFile } from './cfb.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docx = (body: string) => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`) });
const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;

async function codeOf(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await importDocument(bytes, name);
  } catch (e) {
    if (e instanceof ImportError) {
      // Both languages render, with every argument filled in.
      for (const locale of ['zh-CN', 'en'] as const) expect(renderImportError(e, locale)).not.toMatch(/\{\w+\}/);
      return e.code;
    }
    throw e;
  }
  return 'imported';
}

describe('documents that cannot be imported', () => {
  const cases: [string, string, () => Uint8Array][] = [
    ['IMP001', 'standard.pdf', () => strToU8('%PDF-1.4')],
    ['IMP002', 'truncated.docx', () => readFileSync(join(ROOT, 'test/import/corpus/jiaxing-2016.docx')).subarray(0, 4000)],
    ['IMP002', 'not-a-zip.docx', () => strToU8('评价内容\t分值\n')],
    ['IMP002', 'broken-xml.docx', () => docx('<w:p><w:r><w:t>未闭合')],
    ['IMP002', 'no-body.docx', () => zipSync({ 'word/other.xml': strToU8('<x/>') })],
    ['IMP002', 'not-a-workbook.xlsx', () => zipSync({ 'xl/nothing.txt': strToU8('x') })],
    ['IMP002', 'binary.txt', () => Uint8Array.from({ length: 256 }, (_, i) => (i * 7 + 0x80) & 0xff)],
    ['IMP003', 'protected.docx', () => compoundFile(['EncryptionInfo', 'EncryptedPackage'])],
    ['IMP003', 'protected.xlsx', () => compoundFile(['EncryptionInfo', 'EncryptedPackage'])],
    ['IMP004', 'old.docx', () => compoundFile(['WordDocument', '1Table'])],
    ['IMP005', 'empty.txt', () => new Uint8Array()],
    ['IMP005', 'blank.txt', () => strToU8(' \n\t\n')],
    ['IMP005', 'empty.docx', () => docx('<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>')],
    ['IMP006', 'letter.docx', () => docx(para('关于召开年会的通知') + para('请各会员单位准时参加。'))],
    ['IMP006', 'letter.html', () => strToU8('<html><body><p>会议通知</p><table><tr><td>时间</td><td>地点</td></tr></table></body></html>')],
  ];
  for (const [code, name, make] of cases) {
    it(`${name} → ${code}`, async () => {
      expect(await codeOf(make(), name)).toBe(code);
    });
  }
  it('every code has both messages', () => {
    for (const [code, e] of Object.entries(IMPORT_ERRORS)) {
      expect(code).toMatch(/^IMP\d{3}$/);
      expect(e['zh-CN'].length).toBeGreaterThan(0);
      expect(e.en.length).toBeGreaterThan(0);
    }
  });
  it('rubric import exits with 2 and names the code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubric-import-'));
    const file = join(dir, 'protected.docx');
    writeFileSync(file, compoundFile(['EncryptionInfo', 'EncryptedPackage']));
    const r = runCli(['import', file, '-o', `${dir}/`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('IMP003');
    expect(r.stdout).toBe('');
  });
});
