/**
 * The script a RUN hands to its shell, built the way BuildKit builds it, parsed once by the shell
 * model and mapped back to Dockerfile offsets:
 * - shell form: the joined command line; with heredocs, `line + "\n" + body + name` for each;
 * - a lone heredoc (`RUN <<EOF`): the body is the script (a `#!` line names its interpreter);
 * - exec form: the argv, quoted, so `["sh", "-c", "…"]` is understood too.
 */
import type { Instruction, CommandArgs } from '../parser/ast.js';
import type { Span } from '../parser/source.js';
import { parseShell, type ShellScript } from '../shell/index.js';

/** A piece of the script: script[at, at+len) comes from source offsets starting at `src` (or is synthetic). */
interface Piece {
  readonly at: number;
  readonly len: number;
  /** Source offset of the first character; for `logical` pieces, the joined-line offset. */
  readonly src: number;
  readonly kind: 'logical' | 'direct' | 'synthetic';
}

export interface RunScript {
  readonly instruction: Instruction;
  readonly text: string;
  readonly form: 'shell' | 'exec' | 'heredoc';
  /** The interpreter of a `#!` heredoc script, or null (the RUN's shell runs it). */
  readonly interpreter: string | null;
  readonly shell: ShellScript;
  /** The Dockerfile offset of a script offset. */
  toSource(offset: number): number;
  /** The Dockerfile span of a script range. */
  span(start: number, end: number): Span;
}

const cache = new Map<string, ShellScript>();
const CACHE_LIMIT = 20000;

/** Forgets parsed scripts (benchmarks measure first parses; long-running processes may free memory). */
export function clearShellCache(): void {
  cache.clear();
}

/** Parses with a cache: identical RUN texts recur across stages and files. */
export function parseShellCached(text: string): ShellScript {
  let s = cache.get(text);
  if (!s) {
    s = parseShell(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, s);
  }
  return s;
}

function shellQuote(s: string): string {
  return "'" + s.replace(/'/g, "'\\''") + "'";
}

class Script implements RunScript {
  private parsed: ShellScript | null = null;
  constructor(
    readonly instruction: Instruction,
    readonly text: string,
    readonly form: 'shell' | 'exec' | 'heredoc',
    readonly interpreter: string | null,
    private readonly pieces: readonly Piece[],
  ) {}

  get shell(): ShellScript {
    return (this.parsed ??= parseShellCached(this.text));
  }

  toSource(offset: number): number {
    let piece = this.pieces[0] as Piece;
    for (const p of this.pieces) {
      if (p.at <= offset) piece = p;
      else break;
    }
    const delta = Math.min(Math.max(offset - piece.at, 0), piece.len);
    switch (piece.kind) {
      case 'logical':
        // The end boundary of a piece maps to just after its last character (not across a continuation).
        if (delta === piece.len && delta > 0) return this.instruction.logical.toSource(piece.src + delta - 1) + 1;
        return this.instruction.logical.toSource(piece.src + delta);
      case 'direct':
        return piece.src + delta;
      case 'synthetic':
        return piece.src;
    }
  }

  span(start: number, end: number): Span {
    const s = this.toSource(start);
    if (end <= start) return { start: s, end: s };
    return { start: s, end: Math.max(s, this.toSource(end - 1) + 1) };
  }
}

function commandOf(ins: Instruction): CommandArgs | null {
  if (ins.name === 'RUN') return ins.command;
  return null;
}

/** The script of a RUN (or of the RUN inside an ONBUILD); null for other instructions. */
export function buildRunScript(ins: Instruction): RunScript | null {
  const cmd = commandOf(ins);
  if (!cmd) return null;
  if (cmd.form === 'exec') {
    const pieces: Piece[] = [];
    let text = '';
    cmd.json.elements.forEach((e, i) => {
      if (i > 0) {
        pieces.push({ at: text.length, len: 1, src: e.span.start, kind: 'synthetic' });
        text += ' ';
      }
      const quoted = shellQuote(e.value);
      // The element's characters map one to one when the JSON string has no escapes.
      const exact = e.span.end - e.span.start === e.value.length + 2 && !e.value.includes("'");
      pieces.push({ at: text.length, len: quoted.length, src: exact ? e.span.start : e.span.start, kind: exact ? 'direct' : 'synthetic' });
      text += quoted;
    });
    return new Script(ins, text, 'exec', null, pieces.length ? pieces : [{ at: 0, len: 0, src: cmd.span.start, kind: 'synthetic' }]);
  }
  const heredocs = ins.heredocs;
  const only = heredocs[0];
  if (heredocs.length === 1 && only && cmd.text.trim() === only.marker.text) {
    const body = only.content;
    let interpreter: string | null = null;
    if (body.startsWith('#!')) {
      const nl = body.indexOf('\n');
      interpreter = body.slice(2, nl < 0 ? body.length : nl).trim();
    }
    return new Script(ins, body, 'heredoc', interpreter, [{ at: 0, len: body.length, src: only.bodySpan.start, kind: 'direct' }]);
  }
  const pieces: Piece[] = [{ at: 0, len: cmd.text.length, src: cmd.offset, kind: 'logical' }];
  let text = cmd.text;
  for (const h of heredocs) {
    pieces.push({ at: text.length, len: 1, src: cmd.span.end, kind: 'synthetic' });
    text += '\n';
    pieces.push({ at: text.length, len: h.content.length, src: h.bodySpan.start, kind: 'direct' });
    text += h.content;
    pieces.push({ at: text.length, len: h.name.length, src: h.terminatorSpan ? h.terminatorSpan.end - h.name.length : h.bodySpan.end, kind: h.terminatorSpan ? 'direct' : 'synthetic' });
    text += h.name;
  }
  return new Script(ins, text, 'shell', null, pieces);
}
