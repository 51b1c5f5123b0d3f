/**
 * Applying fixes: each fix is all-or-nothing; fixes whose edits overlap an already chosen fix wait
 * for the next pass (the text is re-linted in between, so their offsets are fresh).
 */
import type { Diagnostic, Fix, FixSafety, TextEdit } from '../engine/types.js';

export interface AppliedFix {
  readonly rule: string;
  readonly title: string;
  readonly safety: FixSafety;
}

export function fixIsApplicable(fix: Fix | null, unsafe: boolean): fix is Fix {
  if (!fix || fix.edits.length === 0) return false;
  return fix.safety === 'safe' || (unsafe && fix.safety === 'unsafe');
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  const aInsert = a.start === a.end;
  const bInsert = b.start === b.end;
  // Two insertions at the same point conflict (their order would be arbitrary).
  if (aInsert && bInsert) return a.start === b.start;
  // An insertion conflicts with a replacement only strictly inside it.
  if (aInsert) return a.start > b.start && a.start < b.end;
  if (bInsert) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Applies every applicable fix that does not overlap an earlier one (in diagnostic order). */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[], unsafe: boolean): { text: string; applied: AppliedFix[] } {
  const chosen: TextEdit[] = [];
  const applied: AppliedFix[] = [];
  for (const d of diagnostics) {
    const fix = d.fix;
    if (!fixIsApplicable(fix, unsafe)) continue;
    if (fix.edits.some((e) => e.start < 0 || e.end > text.length || e.start > e.end)) continue;
    if (fix.edits.some((e) => chosen.some((c) => overlaps(c, e)))) continue;
    // A fix's own edits must not overlap each other either.
    const own = [...fix.edits].sort((a, b) => a.start - b.start);
    if (own.some((e, i) => i > 0 && overlaps(own[i - 1] as TextEdit, e))) continue;
    chosen.push(...fix.edits);
    applied.push({ rule: d.rule, title: fix.title, safety: fix.safety });
  }
  if (chosen.length === 0) return { text, applied };
  chosen.sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of chosen) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, applied };
}
