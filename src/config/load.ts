/**
 * Reads a config file's text into a `Config`. Browser-safe: the caller reads the file.
 *
 * Every problem is a `ConfigError` with the line and column of the offending key or value: a
 * broken config is never silently ignored (hadolint's users' most common config complaint).
 */
import * as v from 'valibot';
import { isAlias, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import type { Document } from 'yaml';
import { parse as parseToml, TomlError } from 'smol-toml';
import { PRACTICE_IDS } from '../practices/ids.js';
import { hadolintSchema, hadolintSelectors, hadolintToConfig } from './hadolint.js';
import type { SourcedSelector } from './hadolint.js';
import { exoticValueError, got, issuesToError, where } from './issues.js';
import { configSchema, toConfig } from './schema.js';
import type { ConfigFile } from './schema.js';
import { positionAt, yamlLocator } from './source-map.js';
import type { PathKey, SourceLocator } from './source-map.js';
import { didYouMean } from './suggest.js';
import { tomlLocator } from './toml-locator.js';
import { ConfigError } from './types.js';
import type { Config, ConfigKind, LoadedConfig } from './types.js';

export interface LoadOptions {
  /**
   * Whether a selector (rule name, alias, practice ID, `all`) exists. Without it, selectors
   * are not checked. For `.hadolint.yaml` it sees the DL codes; ShellCheck codes never reach it.
   */
  readonly isKnownSelector?: (selector: string) => boolean;
  /** The names to suggest from when a selector is unknown; practice IDs and `all` are always candidates. */
  readonly selectorNames?: Iterable<string>;
}

/** Our own config files, in the order a folder is searched. */
export const DOCKWISE_CONFIG_NAMES = ['.dockwise.yaml', '.dockwise.yml'] as const;
export const PYPROJECT_NAME = 'pyproject.toml';
/** hadolint's project config files, in hadolint's order of preference. */
export const HADOLINT_CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'] as const;

/** The kind of a config file given by name (`--config FILE`). */
export function configKindOf(path: string): ConfigKind {
  const name = path.split(/[\\/]/).pop()?.toLowerCase() ?? '';
  if (name.includes('hadolint')) return 'hadolint-yaml';
  if (name.endsWith('.toml')) return 'pyproject';
  return 'dockwise-yaml';
}

/**
 * Parses and validates a config. An empty file is an empty config; a `pyproject.toml` without
 * `[tool.dockwise]` too (use `loadPyproject` to tell the two apart). Throws `ConfigError`.
 */
export function loadConfigText(source: string, path: string, kind: ConfigKind, options: LoadOptions = {}): LoadedConfig {
  const text = withoutBom(source);
  switch (kind) {
    case 'dockwise-yaml': {
      const { data, locator } = parseYaml(text, path);
      return { config: fromDockwise(data, { file: path, locator, prefix: [] }, options), path, kind };
    }
    case 'pyproject':
      return { config: readPyproject(text, path, true, options) ?? {}, path, kind };
    case 'hadolint-yaml': {
      const { data, locator } = parseYaml(text, path);
      return { config: fromHadolint(data, { file: path, locator, prefix: [] }, options), path, kind };
    }
  }
}

/**
 * The `[tool.dockwise]` table of a `pyproject.toml`, or null when it has none. A file that does
 * not parse is an error only when it mentions dockwise: otherwise it cannot hold our config,
 * and its syntax is not ours to judge.
 */
export function loadPyproject(text: string, path: string, options: LoadOptions = {}): LoadedConfig | null {
  const config = readPyproject(withoutBom(text), path, false, options);
  return config === null ? null : { config, path, kind: 'pyproject' };
}

/** Whether a `pyproject.toml` has a `[tool.dockwise]` table (false when it does not parse). */
export function hasDockwiseTable(text: string): boolean {
  try {
    return dockwiseTable(parseToml(text)) !== undefined;
  } catch {
    return false;
  }
}

/** Editors do not count a byte order mark as a column; neither do our positions. */
const withoutBom = (text: string): string => (text.startsWith('\uFEFF') ? text.slice(1) : text);

interface Ctx {
  readonly file: string;
  readonly locator: SourceLocator;
  readonly prefix: readonly PathKey[];
}

function readPyproject(text: string, file: string, strictSyntax: boolean, options: LoadOptions): Config | null {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text);
  } catch (e) {
    if (!(e instanceof TomlError)) throw e;
    if (!strictSyntax && !/dockwise/i.test(text)) return null;
    throw new ConfigError(file, Math.max(e.line, 1), Math.max(e.column, 1), `invalid TOML: ${tomlMessage(e)}`);
  }
  const table = dockwiseTable(doc);
  if (table === undefined) return null;
  return fromDockwise(table, { file, locator: tomlLocator(text), prefix: ['tool', 'dockwise'] }, options);
}

function dockwiseTable(doc: Record<string, unknown>): unknown {
  const tool = doc['tool'];
  return isTable(tool) ? tool['dockwise'] : undefined;
}

/** smol-toml's message without its prefix and code excerpt. */
function tomlMessage(e: TomlError): string {
  return (e.message.split('\n')[0] ?? '').replace(/^Invalid TOML document:\s*/, '');
}

