import type { Span } from '../parser/source.js';
import type { PracticeId } from '../practices/ids.js';

export type Severity = 'error' | 'warning' | 'info' | 'style';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'style'];
/** Higher is more severe. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1, style: 0 };

/**
 * - safe: the built image does not change (casing, `ENV k v` → `ENV k=v`); applied by `--fix`.
 * - unsafe: the image changes the way the rule documents; applied with `--unsafe-fixes`.
 * - suggestion: needs a value only the user knows; shown, never applied.
 */
export type FixSafety = 'safe' | 'unsafe' | 'suggestion';
export const FIX_SAFETY_RANK: Readonly<Record<FixSafety, number>> = { safe: 2, unsafe: 1, suggestion: 0 };

/** Replace text[start, end) (UTF-16 offsets into the original text) with `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Edits to a file other than the Dockerfile (e.g. `.dockerignore`), by its path relative to the
 * build context; offsets are into the text the project facts saw ('' when the file is created).
 */
export interface FileEdit {
  readonly path: string;
  /** The file does not exist yet: the edits build it from ''. */
  readonly create: boolean;
  readonly edits: readonly TextEdit[];
}

export interface Fix {
  readonly safety: FixSafety;
  /** What to do, imperative: "Add `--no-cache-dir`". */
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** Edits to other files of the build context, applied together with `edits`. */
  readonly fileEdits?: readonly FileEdit[];
}

export interface Diagnostic {
  /** Our rule name (kebab-case), `parse-error`, `internal-error` or `unused-suppression`. */
  readonly rule: string;
  /** hadolint codes / BuildKit check names the rule answers to. */
  readonly aliases: readonly string[];
  readonly practices: readonly PracticeId[];
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  /** 1-based; columns in UTF-16 code units; endColumn is exclusive (the column after the span). */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fix: Fix | null;
  /** Link to the rule's documentation. */
  readonly url: string | null;
}

export interface FileResult {
  /** The path as the user gave it (or `-` for stdin). */
  readonly path: string;
  readonly diagnostics: readonly Diagnostic[];
  /** The text that was linted (after fixing, when fixes were applied). */
  readonly source: string;
  /** Fixes that were applied to produce `source`, when run with --fix. */
  readonly appliedFixes?: readonly { readonly rule: string; readonly title: string; readonly safety: FixSafety }[];
}

export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly styles: number;
}

export interface LintReport {
  readonly files: readonly FileResult[];
  readonly summary: Summary;
}

/** What formatters need to know about a rule (SARIF rule metadata, docs links). */
export interface RuleDescriptor {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly practices: readonly PracticeId[];
  readonly severity: Severity;
  readonly summary: string;
  readonly url: string;
}

export function summarize(files: readonly FileResult[]): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let styles = 0;
  for (const f of files) {
    for (const d of f.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else if (d.severity === 'info') infos++;
      else styles++;
    }
  }
  return { files: files.length, errors, warnings, infos, styles };
}
