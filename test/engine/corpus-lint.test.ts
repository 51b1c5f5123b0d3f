/** `dockwise lint --context none` over every corpus file: no rule may crash on real input. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from '../../src/engine/lint.js';
import { decodeDockerfile } from '../../src/parser/index.js';
import { RULES } from '../../src/rules/index.js';
import { corpusFiles } from '../helpers/shared.js';

describe('lint over the whole corpus, every rule on', () => {
  it('never reports an internal error and every range lies inside its file', () => {
    const linter = new Linter(RULES);
    const counts = new Map<string, number>();
    let files = 0;
    for (const f of corpusFiles()) {
      const text = decodeDockerfile(f.bytes).text;
      const r = linter.lint(text, { config: [{ select: ['all'] }], settings: { today: '2026-11-23' } });
      files++;
      for (const d of r.diagnostics) {
        assert.notEqual(d.rule, 'internal-error', `${f.name}: ${d.message}`);
        assert.ok(d.span.start >= 0 && d.span.end <= text.length && d.span.start <= d.span.end, `${f.name}: ${d.rule} span`);
        assert.ok(d.line >= 1 && d.column >= 1 && (d.endLine > d.line || d.endColumn >= d.column), `${f.name}: ${d.rule} range`);
        if (d.fix) for (const e of d.fix.edits) assert.ok(e.start >= 0 && e.end <= text.length && e.start <= e.end, `${f.name}: ${d.rule} edit`);
        counts.set(d.rule, (counts.get(d.rule) ?? 0) + 1);
      }
    }
    console.log(`# corpus lint: ${files} files, ${[...counts.values()].reduce((a, b) => a + b, 0)} findings`);
    assert.ok(files > 3000);
  });
});
