// Language-server benchmark (not a test: it prints figures, no pass/fail). Generates a rubric of
// about 10,000 indicators (4 levels, codes, bands on every leaf), opens it in the built server over
// stdio, then measures:
//   - didChange → publishDiagnostics for 100 edits that each change one leaf's points (matched by
//     document version);
//   - hover on an indicator title and completion at the start of a statement (100 requests each);
//   - the whole-document requests an editor sends when it shows the file (5 each).
// Prints median and p95 in milliseconds. Run with `pnpm bench:lsp` (builds first). To profile the
// server, pass node options for it in LSP_BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p".
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const SERVER = new URL('../../packages/language-server/bin/rubric-language-server.js', import.meta.url).pathname;
const N = 10; // 10 × 10 × 10 × 10 leaves

function generate() {
  const lines = ['评估表 "基准测试：一万个指标" {', `  总分 ${N ** 4}`];
  const leaves = [];
  for (let a = 1; a <= N; a++) {
    lines.push(`  指标 ${a} "一级指标${a}" ${N ** 3} {`);
    for (let b = 1; b <= N; b++) {
      lines.push(`    指标 ${a}.${b} "二级指标${a}.${b}" ${N ** 2} {`);
      for (let c = 1; c <= N; c++) {
        lines.push(`      指标 ${a}.${b}.${c} "三级指标${a}.${b}.${c}" ${N} {`);
        for (let d = 1; d <= N; d++) {
          const title = `四级指标${a}.${b}.${c}.${d}`;
          const head = `        指标 ${a}.${b}.${c}.${d} "${title}" `;
          leaves.push({ line: lines.length, points: head.length, title: head.indexOf('"') + 1 });
          lines.push(`${head}1 {`, '          档 "好" 1', '          档 "中" 0.5', '          档 "差" 0', '        }');
        }
        lines.push('      }');
      }
      lines.push('    }');
    }
    lines.push('  }');
  }
  lines.push('}', '');
  return { text: lines.join('\n'), leaves, indicators: N + N ** 2 + N ** 3 + N ** 4 };
}

