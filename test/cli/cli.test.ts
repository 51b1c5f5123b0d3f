import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { readShared } from '../helpers/shared.js';

async function run(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false, cwd });
  return { code, out, err };
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dockwise-cli-'));
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(join(dir, p, '..'), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  return dir;
}

const BAD = 'FROM python:3.12-slim\nRUN pip install flask\n';
const GOOD = 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1\nLABEL org.opencontainers.image.source="https://example.com"\nUSER 10001\nCMD ["python", "-c", "print(1)"]\n';

describe('dockwise lint', () => {
  it('exit 1 with findings, 0 without, and finds Dockerfiles in folders (honouring .gitignore)', async () => {
    const dir = tree({ 'a/Dockerfile': BAD, 'b/web.Dockerfile': GOOD, 'c/Containerfile': GOOD, 'ignored/Dockerfile': BAD, '.gitignore': 'ignored/\n', 'notes.md': '' });
    const r = await run(['--today', '2026-11-23', '--format', 'json', '.'], dir);
    assert.equal(r.code, 1, r.err);
    const json = JSON.parse(r.out) as { files: { path: string; diagnostics: { rule: string }[] }[]; summary: { files: number } };
    assert.deepEqual(json.files.map((f) => f.path), ['a/Dockerfile', 'b/web.Dockerfile', 'c/Containerfile']);
    const clean = await run(['--today', '2026-11-23', 'b/web.Dockerfile'], dir);
    assert.equal(clean.code, 0, clean.out + clean.err);
  });
  it('a file named on the command line is linted whatever its name; the threshold decides the exit code', async () => {
    const dir = tree({ 'my.build': BAD });
    assert.equal((await run(['my.build'], dir)).code, 1);
    assert.equal((await run(['--failure-threshold', 'error', 'my.build'], dir)).code, 0);
    assert.equal((await run(['--failure-threshold', 'none', 'my.build'], dir)).code, 0);
  });
  it('exit 2 with a clear message for a missing file, binary input, a bad date, a bad config', async () => {
    const dir = tree({ 'Dockerfile': BAD, 'bin/Dockerfile': 'FROM a\u0000b', 'cfg/Dockerfile': BAD, 'cfg/.dockwise.yaml': 'ignore: [DL3042]\nselekt: []\n' });
    const missing = await run(['nope/Dockerfile'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\/Dockerfile: no such file/);
    const binary = await run(['bin/Dockerfile'], dir);
    assert.equal(binary.code, 2);
    assert.match(binary.err, /bin\/Dockerfile:1:7: binary file: NUL byte/);
    const date = await run(['--today', 'yesterday', 'Dockerfile'], dir);
    assert.equal(date.code, 2);
    assert.match(date.err, /--today expects a date/);
    const cfg = await run(['cfg/Dockerfile'], dir);
    assert.equal(cfg.code, 2);
    assert.match(cfg.err, /\.dockwise\.yaml:2:1: .*selekt/);
    assert.doesNotMatch(missing.err + binary.err + cfg.err, /\n\s+at /, 'no stack trace');
  });
  it('a parse error exits 2 and is reported as a diagnostic', async () => {
    const dir = tree({ Dockerfile: 'FROM a\nENV PATH\n' });
    const r = await run(['--format', 'json', 'Dockerfile'], dir);
    assert.equal(r.code, 2);
    assert.match(r.out, /"rule": "parse-error"/);
  });
  it('every output format renders', async () => {
    const dir = tree({ Dockerfile: BAD });
    for (const f of ['text', 'json', 'sarif', 'github', 'checkstyle', 'gitlab', 'junit']) {
      const r = await run(['--format', f, 'Dockerfile'], dir);
      assert.equal(r.code, 1, f);
      assert.ok(r.out.length > 0, f);
    }
  });
  it('--fix writes atomically and keeps permissions; --fix-dry-run prints a diff and writes nothing', async () => {
    const dir = tree({ Dockerfile: 'FROM python:3.12-slim\nADD . /app\n' });
    const file = join(dir, 'Dockerfile');
    chmodSync(file, 0o640);
    const dry = await run(['--fix-dry-run', 'Dockerfile'], dir);
    assert.match(dry.out, /-ADD \. \/app\n\+COPY \. \/app/);
    assert.equal(readFileSync(file, 'utf8'), 'FROM python:3.12-slim\nADD . /app\n');
    await run(['--fix', 'Dockerfile'], dir);
    assert.equal(readFileSync(file, 'utf8'), 'FROM python:3.12-slim\nCOPY . /app\n');
    assert.equal(statSync(file).mode & 0o777, 0o640);
  });
  it('lints many files in parallel with the same result as one by one', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`s${i}/Dockerfile`] = i % 2 ? BAD : GOOD;
    const dir = tree(files);
    const par = await run(['--today', '2026-11-23', '--format', 'json', '.'], dir);
    const seq = await run(['--today', '2026-11-23', '--format', 'json', '--jobs', '1', '.'], dir);
    assert.equal(par.out, seq.out);
    assert.equal(JSON.parse(par.out).summary.files, 120);
  });
});

describe('dockwise parse', () => {
  it('prints the BuildKit dump and the JSON tree', async () => {
    const dir = tree({ Dockerfile: readShared('conformance', 'buildkit-parser', 'env', 'Dockerfile') });
    const dump = await run(['parse', '--format', 'buildkit-dump', 'Dockerfile'], dir);
    assert.equal(dump.code, 0);
    assert.equal(dump.out, readShared('conformance', 'buildkit-parser', 'env', 'result'));
    const json = await run(['parse', 'Dockerfile'], dir);
    assert.equal(JSON.parse(json.out).version, 1);
  });
  it('exits 2 with FILE:LINE:COL on a parse error', async () => {
    const dir = tree({ Dockerfile: 'FROM a\n\nCMD ["a", 1]\n' });
    const r = await run(['parse', 'Dockerfile'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.err, 'Dockerfile:3:5: when using JSON array syntax, arrays must be comprised of strings only\n');
  });
});