function parseYaml(text: string, file: string): { data: unknown; locator: SourceLocator } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, version: '1.2', uniqueKeys: true });
  const error = doc.errors[0];
  if (error !== undefined) {
    const { line, column } = positionAt(lc, error.pos[0]);
    const detail =
      error.code === 'DUPLICATE_KEY'
        ? `duplicate key "${keyAt(text, error.pos[0])}"`
        : error.code === 'MULTIPLE_DOCS'
          ? 'invalid YAML: a config is one document, and this `---` starts a second one'
          : `invalid YAML: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`;
    throw new ConfigError(file, line, column, detail);
  }
  checkNodes(doc, lc, file);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // Alias expansion past the limit (a "billion laughs" file).
    throw new ConfigError(file, 1, 1, `invalid YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { data, locator: yamlLocator(doc, lc) };
}

/** The key that starts at `offset` (yaml's duplicate-key error marks only its first character). */
function keyAt(text: string, offset: number): string {
  const m = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\n]*?))\s*:(?:\s|$)/.exec(text.slice(offset));
  return m?.[1] ?? m?.[2]?.replaceAll("''", "'") ?? m?.[3] ?? text.slice(offset, text.indexOf('\n', offset) >>> 0);
}

/** What `toJS` would not report well: aliases without an anchor, and keys that are lists or tables. */
function checkNodes(doc: Document, lc: LineCounter, file: string): void {
  const fail = (offset: number, detail: string): never => {
    const { line, column } = positionAt(lc, offset);
    throw new ConfigError(file, line, column, detail);
  };
  visit(doc, {
    Alias(_key, node) {
      if (node.resolve(doc) === undefined) fail(node.range?.[0] ?? 0, `invalid YAML: the alias *${node.source} has no anchor &${node.source} before it`);
    },
    Pair(_key, pair) {
      if (pair.key !== null && !isScalar(pair.key) && !isAlias(pair.key)) {
        const range = (pair.key as { range?: [number, number, number] }).range;
        fail(range?.[0] ?? 0, 'a key must be a name, not a list or a table');
      }
    },
  });
}

function fromDockwise(data: unknown, ctx: Ctx, options: LoadOptions): Config {
  const file = validate(configSchema, data, ctx);
  if (file === null) return {};
  checkSelectors(dockwiseSelectors(file), ctx, options, 'rule, alias or practice ID');
  return toConfig(file);
}

function fromHadolint(data: unknown, ctx: Ctx, options: LoadOptions): Config {
  const file = validate(hadolintSchema, data, ctx);
  if (file === null) return {};
  checkSelectors(hadolintSelectors(file), ctx, options, 'rule code');
  return hadolintToConfig(file);
}

/** The validated file, or null for an empty one. */
function validate<S extends v.GenericSchema>(schema: S, data: unknown, ctx: Ctx): v.InferOutput<S> | null {
  if (data === null || data === undefined) return null;
  if (!isTable(data)) {
    const { line, column } = ctx.locator.locate(ctx.prefix, 'value');
    throw new ConfigError(ctx.file, line, column, `${where(ctx.prefix, [])} must be a table of settings, got ${got(data)}`);
  }
  // First, as valibot takes a date for an empty table, binary data for a table keyed 0, 1, …
  const exotic = exoticValueError(data, { ...ctx, schema });
  if (exotic !== null) throw exotic;
  const result = v.safeParse(schema, data, { abortEarly: false });
  if (!result.success) throw issuesToError(result.issues, { ...ctx, schema });
  return result.output;
}

function dockwiseSelectors(file: ConfigFile): SourcedSelector[] {
  const out: SourcedSelector[] = [];
  const layer = (l: Omit<ConfigFile, 'overrides' | 'init' | '$schema'>, base: readonly PathKey[]): void => {
    for (const list of ['select', 'extend-select', 'ignore'] as const) {
      l[list]?.forEach((selector, i) => out.push({ selector, path: [...base, list, i], origin: 'value' }));
    }
    for (const selector of Object.keys(l.rules ?? {})) out.push({ selector, path: [...base, 'rules', selector], origin: 'key' });
  };
  layer(file, []);
  file.overrides?.forEach((o, i) => layer(o, ['overrides', i]));
  return out;
}

function checkSelectors(selectors: readonly SourcedSelector[], ctx: Ctx, options: LoadOptions, noun: string): void {
  const known = options.isKnownSelector;
  if (known === undefined) return;
  const candidates = [...(options.selectorNames ?? []), ...PRACTICE_IDS, 'all'];
  const problems = selectors
    .filter((s) => !known(s.selector))
    .map((s) => {
      const path = [...ctx.prefix, ...s.path];
      return {
        position: ctx.locator.locate(path, s.origin),
        message: `unknown ${noun} "${s.selector}" in ${where([], path.slice(0, -1))}${didYouMean(s.selector, candidates)}`,
      };
    })
    .sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
  const first = problems[0];
  if (first === undefined) return;
  const more = problems.length - 1;
  const suffix = more === 0 ? '' : ` (and ${more} more unknown name${more === 1 ? '' : 's'})`;
  throw new ConfigError(ctx.file, first.position.line, first.position.column, first.message + suffix);
}

function isTable(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}
