// Reading rubric files from disk, for the hosts of the CLI and of the language server. Core decides
// from a path alone whether an import may be read (imports.ts in core); this is the half only the
// file system can answer. A file is read only when:
// - it is a regular file: a folder, a device (/dev/zero), a pipe or a socket is refused after a
//   `stat`, without ever being opened, so a named pipe can never make a read hang;
// - its real path, symbolic links resolved, lies inside one of the allowed roots (their real paths);
// - it is no larger than LIMITS.fileBytes: at most limit + 1 bytes are ever read, so memory stays
//   bounded even if the file grows while it is read.
// The file is opened non-blocking and without following a last symbolic link, and `fstat` of the
// open descriptor must show the same regular file that was checked, so swapping the path for a pipe
// or a link between the checks and the open is refused too. Nothing of a refused file is returned.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { resolve, sep } from 'node:path';
import { LIMITS, type ReadRefusal } from '@rubric/core';

export interface DiskFile {
  bytes: Uint8Array;
  /** Modification time when it was read, to notice later changes. */
  mtimeMs: number;
}

/** Error codes that mean the file is not there (rather than there but unreadable). */
const MISSING = new Set(['ENOENT', 'ENOTDIR']);

function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '';
}

/** The real path of a root, or undefined when it does not exist. */
function realRoot(root: string): string | undefined {
  try {
    return realpathSync(resolve(root === '' ? '.' : root));
  } catch {
    return undefined;
  }
}

/** True when the real path `real` lies inside one of the real roots. */
export function insideRoots(real: string, roots: readonly string[]): boolean {
  for (const root of roots) {
    const r = realRoot(root);
    if (r === undefined) continue;
    if (real === r || real.startsWith(r.endsWith(sep) ? r : r + sep)) return true;
  }
  return false;
}

/**
 * Reads `path` for a Host: its bytes, undefined when it does not exist (a dangling symbolic link
 * included), or why it is refused. `roots` are the folders it must really lie in.
 */
export function readRubricFile(path: string, roots: readonly string[], limit: number = LIMITS.fileBytes): DiskFile | ReadRefusal | undefined {
  const abs = resolve(path);
  let st: Stats;
  let real: string;
  try {
    st = statSync(abs);
    real = realpathSync(abs);
  } catch (e) {
    return MISSING.has(errorCode(e)) ? undefined : { refused: 'unreadable' };
  }
  if (!insideRoots(real, roots)) return { refused: 'outside' };
  if (!st.isFile()) return { refused: 'notFile' };
  if (st.size > limit) return { refused: 'tooLarge' };
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (e) {
    return MISSING.has(errorCode(e)) ? undefined : { refused: 'unreadable' };
  }
  try {
    const now = fstatSync(fd);
    if (!now.isFile() || now.ino !== st.ino || now.dev !== st.dev) return { refused: 'notFile' };
    // One byte more than the size, to see the end; the buffer grows (up to limit + 1) if the file did.
    let buf = Buffer.alloc(Math.min(now.size, limit) + 1);
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > limit) return { refused: 'tooLarge' };
        const bigger = Buffer.alloc(Math.min(buf.length * 2, limit + 1));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
    }
    if (n > limit) return { refused: 'tooLarge' };
    return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, n), mtimeMs: now.mtimeMs };
  } catch {
    return { refused: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}
