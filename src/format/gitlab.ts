import type { LintReport, Severity } from '../engine/types.js';
import { fingerprints } from './common.js';

/**
 * GitLab Code Quality report (`artifacts:reports:codequality`): a JSON array with one issue per
 * diagnostic. `fingerprint` is an FNV-1a/128 hash of path, rule, message and the trimmed text of the
 * diagnostic's line, so an unchanged finding keeps its fingerprint when lines move (GitLab matches
 * issues between branches by it); identical findings on identical lines are numbered apart.
 */
export type GitlabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export interface GitlabIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: GitlabSeverity;
  readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end: number } };
}

export function gitlabSeverity(severity: Severity): GitlabSeverity {
  switch (severity) {
    case 'style':
      return 'info';
    case 'info':
      return 'minor';
    case 'warning':
      return 'major';
    case 'error':
      return 'critical';
  }
}

export function toGitlabIssues(report: LintReport): GitlabIssue[] {
  const issues: GitlabIssue[] = [];
  const seen = new Map<string, number>();
  for (const file of report.files) {
    const prints = fingerprints(file, seen);
    file.diagnostics.forEach((d, i) => {
      issues.push({
        description: d.message,
        check_name: d.rule,
        fingerprint: prints[i] ?? '',
        severity: gitlabSeverity(d.severity),
        location: { path: file.path, lines: { begin: d.line, end: d.endLine } },
      });
    });
  }
  return issues;
}

export function formatGitlab(report: LintReport): string {
  return `${JSON.stringify(toGitlabIssues(report), null, 2)}\n`;
}
