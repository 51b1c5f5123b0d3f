/**
 * Terminal display of untrusted text (Dockerfile lines, messages quoting them): how many cells each
 * character takes, and which characters must not reach the terminal as they are.
 *
 * A Dockerfile may contain escape sequences or bidirectional overrides ("Trojan Source"); printed
 * raw they would restyle the terminal or reorder what the user reads, so they are shown as visible
 * stand-ins of one cell each: C0 controls as their Control Pictures (U+2400…), DEL as U+2421, and
 * C1 controls, bidi controls and lone surrogates as U+FFFD.
 */

/** One code point of a line as displayed: `text` fills `width` cells from cell `cell`. */
export interface Segment {
  /** UTF-16 offsets of the code point in the line. */
  readonly start: number;
  readonly end: number;
  readonly cell: number;
  readonly width: number;
  readonly text: string;
}

export interface LaidOutLine {
  readonly segments: readonly Segment[];
  readonly width: number;
}

export const TAB_WIDTH = 4;

const REPLACEMENT = '\uFFFD';
const COMBINING = /^[\p{Mn}\p{Me}]$/u;
const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;

function isBidiControl(cp: number): boolean {
  return cp === 0x061c || cp === 0x200e || cp === 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/** The stand-in for a character that must not be printed raw, or null when it may be. */
function standIn(cp: number): string | null {
  if (cp < 0x20) return String.fromCharCode(0x2400 + cp);
  if (cp === 0x7f) return '\u2421';
  if (cp >= 0x80 && cp <= 0x9f) return REPLACEMENT;
  if (isBidiControl(cp)) return REPLACEMENT;
  if (cp >= 0xd800 && cp <= 0xdfff) return REPLACEMENT; // a lone surrogate
  return null;
}

/** East Asian Wide/Fullwidth blocks and emoji: two cells in a terminal. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd) ||
    (cp >= 0x1f000 && PICTOGRAPHIC.test(String.fromCodePoint(cp)))
  );
}

function isZeroWidth(ch: string, cp: number): boolean {
  return cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f) || COMBINING.test(ch);
}

/** Lays out one line (no line terminator) with tabs expanded to stops of {@link TAB_WIDTH} cells. */
export function layoutLine(line: string): LaidOutLine {
  const segments: Segment[] = [];
  let cell = 0;
  let i = 0;
  while (i < line.length) {
    const cp = line.codePointAt(i) as number;
    const end = i + (cp > 0xffff ? 2 : 1);
    let text: string;
    let width: number;
    if (cp === 9) {
      width = TAB_WIDTH - (cell % TAB_WIDTH);
      text = ' '.repeat(width);
    } else {
      const stand = standIn(cp);
      if (stand !== null) {
        text = stand;
        width = 1;
      } else {
        text = line.slice(i, end);
        width = isZeroWidth(text, cp) ? 0 : isWide(cp) ? 2 : 1;
      }
    }
    segments.push({ start: i, end, cell, width, text });
    cell += width;
    i = end;
  }
  return { segments, width: cell };
}

/** The cell at which the character at UTF-16 offset `offset` starts (the line's width past its end). */
export function cellAt(layout: LaidOutLine, offset: number): number {
  const segs = layout.segments;
  let lo = 0;
  let hi = segs.length;
  // first segment whose end is past the offset
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((segs[mid] as Segment).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  const seg = segs[lo];
  return seg === undefined ? layout.width : seg.cell;
}

/** Makes a one-line string (a message, a path, a title) safe to print: no controls, no bidi overrides. */
export function sanitizeInline(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp === 9) {
      out += ' ';
      continue;
    }
    out += standIn(cp) ?? ch;
  }
  return out;
}
