// Special files for the tests that prove what the CLI and the language server never open. A named
// pipe with a writer waiting on it: the writer's open returns only once a reader opens the pipe, so
// a writer still waiting after a run means the pipe was never opened. And a project folder beside
// an `outside` folder holding a rubric whose content must never be shown.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Markers in the outside files: none may ever appear in an output. */
export const LEAK = /LEAK|SECRET|root:/;

export class Writers {
  private readonly all: ChildProcess[] = [];

  /** Makes a named pipe at `path` with a writer waiting on it. */
  pipe(path: string): ChildProcess {
    spawnSync('mkfifo', [path]);
    const w = spawn('sh', ['-c', 'printf "评估表 \\"管道\\" { 指标 \\"LEAK\\" 1 @ }" > "$1"', 'sh', path], { stdio: 'ignore' });
    this.all.push(w);
    return w;
  }

  killAll(): void {
    for (const w of this.all.splice(0)) w.kill('SIGKILL');
  }
}

/** True while the writer is still waiting for a reader. */
export function stillWaiting(w: ChildProcess): boolean {
  return w.exitCode === null && w.signalCode === null;
}

/** A fresh project folder, and a folder beside it with a secret rubric. */
export function project(): { base: string; dir: string; outside: string } {
  const base = mkdtempSync(join(tmpdir(), 'rubric-hostile-'));
  const dir = join(base, 'project');
  const outside = join(base, 'outside');
  mkdirSync(dir);
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.rubric'), '章节 SECRET { 指标 "LEAK-TITLE" 1 @ }\n');
  return { base, dir, outside };
}
