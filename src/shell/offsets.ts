import type { Span } from './ast.js';

/**
 * Maps offsets of a derived text (an unescaped backquote body, the value of an `sh -c` string)
 * back to the script the user wrote, so that every span points into the original text.
 */
export interface OffsetMap {
  span(start: number, end: number): Span;
}

/** Every derived character maps to the source range it came from (`\"` → both characters). */
class CharMap implements OffsetMap {
  constructor(
    private readonly starts: readonly number[],
    private readonly ends: readonly number[],
    private readonly anchor: number,
    private readonly parent: OffsetMap | null,
  ) {}

  span(start: number, end: number): Span {
    const n = this.starts.length;
    let s: number;
    if (n === 0) s = this.anchor;
    else if (start < n) s = this.starts[start] as number;
    else s = this.ends[n - 1] as number;
    const e = end > start && n > 0 ? (this.ends[Math.min(end, n) - 1] as number) : s;
    return this.parent ? this.parent.span(s, e) : { start: s, end: e };
  }
}

/** Every offset maps to one span: used when a string is not one literal, so positions are only known to the word. */
export class WholeMap implements OffsetMap {
  constructor(private readonly whole: Span) {}

  span(): Span {
    return this.whole;
  }
}

/** Builds a derived text and its map, a run or an unescaped character at a time. */
export class DerivedText {
  text = '';
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private verbatim = true;

  /** Appends `s`, copied unchanged from the source starting at `source`. */
  append(s: string, source: number): void {
    if (s.length === 0) return;
    const n = this.starts.length;
    if (n > 0 && this.ends[n - 1] !== source) this.verbatim = false;
    for (let i = 0; i < s.length; i++) {
      this.starts.push(source + i);
      this.ends.push(source + i + 1);
    }
    this.text += s;
  }

  /** Appends one character that stands for the source range [from, to) (an escape sequence). */
  appendEscaped(c: string, from: number, to: number): void {
    this.verbatim = false;
    for (let i = 0; i < c.length; i++) {
      this.starts.push(from);
      this.ends.push(to);
    }
    this.text += c;
  }

  /** The source offset when the text is one unchanged run of the source, else null. */
  get singleSource(): number | null {
    return this.verbatim && this.starts.length > 0 ? (this.starts[0] as number) : null;
  }

  /** `anchor` is where offsets of an empty text map to. */
  build(parent: OffsetMap | null, anchor: number): OffsetMap {
    return new CharMap(this.starts, this.ends, anchor, parent);
  }
}
