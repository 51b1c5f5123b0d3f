import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createConfigFinder, findConfig, NO_CONFIG } from '../../src/node/config-discovery.js';
import type { ConfigFinder } from '../../src/node/config-discovery.js';
import { assertConfigError, CHECKED } from './helpers.js';

let root = '';
const p = (...parts: string[]): string => join(root, ...parts);
const write = (rel: string, text: string): void => {
  mkdirSync(dirname(p(rel)), { recursive: true });
  writeFileSync(p(rel), text);
};

/** A finder that sees only the temporary tree: its own home, no XDG folder, and a stop at the root. */
const finder = (env: Record<string, string> = {}): ConfigFinder => createConfigFinder({ ...CHECKED, env, homeDir: p('home') });
const find = (f: ConfigFinder, dockerfile: string, configPath?: string) =>
  f.find(p(dockerfile), { stopAt: root, ...(configPath === undefined ? {} : { configPath: p(configPath) }) });

before(() => {
  root = mkdtempSync(join(tmpdir(), 'dockwise-config-'));
  mkdirSync(p('home'));
  write('repo/.dockwise.yaml', 'select: [all]\n');
  write('repo/.hadolint.yaml', 'ignored: [DL3001]\n');
  write('repo/services/api/pyproject.toml', '[project]\nname = "api"\n\n[tool.dockwise]\nignore = ["DL3008"]\n');
  write('repo/services/web/pyproject.toml', '[project]\nname = "web"\n\n[tool.black]\nline-length = 100\n');
  write('repo/services/docs/pyproject.toml', '[project\nthis is not TOML, and not ours\n');
  write('repo/legacy/.hadolint.yaml', 'ignored: [DL3009]\n');
  write('hado/.hadolint.yml', 'ignored: [DL3015]\n');
  write('hado/both/.hadolint.yaml', 'ignored: [DL3032]\n');
  write('hado/both/.hadolint.yml', 'ignored: [DL3042]\n');
  write('conflict/yaml-yml/.dockwise.yaml', 'select: [all]\n');
  write('conflict/yaml-yml/.dockwise.yml', 'select: [all]\n');
  write('conflict/yaml-pyproject/.dockwise.yml', 'select: [all]\n');
  write('conflict/yaml-pyproject/pyproject.toml', '[tool.dockwise]\nselect = ["all"]\n');
  write('conflict/yaml-other-pyproject/.dockwise.yml', 'ignore: [DL3042]\n');
  write('conflict/yaml-other-pyproject/pyproject.toml', '[tool.ruff]\nline-length = 100\n');
  write('broken/.dockwise.yaml', 'select: [all]\nignore: [DL3OO8]\n');
  write('broken/below/.hadolint.yaml', 'ignored: [DL3008]\n');
  write('explicit/ci.yaml', 'ignore: [DL3015]\n');
  write('explicit/hadolint-ci.yml', 'ignored: [DL3015]\n');
  write('explicit/pyproject.toml', '[tool.dockwise]\nignore = ["DL3032"]\n');
  write('explicit/other/pyproject.toml', '[tool.ruff]\n');
});

