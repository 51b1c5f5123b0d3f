import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatReport } from '../../src/format/index.js';
import { escapeGithubData, escapeGithubProperty, githubCommand } from '../../src/format/github.js';
import { fileResult, FULL_REPORT, options, report } from './fixtures.js';

describe('github: escaping', () => {
  const data: [string, string][] = [
    ['plain', 'plain'],
    ['100% sure', '100%25 sure'],
    ['%0A stays literal', '%250A stays literal'],
    ['two\nlines', 'two%0Alines'],
    ['crlf\r\nend', 'crlf%0D%0Aend'],
    ['a: b, c', 'a: b, c'],
    ['::error::injected', '::error::injected'],
  ];
  for (const [input, expected] of data) {
    it(`data ${JSON.stringify(input)}`, () => assert.equal(escapeGithubData(input), expected));
  }

  const props: [string, string][] = [
    ['Dockerfile', 'Dockerfile'],
    ['a:b,c', 'a%3Ab%2Cc'],
    ['50%,\n:', '50%25%2C%0A%3A'],
    ['rule (DL3025, JSONArgsRecommended)', 'rule (DL3025%2C JSONArgsRecommended)'],
    ['my app/Dockerfile', 'my app/Dockerfile'],
  ];
  for (const [input, expected] of props) {
    it(`property ${JSON.stringify(input)}`, () => assert.equal(escapeGithubProperty(input), expected));
  }

  it('maps severities to commands', () => {
    assert.deepEqual(
      (['error', 'warning', 'info', 'style'] as const).map(githubCommand),
      ['error', 'warning', 'notice', 'notice'],
    );
  });
});

describe('github: commands', () => {
  it('writes one command per diagnostic, a line each, nothing else', () => {
    const out = formatReport(FULL_REPORT, 'github', options());
    const lines = out.split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, FULL_REPORT.files.reduce((n, f) => n + f.diagnostics.length, 0));
    for (const l of lines) assert.match(l, /^::(error|warning|notice) file=[^,]*,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]*::/);
  });

  it('cannot be broken out of by a path or a message', () => {
    const text = 'FROM a\n';
    const file = fileResult('x,y:z%/Docker\nfile', text, [{ rule: 'user-root', span: { start: 0, end: 4 }, message: 'line one\n::error file=evil::injected\r\n100%' }]);
    const out = formatReport(report([file]), 'github', options());
    assert.equal(out, '::error file=x%2Cy%3Az%25/Docker%0Afile,line=1,col=1,endLine=1,endColumn=5,title=user-root (DL3002)::line one%0A::error file=evil::injected%0D%0A100%25\n');
    assert.equal(out.split('\n').length, 2);
  });
});
