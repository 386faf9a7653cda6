// The seed rubrics and their audits name the document they transcribe by its file name
// (`004_55a4884e00d380ba.txt`), never by a path of one machine, which means nothing on another.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, read } from './harness.js';

/** An absolute path: a slash-separated path starting at the root (`/srv/x/…`) or at a drive (`C:\…`). */
const ABSOLUTE = /(?:^|[\s`"'(（：:=])(?:\/[\w.-]+){2,}|\b[A-Za-z]:\\[\w.-]/m;
const SEED_NAME = /\b\d{3}_[0-9a-f]{16}\.txt\b/;

const files = readdirSync(join(ROOT, 'rubrics')).filter((f) => f.endsWith('.rubric') || f.endsWith('.md')).sort();

describe('files in rubrics/', () => {
  it('are there', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });
  it('hold no absolute path', () => {
    const offenders = files.filter((f) => ABSOLUTE.test(read(`rubrics/${f}`)));
    expect(offenders).toEqual([]);
  });
  it('name their seed by its file name', () => {
    const unnamed = files.filter((f) => !SEED_NAME.test(read(`rubrics/${f}`)));
    expect(unnamed).toEqual([]);
  });
  it('the path pattern finds what it must', () => {
    expect(ABSOLUTE.test('// 原文：/srv/seeds/004_55a4884e00d380ba.txt')).toBe(true);
    expect(ABSOLUTE.test('Seed: `/data/seeds/x.txt`')).toBe(true);
    expect(ABSOLUTE.test('// 原文：004_55a4884e00d380ba.txt 第865行起')).toBe(false);
    expect(ABSOLUTE.test('档 比例 1/2 得分')).toBe(false);
  });
});
