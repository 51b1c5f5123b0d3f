/**
 * Applying fixes: each fix is all-or-nothing; fixes whose edits overlap an already chosen fix wait
 * for the next pass (the text is re-linted in between, so their offsets are fresh). A fix may also
 * edit other files of the build context (`fileEdits`): those apply only when the caller gives the
 * current text of those files, with the same overlap rule per file.
 */
import type { Diagnostic, FileEdit, Fix, FixSafety, TextEdit } from '../engine/types.js';

export interface AppliedFix {
  readonly rule: string;
  readonly title: string;
  readonly safety: FixSafety;
}

export function fixIsApplicable(fix: Fix | null, unsafe: boolean): fix is Fix {
  if (!fix || (fix.edits.length === 0 && (fix.fileEdits?.length ?? 0) === 0)) return false;
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

/** The current text of another context file (null: it does not exist). */
export type FileTextOf = (path: string) => string | null;

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function editsFit(edits: readonly TextEdit[], length: number, chosen: readonly TextEdit[]): boolean {
  if (edits.some((e) => e.start < 0 || e.end > length || e.start > e.end)) return false;
  if (edits.some((e) => chosen.some((c) => overlaps(c, e)))) return false;
  // A fix's own edits must not overlap each other either.
  const own = [...edits].sort((a, b) => a.start - b.start);
  return !own.some((e, i) => i > 0 && overlaps(own[i - 1] as TextEdit, e));
}

/**
 * Applies every applicable fix that does not overlap an earlier one (in diagnostic order).
 * `files` gives the current text of other context files; without it, fixes that edit other files
 * are left alone. `files` in the result holds the new text of each other file that changed.
 */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[], unsafe: boolean, fileText?: FileTextOf): { text: string; applied: AppliedFix[]; files: Map<string, string> } {
  const chosen: TextEdit[] = [];
  const chosenFiles = new Map<string, { base: string; edits: TextEdit[] }>();
  const applied: AppliedFix[] = [];
  for (const d of diagnostics) {
    const fix = d.fix;
    if (!fixIsApplicable(fix, unsafe)) continue;
    if (!editsFit(fix.edits, text.length, chosen)) continue;
    const fileEdits: readonly FileEdit[] = fix.fileEdits ?? [];
    if (fileEdits.length > 0 && !fileText) continue;
    const fits = fileEdits.every((fe) => {
      const current = chosenFiles.get(fe.path)?.base ?? fileText?.(fe.path) ?? null;
      if (current === null ? !fe.create : fe.create) return false;
      return editsFit(fe.edits, (current ?? '').length, chosenFiles.get(fe.path)?.edits ?? []);
    });
    if (!fits) continue;
    chosen.push(...fix.edits);
    for (const fe of fileEdits) {
      const entry = chosenFiles.get(fe.path) ?? { base: fileText?.(fe.path) ?? '', edits: [] };
      entry.edits.push(...fe.edits);
      chosenFiles.set(fe.path, entry);
    }
    applied.push({ rule: d.rule, title: fix.title, safety: fix.safety });
  }
  const files = new Map<string, string>();
  for (const [path, { base, edits }] of chosenFiles) files.set(path, applyEdits(base, edits));
  return { text: chosen.length === 0 ? text : applyEdits(text, chosen), applied, files };
}
