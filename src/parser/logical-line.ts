import type { Span } from './source.js';

/**
 * An instruction's physical lines joined the way BuildKit joins them (escape characters and
 * line breaks removed, comment and empty lines dropped), with a map from offsets in the joined
 * text back to offsets in the source.
 */
export class LogicalLine {
  readonly text: string;
  /** Flattened pairs [joinedStart, sourceStart] for each contiguous piece, in order. */
  private readonly segs: readonly number[];

  constructor(text: string, segs: readonly number[]) {
    this.text = text;
    this.segs = segs;
  }

  /** The source offset of the character at `offset` in the joined text. */
  toSource(offset: number): number {
    const segs = this.segs;
    if (segs.length === 2) return (segs[1] as number) + offset - (segs[0] as number);
    if (segs.length <= 32) {
      // Pieces are few (one per physical line): a linear scan from the end is fastest.
      for (let i = segs.length - 2; i >= 0; i -= 2) {
        const js = segs[i] as number;
        if (js <= offset) return (segs[i + 1] as number) + offset - js;
      }
      return (segs[1] as number) + offset;
    }
    // Long continuations: binary search for the last piece starting at or before `offset`.
    let lo = 0;
    let hi = segs.length / 2 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((segs[mid * 2] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return (segs[lo * 2 + 1] as number) + offset - (segs[lo * 2] as number);
  }

  /** The source span of the joined range [from, to); the end is mapped from its last character. */
  span(from: number, to: number): Span {
    const start = this.toSource(from);
    if (to <= from) return { start, end: start };
    return { start, end: this.toSource(to - 1) + 1 };
  }

  /** True when [from, to) of the joined text comes from one physical piece of source. */
  isContiguous(from: number, to: number): boolean {
    const s = this.span(from, to);
    return s.end - s.start === to - from;
  }
}
