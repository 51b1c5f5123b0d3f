/**
 * Rule documentation generated from rule metadata (the single source of truth): one page per
 * rule and an index with every alias, so a user migrating from hadolint or BuildKit's checks can
 * look up each code.
 */
import type { Rule } from '../engine/rule.js';

function fence(code: string): string {
  return '```dockerfile\n' + (code.endsWith('\n') ? code : code + '\n') + '```\n';
}

function fixLabel(rule: Rule): string {
  return rule.fixable ?? 'none';
}

function defaultLabel(rule: Rule): string {
  if (rule.experimental) return 'off (BuildKit experimental check)';
  return rule.enabledByDefault === false ? 'off' : 'on';
}

export function rulePage(rule: Rule): string {
  const lines: string[] = [];
  lines.push(`# ${rule.name}`, '', rule.summary + '.', '');
  lines.push('| | |', '|---|---|');
  lines.push(`| Severity | ${rule.severity} |`);
  lines.push(`| Default | ${defaultLabel(rule)} |`);
  lines.push(`| Practices | ${rule.practices.length ? rule.practices.map((p) => `\`${p}\``).join(', ') : '—'} |`);
  lines.push(`| Aliases | ${rule.aliases.length ? rule.aliases.map((a) => `\`${a}\``).join(', ') : '—'} |`);
  lines.push(`| Fix | ${fixLabel(rule)} |`);
  if (rule.needsContext) lines.push('| Needs | the build context (off with `--context none`) |');
  lines.push('', '## What it does', '', rule.docs.what, '', '## Why is this bad?', '', rule.docs.why, '');
  lines.push('## Example', '');
  for (const ex of rule.examples.bad) {
    if (ex.title) lines.push(ex.title, '');
    lines.push(fence(ex.code));
  }
  lines.push('## Use instead', '');
  for (const ex of rule.examples.good) {
    if (ex.title) lines.push(ex.title, '');
    lines.push(fence(ex.code));
  }
  if (rule.examples.fixed?.length) {
    lines.push('## Fixed', '');
    for (const ex of rule.examples.fixed) {
      lines.push(`With \`--fix${ex.unsafe ? ' --unsafe-fixes' : ''}\`:`, '', fence(ex.input), 'becomes', '', fence(ex.output));
    }
  }
  lines.push('## Fix safety', '', rule.docs.fixSafety ?? 'This rule has no automatic fix.', '');
  if (rule.docs.options) lines.push('## Options', '', rule.docs.options, '');
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

export function rulesIndex(rules: readonly Rule[]): string {
  const lines: string[] = [];
  lines.push('# Rules', '', 'Generated from the rule metadata (`npm run gen:docs`); a test fails when this file is stale.', '');
  lines.push('Select or ignore rules by name, by alias (a hadolint `DL` code or a BuildKit check name) or by practice ID, in `.dockwise.yaml`, `[tool.dockwise]`, `.hadolint.yaml`, `# dockwise ignore=…`, `# hadolint ignore=…` or `# check=skip=…`.', '');
  lines.push('| Rule | Severity | Default | Fix | Aliases | Practices |', '|---|---|---|---|---|---|');
  for (const r of rules) {
    lines.push(`| [${r.name}](rules/${r.name}.md) | ${r.severity} | ${defaultLabel(r)} | ${fixLabel(r)} | ${r.aliases.map((a) => `\`${a}\``).join(' ') || '—'} | ${r.practices.map((p) => `\`${p}\``).join(' ') || '—'} |`);
  }
  const aliases = rules.flatMap((r) => r.aliases.map((a) => [a, r.name] as const)).sort((a, b) => a[0].localeCompare(b[0]));
  if (aliases.length) {
    lines.push('', '## By alias', '', 'Each hadolint code and BuildKit check with the dockwise rule that answers to it.', '', '| Alias | Rule |', '|---|---|');
    for (const [a, n] of aliases) lines.push(`| \`${a}\` | [${n}](rules/${n}.md) |`);
  }
  return lines.join('\n') + '\n';
}

/** Every generated file, path relative to `docs/`. */
export function generateRuleDocs(rules: readonly Rule[]): Map<string, string> {
  const files = new Map<string, string>();
  files.set('rules.md', rulesIndex(rules));
  for (const r of rules) files.set(`rules/${r.name}.md`, rulePage(r));
  return files;
}
