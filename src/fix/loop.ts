/**
 * The fix loop: lint, apply what does not overlap, re-parse, repeat (bounded); stop on a cycle;
 * keep the last text that parsed as well as the original did.
 */
import type { Linter, LintOptions, LintResult } from '../engine/lint.js';
import { applyFixes, type AppliedFix } from './apply.js';

export const MAX_PASSES = 10;

export interface FixResult {
  readonly text: string;
  /**
   * New text of other build-context files the fixes edited (context-relative path → text), e.g.
   * `.dockerignore`; only when `options.project` is given.
   */
  readonly files: ReadonlyMap<string, string>;
  readonly applied: readonly AppliedFix[];
  /** The lint of the final text (what is reported matches what is written). */
  readonly result: LintResult;
  readonly passes: number;
  /** Why the loop stopped early, if it did. */
  readonly stopped: 'converged' | 'cycle' | 'max-passes' | 'broke-parsing';
}

export function fixText(linter: Linter, text: string, options: LintOptions & { readonly unsafe?: boolean }): FixResult {
  const seen = new Set<string>([text]);
  let current = text;
  let lintOptions: LintOptions = options;
  let result = linter.lint(current, lintOptions);
  const baselineErrors = result.file.errors.length;
  const applied: AppliedFix[] = [];
  // Other files edited so far (path → text); the project facts are re-read over them after each pass.
  const files = new Map<string, string>();
  const base = options.project ?? null;
  const fileText = base ? (path: string): string | null => files.get(path) ?? base.text(path) : undefined;
  let passes = 0;
  let stopped: FixResult['stopped'] = 'converged';
  while (passes < MAX_PASSES) {
    const next = applyFixes(current, result.diagnostics, options.unsafe ?? false, fileText);
    if (next.applied.length === 0) break;
    passes++;
    let nextOptions = lintOptions;
    const nextFiles = new Map([...files, ...next.files]);
    if (base && next.files.size > 0) nextOptions = { ...options, project: base.withFiles(nextFiles) };
    const nextResult = linter.lint(next.text, nextOptions);
    if (nextResult.file.errors.length > baselineErrors) {
      stopped = 'broke-parsing';
      break;
    }
    lintOptions = nextOptions;
    for (const [path, t] of next.files) files.set(path, t);
    if (seen.has(next.text) && next.files.size === 0) {
      stopped = 'cycle';
      current = next.text;
      result = nextResult;
      applied.push(...next.applied);
      break;
    }
    seen.add(next.text);
    current = next.text;
    result = nextResult;
    applied.push(...next.applied);
    if (passes === MAX_PASSES) stopped = 'max-passes';
  }
  return { text: current, files, applied, result, passes, stopped };
}
