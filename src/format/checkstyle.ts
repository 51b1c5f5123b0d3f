import type { LintReport, Severity } from '../engine/types.js';
import { XML_DECLARATION, xmlAttrs } from './xml.js';

/**
 * Checkstyle XML, as hadolint and ESLint write it: one `<file>` per linted file (also clean ones),
 * one `<error>` per diagnostic with `source` = the rule name. Checkstyle knows error, warning and
 * info; `style` is reported as `info`.
 */
export function checkstyleSeverity(severity: Severity): 'error' | 'warning' | 'info' {
  return severity === 'style' ? 'info' : severity;
}

export function formatCheckstyle(report: LintReport): string {
  const out = [XML_DECLARATION, '<checkstyle version="4.3">'];
  for (const file of report.files) {
    const name = xmlAttrs([['name', file.path]]);
    if (file.diagnostics.length === 0) {
      out.push(`  <file ${name}/>`);
      continue;
    }
    out.push(`  <file ${name}>`);
    for (const d of file.diagnostics) {
      const attrs = xmlAttrs([
        ['line', d.line],
        ['column', d.column],
        ['severity', checkstyleSeverity(d.severity)],
        ['message', d.message],
        ['source', d.rule],
      ]);
      out.push(`    <error ${attrs}/>`);
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
}
