/**
 * POSIX path helpers with Go's `path.Clean` semantics (what BuildKit applies to COPY sources and
 * `.dockerignore` patterns). Context paths are relative, slash-separated, without `./`.
 */

/** Go's `path.Clean`: one slash between elements, no `.`, `..` resolved lexically, `''` → `.`. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** A COPY source or a path inside the context as a context-relative path (`.` for the root). */
export function contextPath(p: string): string {
  const c = cleanPath(p.replace(/\\/g, '/'));
  const rel = c.replace(/^\/+/, '');
  return rel === '' ? '.' : rel;
}

export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return p.slice(0, i);
}

export function basename(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  return i < 0 ? trimmed : trimmed.slice(i + 1);
}

/** Joins and cleans; an absolute later part wins. */
export function joinPath(...parts: string[]): string {
  let acc = '';
  for (const p of parts) {
    if (p === '') continue;
    acc = p.startsWith('/') || acc === '' ? p : `${acc}/${p}`;
  }
  return cleanPath(acc);
}

/** Is `p` equal to `dir` or inside it (both context-relative; `.` is the root)? */
export function isWithin(p: string, dir: string): boolean {
  if (dir === '.' || dir === '') return true;
  return p === dir || p.startsWith(dir + '/');
}

/** `p` relative to `dir` (p must be within dir). */
export function relativeTo(p: string, dir: string): string {
  if (dir === '.' || dir === '') return p;
  if (p === dir) return '.';
  return p.slice(dir.length + 1);
}

export function hasWildcard(p: string): boolean {
  return /[*?[]/.test(p);
}

/** Splits a path into its segments (`.` → none). */
export function segments(p: string): string[] {
  return p === '.' || p === '' ? [] : p.split('/');
}
