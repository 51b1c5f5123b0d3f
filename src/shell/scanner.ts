/**
 * The state every part of the shell scanner shares: the text and position, where diagnostics go,
 * the here-documents waiting for their bodies, and how a failed guess is undone.
 */
import type { HereDocument, LiteralPart, ShellDiagnostic, Span, Statement } from './ast.js';
import type { Mutable } from './model.js';
import type { OffsetMap } from './offsets.js';
import { MAX_DEPTH } from './session.js';
import type { Session } from './session.js';

export abstract class Scanner {
  readonly text: string;
  pos: number;
  end: number;
  readonly map: OffsetMap | null;
  readonly session: Session;
  /** Where syntax errors go: the script's errors, or warnings for code bash parses only when it runs. */
  errorSink: ShellDiagnostic[];
  /** Here-documents whose bodies start after the current line. */
  pending: Mutable<HereDocument>[] = [];
  /** A token has been scanned but not taken. */
  peeked = false;
  /** No single quote at or after this offset (caches a failed search). */
  private noQuoteFrom = Number.MAX_SAFE_INTEGER;

  constructor(text: string, from: number, to: number, map: OffsetMap | null, session: Session, errorSink: ShellDiagnostic[]) {
    this.text = text;
    this.pos = from;
    this.end = to;
    this.map = map;
    this.session = session;
    this.errorSink = errorSink;
  }

  /** Parses a command list up to the `)` that closes `$(`, `<(` or `>(`, and consumes it. */
  abstract parseNested(kind: 'command-substitution' | 'process-substitution', open: number): readonly Statement[];

  /** Parses text (this one or a derived one) as a separate script whose errors are warnings. */
  abstract parseEmbedded(text: string, from: number, to: number, map: OffsetMap | null): readonly Statement[];

  /** Reads the bodies of the here-documents started on the line that just ended. */
  abstract readHeredocs(): void;

  span(start: number, end: number): Span {
    return this.map === null ? { start, end } : this.map.span(start, end);
  }

  error(message: string, start: number, end: number): void {
    this.session.report(this.errorSink, message, this.span(start, end));
  }

  warn(message: string, start: number, end: number): void {
    this.session.report(this.session.warnings, message, this.span(start, end));
  }

  protected mark(): Mark {
    const s = this.session;
    const pending = this.pending;
    return { commands: s.commands.length, errors: s.errors.length, warnings: s.warnings.length, comments: s.comments.length, pending, pendingLength: pending.length };
  }

  /**
   * Undoes what a failed guess added: commands, diagnostics, comments, and here-documents; those
   * pending before it (even if a line end inside the guess read them) are pending again.
   */
  protected restore(mark: Mark): void {
    this.session.rollback(mark.commands, mark.errors, mark.warnings, mark.comments);
    this.pending = mark.pending;
    if (mark.pending.length > mark.pendingLength) mark.pending.length = mark.pendingLength;
  }

  enter(): boolean {
    if (++this.session.depth <= MAX_DEPTH) return true;
    this.session.abort(this.session.errors, 'nesting too deep: the rest of the script is not parsed', this.span(this.pos, this.end));
    this.pos = this.end;
    return false;
  }

  leave(): void {
    this.session.depth--;
  }

  protected codeAt(i: number): number {
    return i < this.end ? this.text.charCodeAt(i) : -1;
  }

  protected findQuote(from: number): number {
    if (from >= this.noQuoteFrom) return -1;
    const close = this.text.indexOf("'", from);
    if (close < 0 || close >= this.end) {
      this.noQuoteFrom = from;
      return -1;
    }
    return close;
  }
}

export interface Mark {
  readonly commands: number;
  readonly errors: number;
  readonly warnings: number;
  readonly comments: number;
  readonly pending: Mutable<HereDocument>[];
  readonly pendingLength: number;
}

export function literal(span: Span, value: string): LiteralPart {
  return { type: 'literal', span, value };
}
