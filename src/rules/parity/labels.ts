/** LABEL keys and the configured label schema (`labelSchema`, `strictLabels`). */
import { defineRule } from '../../engine/rule.js';
import type { KeyValue } from '../../parser/ast.js';
import type { InstructionInfo, Stage } from '../../model/model.js';
import type { LabelType } from '../../config/types.js';
import type { RuleContext } from '../../engine/rule.js';
import { stageChain } from '../util.js';
import { SPDX_IDS } from './spdx.js';

const RESERVED_NAMESPACES = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** Why a label key breaks Docker's key conventions, or null. */
export function labelKeyProblem(key: string): string | null {
  for (const ns of RESERVED_NAMESPACES) if (key.startsWith(ns)) return `the '${ns}' namespace is reserved for Docker`;
  if (!/^[a-z]/.test(key)) return 'it must start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'it must end with a lower-case letter or digit';
  if (!/^[a-z0-9._/-]+$/.test(key)) return 'it may only contain lower-case letters, digits, `.`, `-`, `_` and `/`';
  if (key.includes('..') || key.includes('--')) return 'it must not repeat `.` or `-`';
  return null;
}

interface Label {
  readonly pair: KeyValue;
  readonly key: string;
  readonly value: string | null;
}

function labelsOf(ctx: RuleContext, info: InstructionInfo): Label[] {
  const ins = info.instruction;
  if (ins.name !== 'LABEL') return [];
  return ins.pairs.map((pair) => {
    const key = ctx.expand(pair.key.text, info);
    const value = ctx.expand(pair.value.text, info);
    return { pair, key: key.error ? pair.key.text : key.value, value: value.resolved && !value.error ? value.value : null };
  });
}

