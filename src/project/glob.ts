/**
 * Go's `filepath.Match` glob syntax (what BuildKit uses for wildcards in COPY sources): `*` any run
 * of characters but `/`, `?` one character but `/`, `[...]` / `[^...]` classes with ranges, `\`
 * escapes. Also the syntax check `.dockerignore` patterns go through.
 */

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/]/;
const CLASS_SPECIAL = /[\\\][^-]/;

/** Escapes a literal character for a `u`-mode RegExp, outside or inside a class. */
export function escapeChar(ch: string, inClass = false): string {
  return (inClass ? CLASS_SPECIAL : REGEX_SPECIAL).test(ch) ? '\\' + ch : ch;
}

/** Why the pattern is malformed for Go's `filepath.Match`, or null when it is well formed. */
export function goPatternError(pattern: string): string | null {
  const chars = Array.from(pattern);
  let i = 0;
  const esc = (): boolean => {
    // One class member: not `-` or `]` unescaped; `\x` takes x; something must follow it.
    const c = chars[i];
    if (c === undefined || c === '-' || c === ']') return false;
    if (c === '\\') {
      i++;
      if (chars[i] === undefined) return false;
    }
    i++;
    return chars[i] !== undefined;
  };
  while (i < chars.length) {
    const c = chars[i] as string;
    if (c === '\\') {
      if (chars[i + 1] === undefined) return 'a trailing backslash';
      i += 2;
      continue;
    }
    if (c === '[') {
      i++;
      if (chars[i] === '^') i++;
      let ranges = 0;
      for (;;) {
        if (chars[i] === ']' && ranges > 0) {
          i++;
          break;
        }
        if (!esc()) return 'an unterminated or malformed character class';
        if (chars[i] === '-') {
          i++;
          if (!esc()) return 'a malformed character range';
        }
        ranges++;
      }
      continue;
    }
    i++;
  }
  return null;
}

/** A RegExp source (without anchors) matching what the Go glob matches. Assumes a well-formed pattern. */
export function goGlobSource(pattern: string): string {
  const chars = Array.from(pattern);
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] as string;
    if (c === '*') {
      out += '[^/]*';
      i++;
    } else if (c === '?') {
      out += '[^/]';
      i++;
    } else if (c === '\\') {
      out += escapeChar(chars[i + 1] ?? '\\');
      i += 2;
    } else if (c === '[') {
      i++;
      let cls = '[';
      if (chars[i] === '^') {
        cls += '^';
        i++;
      }
      let first = true;
      while (i < chars.length && !(chars[i] === ']' && !first)) {
        let ch = chars[i] as string;
        if (ch === '\\') {
          i++;
          ch = chars[i] ?? '\\';
        }
        cls += ch === '-' && chars[i - 1] !== '\\' && !first ? '-' : escapeChar(ch, true);
        first = false;
        i++;
      }
      out += cls + ']';
      i++;
    } else {
      out += escapeChar(c);
      i++;
    }
  }
  return out;
}

const cache = new Map<string, RegExp | null>();

/** Does the whole `name` match the Go glob? Malformed patterns match nothing. */
export function goGlobMatch(pattern: string, name: string): boolean {
  let re = cache.get(pattern);
  if (re === undefined) {
    re = null;
    if (goPatternError(pattern) === null) {
      try {
        re = new RegExp('^' + goGlobSource(pattern) + '$', 'u');
      } catch {
        re = null;
      }
    }
    if (cache.size > 500) cache.clear();
    cache.set(pattern, re);
  }
  return re !== null && re.test(name);
}
