// Picks the reader from the file's content (zip, OLE compound file, text) and its extension.
import { decodeBytes } from '@rubric/core';
import type { SourceDocument } from '../model.js';
import { ImportError } from '../errors.js';
import { readDocx, unzip } from './docx.js';
import { readXlsx } from './xlsx.js';
import { readHtml } from './html.js';
import { readText } from './text.js';

export const EXTENSIONS = ['.docx', '.xlsx', '.txt', '.html', '.htm'] as const;

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function contains(bytes: Uint8Array, s: string): boolean {
  // Stream names in a compound file are UTF-16LE.
  const needle = Array.from(s).flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export async function readDocument(bytes: Uint8Array, file: string): Promise<SourceDocument> {
  const ext = (/\.[^./\\]+$/.exec(file)?.[0] ?? '').toLowerCase();
  if (!(EXTENSIONS as readonly string[]).includes(ext)) throw new ImportError('IMP001', { ext: ext || file });
  if (bytes.length === 0) throw new ImportError('IMP005', { file });
  if (OLE.every((b, i) => bytes[i] === b)) {
    if (contains(bytes, 'EncryptedPackage') || contains(bytes, 'EncryptionInfo')) throw new ImportError('IMP003', { file });
    throw new ImportError('IMP004', { file });
  }
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (ext === '.docx' || ext === '.xlsx') {
    if (!zip) throw new ImportError('IMP002', { file, format: ext === '.docx' ? 'Word' : 'Excel', detail: 'not a zip container' });
    const parts = unzip(bytes, file, ext === '.docx' ? 'Word' : 'Excel');
    if (ext === '.xlsx') {
      if (!parts['xl/workbook.xml']) throw new ImportError('IMP002', { file, format: 'Excel', detail: 'xl/workbook.xml missing' });
      return readXlsx(bytes, file);
    }
    if (!parts['word/document.xml'] && parts['xl/workbook.xml']) return readXlsx(bytes, file);
    return readDocx(bytes, file);
  }
  const decoded = decodeBytes(bytes);
  if (decoded.failed || decoded.text.includes('\u0000')) throw new ImportError('IMP002', { file, format: ext === '.txt' ? 'text' : 'HTML', detail: 'not UTF-8 or GB18030 text' });
  if (decoded.text.trim() === '') throw new ImportError('IMP005', { file });
  return ext === '.txt' ? readText(decoded.text) : readHtml(decoded.text);
}
