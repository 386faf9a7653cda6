// The stdio entry point (`rubric-language-server --stdio`), also the entry editors bundle. A stray
// exception or rejected promise is logged to stderr and never ends the process.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

process.on('uncaughtException', (e) => process.stderr.write(`[rubric] uncaught: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`));
process.on('unhandledRejection', (e) => process.stderr.write(`[rubric] unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`));

startServer(createConnection(ProposedFeatures.all));
