/**
 * The shape of `.dockwise.yaml` and `[tool.dockwise]`: the single source of truth. The loader
 * validates with it, `scripts/gen-schema.ts` turns it into `schema/dockwise.schema.json` for
 * editors, and `toConfig` maps the validated kebab-case keys to the camelCase `Config`.
 *
 * The schema stays free of transforms so that it converts to JSON Schema one-to-one; the
 * mapping to `Config` is a separate, typed step.
 */
import * as v from 'valibot';
import type { Severity } from '../engine/types.js';
import type { Config, ConfigLayer, ConfigOverride, LabelType, RuleSetting, SeveritySetting } from './types.js';

export const SEVERITY_SETTINGS = ['error', 'warning', 'info', 'style', 'off'] as const satisfies readonly SeveritySetting[];
export const FAILURE_THRESHOLDS = ['error', 'warning', 'info', 'style', 'none'] as const satisfies readonly (Severity | 'none')[];
export const LABEL_TYPES = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'] as const satisfies readonly LabelType[];

/** `a, b or c` */
export const oneOf = (options: readonly string[]): string =>
  options.length < 2 ? options.join('') : `${options.slice(0, -1).join(', ')} or ${options[options.length - 1] ?? ''}`;

/**
 * A table with free keys. valibot's record takes a list for a table keyed 0, 1, …; YAML and
 * TOML users mean something else by a list, so the check refuses it first (it is left out of
 * the JSON Schema, where `type: object` says the same).
 */
export const table = <TValue extends v.GenericSchema>(value: TValue, message: string) =>
  v.pipe(
    v.unknown(),
    v.check((x) => typeof x === 'object' && x !== null && !Array.isArray(x), message),
    v.record(v.string(), value, message),
  );

/** Leaf messages say what was expected; the loader adds where and what it got. */
const nonEmptyString = (what: string) => v.pipe(v.string(`expected ${what}`), v.minLength(1, `expected ${what}, not an empty string`));

const selectorList = (description: string) =>
  v.pipe(v.array(nonEmptyString('a rule name, alias or practice ID'), 'expected a list of rule names, aliases or practice IDs'), v.description(description));

const severitySetting = v.pipe(
  v.picklist(SEVERITY_SETTINGS, `expected a severity (${oneOf(SEVERITY_SETTINGS)})`),
  v.description('The severity the rule reports with; `off` turns the rule off.'),
);

const ruleSetting = v.pipe(
  v.union(
    [
      severitySetting,
      v.strictObject(
        {
          severity: v.exactOptional(severitySetting),
          options: v.exactOptional(
            v.pipe(table(v.unknown(), 'expected a table of rule options'), v.description("The rule's options (see the rule's documentation).")),
          ),
        },
        'expected a table with `severity` and `options`',
      ),
    ],
    `expected a severity (${oneOf(SEVERITY_SETTINGS)}) or a table with \`severity\` and \`options\``,
  ),
  v.description('A severity, or a table with `severity` and `options`.'),
);

/** The keys a layer (the file itself or an override) may set. */
const layerEntries = {
  select: v.exactOptional(
    selectorList('The rules to run: rule names, aliases (DL3008, JSONArgsRecommended), practice IDs or `all`. Replaces the default set.'),
  ),
  'extend-select': v.exactOptional(selectorList('Rules, aliases or practice IDs added to the selection (turns on rules that are off by default).')),
  ignore: v.exactOptional(selectorList('Rules, aliases or practice IDs taken out of the selection.')),
  rules: v.exactOptional(
    v.pipe(
      table(ruleSetting, 'expected a table of rule settings'),
      v.description('Per rule (name or alias): a severity (`error`, `warning`, `info`, `style`, `off`) or `{severity, options}`.'),
    ),
  ),
  'trusted-registries': v.exactOptional(
    v.pipe(
      v.array(nonEmptyString('a registry host name'), 'expected a list of registry host names'),
      v.description('Registries images may come from (`docker.io`, `ghcr.io`, `*.example.com`).'),
    ),
  ),
  'failure-threshold': v.exactOptional(
    v.pipe(
      v.picklist(FAILURE_THRESHOLDS, `expected ${oneOf(FAILURE_THRESHOLDS)}`),
      v.description('The lowest severity that makes the run fail; `none` never fails.'),
    ),
  ),
  'label-schema': v.exactOptional(
    v.pipe(
      table(
        v.pipe(
          v.picklist(LABEL_TYPES, `expected a label type (${oneOf(LABEL_TYPES)})`),
          v.description('The type the label value must have.'),
        ),
        'expected a table of label names and types',
      ),
      v.description('Labels every image must have, with the type of their value.'),
    ),
  ),
  'strict-labels': v.exactOptional(
    v.pipe(v.boolean('expected true or false'), v.description('Report labels that are not in `label-schema`.')),
  ),
  'disable-ignore-pragma': v.exactOptional(
    v.pipe(v.boolean('expected true or false'), v.description('Turn off `# dockwise ignore` and `# hadolint ignore` pragmas.')),
  ),
} as const;

