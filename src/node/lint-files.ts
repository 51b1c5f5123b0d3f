/**
 * Linting files from disk (or stdin): read and decode, find the config next to or above each
 * Dockerfile, lint (and fix when asked), write fixed files atomically. Runs in the main thread or
 * in a worker; everything it returns can cross a worker boundary.
 */
import { createTwoFilesPatch } from 'diff';
import { ConfigError, type ConfigLayer } from '../config/types.js';
import { Linter } from '../engine/lint.js';
import type { LintSettings } from '../engine/rule.js';
import type { FileResult } from '../engine/types.js';
import { fixText } from '../fix/loop.js';
import { encodeDockerfile } from '../parser/encoding.js';
import { RULES } from '../rules/index.js';
import { createConfigFinder, resolveOverrides } from './config-discovery.js';
import { InputError } from './files.js';
import { readDockerfile } from './read.js';
import { WriteError, writeFileAtomic } from './write.js';

export interface LintFilesOptions {
  readonly configPath?: string;
  /** Layers from the command line, applied after the config file (`--select`, `--ignore`). */
  readonly cliLayer?: ConfigLayer;
  readonly settings?: Partial<LintSettings>;
  /** `none` switches the build-context rules off; otherwise the context folder (default: each Dockerfile's folder). */
  readonly context?: string;
  readonly fix?: 'off' | 'write' | 'dry-run';
  readonly unsafeFixes?: boolean;
}

export type FileOutcome =
  | {
      readonly kind: 'ok';
      readonly result: FileResult;
      readonly parseError: boolean;
      /** With --fix: whether the file was (or, in dry-run, would be) changed; the diff in dry-run. */
      readonly changed?: boolean;
      readonly diff?: string;
      /** stdin with --fix: the fixed text to print. */
      readonly fixedText?: string;
    }
  | { readonly kind: 'error'; readonly path: string; readonly message: string };

let linter: Linter | null = null;
function getLinter(): Linter {
  return (linter ??= new Linter(RULES));
}

let finderOptions: string | null = null;
let finder: ReturnType<typeof createConfigFinder> | null = null;
function getFinder(): ReturnType<typeof createConfigFinder> {
  const l = getLinter();
  const key = 'default';
  if (!finder || finderOptions !== key) {
    finder = createConfigFinder({ isKnownSelector: (s) => l.index.isKnownSelector(s), selectorNames: l.index.rules.flatMap((r) => [r.name, ...r.aliases]) });
    finderOptions = key;
  }
  return finder;
}

function failureMessage(err: unknown): string {
  if (err instanceof ConfigError) return `${err.path}:${err.line}:${err.column}: ${err.detail}`;
  if (err instanceof InputError || err instanceof WriteError) return err.message;
  return err instanceof Error ? err.message : String(err);
}

export function lintFile(file: { abs: string; display: string }, options: LintFilesOptions): FileOutcome {
  try {
    const decoded = readDockerfile(file.abs, file.display);
    const configFile = getFinder().find(file.abs === '-' ? `${process.cwd()}/Dockerfile` : file.abs, options.configPath ? { configPath: options.configPath } : {});
    const layers: ConfigLayer[] = [...resolveOverrides(configFile, file.abs === '-' ? `${process.cwd()}/Dockerfile` : file.abs)];
    if (options.cliLayer) layers.push(options.cliLayer);
    const lintOptions = { config: layers, settings: options.settings ?? {} };
    const l = getLinter();
    if (options.fix && options.fix !== 'off') {
      const fixed = fixText(l, decoded.text, { ...lintOptions, unsafe: options.unsafeFixes ?? false });
      const changed = fixed.text !== decoded.text;
      const result: FileResult = { path: file.display, diagnostics: fixed.result.diagnostics, source: fixed.text, appliedFixes: fixed.applied };
      const parseError = fixed.result.diagnostics.some((d) => d.rule === 'parse-error');
      if (options.fix === 'dry-run') {
        const diff = changed ? createTwoFilesPatch(file.display, file.display, decoded.text, fixed.text, '', '', { context: 3 }) : '';
        return { kind: 'ok', result, parseError, changed, diff };
      }
      if (file.abs === '-') return { kind: 'ok', result, parseError, changed, fixedText: fixed.text };
      if (changed) writeFileAtomic(file.abs, encodeDockerfile(fixed.text, decoded.encoding, decoded.invalidUtf8), file.display);
      return { kind: 'ok', result, parseError, changed };
    }
    const r = l.lint(decoded.text, lintOptions);
    return {
      kind: 'ok',
      result: { path: file.display, diagnostics: r.diagnostics, source: decoded.text },
      parseError: r.file.errors.length > 0,
    };
  } catch (err) {
    return { kind: 'error', path: file.display, message: failureMessage(err) };
  }
}

export function lintFiles(files: readonly { abs: string; display: string }[], options: LintFilesOptions): FileOutcome[] {
  return files.map((f) => lintFile(f, options));
}
