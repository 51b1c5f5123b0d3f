/** Character classes for the shell scanner, as a table over ASCII (everything above is a word character). */

/** Ends an unquoted word: blanks, newline and the metacharacters `; & | ( ) < >`. */
export const BREAK = 1;
/** Starts a quoting or expansion construct in an unquoted word: `\ ' " $` and the backquote. */
export const SPECIAL = 2;
/** Special inside double quotes: `" \ $` and the backquote. */
export const DQ_SPECIAL = 4;
export const NAME_START = 8;
export const NAME = 16;
export const DIGIT = 32;
/** A single-character special parameter: `@ * # ? $ ! -` (and `0`, a digit). */
export const SPECIAL_PARAM = 64;

export const CHAR = new Uint8Array(128);

function mark(chars: string, flag: number): void {
  for (let i = 0; i < chars.length; i++) CHAR[chars.charCodeAt(i)] = (CHAR[chars.charCodeAt(i)] as number) | flag;
}

mark(' \t\n;&|()<>', BREAK);
mark('\\\'"$`', SPECIAL);
mark('"\\$`', DQ_SPECIAL);
for (let c = 65; c <= 90; c++) CHAR[c] = (CHAR[c] as number) | NAME_START | NAME;
for (let c = 97; c <= 122; c++) CHAR[c] = (CHAR[c] as number) | NAME_START | NAME;
CHAR[95] = (CHAR[95] as number) | NAME_START | NAME;
for (let c = 48; c <= 57; c++) CHAR[c] = (CHAR[c] as number) | NAME | DIGIT;
mark('@*#?$!-', SPECIAL_PARAM);

/** True when `c` (a char code, or -1 past the end) has `flag`. */
export function is(c: number, flag: number): boolean {
  return c >= 0 && c < 128 && ((CHAR[c] as number) & flag) !== 0;
}

/** A plain character of an unquoted word (non-ASCII included). */
export function isPlain(c: number): boolean {
  return c >= 128 || (c >= 0 && ((CHAR[c] as number) & (BREAK | SPECIAL)) === 0);
}

export function isName(s: string): boolean {
  if (s.length === 0 || !is(s.charCodeAt(0), NAME_START)) return false;
  for (let i = 1; i < s.length; i++) if (!is(s.charCodeAt(i), NAME)) return false;
  return true;
}
