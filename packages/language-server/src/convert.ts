// Conversions between LSP and core: URIs and paths, positions and offsets. Core positions are
// 1-based lines and columns in UTF-16 code units plus a 0-based offset; LSP positions are 0-based
// lines and UTF-16 characters. Every range sent to the client goes through `clampRange`, so that it
// lies inside the document it names whatever the input was.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { normalizePath, type LineIndex, type Range as CoreRange } from '@rubric/core';
import type { Position, Range } from 'vscode-languageserver/node';

/** The core path of a document URI: a normalized file path for file: URIs, else the URI itself. */
export function pathOfUri(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return normalizePath(fileURLToPath(uri));
    } catch {
      return uri;
    }
  }
  return uri;
}

/** A file: URI for an absolute path; anything else is returned as it is (it was a URI already). */
export function uriOfPath(path: string): string {
  if (path.startsWith('/') || /^[A-Za-z]:\//.test(path)) return pathToFileURL(path).href;
  return path;
}

/** Something that can turn offsets into positions for one text. */
export interface Positions {
  /** The 0-based LSP position of an offset, clamped into the text. */
  position(offset: number): Position;
  /** The offset of an LSP position, clamped into the text. */
  offset(p: Position): number;
  readonly length: number;
}

export function positionsOfLines(lines: LineIndex): Positions {
  return {
    position(offset) {
      const p = lines.position(offset);
      return { line: p.line - 1, character: p.column - 1 };
    },
    offset(p) {
      const line = Math.max(0, Math.min(Math.floor(p.line), lines.lineCount - 1));
      const start = lines.lineStart(line + 1);
      const end = lines.lineEnd(line + 1);
      return Math.max(start, Math.min(start + Math.max(0, Math.floor(p.character)), end));
    },
    length: lines.text.length,
  };
}

/** A core range as an LSP range, clamped into the text (by offset, so a range never runs backwards). */
export function clampRange(r: CoreRange, at: Positions): Range {
  const s = clampOffset(r.start.offset, at.length);
  const e = Math.max(s, clampOffset(r.end.offset, at.length));
  return { start: at.position(s), end: at.position(e) };
}

function clampOffset(o: number, length: number): number {
  return Number.isFinite(o) ? Math.max(0, Math.min(Math.floor(o), length)) : 0;
}

/** Reads an LSP position from untrusted parameters; throws on garbage (the guard answers it). */
export function readPosition(x: unknown): Position {
  const p = x as Position | undefined;
  if (!p || typeof p.line !== 'number' || typeof p.character !== 'number') throw new TypeError('invalid position');
  return p;
}

export function readRange(x: unknown): Range {
  const r = x as Range | undefined;
  if (!r) throw new TypeError('invalid range');
  return { start: readPosition(r.start), end: readPosition(r.end) };
}

export function readUri(params: unknown): string {
  const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
  if (typeof uri !== 'string') throw new TypeError('invalid textDocument.uri');
  return uri;
}
