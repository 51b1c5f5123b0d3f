import type { Diagnostic, FileResult, LintReport, Severity } from '../engine/types.js';
import { SourceFile } from '../parser/source.js';
import { codeFrame } from './code-frame.js';
import { countFixes, plural, ruleLabel } from './common.js';
import { sanitizeInline } from './display.js';
import { NO_COLORS, type Colors, type FormatOptions } from './types.js';

/**
 * The default, human format:
 *
 * ```
 * Dockerfile:4:5: warning [pip-no-cache-dir (DL3042)] `pip install` keeps its cache in the image
 *   4 | RUN pip install -r requirements.txt
 *     |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
 *   fix available (unsafe): Add `--no-cache-dir`
 *
 * 1 problem (0 errors, 1 warning, 0 infos, 0 styles) in 1 file
 * 1 fixable with --unsafe-fixes
 * ```
 *
 * Text from the Dockerfile is printed through {@link sanitizeInline}/the code frame, never raw.
 */
export function formatText(report: LintReport, options: FormatOptions): string {
  const c = options.colors ?? NO_COLORS;
  const blocks: string[] = [];
  for (const file of report.files) {
    const applied = file.appliedFixes?.length ?? 0;
    if (applied > 0) blocks.push(`${c.bold(sanitizeInline(file.path))}: applied ${plural(applied, 'fix', 'fixes')}`);
    if (file.diagnostics.length === 0) continue;
    const source = new SourceFile(file.source);
    for (const d of file.diagnostics) blocks.push(diagnosticBlock(file, source, d, c));
  }
  blocks.push(summaryLines(report, c));
  return `${blocks.join('\n\n')}\n`;
}

function severityColor(severity: Severity, c: Colors): (s: string) => string {
  switch (severity) {
    case 'error':
      return c.red;
    case 'warning':
      return c.yellow;
    case 'info':
      return c.blue;
    case 'style':
      return c.magenta;
  }
}

function diagnosticBlock(file: FileResult, source: SourceFile, d: Diagnostic, c: Colors): string {
  const color = severityColor(d.severity, c);
  const where = `${sanitizeInline(file.path)}:${d.line}:${d.column}:`;
  const label = sanitizeInline(ruleLabel(d.rule, d.aliases));
  const lines = [`${c.bold(where)} ${color(d.severity)} ${c.gray(`[${label}]`)} ${sanitizeInline(d.message)}`];
  lines.push(...codeFrame(source, d, { colors: c, mark: color, indent: '  ' }));
  if (d.fix !== null) {
    const title = sanitizeInline(d.fix.title);
    lines.push(d.fix.safety === 'suggestion' ? `  ${c.cyan('suggestion:')} ${title}` : `  ${c.green('fix available')} (${d.fix.safety}): ${title}`);
  }
  return lines.join('\n');
}

function summaryLines(report: LintReport, c: Colors): string {
  const s = report.summary;
  const problems = s.errors + s.warnings + s.infos + s.styles;
  const counts = [plural(s.errors, 'error'), plural(s.warnings, 'warning'), plural(s.infos, 'info'), plural(s.styles, 'style')].join(', ');
  const line = `${plural(problems, 'problem')} (${counts}) in ${plural(s.files, 'file')}`;
  const style = s.errors > 0 ? c.red : s.warnings > 0 ? c.yellow : problems > 0 ? c.blue : c.green;
  const out = [c.bold(style(line))];
  const fixes = countFixes(report);
  const parts: string[] = [];
  if (fixes.safe > 0) parts.push(`${fixes.safe} fixable with --fix`);
  if (fixes.unsafe > 0) parts.push(`${fixes.unsafe} ${fixes.safe > 0 ? 'more ' : ''}fixable with --unsafe-fixes`);
  if (parts.length > 0) out.push(parts.join(', '));
  return out.join('\n');
}
