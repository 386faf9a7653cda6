// File system access for the CLI: finding *.rubric files and a Host that reads from disk.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Host } from '@rubric/core';

/** Paths are shown as the user wrote them, with `/` separators. */
export function display(p: string): string {
  return p.split(sep).join('/');
}

export class UsageError extends Error {}

/** Expands folders into the *.rubric files below them (sorted); files are kept as given. */
export function collectFiles(args: string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    let st;
    try {
      st = statSync(a);
    } catch {
      throw new UsageError(a);
    }
    if (st.isDirectory()) out.push(...walk(a));
    else out.push(display(a));
  }
  return [...new Set(out)];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.name.endsWith('.rubric')) out.push(display(relative('.', p) || p));
  }
  return out;
}

export const diskHost: Host = {
  readFile(path: string) {
    try {
      return new Uint8Array(readFileSync(path));
    } catch {
      return undefined;
    }
  },
};
