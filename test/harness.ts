// Shared test helpers: compiling from disk, discovering fixtures, reading their inline expectation
// markers (see `markers` below), and the list of seed rubrics.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type Diagnostic, type Host } from '@rubric/core';

export const ROOT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');

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

/** One expected diagnostic: its code on a line, and optionally the columns it must span. */
interface Marker {
  line: number;
  code: string;
  /** 1-based start column and exclusive end column, when pinned with `^^^`. */
  span?: [number, number];
}

const LINE_MARKER = /\/\/~(\^?)\s+((?:RUB\d{3}\s*)+)$/;
const SPAN_MARKER = /^(\s*\/\/~\s+)(\^+)\s+((?:RUB\d{3}\s*)+)$/;

/**
 * The markers of a fixture. `//~ CODE…` at the end of a line expects those codes starting on that line;
 * `//~^ CODE…` on the line above. A line of its own `//~   ^^^ CODE…` (a space before the carets) pins the span: the carets stand
 * under the columns of the closest line above that is not a marker line.
 */
function markers(text: string): Marker[] {
  const out: Marker[] = [];
  let lastCode = 0;
  text.split(/\r?\n/).forEach((line, i) => {
    const span = SPAN_MARKER.exec(line);
    if (span) {
      const start = span[1]!.length + 1;
      for (const code of span[3]!.trim().split(/\s+/)) out.push({ line: lastCode, code, span: [start, start + span[2]!.length] });
      return;
    }
    lastCode = i + 1;
    const m = LINE_MARKER.exec(line);
    if (!m) return;
    const at = m[1] === '^' ? i : i + 1;
    for (const code of m[2]!.trim().split(/\s+/)) out.push({ line: at, code });
  });
  return out;
}

const show = (m: Marker): string => (m.span ? `${m.line}:${m.span[0]}-${m.span[1]} ${m.code}` : `${m.line} ${m.code}`);

export function expectedMarkers(text: string): string[] {
  return markers(text).map(show).sort(byLineThenCode);
}

/** What the checker reports in `file`, shown with a span wherever the fixture pins one for that line and code. */
export function actualMarkers(ds: Diagnostic[], file: string, text?: string): string[] {
  const pinned = new Set((text ? markers(text) : []).filter((m) => m.span).map((m) => `${m.line} ${m.code}`));
  return ds
    .filter((d) => d.file === file)
    .map((d) => {
      const m: Marker = { line: d.range.start.line, code: d.code };
      if (pinned.has(`${m.line} ${m.code}`)) m.span = [d.range.start.column, d.range.end.line === d.range.start.line ? d.range.end.column : d.range.start.column + 1];
      return show(m);
    })
    .sort(byLineThenCode);
}

function byLineThenCode(a: string, b: string): number {
  const [la, ca] = a.split(' ');
  const [lb, cb] = b.split(' ');
  return parseInt(la!, 10) - parseInt(lb!, 10) || (la! < lb! ? -1 : la! > lb! ? 1 : 0) || (ca! < cb! ? -1 : ca! > cb! ? 1 : 0);
}

/** The file re-annotated with markers, to show in a failing test's diff. */
export function annotate(text: string, shown: string[]): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => (SPAN_MARKER.test(l) ? undefined : l.replace(/\s*\/\/~\^?\s+(?:RUB\d{3}\s*)+$/, '')));
  const byLine = new Map<number, string[]>();
  const spans = new Map<number, string[]>();
  for (const m of shown) {
    const [where, c] = m.split(' ');
    const [l, cols] = where!.split(':');
    const line = Number(l);
    if (cols) {
      const [from, to] = cols.split('-').map(Number);
      spans.set(line, [...(spans.get(line) ?? []), `//~${' '.repeat(Math.max(0, from! - 4))}${'^'.repeat(Math.max(1, to! - from!))} ${c}`]);
    } else byLine.set(line, [...(byLine.get(line) ?? []), c!]);
  }
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (l === undefined) return;
    out.push(byLine.has(i + 1) ? `${l} //~ ${byLine.get(i + 1)!.join(' ')}` : l);
    for (const s of spans.get(i + 1) ?? []) out.push(s);
  });
  return out.join('\n');
}

/** Every fixture file under `dir`. A folder holding `main.rubric` is one program: main is its entry. */
export function fixtureFiles(dir = 'test/fixtures'): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? fixtureFiles(`${dir}/${e.name}`) : e.name.endsWith('.rubric') ? [`${dir}/${e.name}`] : [],
  ).sort();
}

/** Fixture programs: each entry file with the files it is checked with. */
export function fixturePrograms(): { entry: string; files: string[] }[] {
  const all = fixtureFiles();
  const folders = new Set(all.filter((f) => f.endsWith('/main.rubric')).map((f) => f.slice(0, f.lastIndexOf('/') + 1)));
  const inFolder = (f: string): string | undefined => [...folders].find((d) => f.startsWith(d));
  return all.flatMap((f) => {
    const d = inFolder(f);
    if (!d) return [{ entry: f, files: [f] }];
    return f === `${d}main.rubric` ? [{ entry: f, files: all.filter((x) => x.startsWith(d)) }] : [];
  });
}

export function seedRubrics(): string[] {
  return readdirSync(join(ROOT, 'rubrics'))
    .filter((f) => f.endsWith('.rubric'))
    .sort()
    .map((f) => `rubrics/${f}`);
}

/** The seed files that declare a rubric (a file of shared sections alone has no form to fill or score). */
export function seedForms(): string[] {
  return seedRubrics().filter((f) => {
    const c = compileRepoFile(f);
    return !!c.rubric && c.files[0]!.parse.ast.decls.some((d) => d.type === 'rubric');
  });
}

export function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}
