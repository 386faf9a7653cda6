// The documents rendered by the real programs, for people to look at: for Pingdingshan and 慈善组织类,
// the docx is converted to PDF by LibreOffice, the html printed to PDF by Chromium (`rubric export
// --format pdf`) and screenshotted by Chromium, the xlsx printed by LibreOffice, and every PDF page
// rendered to PNG by pdftoppm, into test/artifacts/export/. The checks read the PDFs' text and fonts:
// the titles and the subtotal marks are there as text, set in a CJK font (no missing glyphs).
// Run by test/export/run.sh; not part of the default suite.
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTable, type Table } from '@rubric/core';
import { planFormulas, renderHtml } from '@rubric/export';
import { renderDocx } from '@rubric/export/docx';
import { renderXlsx } from '@rubric/export/xlsx';
import { runCli } from '../cli-runner.js';
import { compileRepoFile, ROOT } from '../harness.js';
import { officeToPdf, pdfPages, pdfToPngs } from './forms.js';

const OUT = join(ROOT, 'test/artifacts/export');
const SEEDS = [
  { name: 'pingdingshan-2016', marks: [] as string[] },
  { name: 'yueyang-cishan', marks: ['Σ 84 ≠ 85', 'Σ 221 ≠ 225'] },
];

const text = (pdf: string): string => spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
const fonts = (pdf: string): string => spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout;
const squash = (s: string): string => s.replace(/\s+/g, '');

describe('rendered documents', () => {
  const tables = new Map<string, Table>();
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    for (const s of SEEDS) {
      const r = compileRepoFile(`rubrics/${s.name}.rubric`);
      tables.set(s.name, buildTable(r.rubric!, r.diagnostics, 'zh-CN'));
    }
  });

  for (const s of SEEDS) {
    it(`${s.name}: docx → PDF (LibreOffice) → PNG`, async () => {
      const t = tables.get(s.name)!;
      const docx = join(OUT, `${s.name}.docx`);
      writeFileSync(docx, await renderDocx(t));
      const pdf = officeToPdf(docx, join(OUT, 'docx-pdf'));
      expect(pdfPages(pdf)).toBeGreaterThan(1);
      const body = squash(text(pdf));
      expect(body).toContain(squash(t.title));
      for (const m of s.marks) expect(body).toContain(squash(m));
      expect(fonts(pdf)).toMatch(/CJK/);
      const pngs = pdfToPngs(pdf, join(OUT, `${s.name}-docx`), { dpi: 70 });
      expect(pngs.length).toBe(pdfPages(pdf));
    });

    it(`${s.name}: pdf (rubric export, Chromium) → PNG`, () => {
      const t = tables.get(s.name)!;
      const pdf = join(OUT, `${s.name}.pdf`);
      const r = runCli(['export', `rubrics/${s.name}.rubric`, '--format', 'pdf', '-o', pdf]);
      expect(r.status).toBe(t.errors > 0 ? 1 : 0);
      expect(pdfPages(pdf)).toBeGreaterThan(1);
      const body = squash(text(pdf));
      expect(body).toContain(squash(t.title));
      for (const m of s.marks) expect(body).toContain(squash(m));
      expect(fonts(pdf)).toMatch(/CJK|Type 3/);
      expect(pdfToPngs(pdf, join(OUT, `${s.name}-pdf`), { dpi: 70 }).length).toBe(pdfPages(pdf));
    });

    it(`${s.name}: html in Chromium → PNG (the whole page)`, async () => {
      const t = tables.get(s.name)!;
      const html = join(OUT, `${s.name}.html`);
      writeFileSync(html, renderHtml(t));
      const browser = await chromium.launch({
        executablePath: process.env['CHROMIUM'] ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        await page.goto(`file://${html}`);
        const marked = await page.$$eval('td.mismatch', (els) => els.map((e) => e.textContent ?? ''));
        expect(marked.map((m) => m.replace(/.*⚠\s*/, '').replace(/\s*RUB\d+$/, ''))).toEqual(s.marks);
        const png = join(OUT, `${s.name}-html.png`);
        await page.screenshot({ path: png, fullPage: true });
        expect(statSync(png).size).toBeGreaterThan(50_000);
      } finally {
        await browser.close();
      }
    });

    it(`${s.name}: xlsx printed by LibreOffice → PNG`, async () => {
      const t = tables.get(s.name)!;
      const xlsx = join(OUT, `${s.name}.xlsx`);
      // As `rubric export` writes it: with the leaf formulas made from the score plan.
      writeFileSync(xlsx, await renderXlsx(t, { leafScoreFormula: planFormulas(compileRepoFile(`rubrics/${s.name}.rubric`).rubric!, t) }));
      const pdf = officeToPdf(xlsx, join(OUT, 'xlsx-pdf'));
      expect(pdfPages(pdf)).toBeGreaterThan(1);
      expect(squash(text(pdf))).toContain(squash(t.title));
      expect(pdfToPngs(pdf, join(OUT, `${s.name}-xlsx`), { dpi: 70, last: 3 }).length).toBeGreaterThan(0);
    });
  }
});
