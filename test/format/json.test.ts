import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatReport } from '../../src/format/index.js';
import { FULL_REPORT, options } from './fixtures.js';

const text = formatReport(FULL_REPORT, 'json', options());
const doc = JSON.parse(text) as Record<string, unknown>;

function keys(v: unknown): string[] {
  assert.ok(typeof v === 'object' && v !== null && !Array.isArray(v), `expected an object, got ${JSON.stringify(v)}`);
  return Object.keys(v);
}

function isStringArray(v: unknown): boolean {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

describe('json: the documented interface', () => {
  it('is pretty-printed with two spaces and a final newline', () => {
    assert.equal(text, `${JSON.stringify(doc, null, 2)}\n`);
  });

  it('has the top-level keys in order, version 1', () => {
    assert.deepEqual(keys(doc), ['version', 'files', 'summary']);
    assert.equal(doc['version'], 1);
    assert.deepEqual(doc['summary'], { ...FULL_REPORT.summary });
    assert.deepEqual(keys(doc['summary']), ['files', 'errors', 'warnings', 'infos', 'styles']);
  });

  it('lists every file in order, with appliedFixes only where present', () => {
    const files = doc['files'] as Record<string, unknown>[];
    assert.deepEqual(
      files.map((f) => f['path']),
      FULL_REPORT.files.map((f) => f.path),
    );
    FULL_REPORT.files.forEach((f, i) => {
      const out = files[i];
      assert.ok(out);
      if (f.appliedFixes === undefined) {
        assert.deepEqual(keys(out), ['path', 'diagnostics']);
      } else {
        assert.deepEqual(keys(out), ['path', 'diagnostics', 'appliedFixes']);
        assert.deepEqual(out['appliedFixes'], f.appliedFixes);
        for (const a of out['appliedFixes'] as unknown[]) assert.deepEqual(keys(a), ['rule', 'title', 'safety']);
      }
    });
  });

  it('writes each diagnostic with exactly the documented keys and types', () => {
    const files = doc['files'] as { diagnostics: Record<string, unknown>[] }[];
    const all = FULL_REPORT.files.flatMap((f) => f.diagnostics);
    const out = files.flatMap((f) => f.diagnostics);
    assert.equal(out.length, all.length);
    out.forEach((d, i) => {
      const src = all[i];
      assert.ok(src);
      assert.deepEqual(keys(d), ['rule', 'aliases', 'practices', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fix']);
      assert.ok(isStringArray(d['aliases']) && isStringArray(d['practices']));
      assert.ok(['error', 'warning', 'info', 'style'].includes(d['severity'] as string));
      for (const k of ['line', 'column', 'endLine', 'endColumn']) assert.ok(Number.isInteger(d[k]) && (d[k] as number) >= 1, k);
      assert.deepEqual(
        { ...d },
        {
          rule: src.rule,
          aliases: src.aliases,
          practices: src.practices,
          severity: src.severity,
          message: src.message,
          line: src.line,
          column: src.column,
          endLine: src.endLine,
          endColumn: src.endColumn,
          fix: src.fix === null ? null : { safety: src.fix.safety, title: src.fix.title },
        },
      );
      if (d['fix'] !== null) assert.deepEqual(keys(d['fix']), ['safety', 'title']);
    });
  });

  it('covers every fix safety and a null fix', () => {
    const fixes = (doc['files'] as { diagnostics: { fix: { safety: string } | null }[] }[]).flatMap((f) => f.diagnostics.map((d) => d.fix?.safety ?? null));
    for (const s of ['safe', 'unsafe', 'suggestion', null]) assert.ok(fixes.includes(s), String(s));
  });
});
