/** Character classes exactly as Go's `unicode` package defines them (BuildKit is written in Go). */

/** Go's unicode.IsSpace. Unlike JavaScript's `\s`, it includes U+0085 and excludes U+FEFF. */
export function isGoSpace(c: number): boolean {
  if (c <= 0xff) return c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** BuildKit's `reWhitespace` class: `[\t\v\f\r ]`. */
export function isSplitSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 13;
}

export function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Index of the first character in [from, to) that is not a Go space, or `to`. */
export function skipGoSpace(s: string, from: number, to: number): number {
  let i = from;
  while (i < to && isGoSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Index just past the last character in [from, to) that is not a Go space, or `from`. */
export function trimGoSpaceEnd(s: string, from: number, to: number): number {
  let i = to;
  while (i > from && isGoSpace(s.charCodeAt(i - 1))) i--;
  return i;
}
