// The shape of core: no import cycle between its modules (type-only imports included), the editor
// queries built on the resolver alone (nothing from check/), and no I/O module anywhere in core.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness.js';

const SRC = join(ROOT, 'packages/core/src');

function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Every module a file imports (static `import … from` and `export … from`), as repository paths. */
function imports(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^\s*(?:import|export)\s[^'";]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
  return {
    local: specs.filter((s) => s.startsWith('.')).map((s) => relative(SRC, join(dirname(file), s.replace(/\.js$/, '.ts')))),
    packages: specs.filter((s) => !s.startsWith('.')),
  };
}

const graph = new Map(sources().map((f) => [relative(SRC, f), imports(f)]));

describe('core modules', () => {
  it('import each other without a cycle', () => {
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (m: string, path: string[]): void => {
      if (state.get(m) === 'done') return;
      if (state.get(m) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(m)), m].join(' → '));
        return;
      }
      state.set(m, 'visiting');
      for (const d of graph.get(m)?.local ?? []) visit(d, [...path, m]);
      state.set(m, 'done');
    };
    for (const m of graph.keys()) visit(m, []);
    expect(cycles).toEqual([]);
  });
  it('give the editor queries from the resolver only: query.ts imports nothing from check/', () => {
    expect(graph.get('query.ts')!.local.filter((d) => d.startsWith('check/'))).toEqual([]);
  });
  it('do no I/O: only chevrotain is imported from outside core', () => {
    const outside = [...graph.values()].flatMap((g) => g.packages);
    expect([...new Set(outside)].sort()).toEqual(['chevrotain']);
  });
});
