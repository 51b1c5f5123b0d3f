import type { Diagnostic, FileResult, LintReport } from '../engine/types.js';
import { ruleLabel } from './common.js';
import { escapeXmlText, XML_DECLARATION, xmlAttrs } from './xml.js';

/**
 * JUnit XML for CI test dashboards: one `<testsuite>` per file, one `<testcase>` per rule that
 * fired in it (in order of first appearance) holding one `<failure>` per diagnostic; a file without
 * findings gets one passing `dockwise` testcase. `tests`/`failures` count testcases.
 */
export const PASSING_TESTCASE = 'dockwise';

function failureBody(file: FileResult, d: Diagnostic): string {
  const head = `${file.path}:${d.line}:${d.column}: ${d.severity} [${ruleLabel(d.rule, d.aliases)}] ${d.message}`;
  if (d.fix === null) return head;
  return d.fix.safety === 'suggestion' ? `${head}\nsuggestion: ${d.fix.title}` : `${head}\nfix available (${d.fix.safety}): ${d.fix.title}`;
}

function suite(file: FileResult): { xml: string[]; tests: number; failures: number } {
  const byRule = new Map<string, Diagnostic[]>();
  for (const d of file.diagnostics) {
    const list = byRule.get(d.rule);
    if (list === undefined) byRule.set(d.rule, [d]);
    else list.push(d);
  }
  const tests = Math.max(1, byRule.size);
  const failures = byRule.size;
  const xml = [`  <testsuite ${xmlAttrs([['name', file.path], ['tests', tests], ['failures', failures], ['errors', 0], ['skipped', 0]])}>`];
  if (byRule.size === 0) {
    xml.push(`    <testcase ${xmlAttrs([['name', PASSING_TESTCASE], ['classname', file.path]])}/>`);
  }
  for (const [rule, list] of byRule) {
    xml.push(`    <testcase ${xmlAttrs([['name', rule], ['classname', file.path]])}>`);
    for (const d of list) {
      xml.push(`      <failure ${xmlAttrs([['message', d.message], ['type', d.severity]])}>${escapeXmlText(failureBody(file, d))}</failure>`);
    }
    xml.push('    </testcase>');
  }
  xml.push('  </testsuite>');
  return { xml, tests, failures };
}

export function formatJunit(report: LintReport): string {
  const suites = report.files.map(suite);
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failures, 0);
  const out = [XML_DECLARATION, `<testsuites ${xmlAttrs([['name', 'dockwise'], ['tests', tests], ['failures', failures], ['errors', 0]])}>`];
  for (const s of suites) out.push(...s.xml);
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
