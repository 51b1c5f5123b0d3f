import type { ShellDiagnostic, SimpleCommand, Span } from './ast.js';
import type { Mutable, MutableCommand } from './model.js';

/** Constructs nested deeper than this are not parsed: the stack must survive any input. */
export const MAX_DEPTH = 100;
/** Re-parses of derived text (backquotes in backquotes, `sh -c` in `sh -c`) stop here, which keeps the work linear. */
export const MAX_EMBEDDED_DEPTH = 4;
const MAX_DIAGNOSTICS = 200;

/** What one `parseShell` call shares between the parsers of the script and of its embedded scripts. */
export class Session {
  readonly commands: MutableCommand[] = [];
  readonly errors: ShellDiagnostic[] = [];
  readonly warnings: ShellDiagnostic[] = [];
  readonly comments: Span[] = [];
  depth = 0;
  embeddedDepth = 0;
  aborted = false;
  /** Tokens scanned, and characters scanned again after a failed guess or re-parsed as derived text. */
  tokens = 0;
  rescanned = 0;
  private readonly budget: number;

  constructor(length: number) {
    this.budget = 4 * length + 4096;
  }

  /** Guessing (`$((` as arithmetic, recovering from an unclosed quote) costs a re-scan; past the budget we stop guessing. */
  get canSpeculate(): boolean {
    return this.rescanned < this.budget;
  }

  /** Stops all parsing (too deep to go on); the error survives any later rollback. */
  abort(sink: ShellDiagnostic[], message: string, span: Span): void {
    if (this.aborted) return;
    const diagnostic = { message, start: span.start, end: span.end };
    sink.push(diagnostic);
    this.aborted = true;
    this.abortedWith = { sink, diagnostic };
  }

  private abortedWith: { readonly sink: ShellDiagnostic[]; readonly diagnostic: ShellDiagnostic } | null = null;

  report(sink: ShellDiagnostic[], message: string, span: Span): void {
    if (this.aborted || this.errors.length + this.warnings.length >= MAX_DIAGNOSTICS) return;
    // One mistake is often seen twice (an empty list, then the missing keyword): report it once.
    const last = sink[sink.length - 1];
    if (last && last.start === span.start && last.end === span.end) return;
    sink.push({ message, start: span.start, end: span.end });
  }

  /** Truncates the shared lists back to lengths taken earlier (never lengthens them). */
  rollback(commands: number, errors: number, warnings: number, comments: number): void {
    if (this.commands.length > commands) this.commands.length = commands;
    if (this.errors.length > errors) this.errors.length = errors;
    if (this.warnings.length > warnings) this.warnings.length = warnings;
    if (this.comments.length > comments) this.comments.length = comments;
  }

  /** Sorts the commands into source order and numbers them. */
  finish(): readonly SimpleCommand[] {
    const aborted = this.abortedWith;
    if (aborted && !aborted.sink.includes(aborted.diagnostic)) aborted.sink.push(aborted.diagnostic);
    const commands = this.commands;
    for (let i = 1; i < commands.length; i++) {
      if ((commands[i] as MutableCommand).span.start < (commands[i - 1] as MutableCommand).span.start) {
        commands.sort((a, b) => a.span.start - b.span.start);
        break;
      }
    }
    for (let i = 0; i < commands.length; i++) (commands[i] as Mutable<SimpleCommand>).index = i;
    const comments = this.comments;
    for (let i = 1; i < comments.length; i++) {
      if ((comments[i] as Span).start < (comments[i - 1] as Span).start) {
        comments.sort((a, b) => a.start - b.start);
        break;
      }
    }
    return commands;
  }
}
