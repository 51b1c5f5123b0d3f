import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Byte-for-byte snapshots in `__snapshots__/` beside the test file.
 *
 * - `UPDATE_SNAPSHOTS=1` rewrites every snapshot the run touches.
 * - A missing snapshot is written (and the test passes) outside CI; under `CI` it fails, so a
 *   snapshot that was never committed cannot pass there.
 */
const UPDATE = process.env['UPDATE_SNAPSHOTS'] === '1';
const IN_CI = (process.env['CI'] ?? '') !== '' && process.env['CI'] !== 'false';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

export function snapshotPath(testFileUrl: string, name: string): string {
  return join(dirname(fileURLToPath(testFileUrl)), '__snapshots__', name);
}

/** Asserts that `actual` (encoded as UTF-8) equals the snapshot file `name`, byte for byte. */
export function assertSnapshot(testFileUrl: string, name: string, actual: string): void {
  const path = snapshotPath(testFileUrl, name);
  const shown = relative(ROOT, path);
  const bytes = Buffer.from(actual, 'utf8');
  if (UPDATE || (!existsSync(path) && !IN_CI)) {
    mkdirSync(dirname(path), { recursive: true });
    if (!existsSync(path) || !readFileSync(path).equals(bytes)) writeFileSync(path, bytes);
    return;
  }
  if (!existsSync(path)) assert.fail(`snapshot ${shown} is missing: run the tests with UPDATE_SNAPSHOTS=1 and commit it`);
  const expected = readFileSync(path);
  if (expected.equals(bytes)) return;
  assert.equal(actual, expected.toString('utf8'), `snapshot ${shown} differs (UPDATE_SNAPSHOTS=1 rewrites it)`);
  // same text, different bytes: the output has something UTF-8 cannot carry (a lone surrogate)
  assert.fail(`snapshot ${shown} differs in its bytes only (lone surrogates in the output?)`);
}
