/**
 * The patterns of `${a#p}`, `${a%p}` and `${a/p/r}`. BuildKit turns them into a Go regular
 * expression (`*` -> `.*` or `.*?`, `?` -> `.`, everything else literal) and runs Go's leftmost-first
 * engine; this matcher gives the same match without building a RegExp:
 *
 * - `?` is one code point other than `\n`, `*` is any run of them (Go's `.` does not match `\n`);
 * - alternatives are tried in the engine's priority order (greedy: longest first; lazy: shortest
 *   first), so the first success is the match Go reports; failures are remembered per star, which
 *   keeps the search polynomial where a plain backtracker would explode;
 * - escapes: `\*` `\?` `\\` are literal, `\}` and `\/` mean `}` and `/`, any other `\c` is
 *   BuildKit's `invalid escape '\c'`.
 *
 * Positions are UTF-16 offsets that always sit on code point boundaries.
 */

const LIT = 0;
const ANY = 1;
const STAR = 2;

const NEWLINE = 10;
const BACKSLASH = 92;
const BOM = 0xfeff;

export interface Glob {
  readonly kinds: readonly number[];
  /** The literal text of LIT tokens ('' for the others). */
  readonly lits: readonly string[];
  /** For STAR tokens, their ordinal (for the failure memo). */
  readonly starOrd: readonly number[];
  readonly stars: number;
}

/** Compiles a pattern, or returns BuildKit's error text for a bad escape. */
export function compileGlob(pattern: string): Glob | string {
  const kinds: number[] = [];
  const lits: string[] = [];
  const starOrd: number[] = [];
  let stars = 0;
  let lit = '';
  const flush = (): void => {
    if (lit !== '') {
      kinds.push(LIT);
      lits.push(lit);
      starOrd.push(-1);
      lit = '';
    }
  };
  const n = pattern.length;
  // BuildKit scans the pattern with a fresh text/scanner, which drops a leading byte-order mark.
  let i = n > 0 && pattern.charCodeAt(0) === BOM ? 1 : 0;
  while (i < n) {
    const c = pattern.charCodeAt(i);
    if (c === 42 /* * */) {
      i++;
      flush();
      if (kinds.length > 0 && kinds[kinds.length - 1] === STAR) continue; // `**` matches like `*`
      kinds.push(STAR);
      lits.push('');
      starOrd.push(stars++);
      continue;
    }
    if (c === 63 /* ? */) {
      i++;
      flush();
      kinds.push(ANY);
      lits.push('');
      starOrd.push(-1);
      continue;
    }
    if (c === BACKSLASH) {
      const next = pattern.charCodeAt(i + 1); // NaN at the end
      if (next === 125 /* } */ || next === 47 /* / */) {
        i++; // the escape is not part of the pattern; the character is read as a literal next
        continue;
      }
      if (next === 42 || next === 63 || next === BACKSLASH) {
        lit += pattern[i + 1];
        i += 2;
        continue;
      }
      const cp = pattern.codePointAt(i + 1);
      return `invalid escape '\\${cp === undefined ? '\uFFFD' : String.fromCodePoint(cp)}'`;
    }
    const cp = pattern.codePointAt(i) ?? c;
    const w = cp > 0xffff ? 2 : 1;
    lit += pattern.slice(i, i + w);
    i += w;
  }
  flush();
  return { kinds, lits, starOrd, stars };
}

/**
 * Reverses a pattern code point by code point, keeping each `\c` escape pair in order
 * (`a\*c` -> `c\*a`); a trailing lone `\` ends up first, as in BuildKit.
 */
export function reverseGlobPattern(pattern: string): string {
  const cps = Array.from(pattern);
  const out: string[] = new Array<string>(cps.length);
  const last = cps.length - 1;
  for (let i = 0; i <= last; ) {
    const tok = cps[i] ?? '';
    const at = last - i;
    if (tok === '\\' && i !== last) {
      out[at - 1] = tok;
      out[at] = cps[i + 1] ?? '';
      i += 2;
    } else {
      out[at] = tok;
      i++;
    }
  }
  return out.join('');
}

/** Reverses by code points (not UTF-16 units). */
export function reverseString(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    let out = '';
    for (let i = s.length - 1; i >= 0; i--) out += s[i];
    return out;
  }
  return Array.from(s).reverse().join('');
}

function cpWidth(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

function prevBoundary(s: string, i: number): number {
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return i - 2;
  }
  return i - 1;
}

class Matcher {
  private readonly g: Glob;
  private readonly s: string;
  private readonly greedy: boolean;
  /**
   * Per star: every candidate in [doneFrom, doneEnd] is known to fail, where doneEnd is the end
   * of that line. A star entered at ti >= doneFrom on the same line fails at once, and one
   * entered earlier only tries the positions before doneFrom, so each (star, position) pair is
   * tried at most once per line: O(stars × length) where a backtracker is exponential.
   */
  private readonly doneFrom: number[];
  private readonly doneEnd: number[];

  constructor(g: Glob, s: string, greedy: boolean) {
    this.g = g;
    this.s = s;
    this.greedy = greedy;
    this.doneFrom = new Array<number>(g.stars).fill(-1);
    this.doneEnd = new Array<number>(g.stars).fill(-1);
  }

