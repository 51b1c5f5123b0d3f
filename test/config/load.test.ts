import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configKindOf, hasDockwiseTable, loadConfigText, loadPyproject } from '../../src/config/load.js';
import type { Config, ConfigKind } from '../../src/config/types.js';
import { assertConfigError, CHECKED, fixture } from './helpers.js';

describe('.dockwise.yaml', () => {
  it('reads every key and maps it to camelCase', () => {
    const loaded = loadConfigText(fixture('full.dockwise.yaml'), '.dockwise.yaml', 'dockwise-yaml', CHECKED);
    const expected: Config = {
      select: ['all'],
      extendSelect: ['healthcheck'],
      ignore: ['DL3008', 'base-pinned-tag'],
      rules: {
        DL3009: { severity: 'warning' },
        JSONArgsRecommended: { severity: 'off' },
        'pin-apt': { severity: 'info', options: { allow: ['curl', 'ca-certificates'] } },
      },
      trustedRegistries: ['docker.io', '*.example.com'],
      failureThreshold: 'warning',
      labelSchema: { maintainer: 'email', 'org.opencontainers.image.version': 'semver' },
      strictLabels: true,
      disableIgnorePragma: false,
      overrides: [
        { files: ['docker/dev/**', 'Dockerfile.dev'], ignore: ['user-non-root'], failureThreshold: 'none' },
        { files: ['**/*.prod.Dockerfile'], rules: { DL3009: { severity: 'error' } } },
      ],
      init: { framework: 'django', python: '3.12', server: 'gunicorn' },
    };
    assert.deepEqual(loaded, { config: expected, path: '.dockwise.yaml', kind: 'dockwise-yaml' });
  });

  it('reads .dockwise.yml the same way', () => {
    assert.deepEqual(loadConfigText(fixture('minimal.dockwise.yml'), '.dockwise.yml', 'dockwise-yaml').config, { ignore: ['DL3008'] });
  });

  it('takes an empty file, or one with only comments, as an empty config', () => {
    for (const text of ['', '\n', '# nothing yet\n', '---\n']) {
      assert.deepEqual(loadConfigText(text, 'c.yaml', 'dockwise-yaml').config, {});
    }
  });

  it('reads YAML 1.2: `off`, `no` and `yes` are strings, not booleans', () => {
    const config = loadConfigText('rules:\n  DL3008: off\ninit:\n  answer: yes\n', 'c.yaml', 'dockwise-yaml').config;
    assert.deepEqual(config, { rules: { DL3008: { severity: 'off' } }, init: { answer: 'yes' } });
  });

  it('follows anchors and aliases', () => {
    const text = 'ignore: &common [DL3008, DL3009]\noverrides:\n  - files: [a]\n    ignore: *common\n';
    assert.deepEqual(loadConfigText(text, 'c.yaml', 'dockwise-yaml', CHECKED).config, {
      ignore: ['DL3008', 'DL3009'],
      overrides: [{ files: ['a'], ignore: ['DL3008', 'DL3009'] }],
    });
  });

  it('does not check selectors without isKnownSelector', () => {
    assert.deepEqual(loadConfigText('select: [whatever]\n', 'c.yaml', 'dockwise-yaml').config, { select: ['whatever'] });
  });
});

