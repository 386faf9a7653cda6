// The messages of published diagnostics: a publish reuses the messages rendered for the diagnostics
// the re-check kept, but only in the locale they were rendered in; a change of locale renders them
// again. Checked in-process on a seed's diagnostics, each message against core's rendering.
import { readFileSync } from 'node:fs';
import { compileText, renderDiagnostic, renderRef, type Diagnostic, type Locale } from '@rubric/core';
import { describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { toPublished } from '../src/features/diagnostics.js';

const PATH = new URL('../../../rubrics/pingdingshan-2016.rubric', import.meta.url).pathname;

/** What toPublished reads of a Context: the locale and range conversions (positions are not checked here). */
function context(locale: Locale): Context {
  const range = () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  return { locale, range, location: (file: string) => ({ uri: file, range: range() }) } as unknown as Context;
}

function expectRendered(published: ReturnType<typeof toPublished>, ds: Diagnostic[], locale: Locale): void {
  expect(published.map((p) => p.message)).toEqual(ds.map((d) => renderDiagnostic(d, locale)));
  expect(published.map((p) => (p.relatedInformation ?? []).map((r) => r.message))).toEqual(ds.map((d) => (d.related ?? []).map((r) => renderRef(r.message, locale))));
}

describe('published messages', () => {
  it('are rendered in the current locale, also for the diagnostics kept from the last publish', () => {
    const ds = compileText(PATH, readFileSync(PATH, 'utf8')).diagnostics;
    expect(ds.some((d) => (d.related ?? []).length > 0)).toBe(true);
    const uri = 'file:///published-messages.rubric';
    expectRendered(toPublished(context('zh-CN'), uri, ds), ds, 'zh-CN');
    // The same diagnostic objects, as the re-check keeps them, now in English, then in Chinese again.
    expectRendered(toPublished(context('en'), uri, ds), ds, 'en');
    expectRendered(toPublished(context('en'), uri, ds.slice(1)), ds.slice(1), 'en');
    expectRendered(toPublished(context('zh-CN'), uri, ds), ds, 'zh-CN');
  });
});
