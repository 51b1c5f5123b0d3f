import type { Severity } from '../engine/types.js';

export type SeveritySetting = Severity | 'off';

export interface RuleSetting {
  readonly severity?: SeveritySetting;
  /** Rule-specific options (validated by the rule). */
  readonly options?: Readonly<Record<string, unknown>>;
}

export type LabelType = 'text' | 'url' | 'semver' | 'hash' | 'rfc3339' | 'spdx' | 'email';

/** What a config says, before it is applied to the rule set. */
export interface ConfigLayer {
  /** Rules to run: rule names, aliases (DL3008, JSONArgsRecommended), practice IDs or `all`. Replaces the default set. */
  readonly select?: readonly string[];
  /** Added to the selection (turns on rules that are off by default). */
  readonly extendSelect?: readonly string[];
  readonly ignore?: readonly string[];
  /** Per rule (name or alias): severity and options. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Registries images may come from (`docker.io`, `ghcr.io`, `*.example.com`). */
  readonly trustedRegistries?: readonly string[];
  readonly failureThreshold?: Severity | 'none';
  readonly labelSchema?: Readonly<Record<string, LabelType>>;
  readonly strictLabels?: boolean;
  /** Turns off `# dockwise ignore` / `# hadolint ignore` pragmas. */
  readonly disableIgnorePragma?: boolean;
  /** `dockwise init` choices (written and read by the generator). */
  readonly init?: Readonly<Record<string, unknown>>;
}

export interface ConfigOverride extends ConfigLayer {
  /** Globs, relative to the config file's folder, of the Dockerfiles this override applies to. */
  readonly files: readonly string[];
}

export interface Config extends ConfigLayer {
  readonly overrides?: readonly ConfigOverride[];
}

export type ConfigKind = 'dockwise-yaml' | 'pyproject' | 'hadolint-yaml';

export interface LoadedConfig {
  readonly config: Config;
  /** The file it came from (null for the built-in defaults). */
  readonly path: string | null;
  readonly kind: ConfigKind | null;
}

/** A config that does not parse or does not fit the schema. */
export class ConfigError extends Error {
  constructor(
    readonly path: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super(`${path}:${line}:${column}: ${detail}`);
    this.name = 'ConfigError';
  }
}