describe('[tool.dockwise] in pyproject.toml', () => {
  it('reads the table and nothing else of the file', () => {
    const loaded = loadConfigText(fixture('pyproject.toml'), 'pyproject.toml', 'pyproject', CHECKED);
    const expected: Config = {
      select: ['all'],
      ignore: ['DL3008', 'base-pinned-tag'],
      trustedRegistries: ['docker.io', 'ghcr.io'],
      failureThreshold: 'info',
      rules: { DL3009: { severity: 'warning' }, 'pin-apt': { severity: 'info', options: { allow: ['curl'] } } },
      labelSchema: { maintainer: 'email' },
      overrides: [
        { files: ['docker/dev/**'], ignore: ['user-non-root'] },
        { files: ['Dockerfile.worker'], rules: { DL3009: { severity: 'off' } } },
      ],
      init: { framework: 'fastapi' },
    };
    assert.deepEqual(loaded, { config: expected, path: 'pyproject.toml', kind: 'pyproject' });
    assert.deepEqual(loadPyproject(fixture('pyproject.toml'), 'pyproject.toml', CHECKED), loaded);
  });

  it('tells a pyproject.toml without [tool.dockwise] from an empty table', () => {
    const other = '[project]\nname = "x"\n\n[tool.ruff]\nline-length = 88\n';
    assert.equal(hasDockwiseTable(other), false);
    assert.equal(loadPyproject(other, 'pyproject.toml'), null);
    assert.deepEqual(loadConfigText(other, 'pyproject.toml', 'pyproject').config, {});
    assert.equal(hasDockwiseTable(''), false);
    assert.equal(loadPyproject('', 'pyproject.toml'), null);

    const empty = '[tool.dockwise]\n';
    assert.equal(hasDockwiseTable(empty), true);
    assert.deepEqual(loadPyproject(empty, 'pyproject.toml'), { config: {}, path: 'pyproject.toml', kind: 'pyproject' });
  });

  it('reads dotted keys and inline tables', () => {
    const text = '[tool]\ndockwise.ignore = ["DL3008"]\ndockwise.overrides = [{ files = ["a"], select = ["all"] }]\n';
    assert.deepEqual(loadConfigText(text, 'pyproject.toml', 'pyproject', CHECKED).config, {
      ignore: ['DL3008'],
      overrides: [{ files: ['a'], select: ['all'] }],
    });
  });

  it('leaves a broken pyproject.toml alone when it cannot hold our table, and reports it when it can', () => {
    assert.equal(loadPyproject('[project\nname = "x"\n', 'pyproject.toml'), null);
    assert.equal(hasDockwiseTable('[project\n'), false);
    assertConfigError(() => loadPyproject('[tool.dockwise]\nselect = [\n', 'pyproject.toml'), {
      line: 3,
      column: 1,
      detail: 'invalid TOML: invalid value',
    });
    // Asked for by name (`--config`), a broken file is always an error.
    assertConfigError(() => loadConfigText('[project\n', 'pyproject.toml', 'pyproject'), {
      line: 1,
      column: 9,
      detail: 'invalid TOML: illegal character in key',
    });
  });
});

describe('configKindOf', () => {
  it('tells the kind from the file name', () => {
    const cases: [string, ConfigKind][] = [
      ['.dockwise.yaml', 'dockwise-yaml'],
      ['ci/lint.yml', 'dockwise-yaml'],
      ['/repo/pyproject.toml', 'pyproject'],
      ['.hadolint.yaml', 'hadolint-yaml'],
      ['C:\\Users\\me\\.hadolint.yml', 'hadolint-yaml'],
      ['/home/me/.config/hadolint.yaml', 'hadolint-yaml'],
    ];
    for (const [path, kind] of cases) assert.equal(configKindOf(path), kind, path);
  });
});

interface ErrorCase {
  readonly name: string;
  readonly kind: ConfigKind;
  readonly text: string;
  readonly line: number;
  readonly column: number;
  readonly detail: string;
}

