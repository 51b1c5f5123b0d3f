import type { Diagnostic, FileResult, FixSafety, LintReport, Severity } from '../engine/types.js';

/**
 * `dockwise lint --format json`: a stable, versioned interface. Fields are only ever added (in a
 * new `version` when a consumer could misread the old shape). Key order is fixed as below; the text
 * is pretty-printed with two spaces and ends with a newline. Files and diagnostics keep the
 * report's order.
 *
 * ```jsonc
 * {
 *   "version": 1,
 *   "files": [
 *     {
 *       "path": "Dockerfile",                 // as the user gave it, `-` for stdin
 *       "diagnostics": [
 *         {
 *           "rule": "pip-no-cache-dir",       // dockwise's rule name
 *           "aliases": ["DL3042"],            // hadolint codes / BuildKit check names
 *           "practices": ["pip-no-cache"],    // practice IDs of PRACTICES.md
 *           "severity": "warning",            // "error" | "warning" | "info" | "style"
 *           "message": "…",
 *           "line": 4, "column": 5,           // 1-based; columns in UTF-16 code units
 *           "endLine": 4, "endColumn": 32,    // endColumn is exclusive
 *           "fix": null                       // or { "safety": "safe" | "unsafe" | "suggestion", "title": "…" }
 *         }
 *       ],
 *       "appliedFixes": [                     // only when fixes were applied (--fix)
 *         { "rule": "…", "title": "…", "safety": "safe" }
 *       ]
 *     }
 *   ],
 *   "summary": { "files": 1, "errors": 0, "warnings": 1, "infos": 0, "styles": 0 }
 * }
 * ```
 */
export interface JsonReport {
  readonly version: 1;
  readonly files: readonly JsonFile[];
  readonly summary: JsonSummary;
}

export interface JsonFile {
  readonly path: string;
  readonly diagnostics: readonly JsonDiagnostic[];
  readonly appliedFixes?: readonly JsonAppliedFix[];
}

export interface JsonDiagnostic {
  readonly rule: string;
  readonly aliases: readonly string[];
  readonly practices: readonly string[];
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fix: { readonly safety: FixSafety; readonly title: string } | null;
}

export interface JsonAppliedFix {
  readonly rule: string;
  readonly title: string;
  readonly safety: FixSafety;
}

export interface JsonSummary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly styles: number;
}

function jsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return {
    rule: d.rule,
    aliases: [...d.aliases],
    practices: [...d.practices],
    severity: d.severity,
    message: d.message,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    fix: d.fix === null ? null : { safety: d.fix.safety, title: d.fix.title },
  };
}

function jsonFile(f: FileResult): JsonFile {
  const base = { path: f.path, diagnostics: f.diagnostics.map(jsonDiagnostic) };
  if (f.appliedFixes === undefined) return base;
  return { ...base, appliedFixes: f.appliedFixes.map((a) => ({ rule: a.rule, title: a.title, safety: a.safety })) };
}

/** The report as the {@link JsonReport} object (key order as documented). */
export function toJsonReport(report: LintReport): JsonReport {
  const s = report.summary;
  return {
    version: 1,
    files: report.files.map(jsonFile),
    summary: { files: s.files, errors: s.errors, warnings: s.warnings, infos: s.infos, styles: s.styles },
  };
}

export function formatJson(report: LintReport): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
