// Bundles the language server and everything it imports into one file, dist/server.cjs, as the CLI
// does (packages/cli/scripts/bundle.mjs): loading one file instead of the hundreds of small modules
// Chevrotain and vscode-languageserver consist of lets the server answer `initialize` several times
// sooner. bin/rubric-language-server.js runs the bundle.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../dist/main.js', import.meta.url).pathname],
  outfile: new URL('../dist/server.cjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
});

// V8's code cache for the bundle (read by bin/rubric-language-server.js through @rubric/node-host's
// run-bundle): written when a sample session ends (initialize, open a rubric, its diagnostics,
// shutdown), so that it holds the functions a session compiles, not only the bundle's top level.
const { spawn } = await import('node:child_process');
const { fileURLToPath, pathToFileURL } = await import('node:url');
const { SAMPLE, WRITE_CODE_CACHE } = await import('@rubric/node-host/run-bundle');
const bin = fileURLToPath(new URL('../bin/rubric-language-server.js', import.meta.url));
await new Promise((resolve, reject) => {
  const proc = spawn(process.execPath, [bin, '--stdio'], { env: { ...process.env, [WRITE_CODE_CACHE]: '1' }, stdio: ['pipe', 'pipe', 'inherit'] });
  const timer = setTimeout(() => {
    proc.kill();
    reject(new Error('the language server did not finish its sample session in 60 s'));
  }, 60_000);
  const send = (msg) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
    proc.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  };
  const uri = pathToFileURL('/sample/sample.rubric').href;
  let buf = Buffer.alloc(0);
  proc.stdout.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const head = buf.indexOf('\r\n\r\n');
      if (head < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, head).toString())?.[1]);
      if (buf.length < head + 4 + length) return;
      const msg = JSON.parse(buf.subarray(head + 4, head + 4 + length).toString('utf8'));
      buf = buf.subarray(head + 4 + length);
      if (msg.method === 'window/logMessage' && msg.params.type === 1) {
        // An error logged by the server: the sample session is broken, not merely uncached.
        proc.kill();
        reject(new Error(`the language server failed its sample session: ${msg.params.message}`));
      } else if (msg.method === 'textDocument/publishDiagnostics') {
        if (msg.params.uri === uri) send({ id: 2, method: 'textDocument/semanticTokens/full', params: { textDocument: { uri } } });
      } else if (msg.method !== undefined) {
        // A request from the server (configuration, registration): answered with nothing.
        if (msg.id !== undefined) send({ id: msg.id, result: null });
      } else if (msg.id === 1) {
        send({ method: 'initialized', params: {} });
        send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'rubric', version: 1, text: SAMPLE } } });
      } else if (msg.id === 2) send({ id: 3, method: 'shutdown' });
      else if (msg.id === 3) send({ method: 'exit' });
    }
  });
  proc.on('error', reject);
  proc.on('exit', (code) => {
    clearTimeout(timer);
    if (code === 0) resolve();
    else reject(new Error(`the language server's sample session ended with ${code}`));
  });
  send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } } });
});
