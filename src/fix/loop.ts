/**
 * The fix loop: lint, apply what does not overlap, re-parse, repeat (bounded); stop on a cycle;
 * keep the last text that parsed as well as the original did.
 */
import type { Linter, LintOptions, LintResult } from '../engine/lint.js';
import { applyFixes, type AppliedFix } from './apply.js';

export const MAX_PASSES = 10;

export interface FixResult {
  readonly text: string;
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
  let result = linter.lint(current, options);
  const baselineErrors = result.file.errors.length;
  const applied: AppliedFix[] = [];
  let passes = 0;
  let stopped: FixResult['stopped'] = 'converged';
  while (passes < MAX_PASSES) {
    const next = applyFixes(current, result.diagnostics, options.unsafe ?? false);
    if (next.applied.length === 0) break;
    passes++;
    const nextResult = linter.lint(next.text, options);
    if (nextResult.file.errors.length > baselineErrors) {
      stopped = 'broke-parsing';
      break;
    }
    if (seen.has(next.text)) {
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
  return { text: current, applied, result, passes, stopped };
}
