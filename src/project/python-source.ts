/**
 * A light reading of Python source: a tokenizer (strings, comments, brackets, continuation lines,
 * indentation) and, over its logical lines, what a module defines at module level (assignments,
 * `def`, `class`, imports), the calls it makes (with literal arguments) and where. Enough to find
 * `app = Flask(__name__)`, `def create_app():`, `application = get_wsgi_application()` or
 * `app.run(port=5000)` without running or fully parsing Python. Never throws.
 */

export interface Token {
  readonly kind: 'name' | 'number' | 'string' | 'op';
  /** For strings: the decoded content (f-strings keep their raw content). */
  readonly value: string;
  readonly line: number;
  /** f-strings and byte strings are not plain literals. */
  readonly plain?: boolean;
}

export interface LogicalLine {
  readonly line: number;
  readonly indent: number;
  readonly tokens: readonly Token[];
}

const OPS = ['**=', '//=', '>>=', '<<=', '...', '->', ':=', '==', '!=', '<=', '>=', '**', '//', '<<', '>>', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@='];
const NAME_START = /[\p{L}_]/u;
const NAME_CHAR = /[\p{L}\p{N}_]/u;

/** Splits source into logical lines of tokens (brackets and backslashes join physical lines). */
export function tokenize(src: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  let i = 0;
  let line = 1;
  let depth = 0;
  let current: Token[] = [];
  let startLine = 1;
  let indent = 0;
  let atLineStart = true;
  let col = 0;
  const n = src.length;
  const flush = (): void => {
    if (current.length) out.push({ line: startLine, indent, tokens: current });
    current = [];
  };
  const push = (t: Token): void => {
    if (current.length === 0) {
      startLine = t.line;
      indent = col;
    }
    current.push(t);
  };
  while (i < n) {
    const c = src[i] as string;
    if (atLineStart) {
      col = 0;
      while (i < n && (src[i] === ' ' || src[i] === '\t' || src[i] === '\f')) {
        col = src[i] === '\t' ? (Math.floor(col / 8) + 1) * 8 : col + 1;
        i++;
      }
      atLineStart = false;
      continue;
    }
    if (c === '\n') {
      line++;
      i++;
      if (depth === 0) {
        flush();
        atLineStart = true;
      }
      continue;
    }
    if (c === '\r' || c === ' ' || c === '\t' || c === '\f') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\\' && (src[i + 1] === '\n' || (src[i + 1] === '\r' && src[i + 2] === '\n'))) {
      i += src[i + 1] === '\n' ? 2 : 3;
      line++;
      continue;
    }
    // Strings, with up to two prefix letters.
    const pm = /^([rRbBuUfF]{0,2})(['"])/.exec(src.slice(i, i + 3));
    if (pm && (pm[1] === '' || !NAME_CHAR.test(src[i - 1] ?? ' '))) {
      const prefix = (pm[1] as string).toLowerCase();
      const quote = pm[2] as string;
      let j = i + prefix.length;
      const triple = src.startsWith(quote.repeat(3), j);
      const close = triple ? quote.repeat(3) : quote;
      j += close.length;
      const startAt = line;
      let value = '';
      while (j < n && !src.startsWith(close, j)) {
        const ch = src[j] as string;
        if (ch === '\\' && j + 1 < n) {
          const next = src[j + 1] as string;
          if (next === '\n') line++;
          value += prefix.includes('r') ? ch + next : next === 'n' ? '\n' : next === 't' ? '\t' : next === '\n' ? '' : next;
          j += 2;
          continue;
        }
        if (ch === '\n') {
          line++;
          if (!triple) break; // unterminated single-quoted string: stop at the line end
        }
        value += ch;
        j++;
      }
      j = Math.min(n, j + (src.startsWith(close, j) ? close.length : 0));
      push({ kind: 'string', value, line: startAt, plain: !prefix.includes('f') && !prefix.includes('b') });
      i = j;
      continue;
    }
    if (NAME_START.test(c)) {
      let j = i + 1;
      while (j < n && NAME_CHAR.test(src[j] as string)) j++;
      push({ kind: 'name', value: src.slice(i, j), line });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:0[xXoObB][0-9a-fA-F_]+|[0-9_]*\.?[0-9_]*(?:[eE][+-]?[0-9_]+)?[jJ]?)/.exec(src.slice(i, i + 64));
      const len = Math.max(1, m?.[0].length ?? 1);
      push({ kind: 'number', value: src.slice(i, i + len), line });
      i += len;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i)) ?? c;
    if (op === '(' || op === '[' || op === '{') depth++;
    else if ((op === ')' || op === ']' || op === '}') && depth > 0) depth--;
    push({ kind: 'op', value: op, line });
    i += op.length;
  }
  flush();
  return out;
}

