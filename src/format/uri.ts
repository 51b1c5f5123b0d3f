/** A path as a URI reference (RFC 3986) for SARIF: relative paths stay relative, absolute ones become `file:` URIs. */
export interface PathUri {
  readonly uri: string;
  /** True when `uri` is a relative reference (to be resolved against the source root). */
  readonly relative: boolean;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Percent-encodes one path segment: all but RFC 3986 unreserved characters and `!*'()` (valid in a segment). */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment.replace(LONE_SURROGATE, '\uFFFD'));
}

function encodePath(path: string): string {
  return path.split('/').map(encodeSegment).join('/');
}

/**
 * Backslashes are taken as separators (a path given on Windows); `C:\x` and `/x` become
 * `file:///C:/x` and `file:///x`, `\\server\share` becomes `file://server/share`.
 */
export function pathToUri(path: string): PathUri {
  const p = path.replace(/\\/g, '/');
  const drive = /^([A-Za-z]):\//.exec(p);
  if (drive !== null) return { uri: `file:///${drive[1] ?? ''}:${encodePath(p.slice(2))}`, relative: false };
  if (p.startsWith('//')) {
    const rest = p.slice(2);
    const slash = rest.indexOf('/');
    const host = slash === -1 ? rest : rest.slice(0, slash);
    const tail = slash === -1 ? '' : rest.slice(slash);
    return { uri: `file://${encodeSegment(host)}${encodePath(tail)}`, relative: false };
  }
  if (p.startsWith('/')) return { uri: `file://${encodePath(p)}`, relative: false };
  return { uri: encodePath(p), relative: true };
}
