/**
 * Which rules run, at which severity and with which options: the defaults, then each config layer
 * (select / extend-select / ignore / rules), then the file's own BuildKit `# check=` directive.
 */
import type { ConfigLayer, RuleSetting } from '../config/types.js';
import { isPracticeId } from '../practices/ids.js';
import type { Rule } from './rule.js';
import type { Severity } from './types.js';

export interface EnabledRule {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly options: Readonly<Record<string, unknown>>;
}

/** Rules by name and by alias (aliases case-insensitive: DL3008 = dl3008). */
export class RuleIndex {
  readonly rules: readonly Rule[];
  private readonly byKey = new Map<string, Rule[]>();

  constructor(rules: readonly Rule[]) {
    this.rules = rules;
    for (const rule of rules) {
      this.add(rule.name, rule);
      for (const alias of rule.aliases) this.add(alias.toLowerCase(), rule);
    }
  }

  private add(key: string, rule: Rule): void {
    const list = this.byKey.get(key);
    if (list) {
      if (!list.includes(rule)) list.push(rule);
    } else this.byKey.set(key, [rule]);
  }

  get(name: string): Rule | undefined {
    return this.byKey.get(name)?.[0] ?? this.byKey.get(name.toLowerCase())?.[0];
  }

  /** Rules a selector names: a rule name, an alias, a practice ID, or `all`. */
  match(selector: string): Rule[] {
    if (selector === 'all' || selector === 'ALL') return [...this.rules];
    const direct = this.byKey.get(selector) ?? this.byKey.get(selector.toLowerCase());
    if (direct) return direct;
    if (isPracticeId(selector)) return this.rules.filter((r) => r.practices.includes(selector));
    return [];
  }

  isKnownSelector(selector: string): boolean {
    return selector === 'all' || selector === 'ALL' || this.match(selector).length > 0 || /^SC\d+$/i.test(selector);
  }
}

interface State {
  enabled: Set<Rule>;
  severity: Map<Rule, Severity>;
  options: Map<Rule, Readonly<Record<string, unknown>>>;
}

function normalizeSetting(s: RuleSetting | string): RuleSetting {
  return typeof s === 'string' ? { severity: s as RuleSetting['severity'] & string } : s;
}

function applyLayer(index: RuleIndex, state: State, layer: ConfigLayer): void {
  if (layer.select) {
    state.enabled = new Set(layer.select.flatMap((s) => index.match(s)));
  }
  for (const s of layer.extendSelect ?? []) for (const r of index.match(s)) state.enabled.add(r);
  for (const s of layer.ignore ?? []) for (const r of index.match(s)) state.enabled.delete(r);
  for (const [key, raw] of Object.entries(layer.rules ?? {})) {
    const setting = normalizeSetting(raw as RuleSetting | string);
    for (const r of index.match(key)) {
      if (setting.severity === 'off') state.enabled.delete(r);
      else if (setting.severity) {
        state.enabled.add(r);
        state.severity.set(r, setting.severity);
      }
      if (setting.options) state.options.set(r, { ...(state.options.get(r) ?? {}), ...setting.options });
    }
  }
}

export interface CheckDirective {
  readonly skip: ReadonlySet<string> | 'all';
  readonly experimental: ReadonlySet<string> | 'all';
  readonly error: boolean;
}

/** BuildKit's `check=` value: up to three `;`-separated `key=value` parts. Null when invalid. */
export function parseCheckDirective(value: string): CheckDirective | null {
  const v = value.split(/\s/)[0] ?? '';
  let skip: Set<string> | 'all' = new Set();
  let experimental: Set<string> | 'all' = new Set();
  let error = false;
  const parts = v.split(';');
  const head = parts.slice(0, 2);
  if (parts.length > 2) head.push(parts.slice(2).join(';'));
  for (const part of head) {
    const p = part.trim();
    if (!p) return null;
    const eq = p.indexOf('=');
    if (eq < 0) return null;
    const key = p.slice(0, eq).trim();
    const val = p.slice(eq + 1).trim();
    if (key === 'skip') skip = val === 'all' ? 'all' : new Set(val.split(',').map((x) => x.trim()).filter(Boolean));
    else if (key === 'experimental') experimental = val === 'all' ? 'all' : new Set(val.split(',').map((x) => x.trim()).filter(Boolean));
    else if (key === 'error') {
      if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(val)) error = true;
      else if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(val)) error = false;
      else return null;
    } else return null;
  }
  return { skip, experimental, error };
}

/** The BuildKit check name among a rule's aliases (PascalCase, not a DL code), if any. */
export function buildkitName(rule: Rule): string | undefined {
  return rule.aliases.find((a) => /^[A-Z][a-zA-Z]+$/.test(a));
}

export function inCheckList(list: ReadonlySet<string> | 'all', rule: Rule): boolean {
  const name = buildkitName(rule);
  if (!name) return false;
  return list === 'all' || list.has(name);
}

export interface SelectionOptions {
  /** A build context is available; without one, rules with `needsContext` are off whatever the config says. */
  readonly context?: boolean;
}

export function selectRules(index: RuleIndex, layers: readonly ConfigLayer[], check: CheckDirective | null, options: SelectionOptions = {}): EnabledRule[] {
  const state: State = {
    enabled: new Set(index.rules.filter((r) => r.enabledByDefault !== false && !r.experimental)),
    severity: new Map(),
    options: new Map(),
  };
  const explicitlyOff = new Set<Rule>();
  for (const layer of layers) {
    applyLayer(index, state, layer);
    for (const s of layer.ignore ?? []) for (const r of index.match(s)) explicitlyOff.add(r);
  }
  if (check) {
    for (const r of index.rules) {
      if (r.experimental) {
        if (inCheckList(check.experimental, r) && !explicitlyOff.has(r)) state.enabled.add(r);
      } else if (inCheckList(check.skip, r)) state.enabled.delete(r);
    }
  }
  const withContext = options.context ?? true;
  return index.rules
    .filter((r) => state.enabled.has(r) && (withContext || !r.needsContext))
    .map((rule) => {
      let severity = state.severity.get(rule) ?? rule.severity;
      if (check?.error && buildkitName(rule) && !state.severity.has(rule)) severity = 'error';
      return { rule, severity, options: state.options.get(rule) ?? {} };
    });
}