export interface PyArg {
  /** Keyword name, or null for a positional argument. */
  readonly name: string | null;
  readonly tokens: readonly Token[];
  /** A plain string or number literal (adjacent strings joined), else null. */
  readonly literal: string | number | null;
  /** `*args` / `**kwargs`. */
  readonly star: boolean;
}

export interface PyCall {
  /** The callee as written (`Flask`, `app.run`, `uvicorn.run`); `?.run` when the receiver is an expression. */
  readonly callee: string;
  readonly args: readonly PyArg[];
  readonly line: number;
  /** The module-level function the call is in, null at module level (class bodies count as module level). */
  readonly inFunction: string | null;
  /** `name = Callee(...)` at module level: the name. */
  readonly assignedTo: string | null;
}

export type BindingKind = 'def' | 'class' | 'assign' | 'import' | 'other';

export interface Binding {
  readonly name: string;
  readonly line: number;
  readonly kind: BindingKind;
  /** For `name = f(...)`: the call. */
  readonly call: PyCall | null;
}

export interface PythonModule {
  /** Module-level names (including those bound inside top-level if/try/with blocks). */
  readonly bindings: ReadonlyMap<string, Binding>;
  /** Local name → what it imports (`Flask` → `flask.Flask`, `web` → `aiohttp.web`). */
  readonly imports: ReadonlyMap<string, string>;
  /** `from x import *` sources: any name may come from them. */
  readonly starImports: readonly string[];
  /** Module-level `__getattr__`, writes to `globals()`: names we cannot list. */
  readonly dynamic: boolean;
  readonly calls: readonly PyCall[];
}

const KEYWORDS = new Set(['if', 'while', 'return', 'and', 'or', 'not', 'in', 'is', 'elif', 'assert', 'yield', 'await', 'lambda', 'del', 'with', 'for', 'else', 'def', 'class', 'import', 'from', 'raise', 'except']);
const COMPOUND = new Set(['if', 'elif', 'else', 'for', 'while', 'try', 'except', 'finally', 'with', 'match', 'case']);

function literalOf(tokens: readonly Token[]): string | number | null {
  if (tokens.length === 0) return null;
  if (tokens.every((t) => t.kind === 'string' && t.plain)) return tokens.map((t) => t.value).join('');
  if (tokens.length === 1 && tokens[0]?.kind === 'number') {
    const v = Number((tokens[0].value as string).replace(/_/g, ''));
    return Number.isFinite(v) ? v : null;
  }
  return null;
}

/** Splits tokens at depth-0 occurrences of `sep`. */
function splitTop(tokens: readonly Token[], sep: string): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'op') {
      if (t.value === '(' || t.value === '[' || t.value === '{') depth++;
      else if (t.value === ')' || t.value === ']' || t.value === '}') depth--;
      else if (depth === 0 && t.value === sep) {
        parts.push([]);
        continue;
      }
    }
    (parts[parts.length - 1] as Token[]).push(t);
  }
  return parts;
}

function closeOf(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.kind !== 'op') continue;
    if (t.value === '(' || t.value === '[' || t.value === '{') depth++;
    else if (t.value === ')' || t.value === ']' || t.value === '}') {
      depth--;
      if (depth === 0) return k;
    }
  }
  return tokens.length;
}

function parseArgs(tokens: readonly Token[]): PyArg[] {
  if (tokens.length === 0) return [];
  return splitTop(tokens, ',')
    .filter((p) => p.length > 0)
    .map((p) => {
      const star = p[0]?.kind === 'op' && (p[0].value === '*' || p[0].value === '**');
      if (p.length >= 2 && p[0]?.kind === 'name' && p[1]?.kind === 'op' && p[1].value === '=') {
        const value = p.slice(2);
        return { name: p[0].value, tokens: value, literal: literalOf(value), star: false };
      }
      return { name: null, tokens: p, literal: star ? null : literalOf(p), star };
    });
}

