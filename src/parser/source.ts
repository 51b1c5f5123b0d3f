/**
 * A Dockerfile's text with a line index. Offsets are UTF-16 code-unit indexes into `text`;
 * lines and columns are 1-based, columns counted in UTF-16 code units (as LSP and SARIF do).
 */
export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Range {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export class SourceFile {
  readonly text: string;
  /** Offset at which each physical line starts (line N starts at lineStarts[N - 1]). */
  readonly lineStarts: readonly number[];

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1 };
  }

  rangeOf(span: Span): Range {
    const a = this.positionAt(span.start);
    const b = this.positionAt(span.end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.text.length;
  }

  /** Offset just past the line's content (before its `\r\n` / `\n`). */
  lineContentEnd(line: number): number {
    const next = this.lineStarts[line];
    let end = next === undefined ? this.text.length : next - 1;
    const start = this.lineStart(line);
    while (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineContentEnd(line));
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }
}
