import type { LintReport } from '../engine/types.js';
import { formatCheckstyle } from './checkstyle.js';
import { formatGithub } from './github.js';
import { formatGitlab } from './gitlab.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';
import type { FormatName, FormatOptions } from './types.js';

export { DOCKWISE_INFORMATION_URI, FORMAT_NAMES, isFormatName, NO_COLORS } from './types.js';
export type { Colors, FormatName, FormatOptions } from './types.js';
export type { JsonAppliedFix, JsonDiagnostic, JsonFile, JsonReport, JsonSummary } from './json.js';
export type { GitlabIssue, GitlabSeverity } from './gitlab.js';
export { formatCheckstyle, formatGithub, formatGitlab, formatJson, formatJunit, formatSarif, formatText };
export { toJsonReport } from './json.js';
export { toSarif, SARIF_SCHEMA_URI } from './sarif.js';
export { toGitlabIssues } from './gitlab.js';

/** Renders a lint report in one of the output formats. Pure and deterministic; every format ends with a newline (github: when it has lines). */
export function formatReport(report: LintReport, format: FormatName, options: FormatOptions): string {
  switch (format) {
    case 'text':
      return formatText(report, options);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, options);
    case 'github':
      return formatGithub(report);
    case 'checkstyle':
      return formatCheckstyle(report);
    case 'gitlab':
      return formatGitlab(report);
    case 'junit':
      return formatJunit(report);
  }
}
