import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from '../../src/engine/lint.js';
import { RULES } from '../../src/rules/index.js';

const linter = new Linter(RULES);
const rulesOf = (text: string, config = [{}], today = '2026-11-23'): string[] => linter.lint(text, { config, settings: { today } }).diagnostics.map((d) => d.rule);

const BAD = 'FROM python:3.12-slim\nRUN pip install flask\n';

describe('selection', () => {
  it('select / ignore by name, alias and practice ID', () => {
    assert.deepEqual(rulesOf(BAD, [{ select: ['DL3042'] }]), ['pip-missing-no-cache-dir']);
    assert.deepEqual(rulesOf(BAD, [{ select: ['pip-requirements-file'] }]), ['pip-install-unpinned']);
    assert.ok(!rulesOf(BAD, [{ ignore: ['pip-no-cache'] }]).includes('pip-missing-no-cache-dir'));
    assert.ok(rulesOf(BAD, [{ extendSelect: ['missing-healthcheck'] }]).includes('missing-healthcheck'));
    assert.ok(!rulesOf(BAD).includes('missing-healthcheck'), 'off by default');
  });
  it('per-rule severity, and later layers win', () => {
    const r = linter.lint(BAD, { config: [{ rules: { DL3042: { severity: 'error' } } }], settings: { today: '2026-11-23' } });
    assert.equal(r.diagnostics.find((d) => d.rule === 'pip-missing-no-cache-dir')?.severity, 'error');
    assert.ok(!rulesOf(BAD, [{ rules: { DL3042: 'error' } as never }, { rules: { DL3042: { severity: 'off' } } }]).includes('pip-missing-no-cache-dir'));
  });
});

describe('suppressions', () => {
  it('dockwise and hadolint pragmas apply to the next instruction only', () => {
    const text = 'FROM python:3.12-slim\n# dockwise ignore=pip-missing-no-cache-dir\nRUN pip install flask==3.0\n# hadolint ignore=DL3042\nRUN pip install gunicorn==23.0\nRUN pip install uvicorn==0.30\n';
    const lines = linter.lint(text, { config: [{ select: ['DL3042'] }] }).diagnostics.map((d) => `${d.line} ${d.rule}`);
    assert.deepEqual(lines, ['6 pip-missing-no-cache-dir']);
  });
  it('global pragmas apply to the whole file', () => {
    const text = '# dockwise global ignore=DL3042\nFROM python:3.12-slim\nRUN pip install flask==3.0\n';
    assert.deepEqual(rulesOf(text, [{ select: ['DL3042'] }]), []);
  });
  it('reports unused suppressions and unknown rule names', () => {
    const text = 'FROM python:3.12-slim\n# dockwise ignore=pip-missing-no-cache-dir,no-such-rule\nRUN pip install --no-cache-dir flask==3.0\n';
    const r = linter.lint(text, { config: [{ select: ['DL3042', 'unused-suppression'] }] });
    assert.deepEqual(
      r.diagnostics.map((d) => [d.rule, d.line, d.column, d.endColumn]),
      [
        ['unused-suppression', 2, 19, 43],
        ['unused-suppression', 2, 44, 56],
      ],
    );
  });
  it('honours BuildKit check=skip, per file and per instruction', () => {
    assert.deepEqual(rulesOf('# check=skip=JSONArgsRecommended\nFROM python:3.12-slim\nCMD gunicorn app:app\n', [{ select: ['cmd-shell-form'] }]), []);
    assert.deepEqual(rulesOf('FROM python:3.12-slim\n# check=skip=JSONArgsRecommended\nCMD gunicorn app:app\n', [{ select: ['cmd-shell-form'] }]), []);
    const errored = linter.lint('# check=error=true\nFROM python:3.12-slim\nCMD gunicorn app:app\n', { config: [{ select: ['cmd-shell-form'] }] });
    assert.equal(errored.diagnostics[0]?.severity, 'error');
  });
  it('disable-ignore-pragma turns pragmas off', () => {
    const text = 'FROM python:3.12-slim\n# hadolint ignore=DL3042\nRUN pip install flask==3.0\n';
    assert.deepEqual(rulesOf(text, [{ select: ['DL3042'], disableIgnorePragma: true }]), ['pip-missing-no-cache-dir']);
  });
});

describe('robustness', () => {
  it('a rule that throws becomes an internal-error diagnostic and the others go on', () => {
    const boom = { ...RULES[0]!, name: 'boom', create: () => ({ instruction: () => { throw new Error('kaboom'); } }) };
    const l = new Linter([boom, ...RULES]);
    const r = l.lint(BAD, { config: [{ extendSelect: ['boom'] }], settings: { today: '2026-11-23' } });
    const internal = r.diagnostics.filter((d) => d.rule === 'internal-error');
    assert.equal(internal.length, 1);
    assert.match(internal[0]!.message, /boom.*kaboom/);
    assert.ok(r.diagnostics.some((d) => d.rule === 'pip-missing-no-cache-dir'));
  });
  it('parse errors are diagnostics and rules still run', () => {
    const r = linter.lint('FROM python:3.12-slim\nENV PATH\nRUN pip install flask\n', { settings: { today: '2026-11-23' } });
    assert.ok(r.diagnostics.some((d) => d.rule === 'parse-error' && d.line === 2 && d.message === 'ENV must have two arguments'));
    assert.ok(r.diagnostics.some((d) => d.rule === 'pip-missing-no-cache-dir'));
  });
  it('resolves ARG defaults before judging', () => {
    assert.ok(!rulesOf('ARG PY=3.12\nFROM python:${PY}-slim\n').includes('base-image-untagged'));
    assert.ok(rulesOf('ARG PY=3.9\nFROM python:${PY}-slim\n').includes('python-end-of-life'));
  });
});