const overrideSchema = v.pipe(
  v.strictObject(
    {
      files: v.pipe(
        v.array(nonEmptyString('a glob'), 'expected a list of globs'),
        v.minLength(1, 'expected at least one glob'),
        v.description(
          "Globs, relative to the config file's folder, of the Dockerfiles this override applies to; a glob without `/` also matches the file name in any folder.",
        ),
      ),
      ...layerEntries,
    },
    'expected a table with `files` and settings',
  ),
  v.description('Settings for the Dockerfiles that match `files`, applied over the ones above.'),
);

export const configSchema = v.pipe(
  v.strictObject(
    {
      $schema: v.exactOptional(v.pipe(v.string('expected a string'), v.description('The JSON Schema of this file (for editors; ignored).'))),
      ...layerEntries,
      overrides: v.exactOptional(
        v.pipe(v.array(overrideSchema, 'expected a list of overrides'), v.description('Per-path settings, applied in order over the settings above.')),
      ),
      // Not in overrides: the generator reads one set of choices per project.
      init: v.exactOptional(
        v.pipe(table(v.unknown(), 'expected a table'), v.description('The choices `dockwise init` made (written and read by the generator).')),
      ),
    },
    'expected a table of settings',
  ),
  v.title('dockwise configuration'),
  v.description('Configuration of dockwise, the Dockerfile linter for Python web apps: `.dockwise.yaml` or `[tool.dockwise]` in `pyproject.toml`.'),
);

/** A config file as validated (kebab-case keys). */
export type ConfigFile = v.InferOutput<typeof configSchema>;
type LayerFile = Omit<ConfigFile, '$schema' | 'overrides' | 'init'>;
type OverrideFile = v.InferOutput<typeof overrideSchema>;

export function toConfig(file: ConfigFile): Config {
  const out: { -readonly [K in keyof Config]: Config[K] } = toLayer(file);
  if (file.overrides !== undefined) out.overrides = file.overrides.map(toOverride);
  if (file.init !== undefined) out.init = file.init;
  return out;
}

function toOverride(file: OverrideFile): ConfigOverride {
  return { files: file.files, ...toLayer(file) };
}

function toLayer(file: LayerFile): { -readonly [K in keyof ConfigLayer]: ConfigLayer[K] } {
  const out: { -readonly [K in keyof ConfigLayer]: ConfigLayer[K] } = {};
  if (file.select !== undefined) out.select = file.select;
  if (file['extend-select'] !== undefined) out.extendSelect = file['extend-select'];
  if (file.ignore !== undefined) out.ignore = file.ignore;
  if (file.rules !== undefined) {
    const rules: Record<string, RuleSetting> = {};
    for (const [name, setting] of Object.entries(file.rules)) {
      rules[name] = typeof setting === 'string' ? { severity: setting } : setting;
    }
    out.rules = rules;
  }
  if (file['trusted-registries'] !== undefined) out.trustedRegistries = file['trusted-registries'];
  if (file['failure-threshold'] !== undefined) out.failureThreshold = file['failure-threshold'];
  if (file['label-schema'] !== undefined) out.labelSchema = file['label-schema'];
  if (file['strict-labels'] !== undefined) out.strictLabels = file['strict-labels'];
  if (file['disable-ignore-pragma'] !== undefined) out.disableIgnorePragma = file['disable-ignore-pragma'];
  return out;
}
