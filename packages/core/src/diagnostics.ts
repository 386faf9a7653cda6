// Diagnostics are data: a stable code, a severity, a range, the arguments of its message, related
// locations and an optional fix. They are rendered late, in the reader's locale (messages/render.ts).
// Nothing may ever depend on message text; tests and tools use codes and arguments.
import type { Range } from './source.js';
import { CATALOG, type Code, type Severity } from './messages/catalog.js';
import type { LabelId } from './messages/labels.js';

export type { Severity };
/** A message argument: text, a number, a list (rendered as alternatives), or a message of its own
 * (a label with arguments). A string `@id` names a label and `@kw.Name` a keyword; anything else is
 * shown as it is (user text, numbers). */
export type ArgValue = string | number | readonly ArgValue[] | { readonly id: MessageId; readonly args: Args };
export type Args = Record<string, ArgValue>;

/** Any message of core: a diagnostic code or a label. */
export type MessageId = Code | LabelId;

/** A reference to a message (a diagnostic code or a label id) with its arguments. */
export interface MessageRef {
  id: MessageId;
  args: Args;
}

export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

export interface Fix {
  message: MessageRef;
  edits: TextEdit[];
}

export interface Related {
  file: string;
  range: Range;
  message: MessageRef;
}

/**
 * The indicator a diagnostic concerns, as data: its stable IR id (the code when written, else an
 * ordinal path such as `2#3`), its code, its title, and the titles from the top of the tree down to
 * it (titles repeat across a rubric; the path tells them apart).
 */
export interface DiagnosticIndicator {
  id: string;
  code: string | null;
  title: string;
  path: string[];
}

export interface Diagnostic {
  code: Code;
  severity: Severity;
  file: string;
  range: Range;
  args: Args;
  /** The indicator concerned. */
  indicator?: DiagnosticIndicator;
  related?: Related[];
  fix?: Fix;
}

/** Collects diagnostics for one pass; severity comes from the catalog, never from the call site. */
export class DiagnosticBag {
  readonly items: Diagnostic[] = [];

  add(
    code: Code,
    file: string,
    range: Range,
    args: Args = {},
    extra: { indicator?: DiagnosticIndicator; related?: Related[]; fix?: Fix } = {},
  ): Diagnostic {
    const d: Diagnostic = { code, severity: CATALOG[code].severity, file, range, args };
    if (extra.indicator !== undefined) d.indicator = extra.indicator;
    if (extra.related && extra.related.length > 0) d.related = extra.related;
    if (extra.fix) d.fix = extra.fix;
    this.items.push(d);
    return d;
  }
}

/** Stable order: file, position, code. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.range.start.offset - b.range.start.offset ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** Removes exact duplicates (the same code at the same place with the same arguments). */
export function dedupeDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = `${d.file}\u0000${d.range.start.offset}\u0000${d.range.end.offset}\u0000${d.code}\u0000${JSON.stringify(d.args)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
