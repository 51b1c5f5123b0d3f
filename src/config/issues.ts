/**
 * Turns valibot's issues into one `ConfigError` that says what is wrong, names the key, and
 * points at the line and column of the offending key or value.
 */
import type * as v from 'valibot';
import { didYouMean } from './suggest.js';
import type { PathKey, PathOrigin, SourceLocator, SourcePosition } from './source-map.js';
import { ConfigError } from './types.js';

type Issue = v.BaseIssue<unknown>;

interface Problem {
  readonly position: SourcePosition;
  readonly message: string;
}

export interface IssueContext {
  readonly file: string;
  readonly locator: SourceLocator;
  /** The schema the issues came from (for the keys a table allows). */
  readonly schema: v.GenericSchema;
  /** Where the validated value sits in the document (`['tool', 'dockwise']` in pyproject.toml). */
  readonly prefix: readonly PathKey[];
}

export function issuesToError(issues: readonly Issue[], ctx: IssueContext): ConfigError {
  // The options of a union may report the same problem twice.
  const unique = new Map<string, Problem>();
  for (const leaf of issues.flatMap((issue) => leaves(issue, []))) {
    const p = describe(leaf, ctx);
    unique.set(`${p.position.line}:${p.position.column}:${p.message}`, p);
  }
  const problems = [...unique.values()];
  problems.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
  const first = problems[0];
  if (first === undefined) return new ConfigError(ctx.file, 1, 1, 'the config does not fit the schema');
  const more = problems.length - 1;
  const suffix = more === 0 ? '' : ` (and ${more} more problem${more === 1 ? '' : 's'})`;
  return new ConfigError(ctx.file, first.position.line, first.position.column, first.message + suffix);
}

interface Leaf {
  readonly issue: Issue;
  readonly path: readonly PathKey[];
  readonly origin: PathOrigin;
  /** A list an object schema walked into as a table keyed 0, 1, … (valibot's objects take lists). */
  readonly listAsTable: readonly unknown[] | null;
}

/**
 * A union reports one issue with the issues of each option. When an option got further into
 * the value (a table with a bad entry), its issues are the useful ones; otherwise the union's.
 */
function leaves(issue: Issue, base: readonly PathKey[]): Leaf[] {
  const path = [...base, ...(issue.path ?? []).map(pathKey)];
  const deeper = (issue.type === 'union' ? (issue.issues ?? []) : []).filter((sub) => (sub.path?.length ?? 0) > 0);
  if (deeper.length > 0) return deeper.flatMap((sub) => leaves(sub, path));
  const last = issue.path?.[issue.path.length - 1];
  const origin: PathOrigin = last !== undefined && 'origin' in last && last.origin === 'key' ? 'key' : 'value';
  const listAsTable = last?.type === 'object' && Array.isArray(last.input) ? (last.input as readonly unknown[]) : null;
  return [{ issue, path, origin, listAsTable }];
}

function pathKey(item: v.IssuePathItem): PathKey {
  const key = item.key;
  return typeof key === 'number' ? key : String(key);
}

function describe(leaf: Leaf, ctx: IssueContext): Problem {
  const { issue, path, origin } = leaf;
  const fullPath = [...ctx.prefix, ...path];
  const position = ctx.locator.locate(fullPath, origin);
  const parent = path.slice(0, -1);
  const key = path[path.length - 1];
  const isObjectKeyIssue = issue.type === 'strict_object' || issue.type === 'object';

  if (leaf.listAsTable !== null) {
    const expected = messageAt(ctx.schema, parent) ?? 'expected a table';
    return { position: ctx.locator.locate([...ctx.prefix, ...parent], 'value'), message: `${where(ctx.prefix, parent)}: ${expected}, got ${got(leaf.listAsTable)}` };
  }
  if (isObjectKeyIssue && issue.expected === 'never' && key !== undefined) {
    const allowed = keysAt(ctx.schema, parent);
    const hint = didYouMean(String(key), allowed);
    const list = hint === '' && allowed.length > 0 ? `; the keys are: ${allowed.join(', ')}` : '';
    return { position, message: `unknown key "${String(key)}"${inWhere(ctx.prefix, parent)}${hint}${list}` };
  }
  if (isObjectKeyIssue && issue.input === undefined && key !== undefined) {
    return { position, message: `${where(ctx.prefix, parent)} needs the key "${String(key)}"` };
  }
  // A misspelt choice ("warn") gets the closest of the choices the schema lists.
  const hint = typeof issue.input === 'string' ? didYouMean(issue.input, quotedOptions(issue.expected)) : '';
  return { position, message: `${where(ctx.prefix, path)}: ${issue.message}, got ${got(issue.input)}${hint}` };
}

