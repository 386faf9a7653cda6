// File system access for the CLI: finding *.rubric files, the folders imports may come from, and a
// Host that reads from disk only what @rubric/node-host allows (regular files inside those folders,
// under the size limit, never blocking on a special file).
import { readdirSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { folderOf, isRefusal, normalizePath, type Host } from '@rubric/core';
import { readRubricFile } from '@rubric/node-host';

/** Paths are shown as the user wrote them, with `/` separators. */
export function display(p: string): string {
  return p.split(sep).join('/');
}

export class UsageError extends Error {}

export interface Inputs {
  /** The files to check: files as given, folders expanded into the *.rubric names below them (sorted). */
  files: string[];
  /** The folders given, and the folders of the files given: where imports may come from. */
  roots: string[];
}

/**
 * Expands folders into the *.rubric names below them. Every such name is listed, whatever it is (a
 * dangling link, a pipe): reading it is the host's business, which then reports why it could not.
 */
export function collectFiles(args: string[]): Inputs {
  const files: string[] = [];
  const roots: string[] = [];
  for (const a of args) {
    if (statOrUsage(a).isDirectory()) {
      for (const f of walk(a)) files.push(f);
      roots.push(...bothForms(a));
    } else {
      files.push(display(a));
      roots.push(...bothForms(folderOf(display(a)) || '.'));
    }
  }
  return { files: [...new Set(files)], roots: [...new Set(roots)] };
}

/** Folders named with --allow-imports, which must exist. */
export function allowedFolders(dirs: readonly string[]): string[] {
  const out: string[] = [];
  for (const d of dirs) {
    if (!statOrUsage(d).isDirectory()) throw new UsageError(d);
    out.push(...bothForms(d));
  }
  return out;
}

/** What a path given on the command line is; a path that does not exist is a usage error. */
function statOrUsage(p: string): Stats {
  try {
    return statSync(p);
  } catch {
    throw new UsageError(p);
  }
}

/**
 * A folder as core compares paths (lexically, as written): both relative to the current folder and
 * absolute, since a file given one way may import through the other.
 */
function bothForms(dir: string): string[] {
  const abs = resolve(dir);
  return [normalizePath(display(abs)), normalizePath(display(relative('.', abs)))];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) for (const f of walk(p)) out.push(f);
    else if (e.name.endsWith('.rubric')) out.push(display(relative('.', p) || p));
  }
  return out;
}

/** A Host reading from disk, with `roots` as the folders imports may come from. */
export function diskHost(roots: readonly string[]): Host {
  return {
    importRoots: roots,
    readFile(path, within) {
      const r = readRubricFile(path, within);
      return r === undefined || isRefusal(r) ? r : r.bytes;
    },
  };
}

/** A Host for one rubric file given on the command line: imports may come from its folder. */
export function hostFor(file: string): Host {
  return diskHost(collectFiles([file]).roots);
}
