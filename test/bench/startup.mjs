// Cold start (run on demand: `pnpm bench:startup`; prints figures, asserts nothing). Each figure is a
// median over fresh processes, measured in one run beside Node's own start-up (`node -e 0`), so that
// the difference is what rubric adds:
//   - `rubric check <seed>`: from spawning the process to its exit;
//   - the language server: from spawning it to its answer to `initialize`.
// Usage: node test/bench/startup.mjs [runs]   (default 11)
// With BASE_ROOT=<another checkout, built>, its CLI and server are timed in the same runs, for a
// before/after in one run.
import { spawn, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

const ROOT = new URL('../../', import.meta.url).pathname;
const BASE = process.env.BASE_ROOT ? `${process.env.BASE_ROOT.replace(/\/$/, '')}/` : undefined;
const cliOf = (root) => `${root}packages/cli/bin/rubric.js`;
const serverOf = (root) => `${root}packages/language-server/bin/rubric-language-server.js`;
const SEED = `${ROOT}rubrics/jiaxing-2016.rubric`;
const runs = Number(process.argv[2] ?? 11);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function wholeProcess(args) {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'ignore'] });
  if (r.error) throw r.error;
  return performance.now() - t;
}

function frame(msg) {
  const body = Buffer.from(JSON.stringify(msg), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
}

/** Milliseconds from spawning the server to its answer to `initialize`. */
function initialize(server) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const proc = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let buf = '';
    proc.on('error', reject);
    proc.stdout.on('data', (chunk) => {
      buf += chunk.toString('utf8');
      if (!buf.includes('"id":1')) return;
      const ms = performance.now() - t;
      proc.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));
      proc.stdin.write(frame({ jsonrpc: '2.0', method: 'exit' }));
      proc.on('exit', () => resolve(ms));
    });
    proc.stdin.write(
      frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: pathToFileURL(ROOT).href, capabilities: {}, workspaceFolders: null } }),
    );
  });
}

const node = [];
const check = [];
const lsp = [];
const baseCheck = [];
const baseLsp = [];
for (let i = 0; i < runs; i++) {
  // Interleaved, so that all see the same machine load.
  node.push(wholeProcess(['-e', '0']));
  check.push(wholeProcess([cliOf(ROOT), 'check', SEED]));
  lsp.push(await initialize(serverOf(ROOT)));
  if (BASE) {
    baseCheck.push(wholeProcess([cliOf(BASE), 'check', SEED]));
    baseLsp.push(await initialize(serverOf(BASE)));
  }
}
const n = median(node);
const row = (label, xs) => {
  const m = median(xs);
  console.log(`  ${label.padEnd(40)} ${m.toFixed(0).padStart(5)} ms   (${(m - n).toFixed(0)} ms over node)`);
};
console.log(`node ${process.version}, median of ${runs} fresh processes`);
console.log(`  ${'node -e 0'.padEnd(40)} ${n.toFixed(0).padStart(5)} ms`);
row('rubric check jiaxing-2016.rubric', check);
row('language server → initialize', lsp);
if (BASE) {
  row('BASE_ROOT: rubric check jiaxing-2016.rubric', baseCheck);
  row('BASE_ROOT: language server → initialize', baseLsp);
}