export const labelKeyInvalid = defineRule({
  name: 'label-key-invalid',
  practices: ['labels-metadata'],
  severity: 'style',
  instructions: ['LABEL'],
  aliases: ['DL3048'],
  summary: 'A LABEL key that breaks Docker\'s key format',
  docs: {
    what: 'Reports a LABEL key that does not follow Docker\'s recommended format: lower-case letters, digits, `.`, `-`, `_` and `/`, starting with a letter and ending with a letter or digit, no `..` or `--`, and outside the namespaces Docker reserves (`com.docker.*`, `io.docker.*`, `org.dockerproject.*`).',
    why: 'Tools that read labels (registries, scanners, orchestrators) expect reverse-DNS keys such as `org.opencontainers.image.source`; keys in other shapes are easy to mistype and may be ignored or clash with Docker\'s own.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nLABEL Version=1.0\n' }, { code: 'FROM python:3.12-slim\nLABEL com.docker.app=web\n' }],
    good: [{ code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.version=1.0\n' }],
  },
  create(ctx) {
    return {
      instruction({ instruction: ins }) {
        if (ins.name !== 'LABEL') return;
        for (const p of ins.pairs) {
          const key = p.key.text.replace(/^(["'])(.*)\1$/, '$2');
          const problem = labelKeyProblem(key);
          if (problem) ctx.report({ span: p.key.span, message: `Label key '${key}' is not valid: ${problem}` });
        }
      },
    };
  },
});

export const labelMissing = defineRule({
  name: 'label-missing',
  practices: ['labels-metadata'],
  severity: 'info',
  aliases: ['DL3049'],
  summary: 'A stage that can be an image lacks a label the label schema requires',
  docs: {
    what: 'With a `labelSchema` configured, reports each required label missing from a stage (counting the labels of the stages it builds on). A stage is exempt when a stage that builds on it or copies from it has the label: only stages that can end up as an image need it.',
    why: 'The schema is the team\'s promise about every image: who owns it, where its source is, which version it is. An image without those labels cannot be traced back when it shows up in a registry or an incident.',
    options: 'Configured with the top-level `labelSchema` map (label name → `text`, `url`, `semver`, `hash`, `rfc3339`, `spdx` or `email`), also read from `.hadolint.yaml` (`label-schema`).',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nCMD ["python"]\n', settings: { labelSchema: { 'org.opencontainers.image.source': 'url' } } }],
    good: [
      { code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.source=https://example.com/app\n', settings: { labelSchema: { 'org.opencontainers.image.source': 'url' } } },
      { code: 'FROM python:3.12 AS build\nFROM python:3.12-slim\nCOPY --from=build /venv /venv\nLABEL org.opencontainers.image.source=https://example.com/app\n', settings: { labelSchema: { 'org.opencontainers.image.source': 'url' } } },
    ],
  },
  create(ctx) {
    const schema = ctx.settings.labelSchema;
    if (!schema || Object.keys(schema).length === 0) return {};
    const own = new Map<Stage, Set<string>>();
    return {
      instruction(info) {
        if (!info.stage || info.instruction.name !== 'LABEL') return;
        let set = own.get(info.stage);
        if (!set) own.set(info.stage, (set = new Set()));
        for (const l of labelsOf(ctx, info)) set.add(l.key);
      },
      fileEnd() {
        const stages = ctx.model.stages;
        const has = (s: Stage, name: string): boolean => stageChain(s).some((x) => own.get(x)?.has(name) ?? false);
        for (const stage of stages) {
          const consumers = stages.filter((t) => t.parent === stage || t.dependencies.some((d) => d.stage === stage));
          for (const name of Object.keys(schema)) {
            if (has(stage, name) || consumers.some((t) => has(t, name))) continue;
            ctx.report({ span: stage.image.word?.span ?? stage.from.keyword.span, message: `This stage has no '${name}' label, which the label schema requires` });
          }
        }
      },
    };
  },
});

export const labelNotInSchema = defineRule({
  name: 'label-not-in-schema',
  practices: ['labels-metadata'],
  severity: 'info',
  aliases: ['DL3050'],
  summary: 'A LABEL the strict label schema does not list',
  docs: {
    what: 'With `strictLabels: true` and a `labelSchema`, reports every LABEL key the schema does not list.',
    why: 'A strict schema keeps image metadata uniform across a fleet; an unknown key is usually a typo of a schema key or metadata that belongs elsewhere.',
    options: 'Configured with the top-level `strictLabels` flag and `labelSchema` map.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nLABEL team=web\n', settings: { labelSchema: { 'org.opencontainers.image.source': 'url' }, strictLabels: true } }],
    good: [{ code: 'FROM python:3.12-slim\nLABEL team=web\n', settings: { labelSchema: { 'org.opencontainers.image.source': 'url' } } }],
  },
  create(ctx) {
    const schema = ctx.settings.labelSchema;
    if (!schema || !ctx.settings.strictLabels) return {};
    return {
      instruction(info) {
        for (const l of labelsOf(ctx, info)) {
          if (!Object.hasOwn(schema, l.key)) ctx.report({ span: l.pair.key.span, message: `Label '${l.key}' is not in the label schema (strict labels)` });
        }
      },
    };
  },
});

export const labelEmpty = defineRule({
  name: 'label-empty',
  practices: ['labels-metadata'],
  severity: 'warning',
  aliases: ['DL3051'],
  summary: 'A label the schema requires is set to an empty value',
  docs: {
    what: 'With a `labelSchema` configured, reports a schema label whose value is empty.',
    why: 'An empty required label satisfies the check on paper and tells nothing: usually a build arg that was not passed.',
    options: 'Configured with the top-level `labelSchema` map.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.version=""\n', settings: { labelSchema: { 'org.opencontainers.image.version': 'text' } } }],
    good: [{ code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.version=1.2.0\n', settings: { labelSchema: { 'org.opencontainers.image.version': 'text' } } }],
  },
  create(ctx) {
    const schema = ctx.settings.labelSchema;
    if (!schema) return {};
    return {
      instruction(info) {
        for (const l of labelsOf(ctx, info)) {
          if (Object.hasOwn(schema, l.key) && l.value === '') ctx.report({ span: l.pair.span, message: `Label '${l.key}' is empty` });
        }
      },
    };
  },
});

const RFC3339 = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt ]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
const HASH = /^(?:[0-9a-f]{7,40}|[0-9a-f]{64})$/;

function isUrl(v: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(v)) return false;
  try {
    new URL(v);
    return true;
  } catch {
    return false;
  }
}

