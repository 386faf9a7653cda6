// Every handler runs inside a guard: an exception (from a bug or from garbage parameters) is logged
// on the client's console and answered with a ResponseError, and the server keeps running. A
// notification handler that fails is only logged, since a notification has no answer.
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

export function logError(connection: Connection, what: string, e: unknown): void {
  try {
    connection.console.error(`[rubric] ${what} failed: ${describe(e)}`);
  } catch {
    // The connection itself is gone; nothing more can be reported.
  }
}

/** Wraps a request handler. */
export function guardRequest<P, R, T>(
  connection: Connection,
  name: string,
  handler: (params: P, token: T) => R | Promise<R>,
): (params: P, token: T) => R | ResponseError<void> | Promise<R | ResponseError<void>> {
  const fail = (e: unknown): ResponseError<void> => {
    if (e instanceof ResponseError) return e as ResponseError<void>;
    logError(connection, name, e);
    return new ResponseError(ErrorCodes.InternalError, `${name}: ${e instanceof Error ? e.message : String(e)}`);
  };
  return (params, token) => {
    try {
      const r = handler(params, token);
      return r instanceof Promise ? r.catch(fail) : r;
    } catch (e) {
      return fail(e);
    }
  };
}

/** Wraps a notification handler. */
export function guardNotification<P>(connection: Connection, name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    try {
      const r = handler(params);
      if (r instanceof Promise) r.catch((e: unknown) => logError(connection, name, e));
    } catch (e) {
      logError(connection, name, e);
    }
  };
}
