import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { resolveOverrides } from '../../src/node/config-discovery.js';
import type { LoadedConfig } from '../../src/config/types.js';

const ROOT = join('/', 'repo');
const loaded: LoadedConfig = {
  path: join(ROOT, '.dockwise.yaml'),
  kind: 'dockwise-yaml',
  config: {
    select: ['all'],
    failureThreshold: 'warning',
    overrides: [
      { files: ['docker/dev/**'], ignore: ['user-non-root'] },
      { files: ['Dockerfile.*'], failureThreshold: 'error' },
      { files: ['services/api/Dockerfile', 'services/worker/Dockerfile'], rules: { DL3008: { severity: 'off' } } },
      { files: ['**/*.prod.Dockerfile'], strictLabels: true },
      { files: ['./.devcontainer/**'], select: [] },
    ],
  },
};
const BASE = { select: ['all'], failureThreshold: 'warning' };

describe('resolveOverrides', () => {
  const cases: [string, object[]][] = [
    ['Dockerfile', [BASE]],
    ['docker/dev/Dockerfile', [BASE, { ignore: ['user-non-root'] }]],
    ['docker/dev/deep/er/Dockerfile', [BASE, { ignore: ['user-non-root'] }]],
    ['docker/prod/Dockerfile', [BASE]],
    // A glob without a slash matches the file name in any folder.
    ['Dockerfile.dev', [BASE, { failureThreshold: 'error' }]],
    ['docker/dev/Dockerfile.test', [BASE, { ignore: ['user-non-root'] }, { failureThreshold: 'error' }]],
    ['services/api/Dockerfile', [BASE, { rules: { DL3008: { severity: 'off' } } }]],
    ['services/web/Dockerfile', [BASE]],
    ['app.prod.Dockerfile', [BASE, { strictLabels: true }]],
    ['services/api/app.prod.Dockerfile', [BASE, { strictLabels: true }]],
    // Dot folders are matched like any other.
    ['.devcontainer/Dockerfile', [BASE, { select: [] }]],
  ];
  for (const [file, expected] of cases) {
    it(`${file}: ${expected.length - 1} override(s), in file order`, () => {
      assert.deepEqual(resolveOverrides(loaded, join(ROOT, file)), expected);
    });
  }

  it('takes relative Dockerfile paths from the working directory', () => {
    const here: LoadedConfig = { ...loaded, path: join(process.cwd(), '.dockwise.yaml') };
    assert.deepEqual(resolveOverrides(here, 'docker/dev/Dockerfile'), [BASE, { ignore: ['user-non-root'] }]);
  });

  it('gives the config alone when there are no overrides or no file', () => {
    assert.deepEqual(resolveOverrides({ config: { ignore: ['x'] }, path: '/r/.dockwise.yaml', kind: 'dockwise-yaml' }, '/r/Dockerfile'), [{ ignore: ['x'] }]);
    assert.deepEqual(resolveOverrides({ config: {}, path: null, kind: null }, '/r/Dockerfile'), [{}]);
  });

  it('matches nothing outside the config folder except by file name', () => {
    assert.deepEqual(resolveOverrides(loaded, join('/', 'elsewhere', 'docker', 'dev', 'Dockerfile')), [BASE]);
    assert.deepEqual(resolveOverrides(loaded, join('/', 'elsewhere', 'Dockerfile.dev')), [BASE, { failureThreshold: 'error' }]);
  });
});
