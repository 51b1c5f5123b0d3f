/**
 * `.dockerignore` with BuildKit's semantics (moby/patternmatcher + ignorefile): lines starting with
 * `#` are comments, whitespace is trimmed, `!` re-includes, patterns are cleaned like paths and a
 * leading `/` is dropped; `*` and `?` stay inside one path segment, `**` crosses segments; a path is
 * excluded when it or one of its parent folders matches, and the last matching pattern wins.
 *
 * Our own implementation rather than `@balena/dockerignore`: that package requires Node's `path`
 * (not browser-safe) and ports the older `Matches` parent check, where BuildKit now uses
 * `MatchesOrParentMatches`; we also need the line and kind of each pattern for messages and for
 * BuildKit's `CopyIgnoredFile` conditions.
 */
import { cleanPath, dirname } from './paths.js';
import { goPatternError } from './glob.js';

export type MatchKind = 'exact' | 'prefix' | 'suffix' | 'regexp';

export interface IgnorePattern {
  /** 1-based line in the ignore file. */
  readonly line: number;
  /** The line as written, trimmed. */
  readonly source: string;
  /** The cleaned pattern without its `!`. */
  readonly pattern: string;
  /** A `!` exception: re-includes what earlier patterns excluded. */
  readonly exclusion: boolean;
  readonly kind: MatchKind;
  matches(path: string): boolean;
}

export interface IgnoreProblem {
  readonly line: number;
  readonly message: string;
}

export interface IgnoreFile {
  /** Context-relative path of the file (`.dockerignore` or `<Dockerfile>.dockerignore`). */
  readonly path: string;
  readonly text: string;
  readonly patterns: readonly IgnorePattern[];
  /** Some pattern starts with `!` (BuildKit then skips its `CopyIgnoredFile` check). */
  readonly hasExclusions: boolean;
  /** Patterns BuildKit rejects (the build fails on them); they are left out of matching. */
  readonly problems: readonly IgnoreProblem[];
}

const SHOULD_ESCAPE = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);
const U_ESCAPABLE = /[\\^$.*+?()[\]{}|/]/;

function compile(cleaned: string): { kind: MatchKind; re: RegExp | null } {
  const cp = Array.from(cleaned);
  let reg = '^';
  let kind: MatchKind = 'exact';
  let k = 0;
  for (let iter = 0; k < cp.length; iter++) {
    const ch = cp[k++] as string;
    if (ch === '*') {
      if (cp[k] === '*') {
        k++;
        if (cp[k] === '/') k++;
        if (k >= cp.length) {
          // `**` at the end matches everything below, like .gitignore.
          if (kind === 'exact') kind = 'prefix';
          else {
            reg += '.*';
            kind = 'regexp';
          }
        } else {
          // Any number of segments, including none.
          reg += '(.*/)?';
          kind = 'regexp';
        }
        if (iter === 0) kind = 'suffix';
      } else {
        reg += '[^/]*';
        kind = 'regexp';
      }
    } else if (ch === '?') {
      reg += '[^/]';
      kind = 'regexp';
    } else if (SHOULD_ESCAPE.has(ch)) {
      reg += '\\' + ch;
    } else if (ch === '\\') {
      const next = cp[k++];
      if (next === undefined) reg += '\\\\';
      else {
        reg += U_ESCAPABLE.test(next) ? '\\' + next : next;
        kind = 'regexp';
      }
    } else if (ch === '[' || ch === ']') {
      reg += ch;
      kind = 'regexp';
    } else {
      reg += ch;
    }
  }
  if (kind !== 'regexp') return { kind, re: null };
  reg += '$';
  for (const flags of ['u', '']) {
    try {
      return { kind, re: new RegExp(reg, flags) };
    } catch {
      // Try without the `u` flag, then give up on the pattern.
    }
  }
  return { kind, re: null };
}

