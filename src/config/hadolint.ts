/**
 * `.hadolint.yaml`, read so that a project moving from hadolint keeps its settings. Its keys
 * (`Config/Configuration.hs`) are translated to a dockwise layer. Unlike hadolint, a key we do
 * not know is an error rather than a config silently dropped.
 */
import * as v from 'valibot';
import type { Severity } from '../engine/types.js';
import { LABEL_TYPES, oneOf, table } from './schema.js';
import type { PathKey } from './source-map.js';
import type { Config, LabelType, RuleSetting } from './types.js';

/** hadolint applies `override` in this order, so a code listed twice ends up with the last. */
export const HADOLINT_OVERRIDE_ORDER = ['style', 'info', 'warning', 'error'] as const satisfies readonly Severity[];

const HADOLINT_THRESHOLDS = ['error', 'warning', 'info', 'style', 'ignore', 'none'] as const;

/** ShellCheck codes: accepted in hadolint's lists, but select nothing in dockwise. */
export const isShellcheckCode = (code: string): boolean => /^SC\d+$/i.test(code);

// hadolint reads an empty value (`ignored:` followed by nothing) as "not set"; so do we.
const codeList = v.nullish(
  v.array(v.pipe(v.string('expected a rule code'), v.minLength(1, 'expected a rule code, not an empty string')), 'expected a list of rule codes'),
);
const flag = v.nullish(v.boolean('expected true or false'));
const ignored = v.optional(v.unknown());

export const hadolintSchema = v.strictObject(
  {
    ignored: codeList,
    trustedRegistries: v.nullish(
      v.union(
        [v.string(), v.array(v.string('expected a registry host name'), 'expected a list of registry host names')],
        'expected a list of registry host names',
      ),
    ),
    override: v.nullish(
      v.strictObject({ error: codeList, warning: codeList, info: codeList, style: codeList }, 'expected a table with error, warning, info and style lists'),
    ),
    'label-schema': v.nullish(
      table(
        // An empty type means text.
        v.nullish(v.picklist([...LABEL_TYPES, ''], `expected a label type (${oneOf(LABEL_TYPES)})`)),
        'expected a table of label names and types',
      ),
    ),
    'strict-labels': flag,
    'disable-ignore-pragma': flag,
    'failure-threshold': v.nullish(v.picklist(HADOLINT_THRESHOLDS, `expected ${oneOf(HADOLINT_THRESHOLDS)}`)),
    // hadolint's command-line settings: nothing in dockwise's config corresponds to them.
    'no-fail': ignored,
    'no-color': ignored,
    verbose: ignored,
    format: ignored,
    formats: ignored,
  },
  'expected a table of settings',
);

const present = <T>(x: T | null | undefined): x is T => x !== null && x !== undefined;

export type HadolintFile = v.InferOutput<typeof hadolintSchema>;

/** A code written in the file, with where it is, for the selector check. */
export interface SourcedSelector {
  readonly selector: string;
  readonly path: readonly PathKey[];
  readonly origin: 'key' | 'value';
}

export function hadolintToConfig(file: HadolintFile): Config {
  const out: { -readonly [K in keyof Config]: Config[K] } = {};
  if (present(file.ignored)) out.ignore = file.ignored.filter((c) => !isShellcheckCode(c));
  if (present(file.trustedRegistries)) {
    out.trustedRegistries = typeof file.trustedRegistries === 'string' ? [file.trustedRegistries] : file.trustedRegistries;
  }
  if (present(file.override)) {
    const rules: Record<string, RuleSetting> = {};
    for (const severity of HADOLINT_OVERRIDE_ORDER) {
      for (const code of file.override[severity] ?? []) {
        if (!isShellcheckCode(code)) rules[code] = { severity };
      }
    }
    out.rules = rules;
  }
  if (present(file['label-schema'])) {
    const labels: Record<string, LabelType> = {};
    for (const [name, type] of Object.entries(file['label-schema'])) labels[name] = !present(type) || type === '' ? 'text' : type;
    out.labelSchema = labels;
  }
  if (present(file['strict-labels'])) out.strictLabels = file['strict-labels'];
  if (present(file['disable-ignore-pragma'])) out.disableIgnorePragma = file['disable-ignore-pragma'];
  const threshold = file['failure-threshold'];
  if (present(threshold)) out.failureThreshold = threshold === 'ignore' ? 'none' : threshold;
  return out;
}

/** The rule codes of a hadolint file, ShellCheck codes left out. */
export function hadolintSelectors(file: HadolintFile): SourcedSelector[] {
  const out: SourcedSelector[] = [];
  const add = (codes: readonly string[] | null | undefined, path: readonly PathKey[]): void => {
    codes?.forEach((selector, i) => {
      if (!isShellcheckCode(selector)) out.push({ selector, path: [...path, i], origin: 'value' });
    });
  };
  add(file.ignored, ['ignored']);
  for (const severity of HADOLINT_OVERRIDE_ORDER) add(file.override?.[severity], ['override', severity]);
  return out;
}