const ERRORS: readonly ErrorCase[] = [
  // YAML syntax
  { name: 'unclosed flow list', kind: 'dockwise-yaml', text: 'select: [all\nignore: []\n', line: 2, column: 1, detail: 'invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ]' },
  { name: 'bad indentation', kind: 'dockwise-yaml', text: 'rules:\n  DL3008: off\n DL3009: off\n', line: 3, column: 1, detail: 'invalid YAML: all mapping items must start at the same column' },
  { name: 'tab indentation', kind: 'dockwise-yaml', text: 'rules:\n\tDL3008: off\n', line: 2, column: 1, detail: 'invalid YAML: tabs are not allowed as indentation' },
  { name: 'duplicate key', kind: 'dockwise-yaml', text: 'select: [all]\nignore: []\nselect: []\n', line: 3, column: 1, detail: 'duplicate key "select"' },
  { name: 'duplicate nested key', kind: 'dockwise-yaml', text: 'rules:\n  DL3008: off\n  "DL3008": error\n', line: 3, column: 3, detail: 'duplicate key "DL3008"' },
  { name: 'two documents', kind: 'dockwise-yaml', text: 'select: [all]\n---\nignore: []\n', line: 2, column: 1, detail: 'invalid YAML: a config is one document, and this `---` starts a second one' },
  { name: 'alias without anchor', kind: 'dockwise-yaml', text: 'ignore: *common\n', line: 1, column: 9, detail: 'invalid YAML: the alias *common has no anchor &common before it' },
  { name: 'list as a key', kind: 'dockwise-yaml', text: '? [a, b]\n: 1\n', line: 1, column: 3, detail: 'a key must be a name, not a list or a table' },
  // Shape
  { name: 'root is a list', kind: 'dockwise-yaml', text: '- select\n', line: 1, column: 1, detail: 'the config must be a table of settings, got a list' },
  { name: 'root is a scalar', kind: 'dockwise-yaml', text: 'select\n', line: 1, column: 1, detail: 'the config must be a table of settings, got "select"' },
  { name: 'unknown key, close to a known one', kind: 'dockwise-yaml', text: 'select: [all]\nignored: [DL3008]\n', line: 2, column: 1, detail: 'unknown key "ignored" (did you mean "ignore"?)' },
  { name: 'camelCase key', kind: 'dockwise-yaml', text: 'trustedRegistries: [docker.io]\n', line: 1, column: 1, detail: 'unknown key "trustedRegistries" (did you mean "trusted-registries"?)' },
  {
    name: 'unknown key, nothing close',
    kind: 'dockwise-yaml',
    text: 'color: true\n',
    line: 1,
    column: 1,
    detail:
      'unknown key "color"; the keys are: $schema, select, extend-select, ignore, rules, trusted-registries, failure-threshold, label-schema, strict-labels, disable-ignore-pragma, overrides, init',
  },
  { name: 'unknown key in a rule table', kind: 'dockwise-yaml', text: 'rules:\n  DL3008:\n    level: off\n', line: 3, column: 5, detail: 'unknown key "level" in rules.DL3008; the keys are: severity, options' },
  { name: 'unknown key in an override', kind: 'dockwise-yaml', text: 'overrides:\n  - files: [a]\n    selct: [all]\n', line: 3, column: 5, detail: 'unknown key "selct" in overrides[0] (did you mean "select"?)' },
  { name: 'init in an override', kind: 'dockwise-yaml', text: 'overrides:\n  - files: [a]\n    init: {}\n', line: 3, column: 5, detail: 'unknown key "init" in overrides[0]; the keys are: files, select, extend-select, ignore, rules, trusted-registries, failure-threshold, label-schema, strict-labels, disable-ignore-pragma' },
  { name: 'string for a list', kind: 'dockwise-yaml', text: 'select: all\n', line: 1, column: 9, detail: 'select: expected a list of rule names, aliases or practice IDs, got "all"' },
  { name: 'number in a list', kind: 'dockwise-yaml', text: 'ignore:\n  - DL3008\n  - 3009\n', line: 3, column: 5, detail: 'ignore[1]: expected a rule name, alias or practice ID, got the number 3009' },
  { name: 'empty string in a list', kind: 'dockwise-yaml', text: 'ignore: [""]\n', line: 1, column: 10, detail: 'ignore[0]: expected a rule name, alias or practice ID, not an empty string, got an empty string' },
  { name: 'no value', kind: 'dockwise-yaml', text: 'select:\nignore: []\n', line: 1, column: 1, detail: 'select: expected a list of rule names, aliases or practice IDs, got no value' },
  { name: 'YAML 1.1 boolean', kind: 'dockwise-yaml', text: 'strict-labels: yes\n', line: 1, column: 16, detail: 'strict-labels: expected true or false, got "yes"' },
  { name: 'bad failure threshold', kind: 'dockwise-yaml', text: 'failure-threshold: warn\n', line: 1, column: 20, detail: 'failure-threshold: expected error, warning, info, style or none, got "warn" (did you mean "warning"?)' },
  { name: 'hadolint threshold in our file', kind: 'dockwise-yaml', text: 'failure-threshold: ignore\n', line: 1, column: 20, detail: 'failure-threshold: expected error, warning, info, style or none, got "ignore"' },
  { name: 'bad severity', kind: 'dockwise-yaml', text: 'rules:\n  DL3008: fatal\n', line: 2, column: 11, detail: 'rules.DL3008: expected a severity (error, warning, info, style or off) or a table with `severity` and `options`, got "fatal"' },
  { name: 'misspelt severity', kind: 'dockwise-yaml', text: 'rules:\n  DL3008: warn\n', line: 2, column: 11, detail: 'rules.DL3008: expected a severity (error, warning, info, style or off) or a table with `severity` and `options`, got "warn" (did you mean "warning"?)' },
  { name: 'bad severity in a table', kind: 'dockwise-yaml', text: 'rules:\n  DL3008:\n    severity: 2\n', line: 3, column: 15, detail: 'rules.DL3008.severity: expected a severity (error, warning, info, style or off), got the number 2' },
  { name: 'options not a table', kind: 'dockwise-yaml', text: 'rules:\n  pin-apt: {options: [curl]}\n', line: 2, column: 22, detail: 'rules.pin-apt.options: expected a table of rule options, got a list' },
  { name: 'empty list for a table', kind: 'dockwise-yaml', text: 'label-schema: []\n', line: 1, column: 15, detail: 'label-schema: expected a table of label names and types, got an empty list' },
  { name: 'rules as a list', kind: 'dockwise-yaml', text: 'rules:\n  - DL3008\n', line: 2, column: 3, detail: 'rules: expected a table of rule settings, got a list' },
  { name: 'list for a rule table', kind: 'dockwise-yaml', text: 'rules:\n  DL3008: [error]\n', line: 2, column: 11, detail: 'rules.DL3008: expected a severity (error, warning, info, style or off) or a table with `severity` and `options`, got a list' },
  { name: 'list for an override', kind: 'dockwise-yaml', text: 'overrides:\n  - [Dockerfile]\n', line: 2, column: 5, detail: 'overrides[0]: expected a table with `files` and settings, got a list' },
  { name: 'bad label type', kind: 'dockwise-yaml', text: 'label-schema:\n  maintainer: mail\n', line: 2, column: 15, detail: 'label-schema.maintainer: expected a label type (text, url, semver, hash, rfc3339, spdx or email), got "mail" (did you mean "email"?)' },
  { name: 'label with a dot in its name', kind: 'dockwise-yaml', text: 'label-schema:\n  org.opencontainers.image.url: link\n', line: 2, column: 33, detail: 'label-schema."org.opencontainers.image.url": expected a label type (text, url, semver, hash, rfc3339, spdx or email), got "link"' },
  { name: 'override without files', kind: 'dockwise-yaml', text: 'overrides:\n  - ignore: [DL3008]\n', line: 2, column: 5, detail: 'overrides[0] needs the key "files"' },
  { name: 'override with no globs', kind: 'dockwise-yaml', text: 'overrides:\n  - files: []\n', line: 2, column: 12, detail: 'overrides[0].files: expected at least one glob, got an empty list' },
  { name: 'override files as a string', kind: 'dockwise-yaml', text: 'overrides:\n  - files: Dockerfile\n', line: 2, column: 12, detail: 'overrides[0].files: expected a list of globs, got "Dockerfile"' },
  { name: 'override as a string', kind: 'dockwise-yaml', text: 'overrides:\n  - Dockerfile\n', line: 2, column: 5, detail: 'overrides[0]: expected a table with `files` and settings, got "Dockerfile"' },
  { name: 'several problems: the first is reported', kind: 'dockwise-yaml', text: 'select: all\nfoo: 1\nstrict-labels: 1\n', line: 1, column: 9, detail: 'select: expected a list of rule names, aliases or practice IDs, got "all" (and 2 more problems)' },
  { name: 'byte order mark', kind: 'dockwise-yaml', text: '\uFEFFselect: all\r\n', line: 1, column: 9, detail: 'select: expected a list of rule names, aliases or practice IDs, got "all"' },
  { name: 'YAML binary data', kind: 'dockwise-yaml', text: 'rules:\n  DL3008: !!binary aGVsbG8=\n', line: 2, column: 20, detail: 'rules.DL3008: expected a severity (error, warning, info, style or off) or a table with `severity` and `options`, got binary data' },
  // Selectors
  { name: 'misspelt alias', kind: 'dockwise-yaml', text: 'ignore: [DL3OO8]\n', line: 1, column: 10, detail: 'unknown rule, alias or practice ID "DL3OO8" in ignore (did you mean "DL3008"?)' },
  { name: 'misspelt practice ID', kind: 'dockwise-yaml', text: 'select:\n  - all\nextend-select:\n  - healthchek\n', line: 4, column: 5, detail: 'unknown rule, alias or practice ID "healthchek" in extend-select (did you mean "healthcheck"?)' },
  { name: 'unknown rule key', kind: 'dockwise-yaml', text: 'rules:\n  pin-apt: off\n  no-such-rule: off\n', line: 3, column: 3, detail: 'unknown rule, alias or practice ID "no-such-rule" in rules' },
  { name: 'unknown selector in an override', kind: 'dockwise-yaml', text: 'overrides:\n  - files: [a]\n    select: [pinapt, DL9999]\n', line: 3, column: 14, detail: 'unknown rule, alias or practice ID "pinapt" in overrides[0].select (did you mean "pin-apt"?) (and 1 more unknown name)' },
  // TOML
  { name: 'TOML syntax', kind: 'pyproject', text: '[tool.dockwise]\nselect = ["all"\nignore = []\n', line: 3, column: 1, detail: 'invalid TOML: expected comma or end of structure' },
  { name: 'TOML duplicate key', kind: 'pyproject', text: '[tool.dockwise]\nselect = []\nselect = ["all"]\n', line: 3, column: 1, detail: 'invalid TOML: trying to redefine an already defined table or value' },
  { name: 'TOML unknown key after other tools', kind: 'pyproject', text: '[tool.ruff]\nselect = ["E"]\n\n[tool.dockwise]\nselect = ["all"]\nignored = []\n', line: 6, column: 1, detail: 'unknown key "ignored" in tool.dockwise (did you mean "ignore"?)' },
  { name: 'TOML bad value in a sub-table', kind: 'pyproject', text: '[tool.dockwise]\nselect = ["all"]\n\n[tool.dockwise.rules]\nDL3008 = "warn"\n', line: 5, column: 10, detail: 'tool.dockwise.rules.DL3008: expected a severity (error, warning, info, style or off) or a table with `severity` and `options`, got "warn" (did you mean "warning"?)' },
  { name: 'TOML unknown key in a rule sub-table', kind: 'pyproject', text: '[tool.dockwise.rules.DL3008]\nseverity = "off"\nlevel = 1\n', line: 3, column: 1, detail: 'unknown key "level" in tool.dockwise.rules.DL3008; the keys are: severity, options' },
  { name: 'TOML dotted key', kind: 'pyproject', text: '[tool.dockwise]\nrules.DL3008.severity = "of"\n', line: 2, column: 25, detail: 'tool.dockwise.rules.DL3008.severity: expected a severity (error, warning, info, style or off), got "of" (did you mean "off"?)' },
  { name: 'TOML wrong type', kind: 'pyproject', text: '[tool.dockwise]\nstrict-labels = "true"\n', line: 2, column: 17, detail: 'tool.dockwise.strict-labels: expected true or false, got "true"' },
  { name: 'TOML element of a multi-line array', kind: 'pyproject', text: '[tool.dockwise]\nignore = [\n  "DL3008",  # lockfile\n  9,\n]\n', line: 4, column: 3, detail: 'tool.dockwise.ignore[1]: expected a rule name, alias or practice ID, got the number 9' },
  { name: 'TOML second array table without files', kind: 'pyproject', text: '[[tool.dockwise.overrides]]\nfiles = ["a"]\n\n[[tool.dockwise.overrides]]\nignore = ["DL3008"]\n', line: 4, column: 17, detail: 'tool.dockwise.overrides[1] needs the key "files"' },
  { name: 'TOML sub-table of an array table', kind: 'pyproject', text: '[[tool.dockwise.overrides]]\nfiles = ["a"]\n[[tool.dockwise.overrides]]\nfiles = ["b"]\n[tool.dockwise.overrides.rules]\nDL3008 = "fatal"\n', line: 6, column: 10, detail: 'tool.dockwise.overrides[1].rules.DL3008: expected a severity (error, warning, info, style or off) or a table with `severity` and `options`, got "fatal"' },
  { name: 'TOML inline tables in an array', kind: 'pyproject', text: '[tool.dockwise]\noverrides = [\n  { files = ["a"] },\n  { files = ["b"], fils = ["c"] },\n]\n', line: 4, column: 20, detail: 'unknown key "fils" in tool.dockwise.overrides[1] (did you mean "files"?)' },
  { name: 'TOML quoted keys', kind: 'pyproject', text: '[tool.dockwise."label-schema"]\n"org.opencontainers.image.url" = "link"\n', line: 2, column: 34, detail: 'tool.dockwise.label-schema."org.opencontainers.image.url": expected a label type (text, url, semver, hash, rfc3339, spdx or email), got "link"' },
  { name: 'TOML dockwise not a table', kind: 'pyproject', text: '[tool]\ndockwise = "all"\n', line: 2, column: 12, detail: 'tool.dockwise must be a table of settings, got "all"' },
  { name: 'TOML date', kind: 'pyproject', text: '[tool.dockwise]\nfailure-threshold = 2024-01-01\n', line: 2, column: 21, detail: 'tool.dockwise.failure-threshold: expected error, warning, info, style or none, got a date' },
  { name: 'TOML date where a table may go', kind: 'pyproject', text: '[tool.dockwise.rules]\nDL3008 = 2024-01-01\n', line: 2, column: 10, detail: 'tool.dockwise.rules.DL3008: expected a severity (error, warning, info, style or off) or a table with `severity` and `options`, got a date' },
  { name: 'TOML date in init', kind: 'pyproject', text: '[tool.dockwise.init]\nwhen = 1979-05-27 07:32:00Z\n', line: 2, column: 8, detail: 'tool.dockwise.init.when: expected text, a number, true or false, a list or a table, got a date' },
  { name: 'TOML date in a list', kind: 'pyproject', text: '[tool.dockwise]\nselect = ["all", 2024-01-01]\n', line: 2, column: 18, detail: 'tool.dockwise.select[1]: expected a rule name, alias or practice ID, got a date' },
  { name: 'TOML byte order mark', kind: 'pyproject', text: '\uFEFF[tool.dockwise]\nselect = "all"\n', line: 2, column: 10, detail: 'tool.dockwise.select: expected a list of rule names, aliases or practice IDs, got "all"' },
  { name: 'TOML unknown selector', kind: 'pyproject', text: '[tool.dockwise]\nselect = ["all"]\nignore = ["DL3008", "DL3OO9"]\n', line: 3, column: 21, detail: 'unknown rule, alias or practice ID "DL3OO9" in tool.dockwise.ignore (did you mean "DL3009"?)' },
  { name: 'TOML unknown rule in a sub-table', kind: 'pyproject', text: '[tool.dockwise.rules]\npin-apt = "off"\n\n[tool.dockwise.rules.pin-aptt]\nseverity = "off"\n', line: 4, column: 22, detail: 'unknown rule, alias or practice ID "pin-aptt" in tool.dockwise.rules (did you mean "pin-apt"?)' },
  // hadolint
  { name: 'hadolint unknown key', kind: 'hadolint-yaml', text: 'ignored: [DL3008]\ntrustedRegistry: [docker.io]\n', line: 2, column: 1, detail: 'unknown key "trustedRegistry" (did you mean "trustedRegistries"?)' },
  { name: 'hadolint file with our key', kind: 'hadolint-yaml', text: 'trusted-registries: [docker.io]\n', line: 1, column: 1, detail: 'unknown key "trusted-registries" (did you mean "trustedRegistries"?)' },
  { name: 'hadolint unknown severity', kind: 'hadolint-yaml', text: 'override:\n  fatal: [DL3008]\n', line: 2, column: 3, detail: 'unknown key "fatal" in override; the keys are: error, warning, info, style' },
  { name: 'hadolint override as a list', kind: 'hadolint-yaml', text: 'override: [DL3008]\n', line: 1, column: 11, detail: 'override: expected a table with error, warning, info and style lists, got a list' },
  { name: 'hadolint bad threshold', kind: 'hadolint-yaml', text: 'failure-threshold: never\n', line: 1, column: 20, detail: 'failure-threshold: expected error, warning, info, style, ignore or none, got "never"' },
  { name: 'hadolint codes not a list', kind: 'hadolint-yaml', text: 'ignored: DL3008\n', line: 1, column: 10, detail: 'ignored: expected a list of rule codes, got "DL3008"' },
  { name: 'hadolint unknown code', kind: 'hadolint-yaml', text: 'ignored:\n  - SC2086\n  - DL3007\n', line: 3, column: 5, detail: 'unknown rule code "DL3007" in ignored (did you mean "DL3001"?)' },
  { name: 'hadolint unknown code in override', kind: 'hadolint-yaml', text: 'override:\n  error: [DL3001]\n  info: [DL3O32]\n', line: 3, column: 10, detail: 'unknown rule code "DL3O32" in override.info (did you mean "DL3032"?)' },
  { name: 'hadolint duplicate key', kind: 'hadolint-yaml', text: 'ignored: [DL3008]\nignored: [DL3009]\n', line: 2, column: 1, detail: 'duplicate key "ignored"' },
];

describe('errors: what is wrong, with the line and column of the offending key or value', () => {
  for (const c of ERRORS) {
    it(`${c.kind}: ${c.name}`, () => {
      const path = c.kind === 'pyproject' ? 'pyproject.toml' : c.kind === 'hadolint-yaml' ? '.hadolint.yaml' : '.dockwise.yaml';
      assertConfigError(() => loadConfigText(c.text, path, c.kind, CHECKED), { path, line: c.line, column: c.column, detail: c.detail });
    });
  }

  it('puts no stack trace and no code excerpt in the message', () => {
    for (const c of ERRORS) {
      try {
        loadConfigText(c.text, 'f', c.kind, CHECKED);
      } catch (e) {
        assert.ok(e instanceof Error);
        assert.doesNotMatch(e.message, /\n|\bat .*\.(ts|js):\d/, c.name);
      }
    }
  });
});
