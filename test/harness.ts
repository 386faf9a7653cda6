// Shared test helpers: compiling from disk, reading inline expectation markers, and the list of
// seed rubrics. A marker `//~ CODE [CODE…]` expects diagnostics with those codes starting on its
// line; `//~^ CODE` expects them on the line above (for lines a comment cannot end).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type Diagnostic, type Host } from '@rubric/core';

export const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');

/**
 * Codes whose example cannot be a small text, each tested on its own: encodings (encoding.test.ts),
 * files too large, unreadable or not regular (limits.test.ts, cli-hostile.test.ts and the language
 * server's hostile.test.ts), too many diagnostics and too long a text (limits.test.ts), internal
 * errors (fixes.test.ts, limits.test.ts).
 */
export const NO_SOURCE_EXAMPLE = ['RUB008', 'RUB009', 'RUB010', 'RUB015', 'RUB016', 'RUB018', 'RUB117', 'RUB118', 'RUB901', 'RUB902'];

export const diskHost: Host = {
  readFile(path: string) {
    try {
      return new Uint8Array(readFileSync(join(ROOT, path)));
    } catch {
      return undefined;
    }
  },
};

export function compileRepoFile(path: string) {
  return compile(path, diskHost);
}

export function expectedMarkers(text: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /\/\/~(\^?)\s+((?:RUB\d{3}\s*)+)/.exec(line);
    if (!m) return;
    const at = m[1] === '^' ? i : i + 1;
    for (const code of m[2]!.trim().split(/\s+/)) out.push(`${at} ${code}`);
  });
  return out.sort(byLineThenCode);
}

export function actualMarkers(ds: Diagnostic[], file: string): string[] {
  return ds.filter((d) => d.file === file).map((d) => `${d.range.start.line} ${d.code}`).sort(byLineThenCode);
}

function byLineThenCode(a: string, b: string): number {
  const [la, ca] = a.split(' ');
  const [lb, cb] = b.split(' ');
  return Number(la) - Number(lb) || (ca! < cb! ? -1 : ca! > cb! ? 1 : 0);
}

/** The file re-annotated with what the checker reports, to show in a failing test's diff. */
export function annotate(text: string, markers: string[]): string {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/\s*\/\/~\^?\s+(?:RUB\d{3}\s*)+$/, ''));
  const byLine = new Map<number, string[]>();
  for (const m of markers) {
    const [l, c] = m.split(' ');
    byLine.set(Number(l), [...(byLine.get(Number(l)) ?? []), c!]);
  }
  return lines.map((l, i) => (byLine.has(i + 1) ? `${l} //~ ${byLine.get(i + 1)!.join(' ')}` : l)).join('\n');
}

export function seedRubrics(): string[] {
  return readdirSync(join(ROOT, 'rubrics'))
    .filter((f) => f.endsWith('.rubric'))
    .sort()
    .map((f) => `rubrics/${f}`);
}

export function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}
