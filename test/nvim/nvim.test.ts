// Runs the Neovim real-client check (test/nvim/run.mjs) as part of the vitest suite when `nvim` is
// installed; skipped otherwise. CI runs the same script unconditionally through test/editors/run.sh.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasNvim)('Neovim LSP client against the bundled server', () => {
  it('gets the CLI diagnostics, a hover with points, and an update after a fix', () => {
    const run = spawnSync(process.execPath, [join(root, 'test/nvim/run.mjs')], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  });
});
