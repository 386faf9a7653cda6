// The neutral benchmark tree (gen-tree.mjs, copied in this folder) in its three forms, generated in a
// temporary folder by its own scripts: the plain JSON (the floor: the same information as plain JSON),
// the rubric text (to-rubric.mjs) and the Publicodes rules as JSON (to-publicodes.mjs --json) with the
// situation that earns every point. The same n and seed always give the same bytes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;

export function neutralTree(n, seed = 42) {
  const dir = mkdtempSync(join(tmpdir(), 'rubric-tree-'));
  try {
    const run = (script, args) => execFileSync(process.execPath, [join(here, script), ...args], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    const plain = run('gen-tree.mjs', [String(n), String(seed)]);
    writeFileSync(join(dir, 't.json'), plain);
    const rubric = run('to-rubric.mjs', [join(dir, 't.json')]);
    const rules = JSON.parse(run('to-publicodes.mjs', [join(dir, 't.json'), '--situation', join(dir, 'max.json'), '--json']));
    const situation = JSON.parse(readFileSync(join(dir, 'max.json'), 'utf8'));
    return { plain, tree: JSON.parse(plain), rubric, rules, situation };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
