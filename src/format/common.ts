import type { Diagnostic, FileResult, LintReport, RuleDescriptor } from '../engine/types.js';
import type { FormatOptions } from './types.js';

/** The rule's metadata, or what the diagnostic itself says about it (built-ins like `parse-error`). */
export function describeRule(d: Diagnostic, options: FormatOptions): RuleDescriptor {
  return (
    options.rules.get(d.rule) ?? {
      name: d.rule,
      aliases: d.aliases,
      practices: d.practices,
      severity: d.severity,
      summary: d.rule,
      url: d.url ?? '',
    }
  );
}

/** `pip-no-cache-dir (DL3042)`: the rule name with the codes it answers to. */
export function ruleLabel(rule: string, aliases: readonly string[]): string {
  return aliases.length === 0 ? rule : `${rule} (${aliases.join(', ')})`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export interface FixCounts {
  readonly safe: number;
  readonly unsafe: number;
  readonly suggestion: number;
}

export function countFixes(report: LintReport): FixCounts {
  let safe = 0;
  let unsafe = 0;
  let suggestion = 0;
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      if (d.fix === null) continue;
      if (d.fix.safety === 'safe') safe++;
      else if (d.fix.safety === 'unsafe') unsafe++;
      else suggestion++;
    }
  }
  return { safe, unsafe, suggestion };
}

/** Every distinct rule of the report with its metadata, sorted by name (a stable order for rule tables). */
export function reportRules(report: LintReport, options: FormatOptions): RuleDescriptor[] {
  const seen = new Map<string, RuleDescriptor>();
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      if (!seen.has(d.rule)) seen.set(d.rule, describeRule(d, options));
    }
  }
  return [...seen.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const FNV128_OFFSET = 0x6c62272e07bb014262b821756295c58dn;
const FNV128_PRIME = 0x0000000001000000000000000000013bn;
const MASK128 = (1n << 128n) - 1n;
const encoder = new TextEncoder();

/** FNV-1a, 128 bits, over the UTF-8 bytes of `s`, as 32 hex digits (deterministic, no crypto needed). */
export function fnv1a128(s: string): string {
  let h = FNV128_OFFSET;
  for (const byte of encoder.encode(s)) {
    h ^= BigInt(byte);
    h = (h * FNV128_PRIME) & MASK128;
  }
  return h.toString(16).padStart(32, '0');
}

/**
 * Stable fingerprints for a file's diagnostics: a hash of path, rule, message and the (trimmed) text
 * of the diagnostic's first line, so moving code up or down keeps them; identical findings on
 * identical lines are told apart by their order (pass one `seen` map for the whole report).
 */
export function fingerprints(file: FileResult, seen: Map<string, number> = new Map()): string[] {
  const lines = file.source.split('\n');
  return file.diagnostics.map((d) => {
    const text = (lines[d.line - 1] ?? '').trim();
    const key = [file.path, d.rule, d.message, text].join('\u0000');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return fnv1a128(n === 0 ? key : `${key}\u0000${n}`);
  });
}
