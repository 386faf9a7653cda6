// Paths of rubric files as core sees them: `/`-separated, normalized, relative imports joined to
// the importing file's folder. Pure string work: core never touches a file system.

/** Joins a relative import path to the importing file's folder, with `/` separators. */
export function resolveImport(from: string, target: string): string {
  if (target.startsWith('/') || /^[A-Za-z]:[\\/]/.test(target)) return normalizePath(target);
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  return normalizePath(dir + target);
}

export function normalizePath(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(seg);
  }
  return (abs ? '/' : '') + out.join('/');
}

export function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}