/** Calls in a logical line: a dotted name directly followed by `(`. */
function callsIn(tokens: readonly Token[], inFunction: string | null): PyCall[] {
  const out: PyCall[] = [];
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.kind !== 'op' || t.value !== '(') continue;
    const prev = tokens[k - 1] as Token;
    if (prev.kind !== 'name') continue;
    if (KEYWORDS.has(prev.value)) continue;
    if (tokens[k - 2]?.kind === 'name' && (tokens[k - 2]?.value === 'def' || tokens[k - 2]?.value === 'class')) continue;
    const parts = [prev.value];
    let j = k - 2;
    while (j >= 1 && tokens[j]?.kind === 'op' && tokens[j]?.value === '.' && tokens[j - 1]?.kind === 'name') {
      parts.unshift((tokens[j - 1] as Token).value);
      j -= 2;
    }
    let callee = parts.join('.');
    if (j >= 0 && tokens[j]?.kind === 'op' && tokens[j]?.value === '.') callee = `?.${callee}`;
    const close = closeOf(tokens, k);
    out.push({ callee, args: parseArgs(tokens.slice(k + 1, close)), line: t.line, inFunction, assignedTo: null });
  }
  return out;
}

function importTargets(tokens: readonly Token[]): { local: string; target: string }[] {
  // import a.b.c as d, e
  const out: { local: string; target: string }[] = [];
  for (const part of splitTop(tokens.slice(1), ',')) {
    const names = part.filter((t) => !(t.kind === 'op' && t.value === '.'));
    const asAt = part.findIndex((t) => t.kind === 'name' && t.value === 'as');
    const dotted = (asAt < 0 ? part : part.slice(0, asAt)).map((t) => t.value).join('');
    if (!dotted) continue;
    if (asAt >= 0 && part[asAt + 1]) out.push({ local: (part[asAt + 1] as Token).value, target: dotted });
    else if (names[0]) out.push({ local: dotted.split('.')[0] as string, target: dotted.split('.')[0] as string });
  }
  return out;
}

function fromImportTargets(tokens: readonly Token[]): { module: string; names: { local: string; target: string }[]; star: boolean } {
  const importAt = tokens.findIndex((t) => t.kind === 'name' && t.value === 'import');
  const module = tokens
    .slice(1, importAt < 0 ? tokens.length : importAt)
    .map((t) => t.value)
    .join('');
  const rest = tokens.slice(importAt + 1).filter((t) => !(t.kind === 'op' && (t.value === '(' || t.value === ')')));
  if (rest.length === 1 && rest[0]?.kind === 'op' && rest[0].value === '*') return { module, names: [], star: true };
  const names: { local: string; target: string }[] = [];
  for (const part of splitTop(rest, ',')) {
    const first = part[0];
    if (!first || first.kind !== 'name') continue;
    const asAt = part.findIndex((t) => t.kind === 'name' && t.value === 'as');
    const local = asAt >= 0 && part[asAt + 1] ? (part[asAt + 1] as Token).value : first.value;
    names.push({ local, target: module.endsWith('.') ? `${module}${first.value}` : `${module}.${first.value}` });
  }
  return { module, names, star: false };
}

interface Block {
  readonly indent: number;
  readonly kind: 'def' | 'class' | 'block';
  readonly name: string | null;
}

