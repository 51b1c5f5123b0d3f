/** The seed Dockerfiles, judged as a user of the seeds would expect. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Linter } from '../../src/engine/lint.js';
import { SEVERITY_RANK } from '../../src/engine/types.js';
import { RULES } from '../../src/rules/index.js';
import { REPO, readShared } from '../helpers/shared.js';

const linter = new Linter(RULES);
const settings = { today: '2026-11-23' };

describe('seed 001: the tutorial Dockerfile', () => {
  const text = readFileSync(join(REPO, 'examples/flask-tutorial/Dockerfile'), 'utf8');
  it('is the Dockerfile the seed writes', () => {
    const seed = readShared('seeds', '001_9619445eeb52bd9c.txt');
    const m = /echo '(FROM[^']*)' > Dockerfile/.exec(seed);
    assert.equal(m?.[1] + '\n', text);
  });
  const r = linter.lint(text, { settings });
  const rules = new Set(r.diagnostics.map((d) => d.rule));
  it('reports the end-of-life Python, with the version located', () => {
    const d = r.diagnostics.find((x) => x.rule === 'python-end-of-life');
    assert.ok(d);
    assert.deepEqual([d.line, d.column, d.endLine, d.endColumn], [1, 13, 1, 16]);
  });
  it('reports the unpinned pip install without a requirements file', () => assert.ok(rules.has('pip-install-unpinned')));
  it('reports pip install without --no-cache-dir', () => assert.ok(rules.has('pip-missing-no-cache-dir')));
  it('reports the root user', () => assert.ok(rules.has('missing-user')));
  it('has no internal errors', () => assert.ok(!rules.has('internal-error')));
});

describe('seed 000: the recommended structure', () => {
  const text = readFileSync(join(REPO, 'test/fixtures/seeds/000-structure.Dockerfile'), 'utf8');
  it('gets no finding at warning level or above', () => {
    const r = linter.lint(text, { settings });
    const serious = r.diagnostics.filter((d) => SEVERITY_RANK[d.severity] >= SEVERITY_RANK.warning);
    assert.deepEqual(serious.map((d) => `${d.line}:${d.column} ${d.rule} ${d.message}`), []);
  });
});

describe('seed 001, fixed with --unsafe-fixes', () => {
  it('keeps only findings whose remedy is a suggestion', async () => {
    const { fixText } = await import('../../src/fix/loop.js');
    const text = readFileSync(join(REPO, 'examples/flask-tutorial/Dockerfile'), 'utf8');
    const out = fixText(linter, text, { settings, unsafe: true });
    assert.notEqual(out.text, text);
    const left = out.result.diagnostics.filter((d) => !d.fix || d.fix.safety !== 'suggestion');
    assert.deepEqual(left.map((d) => `${d.line}:${d.column} ${d.rule}`), []);
    for (const rule of ['pip-missing-no-cache-dir', 'missing-user', 'missing-pythonunbuffered', 'missing-pythondontwritebytecode']) {
      assert.ok(out.applied.some((a) => a.rule === rule), `${rule} was fixed`);
    }
  });
});
