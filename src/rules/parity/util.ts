/** Helpers shared by the hadolint / BuildKit parity rules. */
import type { Instruction, Word } from '../../parser/ast.js';
import type { Span } from '../../parser/source.js';
import type { DockerfileModel } from '../../model/model.js';
import { expandWord } from '../../model/expansion.js';
import { BUILTIN_ARGS, Scope, type Variable } from '../../model/scope.js';

export type Casing = 'upper' | 'lower' | 'mixed';

export function casingOf(s: string): Casing {
  if (s === s.toUpperCase()) return 'upper';
  if (s === s.toLowerCase()) return 'lower';
  return 'mixed';
}

export function inCase(s: string, c: 'upper' | 'lower'): string {
  return c === 'upper' ? s.toUpperCase() : s.toLowerCase();
}

/** Levenshtein distance, small strings only. */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + cost);
      diag = up;
    }
  }
  return prev[b.length] as number;
}

/** The closest candidate at distance below 3 (BuildKit's "did you mean"), ties broken by name. */
export function suggest(name: string, candidates: Iterable<string>, caseInsensitive = false): string | null {
  let best: string | null = null;
  let bestD = 3;
  const key = caseInsensitive ? name.toLowerCase() : name;
  for (const c of candidates) {
    if (c === name) continue;
    const d = distance(key, caseInsensitive ? c.toLowerCase() : c);
    if (d < bestD || (d === bestD && best !== null && c < best)) {
      if (d >= 3) continue;
      best = c;
      bestD = d;
    }
  }
  return best;
}

const NAME_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Where `$name` / `${name…` is written inside `span` (the first occurrence), or the whole span
 * when it cannot be found (a variable spelled across a line continuation).
 */
export function variableSpan(text: string, span: Span, name: string): Span {
  let from = span.start;
  for (;;) {
    const i = text.indexOf('$', from);
    if (i < 0 || i >= span.end) return span;
    let k = i + 1;
    if (text[k] === '{') k++;
    if (text.startsWith(name, k) && k + name.length <= span.end && !NAME_CHAR.test(text[k + name.length] ?? ' ')) {
      const end = text[i + 1] === '{' ? closingBrace(text, k + name.length, span.end) : k + name.length;
      return { start: i, end };
    }
    from = i + 1;
  }
}

function closingBrace(text: string, from: number, limit: number): number {
  let depth = 1;
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return from;
}

/** Is the word written literally in the source, so offsets inside its text map one to one? */
export function isLiteralWord(text: string, w: Word): boolean {
  return w.span.end - w.span.start === w.text.length && text.slice(w.span.start, w.span.end) === w.text;
}

/** A literal span inside a word (`offset` characters into its text), or the word's span. */
export function spanInWord(text: string, w: Word, offset: number, length: number): Span {
  if (!isLiteralWord(text, w)) return w.span;
  return { start: w.span.start + offset, end: w.span.start + offset + length };
}

/** An edit-free span at an instruction's keyword (rules about the instruction as a whole). */
export function keyword(ins: Instruction): Span {
  return ins.keyword.span;
}

/** Values BuildKit gives the automatic platform args when it evaluates defaults (a linux/amd64 build). */
export const BUILTIN_DEFAULTS: Readonly<Record<string, string>> = {
  BUILDPLATFORM: 'linux/amd64',
  BUILDOS: 'linux',
  BUILDOSVERSION: '',
  BUILDARCH: 'amd64',
  BUILDVARIANT: '',
  TARGETPLATFORM: 'linux/amd64',
  TARGETOS: 'linux',
  TARGETOSVERSION: '',
  TARGETARCH: 'amd64',
  TARGETVARIANT: '',
  TARGETSTAGE: 'default',
};

/**
 * The global scope as BuildKit evaluates FROM lines without build args: builtins with their
 * values for a linux/amd64 build, then each global ARG default expanded in order (no default: unset).
 */
export function globalDefaultsScope(model: DockerfileModel): Scope {
  let scope = Scope.empty().with(...BUILTIN_ARGS.map((name): Variable => ({ name, value: BUILTIN_DEFAULTS[name] ?? '', kind: 'builtin', declaration: null })));
  for (const info of model.globalArgs) {
    const ins = info.instruction;
    if (ins.name !== 'ARG') continue;
    const vars: Variable[] = [];
    for (const a of ins.args) {
      if (!a.name) continue;
      const value = a.value === null ? null : expandWord(a.value, scope.with(...vars), model.file.escapeChar).value;
      vars.push({ name: a.name, value, kind: 'global-arg', declaration: ins });
    }
    // An ARG without default stays unset: drop any earlier value by declaring it with none.
    scope = scope.with(...vars);
  }
  return scope;
}

/** Removes one pair of matching outer quotes. */
export function stripQuotes(s: string): string {
  if (s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0]) return s.slice(1, -1);
  return s;
}

/** Go's `%q` for the plain strings messages quote. */
export function q(s: string): string {
  return JSON.stringify(s);
}

/** The end of the blanks after `offset` (to remove a flag with its separator). */
export function skipBlanks(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}