after(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('findConfig: the closest own config wins', () => {
  it('finds .dockwise.yaml next to the Dockerfile', () => {
    assert.deepEqual(find(finder(), 'repo/Dockerfile'), { config: { select: ['all'] }, path: p('repo/.dockwise.yaml'), kind: 'dockwise-yaml' });
  });

  it('finds it from a folder below', () => {
    assert.equal(find(finder(), 'repo/deep/er/still/Dockerfile').path, p('repo/.dockwise.yaml'));
  });

  it('prefers a closer pyproject.toml with [tool.dockwise]', () => {
    assert.deepEqual(find(finder(), 'repo/services/api/Dockerfile'), {
      config: { ignore: ['DL3008'] },
      path: p('repo/services/api/pyproject.toml'),
      kind: 'pyproject',
    });
  });

  it('passes over a pyproject.toml without [tool.dockwise], even a broken one', () => {
    assert.equal(find(finder(), 'repo/services/web/Dockerfile').path, p('repo/.dockwise.yaml'));
    assert.equal(find(finder(), 'repo/services/docs/Dockerfile').path, p('repo/.dockwise.yaml'));
  });

  it('takes an own config further up over a closer .hadolint.yaml', () => {
    assert.equal(find(finder(), 'repo/legacy/Dockerfile').path, p('repo/.dockwise.yaml'));
  });

  it('keeps a .dockwise.yml beside a pyproject.toml that has no [tool.dockwise]', () => {
    assert.equal(find(finder(), 'conflict/yaml-other-pyproject/Dockerfile').path, p('conflict/yaml-other-pyproject/.dockwise.yml'));
  });

  it('the shared findConfig does the same', () => {
    assert.equal(findConfig(p('repo/services/api/Dockerfile'), { stopAt: root }).path, p('repo/services/api/pyproject.toml'));
    assert.equal(findConfig(p('repo/services/api/Dockerfile'), { stopAt: root, ...CHECKED }).path, p('repo/services/api/pyproject.toml'));
  });
});

describe('findConfig: two configs in one folder', () => {
  it('is an error naming both (.dockwise.yaml and .dockwise.yml)', () => {
    assertConfigError(() => find(finder(), 'conflict/yaml-yml/Dockerfile'), {
      path: p('conflict/yaml-yml/.dockwise.yaml'),
      line: 1,
      column: 1,
      detail: 'two dockwise configs in one folder: .dockwise.yaml and .dockwise.yml (keep one)',
    });
  });

  it('is an error naming both (.dockwise.yml and pyproject.toml)', () => {
    assertConfigError(() => find(finder(), 'conflict/yaml-pyproject/sub/Dockerfile'), {
      path: p('conflict/yaml-pyproject/.dockwise.yml'),
      line: 1,
      column: 1,
      detail: 'two dockwise configs in one folder: .dockwise.yml and pyproject.toml (keep one)',
    });
  });
});

describe('findConfig: hadolint configs', () => {
  it('takes the closest .hadolint.yaml when no own config exists up the tree', () => {
    assert.deepEqual(find(finder(), 'hado/sub/Dockerfile'), { config: { ignore: ['DL3015'] }, path: p('hado/.hadolint.yml'), kind: 'hadolint-yaml' });
  });

  it('prefers .hadolint.yaml to .hadolint.yml in one folder, as hadolint does', () => {
    assert.equal(find(finder(), 'hado/both/Dockerfile').path, p('hado/both/.hadolint.yaml'));
  });

  it("falls back to hadolint's global locations, in hadolint's order", () => {
    const f = (): ConfigFinder => finder({ XDG_CONFIG_HOME: p('xdg') });
    assert.deepEqual(find(f(), 'bare/Dockerfile'), NO_CONFIG);
    write('home/.hadolint.yaml', 'ignored: [DL3001]\n');
    assert.equal(find(f(), 'bare/Dockerfile').path, p('home/.hadolint.yaml'));
    write('home/.hadolint/hadolint.yaml', 'ignored: [DL3008]\n');
    assert.equal(find(f(), 'bare/Dockerfile').path, p('home/.hadolint/hadolint.yaml'));
    write('home/.config/hadolint.yaml', 'ignored: [DL3009]\n');
    assert.equal(find(f(), 'bare/Dockerfile').path, p('home/.config/hadolint.yaml'));
    write('xdg/hadolint.yaml', 'ignored: [DL3015]\n');
    assert.deepEqual(find(f(), 'bare/Dockerfile'), { config: { ignore: ['DL3015'] }, path: p('xdg/hadolint.yaml'), kind: 'hadolint-yaml' });
    // A project's .hadolint.yaml comes before the global ones.
    assert.equal(find(f(), 'hado/Dockerfile').path, p('hado/.hadolint.yml'));
    rmSync(p('home'), { recursive: true });
    rmSync(p('xdg'), { recursive: true });
    mkdirSync(p('home'));
  });
});

describe('findConfig: --config', () => {
  it('wins over the search, with the kind told by the file name', () => {
    const f = finder();
    assert.deepEqual(find(f, 'repo/Dockerfile', 'explicit/ci.yaml'), { config: { ignore: ['DL3015'] }, path: p('explicit/ci.yaml'), kind: 'dockwise-yaml' });
    assert.equal(find(f, 'repo/Dockerfile', 'explicit/hadolint-ci.yml').kind, 'hadolint-yaml');
    assert.deepEqual(find(f, 'repo/Dockerfile', 'explicit/pyproject.toml').config, { ignore: ['DL3032'] });
  });

  it('is an error when the file is missing or has no [tool.dockwise]', () => {
    assertConfigError(() => find(finder(), 'repo/Dockerfile', 'explicit/nope.yaml'), { path: p('explicit/nope.yaml'), line: 1, column: 1, detail: 'config file not found' });
    assertConfigError(() => find(finder(), 'repo/Dockerfile', 'explicit'), { path: p('explicit'), line: 1, column: 1, detail: 'config file not found' });
    assertConfigError(() => find(finder(), 'repo/Dockerfile', 'explicit/other/pyproject.toml'), {
      path: p('explicit/other/pyproject.toml'),
      line: 1,
      column: 1,
      detail: 'this file has no [tool.dockwise] table',
    });
  });
});

describe('findConfig: errors, bounds and caching', () => {
  it('reports a broken config with its place, for every Dockerfile under it', () => {
    const f = finder();
    const expected = { path: p('broken/.dockwise.yaml'), line: 2, column: 10, detail: 'unknown rule, alias or practice ID "DL3OO8" in ignore (did you mean "DL3008"?)' };
    assertConfigError(() => find(f, 'broken/Dockerfile'), expected);
    assertConfigError(() => find(f, 'broken/below/Dockerfile'), expected);
  });

  it('stops at stopAt', () => {
    assert.deepEqual(finder().find(p('repo/services/web/Dockerfile'), { stopAt: p('repo/services') }), NO_CONFIG);
    assert.equal(finder().find(p('repo/services/api/Dockerfile'), { stopAt: p('repo/services/api') }).path, p('repo/services/api/pyproject.toml'));
    // A stopAt that is not above the Dockerfile does not bound the search.
    assert.equal(finder().find(p('repo/Dockerfile'), { stopAt: p('hado') }).path, p('repo/.dockwise.yaml'));
  });

  it('reads each folder once, until cleared', () => {
    const f = finder();
    write('cached/.dockwise.yaml', 'ignore: [DL3001]\n');
    const first = find(f, 'cached/a/Dockerfile');
    write('cached/.dockwise.yaml', 'ignore: [DL3009]\n');
    assert.equal(find(f, 'cached/b/Dockerfile'), first);
    assert.equal(find(f, 'cached/Dockerfile'), first);
    f.clear();
    assert.deepEqual(find(f, 'cached/a/Dockerfile').config, { ignore: ['DL3009'] });
  });

  it('finds 2,000 Dockerfiles in 200 folders quickly', () => {
    for (let i = 0; i < 200; i++) mkdirSync(p(`many/s${i}/deep`), { recursive: true });
    write('many/.dockwise.yaml', 'select: [all]\n');
    const f = finder();
    const start = performance.now();
    for (let i = 0; i < 2000; i++) assert.equal(find(f, `many/s${i % 200}/deep/Dockerfile.${i}`).path, p('many/.dockwise.yaml'));
    assert.ok(performance.now() - start < 1000);
  });

});