  /** End of the first match (in priority order) of tokens [pi…] starting at ti, or -1. */
  match(pi: number, ti: number): number {
    const { kinds, lits } = this.g;
    const s = this.s;
    const len = s.length;
    const n = kinds.length;
    while (pi < n) {
      const k = kinds[pi];
      if (k === LIT) {
        const t = lits[pi] ?? '';
        if (!s.startsWith(t, ti)) return -1;
        ti += t.length;
        pi++;
      } else if (k === ANY) {
        if (ti >= len || s.charCodeAt(ti) === NEWLINE) return -1;
        ti += cpWidth(s, ti);
        pi++;
      } else {
        let lineEnd = s.indexOf('\n', ti);
        if (lineEnd < 0) lineEnd = len;
        if (pi + 1 === n) return this.greedy ? lineEnd : ti;
        const ord = this.g.starOrd[pi] ?? 0;
        let limit = lineEnd + 1; // candidates j < limit are not known to fail
        const df = this.doneFrom[ord] ?? -1;
        if (df >= 0 && this.doneEnd[ord] === lineEnd) {
          if (ti >= df) return -1;
          limit = df;
        }
        if (this.greedy) {
          for (let j = limit > lineEnd ? lineEnd : prevBoundary(s, limit); ; j = prevBoundary(s, j)) {
            const r = this.match(pi + 1, j);
            if (r >= 0) return r;
            if (j <= ti) break;
          }
        } else {
          for (let j = ti; j < limit; j += cpWidth(s, j)) {
            const r = this.match(pi + 1, j);
            if (r >= 0) return r;
          }
        }
        this.doneFrom[ord] = ti;
        this.doneEnd[ord] = lineEnd;
        return -1;
      }
    }
    return ti;
  }

  /** Leftmost match starting at or after `from`: [start, end], or null. */
  search(from: number): readonly [number, number] | null {
    const s = this.s;
    const len = s.length;
    const first = this.g.kinds[0] === LIT ? (this.g.lits[0] ?? '') : '';
    for (let st = from; st <= len; ) {
      if (first !== '') {
        st = s.indexOf(first, st);
        if (st < 0) return null;
      }
      const e = this.match(0, st);
      if (e >= 0) return [st, e];
      if (st >= len) break;
      st += cpWidth(s, st);
    }
    return null;
  }
}

/** Anchored at 0 (`${a#p}`): the end of the match, or -1. Lazy stars unless `greedy`. */
export function globTrimPrefix(g: Glob, value: string, greedy: boolean): number {
  return new Matcher(g, value, greedy).match(0, 0);
}

/** `${a/p/r}`: the first (leftmost, longest-star) match replaced by `replacement` taken literally. */
export function globReplaceFirst(g: Glob, value: string, replacement: string): string {
  const m = new Matcher(g, value, true).search(0);
  if (m === null) return value;
  return value.slice(0, m[0]) + replacement + value.slice(m[1]);
}

/**
 * `${a//p/r}`: Go's `Regexp.ReplaceAllString`, including its handling of empty matches (an empty
 * match right after a match is not replaced) and `$` in the template (`$0`/`${0}` is the match,
 * other names and numbers are empty since the pattern has no groups, `$$` is `$`).
 */
export function globReplaceAll(g: Glob, value: string, template: string): string {
  const tpl = parseTemplate(template);
  const m = new Matcher(g, value, true);
  const len = value.length;
  let out = '';
  let lastEnd = 0;
  let searchPos = 0;
  while (searchPos <= len) {
    const r = m.search(searchPos);
    if (r === null) break;
    const [a0, a1] = r;
    out += value.slice(lastEnd, a0);
    if (a1 > lastEnd || a0 === 0) out += expandTemplate(tpl, value, a0, a1);
    lastEnd = a1;
    const width = searchPos < len ? cpWidth(value, searchPos) : 0;
    if (searchPos + width > a1) searchPos += width;
    else if (searchPos + 1 > a1) searchPos++;
    else searchPos = a1;
  }
  return out + value.slice(lastEnd);
}

/** A replacement template: literal strings, and `null` for "the whole match". */
type Template = readonly (string | null)[];

function isNameChar(cp: number): boolean {
  if (cp < 128) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp === 95;
  return /^[\p{L}\p{Nd}]$/u.test(String.fromCodePoint(cp));
}

function parseTemplate(t: string): Template {
  if (!t.includes('$')) return [t];
  const parts: (string | null)[] = [];
  let lit = '';
  let i = 0;
  const n = t.length;
  for (;;) {
    const d = t.indexOf('$', i);
    if (d < 0) break;
    lit += t.slice(i, d);
    i = d + 1;
    if (i < n && t.charCodeAt(i) === 36) {
      lit += '$';
      i++;
      continue;
    }
    // Go's `extract`: `name` or `{name}`, name = letters, digits, '_'.
    let j = i;
    const brace = j < n && t.charCodeAt(j) === 123;
    if (brace) j++;
    const nameStart = j;
    while (j < n) {
      const cp = t.codePointAt(j) ?? 0;
      if (!isNameChar(cp)) break;
      j += cp > 0xffff ? 2 : 1;
    }
    if (j === nameStart || (brace && (j >= n || t.charCodeAt(j) !== 125))) {
      lit += '$'; // malformed: the '$' is literal text
      continue;
    }
    const name = t.slice(nameStart, j);
    i = brace ? j + 1 : j;
    // Only group 0 (the whole match) exists; `$00`, `$1`, `$x` expand to nothing.
    if (name === '0') {
      parts.push(lit);
      parts.push(null);
      lit = '';
    }
  }
  parts.push(lit + t.slice(i));
  return parts;
}

function expandTemplate(tpl: Template, value: string, a0: number, a1: number): string {
  if (tpl.length === 1) return tpl[0] ?? '';
  let out = '';
  for (const p of tpl) out += p === null ? value.slice(a0, a1) : p;
  return out;
}
