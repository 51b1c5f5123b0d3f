/**
 * BuildKit's argument splitters (frontend/dockerfile/parser), re-implemented over a range of the
 * joined instruction line so that every word keeps its position.
 */
import { isGoSpace, isSplitSpace } from './chars.js';

export interface RawWord {
  /** The word's text (for parseWords: as written, quotes and escapes kept). */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** `reWhitespace.Split(s, -1)` on an already trimmed range: split on runs of `[\t\v\f\r ]`. */
export function splitWhitespace(s: string, from: number, to: number): RawWord[] {
  const words: RawWord[] = [];
  let i = from;
  while (i < to) {
    let j = i;
    while (j < to && !isSplitSpace(s.charCodeAt(j))) j++;
    words.push({ text: s.slice(i, j), start: i, end: j });
    i = j;
    while (i < to && isSplitSpace(s.charCodeAt(i))) i++;
  }
  return words;
}

/**
 * BuildKit's `parseWords`: split on Go whitespace outside quotes; quotes and escape characters
 * are kept in the word. Used by ENV, LABEL and ARG.
 */
export function parseWords(s: string, from: number, to: number, escape: number): RawWord[] {
  const words: RawWord[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isGoSpace(s.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    let quote = 0;
    let blankOk = false;
    let end = i;
    while (i < to) {
      const c = s.charCodeAt(i);
      if (quote === 0) {
        if (isGoSpace(c)) break;
        if (c === 39 || c === 34) {
          quote = c;
          blankOk = true;
        }
        if (c === escape) {
          if (i + 1 === to) {
            // An escape character at the very end is dropped.
            i++;
            continue;
          }
          i += 2;
          end = i;
          continue;
        }
        i++;
        end = i;
      } else {
        if (c === quote) {
          quote = 0;
          i++;
          end = i;
          continue;
        }
        if (c === escape && quote !== 39) {
          if (i + 1 === to) {
            quote = 0;
            i++;
            continue;
          }
          i += 2;
          end = i;
          continue;
        }
        i++;
        end = i;
      }
    }
    if (blankOk || end > start) words.push({ text: s.slice(start, end), start, end });
  }
  return words;
}

export interface RawFlag {
  /** The flag after BuildKit's quote and escape removal, e.g. `--mount=type=cache`. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * BuildKit's `extractBuilderFlags`: leading words that start with `--` are flags; a bare `--`
 * ends them. Returns the flags and the offset where the remaining arguments start.
 */
export function extractFlags(s: string, from: number, to: number, escape: number): { flags: RawFlag[]; rest: number } {
  const flags: RawFlag[] = [];
  let i = from;
  for (;;) {
    while (i < to && isGoSpace(s.charCodeAt(i))) i++;
    if (i >= to) return { flags, rest: to };
    if (s.charCodeAt(i) !== 45 || i + 1 >= to || s.charCodeAt(i + 1) !== 45) return { flags, rest: i };
    const start = i;
    let word = '';
    let quote = 0;
    let blankOk = false;
    while (i < to) {
      const c = s.charCodeAt(i);
      if (quote === 0) {
        if (isGoSpace(c)) break;
        if (c === 39 || c === 34) {
          quote = c;
          blankOk = true;
          i++;
          continue;
        }
        if (c === escape) {
          if (i + 1 === to) {
            i++;
            continue;
          }
          word += s[i + 1];
          i += 2;
          continue;
        }
        word += s[i];
        i++;
      } else {
        if (c === quote) {
          quote = 0;
          i++;
          continue;
        }
        if (c === escape) {
          if (i + 1 === to) {
            quote = 0;
            i++;
            continue;
          }
          word += s[i + 1];
          i += 2;
          continue;
        }
        word += s[i];
        i++;
      }
    }
    if (word === '--' && quote === 0 && i < to) {
      // `--` ends the flags and is dropped; the rest starts after it.
      return { flags, rest: i };
    }
    if (word !== '--' && (blankOk || word.length > 0)) flags.push({ text: word, start, end: i });
    if (i >= to) return { flags, rest: to };
  }
}