/** What a module defines and calls. */
export function analyzeModule(src: string): PythonModule {
  const bindings = new Map<string, Binding>();
  const imports = new Map<string, string>();
  const starImports: string[] = [];
  const calls: PyCall[] = [];
  let dynamic = false;
  const stack: Block[] = [];
  const bind = (name: string, line: number, kind: BindingKind, call: PyCall | null = null): void => {
    if (!bindings.has(name) || kind === 'def' || kind === 'class' || call) bindings.set(name, { name, line, kind, call });
  };
  for (const ll of tokenize(src)) {
    while (stack.length && (stack[stack.length - 1] as Block).indent >= ll.indent) stack.pop();
    const fn = stack.find((b) => b.kind === 'def') ?? null;
    const moduleLevel = !stack.some((b) => b.kind === 'def' || b.kind === 'class');
    let toks = ll.tokens;
    if (toks[0]?.kind === 'op' && toks[0].value === '@') continue;
    if (toks[0]?.kind === 'name' && toks[0].value === 'async') toks = toks.slice(1);
    const first = toks[0];
    if (!first) continue;
    const endsBlock = toks[toks.length - 1]?.kind === 'op' && toks[toks.length - 1]?.value === ':';
    const lineCalls = callsIn(toks, fn?.name ?? null);
    if (first.kind === 'name' && (first.value === 'def' || first.value === 'class')) {
      const name = toks[1]?.kind === 'name' ? toks[1].value : null;
      if (name && moduleLevel) {
        bind(name, ll.line, first.value === 'def' ? 'def' : 'class');
        if (name === '__getattr__') dynamic = true;
      }
      calls.push(...lineCalls);
      if (endsBlock) stack.push({ indent: ll.indent, kind: first.value === 'def' ? 'def' : 'class', name: fn ? fn.name : name });
      continue;
    }
    calls.push(...lineCalls);
    if (first.kind === 'name' && first.value === 'import') {
      for (const t of importTargets(toks)) {
        if (moduleLevel) bind(t.local, ll.line, 'import');
        imports.set(t.local, t.target);
      }
      continue;
    }
    if (first.kind === 'name' && first.value === 'from' && toks.some((t) => t.kind === 'name' && t.value === 'import')) {
      const f = fromImportTargets(toks);
      if (f.star) starImports.push(f.module);
      for (const t of f.names) {
        if (moduleLevel) bind(t.local, ll.line, 'import');
        imports.set(t.local, t.target);
      }
      continue;
    }
    if (first.kind === 'name' && COMPOUND.has(first.value)) {
      if (moduleLevel) {
        if (first.value === 'for') {
          const inAt = toks.findIndex((t) => t.kind === 'name' && t.value === 'in');
          for (const t of toks.slice(1, inAt < 0 ? 1 : inAt)) if (t.kind === 'name') bind(t.value, ll.line, 'other');
        }
        toks.forEach((t, k) => {
          if (t.kind === 'name' && t.value === 'as' && toks[k + 1]?.kind === 'name') bind((toks[k + 1] as Token).value, ll.line, 'other');
        });
      }
      if (endsBlock) stack.push({ indent: ll.indent, kind: 'block', name: null });
      continue;
    }
    if (!moduleLevel) continue;
    if (toks.some((t, k) => t.kind === 'name' && t.value === 'globals' && toks[k + 1]?.value === '(')) dynamic = true;
    // Assignments: targets before the last depth-0 `=`.
    const parts = splitTop(toks, '=');
    if (parts.length >= 2) {
      const value = parts[parts.length - 1] as Token[];
      let call: PyCall | null = null;
      const open = value.findIndex((t) => t.kind === 'op' && t.value === '(');
      if (open > 0 && closeOf(value, open) === value.length - 1 && value.slice(0, open).every((t) => t.kind === 'name' || (t.kind === 'op' && t.value === '.'))) {
        const callee = value
          .slice(0, open)
          .map((t) => t.value)
          .join('');
        const found = lineCalls.find((c) => c.callee === callee);
        if (found) call = found;
      }
      for (const target of parts.slice(0, -1)) {
        for (const piece of splitTop(target, ',')) {
          const p = piece.filter((t) => !(t.kind === 'op' && (t.value === '(' || t.value === ')' || t.value === '[' || t.value === ']')));
          if (p[0]?.kind === 'name' && (p.length === 1 || (p[1]?.kind === 'op' && p[1].value === ':'))) {
            const single = parts.length === 2 && splitTop(target, ',').length === 1;
            bind(p[0].value, ll.line, 'assign', single ? call : null);
            if (single && call) {
              const idx = calls.indexOf(call);
              if (idx >= 0) calls[idx] = { ...call, assignedTo: p[0].value };
              bindings.set(p[0].value, { name: p[0].value, line: ll.line, kind: 'assign', call: calls[idx] ?? call });
            }
          }
        }
      }
      continue;
    }
    // `name: Type` without a value.
    if (first.kind === 'name' && toks[1]?.kind === 'op' && toks[1].value === ':') bind(first.value, ll.line, 'assign');
  }
  return { bindings, imports, starImports, dynamic, calls };
}

/** A dotted name as the module resolves it through its imports (`Flask` → `flask.Flask`). */
export function qualify(module: PythonModule, dotted: string): string {
  const [head, ...rest] = dotted.split('.');
  const target = module.imports.get(head ?? '');
  return target ? [target, ...rest].join('.') : dotted;
}

/** Can the module be shown to bind `name` at module level? `unknown` when star imports or dynamic names could. */
export function definesName(module: PythonModule, name: string): 'yes' | 'no' | 'unknown' {
  if (module.bindings.has(name)) return 'yes';
  return module.starImports.length > 0 || module.dynamic ? 'unknown' : 'no';
}
