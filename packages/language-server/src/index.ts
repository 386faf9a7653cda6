// Public API of @rubric/language-server: start the server on any connection.
export { startServer, FEATURES, type ServerOptions } from './server.js';
export type { Feature } from './context.js';