/** An SPDX license expression: ids (optionally `+`), `LicenseRef-…`, AND / OR / WITH and parentheses. */
export function isSpdxExpression(v: string): boolean {
  const tokens = v.match(/\(|\)|[^\s()]+/g);
  if (!tokens) return false;
  let i = 0;
  const license = (): boolean => {
    const t = tokens[i];
    if (t === undefined) return false;
    if (t === '(') {
      i++;
      if (!expr() || tokens[i] !== ')') return false;
      i++;
      return true;
    }
    const id = t.endsWith('+') ? t.slice(0, -1) : t;
    if (!SPDX_IDS.has(id) && !/^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/.test(id)) return false;
    i++;
    if (tokens[i] === 'WITH') {
      i += 2;
      return tokens[i - 1] !== undefined;
    }
    return true;
  };
  const expr = (): boolean => {
    if (!license()) return false;
    while (tokens[i] === 'AND' || tokens[i] === 'OR') {
      i++;
      if (!license()) return false;
    }
    return true;
  };
  return expr() && i === tokens.length;
}

const VALIDATORS: Readonly<Record<Exclude<LabelType, 'text'>, { test: (v: string) => boolean; what: string; code: string }>> = {
  url: { test: isUrl, what: 'an absolute URL', code: 'DL3052' },
  rfc3339: { test: (v) => RFC3339.test(v), what: 'an RFC 3339 timestamp (2024-05-01T12:00:00Z)', code: 'DL3053' },
  spdx: { test: isSpdxExpression, what: 'an SPDX licence identifier or expression (MIT, Apache-2.0 OR MIT)', code: 'DL3054' },
  hash: { test: (v) => HASH.test(v), what: 'a lower-case hexadecimal commit hash', code: 'DL3055' },
  semver: { test: (v) => SEMVER.test(v), what: 'a semantic version (1.2.3)', code: 'DL3056' },
  email: { test: (v) => EMAIL.test(v), what: 'an e-mail address', code: 'DL3058' },
};

export const labelValueInvalid = defineRule({
  name: 'label-value-invalid',
  practices: ['labels-metadata'],
  severity: 'warning',
  aliases: ['DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'],
  summary: 'A schema label whose value does not have the type the schema says',
  docs: {
    what: 'With a `labelSchema` configured, checks each schema label\'s value against its type: `url` (an absolute URL), `rfc3339` (a timestamp), `spdx` (a licence expression), `hash` (a hex commit hash), `semver`, `email`. Values made of variables with unknown values are skipped; empty values are `label-empty`\'s business.',
    why: 'Tools parse these labels: a source URL that is not a URL, or a licence that is not an SPDX id, breaks the automation the schema exists for.',
    options: 'Configured with the top-level `labelSchema` map.',
  },
  examples: {
    bad: [{ code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.licenses=MIT-ish\n', settings: { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } } }],
    good: [
      { code: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.licenses="Apache-2.0 OR MIT"\n', settings: { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } } },
      { code: 'FROM python:3.12-slim\nARG BUILD_DATE\nLABEL org.opencontainers.image.created=$BUILD_DATE\n', settings: { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } } },
    ],
  },
  create(ctx) {
    const schema = ctx.settings.labelSchema;
    if (!schema) return {};
    return {
      instruction(info) {
        for (const l of labelsOf(ctx, info)) {
          const type = Object.hasOwn(schema, l.key) ? schema[l.key] : undefined;
          if (!type || type === 'text' || !l.value) continue;
          const v = VALIDATORS[type];
          if (!v.test(l.value)) ctx.report({ span: l.pair.value.span, message: `Label '${l.key}' should be ${v.what}, not '${l.value}'` });
        }
      },
    };
  },
});
