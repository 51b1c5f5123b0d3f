import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fnv1a128 } from '../../src/format/common.js';
import { formatReport, type GitlabIssue } from '../../src/format/index.js';
import { gitlabSeverity } from '../../src/format/gitlab.js';
import { find, fileResult, FULL_REPORT, options, report } from './fixtures.js';

function issues(r = FULL_REPORT): GitlabIssue[] {
  return JSON.parse(formatReport(r, 'gitlab', options())) as GitlabIssue[];
}

describe('gitlab: code quality', () => {
  it('writes one issue per diagnostic with the documented keys', () => {
    const out = issues();
    const all = FULL_REPORT.files.flatMap((f) => f.diagnostics.map((d) => ({ f, d })));
    assert.equal(out.length, all.length);
    out.forEach((issue, i) => {
      const { f, d } = all[i] as (typeof all)[number];
      assert.deepEqual(Object.keys(issue), ['description', 'check_name', 'fingerprint', 'severity', 'location']);
      assert.equal(issue.description, d.message);
      assert.equal(issue.check_name, d.rule);
      assert.match(issue.fingerprint, /^[0-9a-f]{32}$/);
      assert.deepEqual(issue.location, { path: f.path, lines: { begin: d.line, end: d.endLine } });
    });
  });

  it('maps severities', () => {
    assert.deepEqual(
      (['style', 'info', 'warning', 'error'] as const).map(gitlabSeverity),
      ['info', 'minor', 'major', 'critical'],
    );
  });

  it('gives unique fingerprints, also to identical findings on identical lines', () => {
    const text = 'RUN pip install a\nRUN pip install a\n';
    const spec = { rule: 'pip-no-cache-dir', message: 'm' };
    const file = fileResult('Dockerfile', text, [
      { ...spec, span: find(text, 'pip install a', 0) },
      { ...spec, span: find(text, 'pip install a', 1) },
    ]);
    const prints = issues(report([file, { ...file, path: 'other/Dockerfile' }])).map((i) => i.fingerprint);
    assert.equal(new Set(prints).size, 4);
    const all = issues().map((i) => i.fingerprint);
    assert.equal(new Set(all).size, all.length);
  });

  it('keeps a fingerprint when the line moves or is re-indented, changes it when the line changes', () => {
    const one = (text: string, needle: string): string => {
      const file = fileResult('Dockerfile', text, [{ rule: 'pip-no-cache-dir', span: find(text, needle), message: 'm' }]);
      return issues(report([file]))[0]?.fingerprint ?? '';
    };
    const base = one('FROM a\nRUN pip install flask\n', 'pip install');
    assert.equal(one('FROM a\nWORKDIR /app\n\nRUN pip install flask\n', 'pip install'), base);
    assert.equal(one('FROM a\r\n   RUN pip install flask\r\n', 'pip install'), base);
    assert.notEqual(one('FROM a\nRUN pip install django\n', 'pip install'), base);
  });

  it('hashes with FNV-1a/128 (reference vectors)', () => {
    assert.equal(fnv1a128(''), '6c62272e07bb014262b821756295c58d');
    assert.equal(fnv1a128('a'), 'd228cb696f1a8caf78912b704e4a8964');
    assert.equal(fnv1a128('foobar'), '343e1662793c64bf6f0d3597ba446f18');
    // over UTF-8 bytes
    assert.equal(fnv1a128('é🐳'), '5e5c6e163b3c64bf6cea257c9c93be8d');
  });
});