/**
 * A value YAML or TOML can hold but a config cannot (a TOML date, YAML binary data) that the
 * schema let through because it sits where a table or anything may go.
 */
export function exoticValueError(data: unknown, ctx: IssueContext): ConfigError | null {
  const found = findExotic(data, []);
  if (found === null) return null;
  const { line, column } = ctx.locator.locate([...ctx.prefix, ...found.path], 'value');
  const expected = messageAt(ctx.schema, found.path) ?? 'expected text, a number, true or false, a list or a table';
  return new ConfigError(ctx.file, line, column, `${where(ctx.prefix, found.path)}: ${expected}, got ${got(found.value)}`);
}

function findExotic(value: unknown, path: readonly PathKey[]): { path: readonly PathKey[]; value: unknown } | null {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findExotic(item, [...path, i]);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return { path, value };
  for (const [key, item] of Object.entries(value)) {
    const found = findExotic(item, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/** The message of the schema at `path`, looking through optional wrappers. */
function messageAt(schema: v.GenericSchema, path: readonly PathKey[]): string | undefined {
  let node = schemaAt(schema, path);
  while (isRecord(node)) {
    if (typeof node['message'] === 'string') return node['message'];
    node = node['wrapped'];
  }
  return undefined;
}

/** The keys the object schema at `path` allows. */
function keysAt(schema: v.GenericSchema, path: readonly PathKey[]): string[] {
  const objects = unwrap(schemaAt(schema, path)).filter((s) => isRecord(s) && isRecord(s['entries']));
  return objects.flatMap((s) => Object.keys((s as { entries: Record<string, unknown> }).entries));
}

function schemaAt(schema: v.GenericSchema, path: readonly PathKey[]): unknown {
  let node: unknown = schema;
  for (const key of path) node = child(node, key);
  return node;
}

function child(schema: unknown, key: PathKey): unknown {
  for (const s of unwrap(schema)) {
    if (!isRecord(s)) continue;
    const entries = s['entries'];
    if (isRecord(entries) && typeof key === 'string' && key in entries) return entries[key];
    if (s['type'] === 'array' && typeof key === 'number') return s['item'];
    if (s['type'] === 'record') return s['value'];
  }
  return undefined;
}

/** The schemas a value may match: through optional wrappers, pipes of schemas and the options of unions. */
function unwrap(schema: unknown): unknown[] {
  if (!isRecord(schema)) return [];
  const pipe = schema['pipe'];
  if (Array.isArray(pipe) && pipe.length > 1) return pipe.filter((item) => isRecord(item) && item['kind'] === 'schema').flatMap(unwrap);
  if ('wrapped' in schema) return unwrap(schema['wrapped']);
  if (schema['type'] === 'union' && Array.isArray(schema['options'])) return schema['options'].flatMap(unwrap);
  return [schema];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

function quotedOptions(expected: string | null): string[] {
  return [...(expected ?? '').matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? '');
}

/** `rules.DL3008.severity`, `overrides[0].files[1]`, or "the config" for the root. */
export function where(prefix: readonly PathKey[], path: readonly PathKey[]): string {
  const all = [...prefix, ...path];
  if (all.length === 0) return 'the config';
  let out = '';
  for (const key of all) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += (out === '' ? '' : '.') + (/^[A-Za-z0-9_$-]+$/.test(key) ? key : JSON.stringify(key));
  }
  return out;
}

function inWhere(prefix: readonly PathKey[], path: readonly PathKey[]): string {
  return prefix.length + path.length === 0 ? '' : ` in ${where(prefix, path)}`;
}

/** What the user wrote, in words. */
export function got(value: unknown): string {
  if (value === null || value === undefined) return 'no value';
  if (typeof value === 'string') return value === '' ? 'an empty string' : JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'bigint') return `the number ${String(value)}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (value instanceof Date) return 'a date';
  if (value instanceof Uint8Array) return 'binary data';
  const proto: unknown = Object.getPrototypeOf(value);
  if (typeof value === 'object' && (proto === Object.prototype || proto === null)) return 'a table';
  return 'a value of another kind';
}
