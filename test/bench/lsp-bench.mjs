// Language-server benchmark (not a test: it prints figures, no pass/fail). Talks to a real server
// process over stdio, as an editor does, and prints:
//   - seed size: keystroke → diagnostics (didChange → publishDiagnostics of that version) p50/p95 over
//     100 edits of a leaf's points, in the largest seed rubric of rubrics/ (or --seed FILE);
//   - 10k: didOpen → first diagnostics, and keystroke → diagnostics p50/p95 over 100 edits of a leaf's
//     points, in a generated rubric of about 10,000 indicators (4 levels, codes, bands on every leaf);
//   - at both sizes, typing → diagnostics over 60 keystrokes that insert a character after a leaf's
//     points and delete it again (edits that change the text's length).
// Each figure comes with the CPU time the server process used for it (Linux), which, unlike the
// latency, does not grow when other work shares the machine's cores.
// The edits are the same on every run (seeded). Diagnostics are asked for without debounce
// (initializationOptions.debounceMs 0), so the figures are the server's own work.
// `--server PATH` (repeatable) names the server entry scripts to measure, one after the other in the
// same run (e.g. a build of the previous version, then this one); by default this build's.
// `--requests` also times hover, completion and the whole-document requests at 10k; `--seed-only`
// skips the 10k case.
// Run with `pnpm bench:lsp` (builds first). To profile a server, pass node options for it in
// LSP_BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p".
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allIndicators, compile } from '@rubric/core';
import { readRubricFile } from '@rubric/node-host';

const ROOT = new URL('../../', import.meta.url).pathname;
const args = process.argv.slice(2);
const valuesOf = (flag) => args.flatMap((a, i) => (a === flag && args[i + 1] ? [args[i + 1]] : []));
const SERVERS = valuesOf('--server').map((p) => resolve(p));
if (SERVERS.length === 0) SERVERS.push(join(ROOT, 'packages/language-server/bin/rubric-language-server.js'));
const REQUESTS = args.includes('--requests');
const SEED_ONLY = args.includes('--seed-only');
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

/** The seed rubric to measure: --seed FILE, else the one of rubrics/ with the most indicators. */
function seedRubric() {
  const host = { readFile: (p, roots) => readRubricFile(p, roots)?.bytes };
  const compiled = (file) => compile(file, host);
  const named = valuesOf('--seed')[0];
  const files = named ? [resolve(named)] : readdirSync(join(ROOT, 'rubrics')).filter((f) => f.endsWith('.rubric')).map((f) => join(ROOT, 'rubrics', f));
  let best;
  for (const file of files) {
    const r = compiled(file);
    const count = r.rubrics.reduce((n, x) => n + allIndicators(x).length, 0);
    if (!best || count > best.count) best = { file, count, rubrics: r.rubrics };
  }
  const text = readFileSync(best.file, 'utf8');
  const lines = text.split(/\r?\n/);
  // Leaves whose points are written as a plain number in this file: an edit changes that number.
  const leaves = [];
  for (const r of best.rubrics) {
    for (const ind of allIndicators(r)) {
      const at = ind.pointsRange;
      if (ind.children.length > 0 || !at || at.file !== best.file || at.start.line !== at.end.line) continue;
      const written = lines[at.start.line - 1].slice(at.start.column - 1, at.end.column - 1);
      if (written === String(ind.points)) leaves.push({ line: at.start.line - 1, points: at.start.column - 1, written });
    }
  }
  return { file: best.file, text, indicators: best.count, leaves };
}

/** A tiny JSON-RPC client over Content-Length framing. */
function connect(proc) {
  // Chunks are joined only once a whole message has arrived (a large message comes in many chunks,
  // and joining at every chunk would charge the server for the client's copying).
  let chunks = [];
  let have = 0;
  let need = 0;
  let nextId = 1;
  const pending = new Map();
  const listeners = [];
  proc.stdout.on('data', (chunk) => {
    // A message counts as arrived when its last chunk did (not once the client has parsed it).
    const now = performance.now();
    chunks.push(chunk);
    have += chunk.length;
    if (have < need) return;
    let buf = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, have);
    chunks = [buf];
    need = 0;
    for (;;) {
      const sep = buf.indexOf('\r\n\r\n');
      if (sep < 0) break;
      const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, sep).toString())[1]);
      if (buf.length < sep + 4 + len) {
        need = sep + 4 + len;
        break;
      }
      const msg = JSON.parse(buf.subarray(sep + 4, sep + 4 + len).toString('utf8'));
      buf = buf.subarray(sep + 4 + len);
      chunks = buf.length > 0 ? [buf] : [];
      have = buf.length;
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

