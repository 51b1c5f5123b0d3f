import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateRuleDocs } from '../../src/docs/rules.js';
import { RULES } from '../../src/rules/index.js';
import { REPO } from '../helpers/shared.js';

describe('generated rule docs', () => {
  const files = generateRuleDocs(RULES);
  it('docs/ matches the rule metadata (run `npm run gen:docs` after changing a rule)', () => {
    for (const [path, content] of files) {
      const onDisk = join(REPO, 'docs', path);
      assert.ok(existsSync(onDisk), `missing ${path}`);
      assert.equal(readFileSync(onDisk, 'utf8'), content, `${path} is stale`);
    }
    const pages = readdirSync(join(REPO, 'docs', 'rules'));
    assert.deepEqual(pages.filter((p) => !files.has(`rules/${p}`)), [], 'pages without a rule');
  });
  it('every rule page has the fixed sections', () => {
    for (const r of RULES) {
      const page = files.get(`rules/${r.name}.md`) ?? '';
      for (const h of ['## What it does', '## Why is this bad?', '## Example', '## Use instead', '## Fix safety']) assert.ok(page.includes(h), `${r.name}: ${h}`);
    }
  });
});
