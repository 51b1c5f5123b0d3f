import type { LintReport, Severity } from '../engine/types.js';
import { ruleLabel } from './common.js';

/**
 * GitHub Actions workflow commands, one annotation per diagnostic:
 * `::warning file=Dockerfile,line=4,col=5,endLine=4,endColumn=32,title=pip-no-cache-dir (DL3042)::message`.
 * Escaping follows the runner's own (actions/toolkit `command.ts`): `%`, CR and LF in the message;
 * additionally `:` and `,` in property values.
 */
export function githubCommand(severity: Severity): 'error' | 'warning' | 'notice' {
  switch (severity) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'info':
    case 'style':
      return 'notice';
  }
}

export function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: LintReport): string {
  const out: string[] = [];
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      const props = [
        `file=${escapeGithubProperty(file.path)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeGithubProperty(ruleLabel(d.rule, d.aliases))}`,
      ];
      out.push(`::${githubCommand(d.severity)} ${props.join(',')}::${escapeGithubData(d.message)}`);
    }
  }
  return out.map((l) => `${l}\n`).join('');
}
