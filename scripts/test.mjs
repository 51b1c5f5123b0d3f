#!/usr/bin/env node
// Runs the test suite with Node's built-in runner (TAP output, so the `# pass` / `# fail`
// summary is printed). Node 20 has no glob support in `--test`, hence this small launcher.
// Arguments narrow the run to files whose path contains one of them.
import { spawnSync } from 'node:child_process';
import { globSync } from 'tinyglobby';

const filters = process.argv.slice(2);
const files = globSync(['test/**/*.test.ts'], { ignore: ['node_modules/**'] })
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(2);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
