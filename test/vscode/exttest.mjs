// Runs the extension's integration tests (editors/vscode/test-integration) inside code-server's real
// extension host: the workbench honours the `extensionDevelopmentPath`/`extensionTestsPath` payload when
// code-server runs with `--vscode-option enable-smoke-test-driver`, and reports the result through
// `window.codeAutomationExit(code)`, which becomes this process's exit code (124 on timeout).
// Usage: node exttest.mjs BASE_URL EXTENSION_DIR TESTS_MODULE WORKSPACE_DIR
import { launch, remote } from './browser.mjs';

const [base, extDir, tests, workspace] = process.argv.slice(2);
if (!workspace) {
  console.error('usage: node exttest.mjs BASE_URL EXTENSION_DIR TESTS_MODULE WORKSPACE_DIR');
  process.exit(2);
}
const payload = [
  ['extensionDevelopmentPath', remote(base, extDir)],
  ['extensionTestsPath', remote(base, tests)],
  ['skipWelcome', 'true'],
];
const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
const TIMEOUT_MS = Number(process.env.EXTTEST_TIMEOUT_MS ?? 120_000);

const browser = await launch();
const page = await browser.newPage();
// The extension host's console (our test log, assertion errors) arrives as browser console messages.
page.on('console', (m) => {
  const text = m.text();
  if (/rubric|Error/i.test(text)) console.log('[browser]', text.slice(0, 600));
});
const code = await new Promise((resolve) => {
  const timer = setTimeout(() => {
    console.error(`extension tests did not finish within ${TIMEOUT_MS} ms`);
    resolve(124);
  }, TIMEOUT_MS);
  page
    .exposeFunction('codeAutomationExit', (c) => {
      clearTimeout(timer);
      resolve(c);
    })
    .then(() => page.goto(url))
    .catch((e) => {
      clearTimeout(timer);
      console.error(e);
      resolve(1);
    });
});
await browser.close();
console.log(`extension tests exit code: ${code}`);
process.exit(code);