/** A tiny JSON-RPC client over Content-Length framing. */
function connect(proc) {
  let buf = Buffer.alloc(0);
  let nextId = 1;
  const pending = new Map();
  const listeners = [];
  proc.stdout.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const sep = buf.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, sep).toString())[1]);
      if (buf.length < sep + 4 + len) return;
      const msg = JSON.parse(buf.subarray(sep + 4, sep + 4 + len).toString('utf8'));
      buf = buf.subarray(sep + 4 + len);
      const now = performance.now();
      if (msg.id !== undefined && pending.has(msg.id)) {
        pending.get(msg.id)({ msg, now });
        pending.delete(msg.id);
      } else if (msg.id !== undefined && msg.method) {
        send({ jsonrpc: '2.0', id: msg.id, result: null });
      } else for (const l of listeners) l(msg, now);
    }
  });
  const send = (m) => {
    const body = Buffer.from(JSON.stringify(m), 'utf8');
    proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    proc.stdin.write(body);
  };
  return {
    request(method, params) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        send({ jsonrpc: '2.0', id, method, params });
      });
    },
    notify(method, params) {
      send({ jsonrpc: '2.0', method, params });
    },
    /** Resolves with the arrival time of the first notification that satisfies `pred`. */
    waitFor(pred) {
      return new Promise((resolve) => {
        const l = (msg, now) => {
          if (!pred(msg)) return;
          listeners.splice(listeners.indexOf(l), 1);
          resolve({ msg, now });
        };
        listeners.push(l);
      });
    },
  };
}

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms (n=${s.length})`;
}

/** A small deterministic PRNG, so that every run makes the same edits. */
function prng(seed) {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const { text, leaves, indicators } = generate();
const dir = mkdtempSync(join(tmpdir(), 'rubric-lsp-bench-'));
const file = join(dir, 'bench.rubric');
writeFileSync(file, text);
const uri = pathToFileURL(file).href;

const nodeArgs = (process.env.LSP_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
const proc = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const rpc = connect(proc);
const random = prng(20261122);

try {
  await rpc.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
  rpc.notify('initialized', {});
  console.log(`rubric: ${indicators} indicators (${leaves.length} leaves with 3 bands each), ${text.split('\n').length} lines, ${(text.length / 1e6).toFixed(2)} M characters`);

  let version = 1;
  const isDiag = (v) => (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === v;
  let t0 = performance.now();
  let waiting = rpc.waitFor(isDiag(version));
  rpc.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rubric', version, text } });
  let got = await waiting;
  console.log(`didOpen → first diagnostics: ${(got.now - t0).toFixed(1)} ms`);

  const changed = new Set();
  const diagTimes = [];
  for (let i = 0; i < 100; i++) {
    const leaf = leaves[Math.floor(random() * leaves.length)];
    const key = leaf.line;
    const newText = changed.has(key) ? '1' : '2';
    if (changed.has(key)) changed.delete(key);
    else changed.add(key);
    version++;
    const range = { start: { line: leaf.line, character: leaf.points }, end: { line: leaf.line, character: leaf.points + 1 } };
    waiting = rpc.waitFor(isDiag(version));
    t0 = performance.now();
    rpc.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: newText }] });
    got = await waiting;
    diagTimes.push(got.now - t0);
  }
  console.log(`didChange → publishDiagnostics (100 edits of one leaf's points): ${stats(diagTimes)}; ${got.msg.params.diagnostics.length} diagnostics at the end`);

  const hoverTimes = [];
  for (let i = 0; i < 100; i++) {
    const leaf = leaves[Math.floor(random() * leaves.length)];
    t0 = performance.now();
    const r = await rpc.request('textDocument/hover', { textDocument: { uri }, position: { line: leaf.line, character: leaf.title + 2 } });
    if (!r.msg.result) throw new Error('hover returned nothing');
    hoverTimes.push(r.now - t0);
  }
  console.log(`hover on an indicator title: ${stats(hoverTimes)}`);

  const completionTimes = [];
  for (let i = 0; i < 100; i++) {
    const leaf = leaves[Math.floor(random() * leaves.length)];
    t0 = performance.now();
    const r = await rpc.request('textDocument/completion', { textDocument: { uri }, position: { line: leaf.line + 1, character: 10 } });
    if (!r.msg.result || r.msg.result.items.length === 0) throw new Error('completion returned nothing');
    completionTimes.push(r.now - t0);
  }
  console.log(`completion at the start of a statement: ${stats(completionTimes)}`);

  // Whole-document requests an editor sends when the file is shown (median of 5 each).
  const whole = [
    ['textDocument/documentSymbol', { textDocument: { uri } }],
    ['textDocument/foldingRange', { textDocument: { uri } }],
    ['textDocument/semanticTokens/full', { textDocument: { uri } }],
    ['textDocument/semanticTokens/range', { textDocument: { uri }, range: { start: { line: 26000, character: 0 }, end: { line: 26100, character: 0 } } }],
    ['textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 26000, character: 0 }, end: { line: 26100, character: 0 } } }],
    ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } }],
  ];
  for (const [method, params] of whole) {
    const times = [];
    for (let i = 0; i < 5; i++) {
      t0 = performance.now();
      const r = await rpc.request(method, params);
      if (r.msg.error) throw new Error(`${method}: ${r.msg.error.message}`);
      times.push(r.now - t0);
    }
    console.log(`${method}: median ${stats(times).split(',')[0].replace('median ', '')}`);
  }

  await rpc.request('shutdown', null);
  rpc.notify('exit', null);
} finally {
  setTimeout(() => proc.kill(), 1000).unref();
  rmSync(dir, { recursive: true, force: true });
}
