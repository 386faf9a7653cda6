// `pnpm fuzz`: the long fuzzing run, on demand (not in CI). Runs the inputs of test/fuzz/inputs.mjs
// through the core, the formatter, the incremental reparser and the decoder in worker threads and
// prints, per target, how many inputs ran, how many threw, broke a property, were slow (over 2 s) or
// hung (no progress for 30 s once the worker has started: it is stopped and replaced), and the
// slowest input.
// Exit status 1 when anything threw, broke or hung.
//
//   node test/fuzz/run.mjs [--scale 1] [--seed 1] [--workers 2] [--only core,format]
//
// Default counts (scale 1): core 500,000, format 300,000, incremental 100,000 (each up to three
// successive edits, each reparsed both ways), bytes 150,000.
// A failure is printed with its target, seed and index; `--replay target:seed:index` runs that one
// input again in this process and prints it.
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { inputs, TARGETS } from './inputs.mjs';

const BATCH = 500;
const SLOW_MS = 2_000;
const HANG_MS = 30_000;
const COUNTS = { core: 500_000, format: 300_000, incremental: 100_000, bytes: 150_000 };

function describeError(e) {
  return e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : String(e).slice(0, 300);
}

if (!isMainThread) {
  // A worker: runs the batches it is given, with heartbeats so that a hang can be seen.
  const { target, seed } = workerData;
  const { check } = TARGETS[target];
  let last = Date.now();
  parentPort.on('message', ({ start }) => {
    const batch = inputs(target, seed, start, BATCH);
    parentPort.postMessage({ heartbeat: start });
    const report = { start, count: 0, throws: [], broken: [], slow: [], maxMs: 0, maxAt: start };
    for (let i = 0; i < batch.length; i++) {
      const t = performance.now();
      try {
        check(batch[i]);
      } catch (e) {
        const entry = { index: start + i, error: describeError(e) };
        if (e instanceof Error && e.message.startsWith('property:')) report.broken.push(entry);
        else report.throws.push(entry);
      }
      const ms = performance.now() - t;
      report.count++;
      if (ms > report.maxMs) {
        report.maxMs = ms;
        report.maxAt = start + i;
      }
      if (ms > SLOW_MS) report.slow.push({ index: start + i, ms: Math.round(ms) });
      if (Date.now() - last > 200) {
        last = Date.now();
        parentPort.postMessage({ heartbeat: start + i });
      }
    }
    parentPort.postMessage({ report });
  });
  // Loaded: from now on the watchdog counts (a loaded machine may take long to start a worker).
  parentPort.postMessage({ ready: true });
} else {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const replay = opt('replay', undefined);
  if (replay) {
    const [target, seed, index] = replay.split(':');
    const [input] = inputs(target, Number(seed), Number(index) - (Number(index) % BATCH), BATCH).slice(Number(index) % BATCH);
    console.log(JSON.stringify(input, (_k, v) => (v instanceof Uint8Array ? [...v] : v)).slice(0, 2000));
    TARGETS[target].check(input);
    console.log('passed');
    process.exit(0);
  }
  const scale = Number(opt('scale', '1'));
  const seed = Number(opt('seed', '1'));
  const workers = Math.max(1, Number(opt('workers', String(Math.min(2, availableParallelism())))));
  const only = opt('only', Object.keys(COUNTS).join(',')).split(',');
  const t0 = Date.now();
  console.log(`node ${process.version}; seed ${seed}; scale ${scale}; ${workers} worker(s)`);

  const totals = {};
  for (const target of only) {
    const total = Math.ceil((COUNTS[target] * scale) / BATCH) * BATCH;
    const stats = { inputs: 0, throws: [], broken: [], slow: [], hangs: [], maxMs: 0, maxAt: 0 };
    totals[target] = stats;
    let next = 0;
    const started = Date.now();
    await new Promise((resolveAll) => {
      let running = 0;
      const launch = () => {
        if (next >= total) {
          if (running === 0) resolveAll();
          return;
        }
        running++;
        const w = new Worker(new URL(import.meta.url), { workerData: { target, seed } });
        let start = -1;
        let current = -1;
        let beat = Date.now();
        let ready = false;
        const give = () => {
          if (next >= total) {
            clearInterval(watch);
            void w.terminate();
            running--;
            if (running === 0) resolveAll();
            return;
          }
          start = next;
          current = next;
          next += BATCH;
          beat = Date.now();
          w.postMessage({ start });
        };
        const watch = setInterval(() => {
          if (!ready || Date.now() - beat < HANG_MS) return;
          // A hang: record the input, count the rest of its batch as run, replace the worker.
          clearInterval(watch);
          stats.hangs.push({ index: current });
          stats.inputs += current - start + 1;
          void w.terminate();
          running--;
          launch();
        }, 1000);
        w.on('message', (m) => {
          beat = Date.now();
          if (m.ready) {
            ready = true;
            return;
          }
          if (m.heartbeat !== undefined) {
            current = m.heartbeat;
            return;
          }
          const r = m.report;
          stats.inputs += r.count;
          stats.throws.push(...r.throws);
          stats.broken.push(...r.broken);
          stats.slow.push(...r.slow);
          if (r.maxMs > stats.maxMs) {
            stats.maxMs = r.maxMs;
            stats.maxAt = r.maxAt;
          }
          give();
        });
        w.on('error', (e) => {
          clearInterval(watch);
          stats.throws.push({ index: current, error: `worker: ${describeError(e)}` });
          running--;
          launch();
        });
        give();
      };
      for (let i = 0; i < workers; i++) launch();
    });
    const secs = ((Date.now() - started) / 1000).toFixed(0);
    console.log(
      `${target.padEnd(12)} ${String(stats.inputs).padStart(9)} inputs  ${String(stats.throws.length).padStart(3)} throws  ${String(stats.broken.length).padStart(3)} broken  ${String(stats.slow.length).padStart(3)} slow  ${String(stats.hangs.length).padStart(3)} hangs  slowest ${stats.maxMs.toFixed(0)} ms (#${stats.maxAt})  ${secs} s`,
    );
    for (const [kind, list] of [['throw', stats.throws], ['broken', stats.broken], ['slow', stats.slow], ['hang', stats.hangs]]) {
      for (const x of list.slice(0, 5)) console.log(`  ${kind} --replay ${target}:${seed}:${x.index} ${x.error ?? (x.ms ? `${x.ms} ms` : '')}`);
    }
  }
  const all = Object.values(totals);
  const sum = (f) => all.reduce((a, s) => a + f(s), 0);
  console.log(
    `total        ${String(sum((s) => s.inputs)).padStart(9)} inputs  ${String(sum((s) => s.throws.length)).padStart(3)} throws  ${String(sum((s) => s.broken.length)).padStart(3)} broken  ${String(sum((s) => s.slow.length)).padStart(3)} slow  ${String(sum((s) => s.hangs.length)).padStart(3)} hangs  in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  process.exitCode = sum((s) => s.throws.length + s.broken.length + s.hangs.length) > 0 ? 1 : 0;
}
