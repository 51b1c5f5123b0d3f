/**
 * Fix safety is lowered when an edit replaces text that crosses a comment, a line continuation
 * or a variable reference: the rule judged the instruction's meaning, but such text can hide
 * something the rule did not see (a commented-out flag, a value that only the build knows).
 */
import type { Dockerfile } from '../parser/ast.js';
import type { Span } from '../parser/source.js';
import type { Fix, FixSafety, TextEdit } from '../engine/types.js';

const LOWER: Readonly<Record<FixSafety, FixSafety>> = { safe: 'unsafe', unsafe: 'suggestion', suggestion: 'suggestion' };

/** The spans an edit should not cross: comments and line continuations, sorted by start. */
export function hazards(file: Dockerfile): Span[] {
  const out: Span[] = file.comments.map((c) => c.span);
  for (const ins of file.instructions) for (const c of ins.continuations) out.push(c);
  return out.sort((a, b) => a.start - b.start);
}

function crosses(edit: TextEdit, spans: readonly Span[]): boolean {
  if (edit.start === edit.end) return false;
  // Binary search for the first hazard ending after the edit starts.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as Span).end <= edit.start) lo = mid + 1;
    else hi = mid;
  }
  const s = spans[lo];
  return s !== undefined && s.start < edit.end;
}

const VARIABLE = /\$(?:\{|[A-Za-z_])/;

/** The fix with its safety lowered one level when an edit crosses a hazard; the same object otherwise. */
export function adjustSafety(fix: Fix, text: string, spans: () => readonly Span[], textChecked = false): Fix {
  if (fix.safety === 'suggestion' || textChecked) return fix;
  for (const e of fix.edits) {
    if (e.start === e.end) continue;
    if (VARIABLE.test(text.slice(e.start, e.end)) || crosses(e, spans())) {
      return { ...fix, safety: LOWER[fix.safety], title: fix.title };
    }
  }
  return fix;
}
