import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { parse as parseToml } from 'smol-toml';
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import { generateSchema, SCHEMA_PATH } from '../../scripts/gen-schema.js';
import { configSchema } from '../../src/config/schema.js';
import { fixture } from './helpers.js';

const committed = readFileSync(SCHEMA_PATH, 'utf8');
const jsonSchema = JSON.parse(committed) as Record<string, unknown>;
const validate = new Ajv({ strict: true, allErrors: true }).compile(jsonSchema);

const EXAMPLES: Record<string, unknown> = {
  'full.dockwise.yaml': parseYaml(fixture('full.dockwise.yaml'), { version: '1.2' }),
  'minimal.dockwise.yml': parseYaml(fixture('minimal.dockwise.yml'), { version: '1.2' }),
  'pyproject.toml [tool.dockwise]': (parseToml(fixture('pyproject.toml')) as { tool: { dockwise: unknown } }).tool.dockwise,
};

describe('schema/dockwise.schema.json', () => {
  it('is what `npm run gen:schema` generates (run it after changing src/config/schema.ts)', () => {
    assert.equal(committed, generateSchema());
  });

  it('describes every property', () => {
    const missing: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${at}[${i}]`));
      if (typeof node !== 'object' || node === null) return;
      const props = (node as { properties?: Record<string, unknown> }).properties;
      for (const [name, prop] of Object.entries(props ?? {})) {
        if (typeof (prop as { description?: unknown }).description !== 'string') missing.push(`${at}.${name}`);
      }
      for (const [k, child] of Object.entries(node)) walk(child, `${at}.${k}`);
    };
    walk(jsonSchema, '#');
    assert.deepEqual(missing, []);
    assert.equal(typeof jsonSchema['description'], 'string');
  });

  for (const [name, data] of Object.entries(EXAMPLES)) {
    it(`accepts the example ${name}`, () => {
      assert.ok(validate(data), JSON.stringify(validate.errors));
      assert.ok(v.is(configSchema, data));
    });
  }

  it('rejects what the loader rejects', () => {
    const bad: unknown[] = [
      { selct: ['all'] },
      { select: 'all' },
      { rules: { DL3008: 'warn' } },
      { rules: { DL3008: { severity: 'off', level: 1 } } },
      { rules: ['DL3008'] },
      { 'failure-threshold': 'ignore' },
      { 'label-schema': { maintainer: 'mail' } },
      { 'strict-labels': 'yes' },
      { overrides: [{ ignore: ['DL3008'] }] },
      { overrides: [{ files: [] }] },
      { overrides: [{ files: ['a'], init: {} }] },
      { ignore: [''] },
    ];
    for (const data of bad) {
      assert.equal(validate(data), false, `JSON Schema accepts ${JSON.stringify(data)}`);
      assert.equal(v.is(configSchema, data), false, `valibot accepts ${JSON.stringify(data)}`);
    }
  });
});
