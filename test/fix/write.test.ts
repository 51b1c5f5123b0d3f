import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeFileAtomic, WriteError } from '../../src/node/write.js';
import { lintFile } from '../../src/node/lint-files.js';

const asRoot = process.getuid?.() === 0;

describe('atomic writes', () => {
  it('a read-only folder leaves the original intact and no temporary file', (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'dockwise-ro-'));
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, 'FROM a\n');
    // Root ignores permission bits: make the folder immutable instead.
    const lock = asRoot ? () => spawnSync('chattr', ['+i', dir]).status === 0 : () => (chmodSync(dir, 0o555), true);
    const unlock = asRoot ? () => spawnSync('chattr', ['-i', dir]) : () => chmodSync(dir, 0o755);
    if (!lock()) {
      t.skip('cannot make a read-only folder here (no chattr)');
      return;
    }
    try {
      assert.throws(() => writeFileAtomic(file, new TextEncoder().encode('FROM b\n')), /Dockerfile: could not write the fixed file .*the original is unchanged/);
      assert.equal(readFileSync(file, 'utf8'), 'FROM a\n');
      assert.deepEqual(readdirSync(dir), ['Dockerfile']);
    } finally {
      unlock();
    }
  });
  it('a failure at the final rename leaves the target intact and cleans up the temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockwise-rn-'));
    const target = join(dir, 'Dockerfile');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'kept');
    assert.throws(() => writeFileAtomic(target, new TextEncoder().encode('FROM b\n')), WriteError);
    assert.deepEqual(readdirSync(dir), ['Dockerfile']);
    assert.equal(readFileSync(join(target, 'inside'), 'utf8'), 'kept');
  });
  it('a file that disappears before the write is not recreated, and the error names it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockwise-gone-'));
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, 'FROM python:3.12-slim\nADD . /app\n');
    // Read happens, then the file vanishes before the fixed text is written.
    const original = readFileSync(file);
    rmSync(file);
    assert.throws(() => writeFileAtomic(file, original), /Dockerfile: the file changed or disappeared/);
    assert.equal(existsSync(file), false);
    assert.deepEqual(readdirSync(dir), []);
  });
  it('lintFile --fix on a vanished file is an error outcome, never a throw', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockwise-gone2-'));
    const r = lintFile({ abs: join(dir, 'Dockerfile'), display: 'Dockerfile' }, { fix: 'write' });
    assert.equal(r.kind, 'error');
    assert.match(r.kind === 'error' ? r.message : '', /Dockerfile: no such file/);
  });
  it('keeps CRLF line endings and the encoding of the original', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockwise-crlf-'));
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, 'FROM python:3.12-slim\r\nADD . /app\r\n');
    const r = lintFile({ abs: file, display: 'Dockerfile' }, { fix: 'write' });
    assert.equal(r.kind, 'ok');
    assert.equal(readFileSync(file, 'utf8'), 'FROM python:3.12-slim\r\nCOPY . /app\r\n');
    const utf16 = join(dir, 'Dockerfile.utf16');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('FROM python:3.12-slim\nADD . /app\n', 'utf16le')]));
    lintFile({ abs: utf16, display: 'Dockerfile.utf16' }, { fix: 'write' });
    const back = readFileSync(utf16);
    assert.deepEqual([...back.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(back.subarray(2).toString('utf16le'), 'FROM python:3.12-slim\nCOPY . /app\n');
  });
});