function makePattern(line: number, source: string, pattern: string, exclusion: boolean): IgnorePattern {
  const { kind, re } = compile(pattern);
  let matches: (path: string) => boolean;
  switch (kind) {
    case 'exact':
      matches = (path) => path === pattern;
      break;
    case 'prefix': {
      const prefix = pattern.slice(0, -2);
      matches = (path) => path.startsWith(prefix);
      break;
    }
    case 'suffix': {
      const suffix = pattern.slice(2);
      matches = (path) => path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
      break;
    }
    case 'regexp':
      matches = re ? (path) => re.test(path) : () => false;
      break;
  }
  return { line, source, pattern, exclusion, kind, matches };
}

/** Parses an ignore file the way BuildKit reads it. */
export function parseDockerignore(text: string, path = '.dockerignore'): IgnoreFile {
  const patterns: IgnorePattern[] = [];
  const problems: IgnoreProblem[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (index === 0 && line.startsWith('\uFEFF')) line = line.slice(1);
    if (line.startsWith('#')) return;
    let p = line.trim();
    if (p === '') return;
    const invert = p.startsWith('!');
    if (invert) p = p.slice(1).trim();
    if (p.length > 0) {
      p = cleanPath(p);
      if (p.length > 1 && p.startsWith('/')) p = p.slice(1);
    }
    // The matcher cleans once more, then takes the `!` off.
    if (invert && p === '') {
      problems.push({ line: index + 1, message: 'illegal exclusion pattern: "!"' });
      return;
    }
    const cleaned = cleanPath(p);
    const error = goPatternError(cleaned);
    if (error) {
      problems.push({ line: index + 1, message: `syntax error in pattern '${cleaned}': ${error}` });
      return;
    }
    patterns.push(makePattern(index + 1, line.trim(), cleaned, invert));
  });
  return { path, text, patterns, hasExclusions: patterns.some((p) => p.exclusion), problems };
}

export interface IgnoreDecision {
  readonly excluded: boolean;
  /** The last pattern that excluded the path (null when it is not excluded). */
  readonly pattern: IgnorePattern | null;
}

/**
 * BuildKit's `MatchesOrParentMatches`: walks the patterns in order; an exclusion pattern is only
 * tried while the path is excluded and an inclusion pattern only while it is not; each pattern is
 * tried on the path and then on each of its parent folders.
 */
export function decide(patterns: readonly IgnorePattern[], path: string): IgnoreDecision {
  let excluded = false;
  let by: IgnorePattern | null = null;
  const parent = dirname(path);
  const parents = parent === '.' ? [] : parent.split('/');
  for (const pattern of patterns) {
    if (pattern.exclusion !== excluded) continue;
    let match = pattern.matches(path);
    if (!match) {
      let prefix = '';
      for (const seg of parents) {
        prefix = prefix === '' ? seg : `${prefix}/${seg}`;
        if (pattern.matches(prefix)) {
          match = true;
          break;
        }
      }
    }
    if (match) {
      excluded = !pattern.exclusion;
      by = excluded ? pattern : null;
    }
  }
  return { excluded, pattern: by };
}

export function isExcluded(file: IgnoreFile | null, path: string): boolean {
  return file !== null && decide(file.patterns, path).excluded;
}

/**
 * BuildKit's `CopyIgnoredFile` condition for one cleaned COPY/ADD source: never when the file has
 * `!` exceptions; the context root (`.`, `/`) only when a pattern is exactly `*`, `**` or `**\/*`.
 */
export function copyIgnoredBy(file: IgnoreFile | null, cleanedSource: string): IgnorePattern | null {
  if (!file || file.hasExclusions) return null;
  if (cleanedSource === '.' || cleanedSource === '/') {
    return file.patterns.find((p) => !p.exclusion && (p.pattern === '*' || p.pattern === '**' || p.pattern === '**/*')) ?? null;
  }
  return decide(file.patterns, cleanedSource).pattern;
}
