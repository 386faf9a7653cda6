// What an `导入` may read. A rubric file someone sends you must not read other files on your disk, so
// core decides from the path alone, before any host is asked: the target, once normalized, must lie
// inside one of the allowed roots (the folder of the file being checked, plus the folders the host
// allows: the folders given to the CLI, the editor's workspace folders) and must be a `.rubric` file.
// The host then checks what only the file system knows (a regular file, under the size limit, whose
// real path, symbolic links resolved, is still inside the roots) and says why it refused. Every
// refusal is a coded error located on the import's path string; none ever shows anything of the
// other file's content.
import { DiagnosticBag, type Diagnostic } from './diagnostics.js';
import { normalizePath } from './ir/paths.js';
import { LIMITS } from './limits.js';
import type * as A from './syntax/ast.js';

/** Why a file was not read. `notRubric` and `outside` are decided by core; the others by the host. */
export interface ReadRefusal {
  refused: 'outside' | 'notRubric' | 'notFile' | 'tooLarge' | 'unreadable';
}

export function isRefusal(x: unknown): x is ReadRefusal {
  return typeof x === 'object' && x !== null && typeof (x as ReadRefusal).refused === 'string';
}

/** The folder of a normalized path ('' for a bare name: the current folder). */
export function folderOf(path: string): string {
  const p = normalizePath(path);
  const i = p.lastIndexOf('/');
  return i < 0 ? '' : i === 0 ? '/' : p.slice(0, i);
}

/** True when `path` lies inside `root` (both compared after normalization, as written). */
export function isInside(path: string, root: string): boolean {
  const p = normalizePath(path);
  const r = normalizePath(root);
  if (r === '') return !p.startsWith('/') && !/^[A-Za-z]:/.test(p) && p !== '..' && !p.startsWith('../');
  if (r === '/') return p.startsWith('/');
  return p === r || p.startsWith(`${r}/`);
}

/** The roots imports of `entry` may read: the entry's own folder, then the host's. */
export function importRoots(entry: string, hostRoots: readonly string[] = []): string[] {
  return [...new Set([folderOf(entry), ...hostRoots.map(normalizePath)])];
}

/** Core's verdict on an import target from its path alone: undefined when it may be read. */
export function checkImportPath(target: string, roots: readonly string[]): ReadRefusal | undefined {
  if (!roots.some((r) => isInside(target, r))) return { refused: 'outside' };
  if (!/\.rubric$/i.test(target)) return { refused: 'notRubric' };
  return undefined;
}

/** The file size limit as shown in messages. */
export function fileLimitText(): string {
  return `${LIMITS.fileBytes / 1048576} MB`;
}

/** Reports an import that could not be loaded (missing, refused by core or by the host) on its path. */
export function reportImportFailure(bag: DiagnosticBag, file: string, path: A.Text, why: ReadRefusal | undefined): void {
  const at = path.range;
  const shown = path.value;
  switch (why?.refused) {
    case undefined:
      bag.add('RUB102', file, at, { path: shown });
      break;
    case 'outside':
      bag.add('RUB115', file, at, { path: shown });
      break;
    case 'notRubric':
      bag.add('RUB116', file, at, { path: shown });
      break;
    case 'tooLarge':
      bag.add('RUB118', file, at, { path: shown, limit: fileLimitText() });
      break;
    case 'notFile':
    case 'unreadable':
      bag.add('RUB117', file, at, { path: shown, reason: `@read.${why.refused}` });
      break;
  }
}

/** The diagnostic, at the start of the file, that says why the file being checked could not be read. */
export function unreadableDiagnostic(file: string, why: ReadRefusal | undefined): Diagnostic {
  const bag = new DiagnosticBag();
  reportUnreadable(bag, file, why);
  return bag.items[0]!;
}

/** Reports, at the start of the file, why the file being checked could not be read. */
export function reportUnreadable(bag: DiagnosticBag, file: string, why: ReadRefusal | undefined): void {
  const at = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  if (why?.refused === 'tooLarge') bag.add('RUB010', file, at, { limit: fileLimitText() });
  else bag.add('RUB018', file, at, { reason: `@read.${why?.refused === 'notRubric' ? 'notFile' : (why?.refused ?? 'missing')}` });
}

/** RUB902 at the start of a file whose check failed with `e` (a bug), so that the other files are still checked. */
export function internalErrorDiagnostic(file: string, e: unknown): Diagnostic {
  const bag = new DiagnosticBag();
  const at = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
  return bag.add('RUB902', file, at, { error: e instanceof Error ? e.message : String(e) });
}
