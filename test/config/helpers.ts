import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRACTICE_IDS } from '../../src/practices/ids.js';
import { ConfigError } from '../../src/config/types.js';
import type { LoadOptions } from '../../src/config/load.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Stands in for the rule registry: a few rule names and their aliases. */
export const RULE_NAMES = ['pin-apt', 'apt-lists-cleanup', 'json-args-cmd', 'DL3001', 'DL3008', 'DL3009', 'DL3015', 'DL3032', 'DL3042', 'JSONArgsRecommended'];
const KNOWN: ReadonlySet<string> = new Set([...RULE_NAMES, ...PRACTICE_IDS, 'all']);

export const CHECKED: LoadOptions = { isKnownSelector: (s) => KNOWN.has(s), selectorNames: RULE_NAMES };

/** Asserts that `fn` throws a ConfigError at exactly this place with exactly this message. */
export function assertConfigError(fn: () => unknown, expected: { path?: string; line: number; column: number; detail: string }): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown instanceof ConfigError, `expected a ConfigError, got ${String(thrown)}`);
  const actual = { path: thrown.path, line: thrown.line, column: thrown.column, detail: thrown.detail };
  assert.deepEqual(actual, { path: expected.path ?? actual.path, line: expected.line, column: expected.column, detail: expected.detail });
  assert.equal(thrown.message, `${thrown.path}:${thrown.line}:${thrown.column}: ${thrown.detail}`);
}
