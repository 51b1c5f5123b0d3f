import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfigText } from '../../src/config/load.js';
import type { Config } from '../../src/config/types.js';
import { CHECKED, fixture } from './helpers.js';

const load = (text: string, checked = true): Config => loadConfigText(text, '.hadolint.yaml', 'hadolint-yaml', checked ? CHECKED : {}).config;

describe('.hadolint.yaml translated to a dockwise layer', () => {
  it('translates every key of a typical file', () => {
    const loaded = loadConfigText(fixture('hadolint.yaml'), '.hadolint.yaml', 'hadolint-yaml', CHECKED);
    const expected: Config = {
      ignore: ['DL3008'],
      trustedRegistries: ['docker.io', 'my-company.com:5000'],
      rules: {
        DL3015: { severity: 'style' },
        DL3042: { severity: 'warning' },
        DL3032: { severity: 'info' },
        DL3001: { severity: 'error' },
      },
      labelSchema: {
        author: 'text',
        contact: 'email',
        created: 'rfc3339',
        version: 'semver',
        documentation: 'url',
        'git-revision': 'hash',
        license: 'spdx',
        description: 'text',
      },
      strictLabels: true,
      disableIgnorePragma: true,
      failureThreshold: 'warning',
    };
    assert.deepEqual(loaded, { config: expected, path: '.hadolint.yaml', kind: 'hadolint-yaml' });
  });

  it('applies override in hadolint\'s order (style, info, warning, error): error wins', () => {
    const text = 'override:\n  error: [DL3001]\n  warning: [DL3001, DL3008]\n  info: [DL3001, DL3008, DL3009]\n  style: [DL3001, DL3008, DL3009, DL3015]\n';
    assert.deepEqual(load(text).rules, {
      DL3001: { severity: 'error' },
      DL3008: { severity: 'warning' },
      DL3009: { severity: 'info' },
      DL3015: { severity: 'style' },
    });
    // The order in the file does not matter.
    assert.deepEqual(load('override:\n  style: [DL3008]\n  error: [DL3008]\n').rules, { DL3008: { severity: 'error' } });
    assert.deepEqual(load('override:\n  info: [DL3008]\n  style: [DL3008]\n').rules, { DL3008: { severity: 'info' } });
  });

  it("maps hadolint's `ignore` threshold to `none`", () => {
    assert.deepEqual(load('failure-threshold: ignore\n'), { failureThreshold: 'none' });
    assert.deepEqual(load('failure-threshold: none\n'), { failureThreshold: 'none' });
    assert.deepEqual(load('failure-threshold: style\n'), { failureThreshold: 'style' });
  });

  it('accepts ShellCheck codes and drops them: they select nothing in dockwise', () => {
    assert.deepEqual(load('ignored: [SC2086, DL3008, SC1091]\noverride:\n  error: [SC2046]\n'), { ignore: ['DL3008'], rules: {} });
  });

  it('accepts and ignores the command-line keys', () => {
    const text = 'no-fail: true\nno-color: true\nformat: sarif\nformats: [json, tty]\nverbose: true\n';
    assert.deepEqual(load(text), {});
  });

  it('accepts a single trusted registry written as a string', () => {
    assert.deepEqual(load('trustedRegistries: docker.io\n'), { trustedRegistries: ['docker.io'] });
  });

  it('reads keys left empty as not set, as hadolint does', () => {
    assert.deepEqual(load('ignored:\noverride:\n  error:\ntrustedRegistries:\nstrict-labels:\n'), { rules: {} });
  });

  it('takes an empty file as an empty config', () => {
    assert.deepEqual(load(''), {});
    assert.deepEqual(load('# hadolint config\n'), {});
  });

  it('checks codes only when given isKnownSelector', () => {
    assert.deepEqual(load('ignored: [DL9999]\n', false), { ignore: ['DL9999'] });
  });
});
