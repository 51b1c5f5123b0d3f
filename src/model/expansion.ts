/**
 * Expansion of instruction words against a scope, telling the rules what they need besides the
 * value: whether every variable used had a known value, and which ones were never declared.
 */
import type { EscapeChar } from '../parser/ast.js';
import { hasExpansion, processWord, processWords } from './expand.js';
import type { Scope } from './scope.js';

export interface Expanded {
  /** The expanded text (a best guess when `resolved` is false). */
  readonly value: string;
  /** True when no variable with an unknown value was used, and expansion did not fail. */
  readonly resolved: boolean;
  /** Variables used but never declared in this scope (BuildKit's UndefinedVar). */
  readonly undefinedVars: readonly string[];
  /** Variables used that are declared but whose value is only known at build time. */
  readonly unknownVars: readonly string[];
  /** Variables used (declared or not). */
  readonly usedVars: readonly string[];
  /** BuildKit's error message when expansion fails (the build would fail). */
  readonly error: string | null;
}

export interface ExpandedWords extends Omit<Expanded, 'value'> {
  readonly words: readonly string[];
}

const NONE: readonly string[] = Object.freeze([]);

function lookupIn(scope: Scope, unknown: string[]): (name: string) => string | undefined {
  return (name) => {
    const v = scope.get(name);
    if (!v) return undefined;
    if (v.value === null) {
      unknown.push(name);
      return undefined;
    }
    return v.value;
  };
}

function classify(scope: Scope, matched: readonly string[], unmatched: readonly string[], unknown: string[]): { undefinedVars: string[]; used: string[] } {
  const undefinedVars: string[] = [];
  for (const name of unmatched) if (!scope.has(name) && !undefinedVars.includes(name)) undefinedVars.push(name);
  const used = [...new Set([...matched, ...unmatched, ...unknown])];
  return { undefinedVars, used };
}

export function expandWord(text: string, scope: Scope, escape: EscapeChar = '\\'): Expanded {
  if (!hasExpansion(text, escape)) {
    const r = processWord(text, () => undefined, { escape });
    return { value: r.ok ? r.value : text, resolved: r.ok, undefinedVars: NONE, unknownVars: NONE, usedVars: NONE, error: r.ok ? null : r.error.message };
  }
  const unknown: string[] = [];
  const r = processWord(text, lookupIn(scope, unknown), { escape });
  if (!r.ok) return { value: text, resolved: false, undefinedVars: NONE, unknownVars: unknown, usedVars: NONE, error: r.error.message };
  const { undefinedVars, used } = classify(scope, r.matched, r.unmatched, unknown);
  return { value: r.value, resolved: unknown.length === 0, undefinedVars, unknownVars: [...new Set(unknown)], usedVars: used, error: null };
}

export function expandWords(text: string, scope: Scope, escape: EscapeChar = '\\'): ExpandedWords {
  const unknown: string[] = [];
  const r = processWords(text, lookupIn(scope, unknown), { escape });
  if (!r.ok) return { words: [text], resolved: false, undefinedVars: NONE, unknownVars: unknown, usedVars: NONE, error: r.error.message };
  const { undefinedVars, used } = classify(scope, r.matched, r.unmatched, unknown);
  return { words: r.words, resolved: unknown.length === 0, undefinedVars, unknownVars: [...new Set(unknown)], usedVars: used, error: null };
}