/**
 * CPU time (user + system, ms) the process has used so far, from /proc (Linux; undefined elsewhere).
 * Unlike latency it does not count time the server waited for a core, so it stays comparable when
 * other work shares the machine.
 */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}
const CLOCK_TICKS = 100; // USER_HZ, 100 on Linux

const perEdit = (a, b, n) => (a === undefined || b === undefined ? 'n/a' : `${((b - a) / n).toFixed(1)} ms`);

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms (n=${s.length})`;
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

/** The leaf's points with their first digit changed (same length, so the leaf keeps its place). */
function otherPoints(written) {
  const k = written.search(/\d/);
  return `${written.slice(0, k)}${(Number(written[k]) + 1) % 10}${written.slice(k + 1)}`;
}

/**
 * Opens `doc` in a fresh server process and measures didOpen → first diagnostics, then keystroke →
 * diagnostics over 100 edits of leaves' points (each edit toggles one leaf between two values).
 */
async function session(server, doc, requests) {
  const nodeArgs = (process.env.LSP_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const proc = spawn(process.execPath, [...nodeArgs, server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const rpc = connect(proc);
  const random = prng(20261122);
  const uri = doc.uri;
  try {
    await rpc.request('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
    rpc.notify('initialized', {});
    let version = 1;
    const isDiag = (v) => (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === v;
    let t0 = performance.now();
    const cpu0 = cpuMs(proc.pid);
    let waiting = rpc.waitFor(isDiag(version));
    rpc.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rubric', version, text: doc.text } });
    let got = await waiting;
    const open = got.now - t0;
    const cpu1 = cpuMs(proc.pid);

    const current = new Map();
    const keystroke = [];
    for (let i = 0; i < 100; i++) {
      const leaf = doc.leaves[Math.floor(random() * doc.leaves.length)];
      const now = current.get(leaf) ?? leaf.written;
      const next = now === leaf.written ? otherPoints(leaf.written) : leaf.written;
      current.set(leaf, next);
      version++;
      const range = { start: { line: leaf.line, character: leaf.points }, end: { line: leaf.line, character: leaf.points + now.length } };
      waiting = rpc.waitFor(isDiag(version));
      t0 = performance.now();
      rpc.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: next }] });
      got = await waiting;
      keystroke.push(got.now - t0);
    }
    const cpu2 = cpuMs(proc.pid);
    // Typing: a character typed after a leaf's points, then deleted (the text's length changes, so
    // everything after the edit moves).
    const typing = [];
    let typed;
    for (let i = 0; i < 60; i++) {
      const leaf = typed ?? doc.leaves[Math.floor(random() * doc.leaves.length)];
      const end = leaf.points + (current.get(leaf) ?? leaf.written).length;
      const change = typed ? { range: { start: { line: leaf.line, character: end }, end: { line: leaf.line, character: end + 1 } }, text: '' } : { range: { start: { line: leaf.line, character: end }, end: { line: leaf.line, character: end } }, text: '0' };
      typed = typed ? undefined : leaf;
      version++;
      waiting = rpc.waitFor(isDiag(version));
      t0 = performance.now();
      rpc.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      got = await waiting;
      typing.push(got.now - t0);
    }
    const cpu3 = cpuMs(proc.pid);
    const cpu = { open: perEdit(cpu0, cpu1, 1), keystroke: perEdit(cpu1, cpu2, keystroke.length), typing: perEdit(cpu2, cpu3, typing.length) };
    const out = { open, keystroke, typing, cpu, diagnostics: got.msg.params.diagnostics.length };
    if (requests) await timeRequests(rpc, doc);
    await rpc.request('shutdown', null);
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    rpc.notify('exit', null);
    // A profiled server writes its profile on exit: give it time.
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);
    return out;
  } finally {
    if (proc.exitCode === null) proc.kill();
  }
}

/** Hover, completion and the whole-document requests an editor sends when it shows the file. */
async function timeRequests(rpc, doc) {
  const random = prng(20261123);
  const uri = doc.uri;
  const hoverTimes = [];
  for (let i = 0; i < 100; i++) {
    const leaf = doc.leaves[Math.floor(random() * doc.leaves.length)];
    const t0 = performance.now();
    const r = await rpc.request('textDocument/hover', { textDocument: { uri }, position: { line: leaf.line, character: leaf.title + 2 } });
    if (!r.msg.result) throw new Error('hover returned nothing');
    hoverTimes.push(r.now - t0);
  }
  console.log(`  hover on an indicator title: ${stats(hoverTimes)}`);
  const completionTimes = [];
  for (let i = 0; i < 100; i++) {
    const leaf = doc.leaves[Math.floor(random() * doc.leaves.length)];
    const t0 = performance.now();
    const r = await rpc.request('textDocument/completion', { textDocument: { uri }, position: { line: leaf.line + 1, character: 10 } });
    if (!r.msg.result || r.msg.result.items.length === 0) throw new Error('completion returned nothing');
    completionTimes.push(r.now - t0);
  }
  console.log(`  completion at the start of a statement: ${stats(completionTimes)}`);
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
      const t0 = performance.now();
      const r = await rpc.request(method, params);
      if (r.msg.error) throw new Error(`${method}: ${r.msg.error.message}`);
      times.push(r.now - t0);
    }
    console.log(`  ${method}: median ${stats(times).split(',')[0].replace('p50 ', '')}`);
  }
}

const seed = seedRubric();
const big = generate();
const dir = mkdtempSync(join(tmpdir(), 'rubric-lsp-bench-'));
const bigFile = join(dir, 'bench.rubric');
writeFileSync(bigFile, big.text);
const docs = {
  seed: { uri: pathToFileURL(seed.file).href, text: seed.text, leaves: seed.leaves },
  big: { uri: pathToFileURL(bigFile).href, text: big.text, leaves: big.leaves.map((l) => ({ ...l, written: '1' })) },
};
console.log(`seed: ${seed.file.slice(ROOT.length)}, ${seed.indicators} indicators (${seed.leaves.length} leaves edited)`);
console.log(`10k: ${big.indicators} indicators (${big.leaves.length} leaves with 3 bands each), ${big.text.split('\n').length} lines, ${(big.text.length / 1e6).toFixed(2)} M characters`);
// Case by case, each server in turn, so that the figures compared were taken close together.
const name = (i) => (SERVERS.length > 1 ? `server ${i + 1}` : 'server');
SERVERS.forEach((server, i) => console.log(`${name(i)}: ${server}`));
try {
  for (const [i, server] of SERVERS.entries()) {
    const a = await session(server, docs.seed, false);
    console.log(`${name(i)}  seed: keystroke → diagnostics ${stats(a.keystroke)}; ${a.diagnostics} diagnostics at the end; server CPU ${a.cpu.keystroke} per keystroke`);
    console.log(`${name(i)}  seed: typing → diagnostics ${stats(a.typing)}; server CPU ${a.cpu.typing} per keystroke`);
  }
  for (const [i, server] of SEED_ONLY ? [] : SERVERS.entries()) {
    const b = await session(server, docs.big, REQUESTS);
    console.log(`${name(i)}  10k: didOpen → first diagnostics ${b.open.toFixed(1)} ms; server CPU ${b.cpu.open}`);
    console.log(`${name(i)}  10k: keystroke → diagnostics ${stats(b.keystroke)}; ${b.diagnostics} diagnostics at the end; server CPU ${b.cpu.keystroke} per keystroke`);
    console.log(`${name(i)}  10k: typing → diagnostics ${stats(b.typing)}; server CPU ${b.cpu.typing} per keystroke`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
