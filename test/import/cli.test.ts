// `rubric import` as a user runs it: drafts written beside the input (or into -o), checked at once,
// a summary line, exit 1 when the document has errors; existing drafts are not overwritten.
import { existsSync, mkdtempSync, readFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument, renderImportText } from '@rubric/import';
import { runCli } from '../cli-runner.js';
import { ROOT } from '../harness.js';

/** The summary line the command prints for a document, from the importer's own counts. */
async function summary(file: string, locale: 'zh-CN' | 'en'): Promise<string> {
  const r = await importDocument(new Uint8Array(readFileSync(file)), file);
  const sum = (k: 'indicators' | 'rules' | 'reviews') => r.rubrics.reduce((a, x) => a + x[k], 0);
  return renderImportText('summary', { indicators: sum('indicators'), rules: sum('rules'), reviews: sum('reviews') }, locale);
}

describe('rubric import', () => {
  it('writes one draft per table and prints the checker\'s findings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubric-import-'));
    const doc = join(ROOT, 'test/import/corpus/yueyang.docx');
    const r = runCli(['import', doc, '-o', `${dir}/`]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    for (let i = 1; i <= 5; i++) expect(existsSync(join(dir, `yueyang-${i}.rubric`))).toBe(true);
    // 联合类: the label says 10, the points column 15; 慈善: two subtotals that do not add up.
    const codes = lines.map((l) => /^(?:.*\/)?(yueyang-\d)\.rubric:\d+:\d+ .* (RUB\d{3}) /.exec(l)).filter((m) => m).map((m) => `${m![1]} ${m![2]}`);
    expect(codes.sort()).toEqual(['yueyang-2 RUB210', 'yueyang-5 RUB201', 'yueyang-5 RUB201']);
    expect(lines[lines.length - 1]).toBe(await summary(doc, 'zh-CN'));
    // The drafts are in canonical layout: rubric fmt --check leaves them alone.
    const fmt = runCli(['fmt', '--check', dir]);
    expect(fmt.status).toBe(0);
  });
  it('writes beside the input by default and does not overwrite without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubric-import-'));
    const src = join(dir, '嘉兴.txt');
    copyFileSync(join(ROOT, 'test/import/seeds/000_148925b563ff98dd.txt'), src);
    const first = runCli(['--lang', 'en', 'import', src]);
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/ RUB207 /);
    expect(first.stdout.trim().split('\n').pop()).toBe(await summary(src, 'en'));
    const draft = readFileSync(join(dir, '嘉兴.rubric'), 'utf8');
    expect(draft).toContain('评估表 "嘉兴市行业协会（商会）工作评价细则（修订）"');
    const again = runCli(['import', src]);
    expect(again.status).toBe(2);
    expect(readFileSync(join(dir, '嘉兴.rubric'), 'utf8')).toBe(draft);
    expect(runCli(['import', src, '--force']).status).toBe(1);
  });
});
