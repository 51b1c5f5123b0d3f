import type { SourceFile } from '../parser/source.js';
import { cellAt, layoutLine, type LaidOutLine } from './display.js';
import type { Colors } from './types.js';

/** Source cells shown per line; longer lines are clipped to a window around the span. */
export const FRAME_MAX_WIDTH = 100;
/** Cells of context kept before the span when a long line is clipped. */
const CLIP_CONTEXT = 20;
/** Spans over more lines than this show their first and last lines around an elision row. */
const FRAME_MAX_LINES = 6;
const FRAME_HEAD_LINES = 3;
const FRAME_TAIL_LINES = 2;
const ELLIPSIS = '\u2026';

export interface FrameRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface FrameStyle {
  readonly colors: Colors;
  /** Colours the underline (the severity's colour). */
  readonly mark: (s: string) => string;
  /** Prefix of every row. */
  readonly indent: string;
}

interface Row {
  readonly line: number;
  readonly text: string;
  /** Cells [from, to) to underline, or null for none. */
  readonly underline: { readonly from: number; readonly to: number } | null;
}

function firstNonBlank(text: string): number {
  const m = /\S/.exec(text);
  return m === null ? text.length : m.index;
}

/**
 * Clips a laid-out line to at most FRAME_MAX_WIDTH cells around `focus` and returns the visible text
 * and the cell that becomes column 0. A clipped side shows an ellipsis in its outermost cell.
 */
function clip(layout: LaidOutLine, focus: number): { text: string; origin: number; lo: number; hi: number } {
  const full = layout.segments.map((s) => s.text).join('');
  if (layout.width <= FRAME_MAX_WIDTH) return { text: full, origin: 0, lo: 0, hi: layout.width };
  const origin = Math.max(0, Math.min(focus - CLIP_CONTEXT, layout.width - FRAME_MAX_WIDTH));
  const end = origin + FRAME_MAX_WIDTH;
  const lo = origin > 0 ? origin + 1 : origin;
  const hi = end < layout.width ? end - 1 : end;
  let text = origin > 0 ? ELLIPSIS : '';
  let cell = lo;
  for (const s of layout.segments) {
    const sEnd = s.cell + s.width;
    if (sEnd <= lo || s.cell >= hi) continue;
    if (s.cell >= lo && sEnd <= hi) {
      text += ' '.repeat(s.cell - cell) + s.text;
    } else {
      // a tab or a wide character cut by the window's edge: keep the alignment with blanks
      const from = Math.max(s.cell, lo);
      const to = Math.min(sEnd, hi);
      text += ' '.repeat(from - cell) + ' '.repeat(to - from);
    }
    cell = Math.max(cell, Math.min(sEnd, hi));
  }
  if (hi < end) text += ' '.repeat(hi - cell) + ELLIPSIS;
  return { text, origin, lo, hi };
}

function rowFor(source: SourceFile, line: number, range: FrameRange, last: number): Row {
  const text = source.lineText(line);
  const layout = layoutLine(text);
  const isFirst = line === range.line;
  const isLast = line === last;
  let from = isFirst ? Math.min(range.column - 1, text.length) : firstNonBlank(text);
  let to = isLast && last === range.endLine ? Math.min(range.endColumn - 1, text.length) : text.length;
  if (to < from) to = from;
  const blank = from === to;
  // the middle of a multi-line span underlines only what is there; its ends always get a caret
  const marked = !blank || isFirst || isLast;
  if (!marked) {
    const clipped = clip(layout, 0);
    return { line, text: clipped.text, underline: null };
  }
  from = cellAt(layout, from);
  to = blank ? from + 1 : cellAt(layout, to);
  if (to <= from) to = from + 1; // a zero-width character still gets its caret
  const clipped = clip(layout, from);
  const a = Math.max(from, clipped.lo);
  const b = Math.max(a + 1, Math.min(to, clipped.hi));
  return { line, text: clipped.text, underline: { from: a - clipped.origin, to: b - clipped.origin } };
}

/**
 * The source lines of a range with a line-number gutter and the range underlined with `^`. Empty
 * when the range lies outside the source.
 */
export function codeFrame(source: SourceFile, range: FrameRange, style: FrameStyle): string[] {
  if (range.line < 1 || range.line > source.lineCount) return [];
  // a span that ends at the start of a line (after a newline) ends on the line before
  let last = range.endLine > range.line && range.endColumn <= 1 ? range.endLine - 1 : range.endLine;
  last = Math.min(Math.max(last, range.line), source.lineCount);
  const lines: (number | null)[] = [];
  const count = last - range.line + 1;
  if (count > FRAME_MAX_LINES) {
    for (let l = range.line; l < range.line + FRAME_HEAD_LINES; l++) lines.push(l);
    lines.push(null);
    for (let l = last - FRAME_TAIL_LINES + 1; l <= last; l++) lines.push(l);
  } else {
    for (let l = range.line; l <= last; l++) lines.push(l);
  }
  const gutterWidth = String(last).length;
  const { colors: c, mark, indent } = style;
  const blankGutter = c.dim(`${' '.repeat(gutterWidth)} |`);
  const out: string[] = [];
  for (const l of lines) {
    if (l === null) {
      out.push(`${indent}${blankGutter} ${c.dim('...')}`);
      continue;
    }
    const row = rowFor(source, l, range, last);
    const gutter = c.dim(`${String(l).padStart(gutterWidth)} |`);
    out.push(row.text === '' ? `${indent}${gutter}` : `${indent}${gutter} ${row.text}`);
    if (row.underline !== null) {
      const { from, to } = row.underline;
      out.push(`${indent}${blankGutter} ${' '.repeat(from)}${mark('^'.repeat(to - from))}`);
    }
  }
  return out;
}
