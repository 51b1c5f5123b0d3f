/**
 * Heredoc detection as BuildKit does it: the joined line is split into shell words (quotes and
 * escapes kept, `<<` followed by blanks glued to the next word) and every word of the form
 * `[n]<<[-]NAME` is a heredoc, read in order.
 */
import { isGoSpace } from './chars.js';
import type { RawWord } from './words.js';

export interface HeredocMarker {
  readonly word: RawWord;
  readonly name: string;
  readonly expand: boolean;
  readonly chomp: boolean;
  readonly fileDescriptor: number;
}

/** Splits like BuildKit's shell lexer with raw quotes and escapes; null when lexing fails. */
function shellWords(s: string, from: number, to: number): RawWord[] | null {
  const words: RawWord[] = [];
  let i = from;
  let start = -1;
  const push = (end: number): void => {
    if (start >= 0) words.push({ text: s.slice(start, end), start, end });
    start = -1;
  };
  while (i < to) {
    const c = s.charCodeAt(i);
    if (isGoSpace(c)) {
      push(i);
      i++;
      continue;
    }
    if (start < 0) start = i;
    if (c === 92) {
      i += 2;
      continue;
    }
    if (c === 39) {
      const close = s.indexOf("'", i + 1);
      if (close < 0 || close >= to) return null;
      i = close + 1;
      continue;
    }
    if (c === 34) {
      i++;
      for (;;) {
        if (i >= to) return null;
        const d = s.charCodeAt(i);
        if (d === 34) break;
        if (d === 92) i++;
        else if (d === 36 && s.charCodeAt(i + 1) === 123) {
          const close = s.indexOf('}', i + 2);
          if (close < 0 || close >= to) return null;
          i = close;
        }
        i++;
      }
      i++;
      continue;
    }
    if (c === 36 && s.charCodeAt(i + 1) === 123) {
      const close = s.indexOf('}', i + 2);
      if (close < 0 || close >= to) return null;
      i = close + 1;
      continue;
    }
    if (c === 60 && s.charCodeAt(i + 1) === 60) {
      i += 2;
      while (i < to && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
      continue;
    }
    i++;
  }
  push(Math.min(i, to));
  return words;
}

/** Removes quotes and escapes from a heredoc delimiter; null when it is not exactly one word. */
function unquoteDelimiter(rest: string): { name: string; quoted: boolean } | null {
  let name = '';
  let quoted = false;
  let i = 0;
  while (i < rest.length) {
    const c = rest.charCodeAt(i);
    if (isGoSpace(c)) return null;
    if (c === 92) {
      if (i + 1 < rest.length) name += rest[i + 1];
      i += 2;
      continue;
    }
    if (c === 39) {
      const close = rest.indexOf("'", i + 1);
      if (close < 0) return null;
      name += rest.slice(i + 1, close);
      quoted = true;
      i = close + 1;
      continue;
    }
    if (c === 34) {
      quoted = true;
      i++;
      while (i < rest.length && rest.charCodeAt(i) !== 34) {
        const d = rest.charCodeAt(i);
        if (d === 92 && i + 1 < rest.length) {
          const n = rest.charCodeAt(i + 1);
          if (n === 34 || n === 36 || n === 92) {
            name += rest[i + 1];
            i += 2;
            continue;
          }
        }
        name += rest[i];
        i++;
      }
      if (i >= rest.length) return null;
      i++;
      continue;
    }
    name += rest[i];
    i++;
  }
  return name.length > 0 ? { name, quoted } : null;
}

const MARKER = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/;

export function findHeredocs(s: string, from: number, to: number): HeredocMarker[] {
  if (s.indexOf('<<', from) < 0) return [];
  const words = shellWords(s, from, to);
  if (!words) return [];
  const found: HeredocMarker[] = [];
  for (const word of words) {
    const m = MARKER.exec(word.text);
    if (!m) continue;
    const rest = m[3] ?? '';
    if (rest.length === 0) continue;
    const d = unquoteDelimiter(rest);
    if (!d) continue;
    found.push({
      word,
      name: d.name,
      expand: !d.quoted,
      chomp: m[2] === '-',
      fileDescriptor: m[1] ? Number(m[1]) : 0,
    });
  }
  return found;
}
