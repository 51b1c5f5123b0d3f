/**
 * BuildKit's build-check cases (shared/conformance/buildkit-checks): each Dockerfile is linted
 * with every BuildKit-aliased rule on, honouring the in-file `# check=` directive or the
 * `BUILDKIT_DOCKERFILE_CHECK` build arg that replaces it, and the multiset of (check, line) of our
 * diagnostics is compared with BuildKit's warnings (lint-subrequest mode: every stage is linted).
 *
 * Lines: BuildKit reports at an instruction's first line (NoEmptyContinuation: its last line);
 * our spans are narrower (the stage name, the variable), so each diagnostic is mapped to the
 * instruction that contains it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from '../../src/engine/lint.js';
import { buildkitName } from '../../src/engine/selection.js';
import type { Dockerfile } from '../../src/parser/ast.js';
import { RULES } from '../../src/rules/index.js';
import { readJsonl } from '../helpers/shared.js';

interface Warning {
  readonly rule: string;
  readonly line: number;
  readonly message?: string;
}

interface Case {
  readonly name: string;
  readonly dockerfile: string;
  readonly expect: readonly Warning[];
  readonly dockerignore?: string;
  readonly frontendAttrs?: Readonly<Record<string, string>>;
  readonly skip?: string;
}

/** Case name → why we disagree on purpose. */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {};

const linter = new Linter(RULES);
const CHECK_RULES = RULES.filter((r) => buildkitName(r) !== undefined && !r.experimental).map((r) => r.name);
const contextRule = RULES.find((r) => buildkitName(r) === 'CopyIgnoredFile');

function instructionLine(file: Dockerfile, line: number, last: boolean): number {
  for (const ins of file.instructions) if (ins.startLine <= line && line <= ins.endLine) return last ? ins.endLine : ins.startLine;
  return line;
}

function key(w: Warning): string {
  return `${w.rule}@${w.line}`;
}

function actual(c: Case): Warning[] {
  const check = c.frontendAttrs?.['build-arg:BUILDKIT_DOCKERFILE_CHECK'];
  const r = linter.lint(c.dockerfile, { config: [{ select: CHECK_RULES }], settings: { today: '2026-11-23' }, ...(check !== undefined ? { buildkitCheck: check } : {}) });
  const out: Warning[] = [];
  for (const d of r.diagnostics) {
    const rule = RULES.find((x) => x.name === d.rule);
    const name = rule ? buildkitName(rule) : undefined;
    if (!name) continue;
    out.push({ rule: name, line: instructionLine(r.file, d.line, name === 'NoEmptyContinuation'), message: d.message });
  }
  return out;
}

function sameMultiset(a: readonly Warning[], b: readonly Warning[]): boolean {
  return JSON.stringify(a.map(key).sort()) === JSON.stringify(b.map(key).sort());
}

describe('BuildKit build-check conformance', () => {
  const cases = readJsonl<Case>('conformance', 'buildkit-checks', 'cases.jsonl');
  const skipped: string[] = [];
  const needsContext: string[] = [];
  const agree: string[] = [];
  const disagree: { name: string; expected: string[]; got: string[] }[] = [];
  let expectedWarnings = 0;
  let matchedWarnings = 0;
  let extraWarnings = 0;

  for (const c of cases) {
    if (c.skip) {
      skipped.push(`${c.name}: ${c.skip}`);
      continue;
    }
    if (c.dockerignore !== undefined && contextRule?.needsContext) {
      needsContext.push(c.name);
      continue;
    }
    const got = actual(c);
    expectedWarnings += c.expect.length;
    const pool = got.map(key);
    for (const w of c.expect) {
      const i = pool.indexOf(key(w));
      if (i >= 0) {
        matchedWarnings++;
        pool.splice(i, 1);
      }
    }
    extraWarnings += pool.length;
    if (sameMultiset(c.expect, got)) agree.push(c.name);
    else disagree.push({ name: c.name, expected: c.expect.map(key).sort(), got: got.map((w) => `${key(w)} ${w.message ?? ''}`).sort() });
  }

  const compared = agree.length + disagree.length;
  const rate = agree.length / compared;
  console.log(`buildkit checks: ${agree.length}/${compared} cases agree on rule and line (${(rate * 100).toFixed(1)}%)`);
  console.log(`buildkit checks: ${matchedWarnings}/${expectedWarnings} expected warnings found, ${extraWarnings} extra`);
  console.log(`buildkit checks: ${skipped.length} skipped (${skipped.join('; ')})`);
  console.log(`buildkit checks: ${needsContext.length} need the build context (.dockerignore) for CopyIgnoredFile: ${needsContext.join(', ')}`);
  for (const d of disagree) console.log(`buildkit disagreement ${d.name}${KNOWN_DIFFERENCES[d.name] ? ' (known)' : ''}: expected [${d.expected.join(', ')}] got [${d.got.join(' | ')}]`);

  it('agrees with BuildKit on at least 97% of the cases', () => {
    assert.ok(rate >= 0.97, `${(rate * 100).toFixed(1)}%`);
  });
  it('every disagreement is a known, explained difference', () => {
    assert.deepEqual(disagree.map((d) => d.name).filter((n) => !KNOWN_DIFFERENCES[n]), []);
  });
  it('every known difference still differs', () => {
    const names = new Set(disagree.map((d) => d.name));
    assert.deepEqual(Object.keys(KNOWN_DIFFERENCES).filter((n) => !names.has(n)), []);
  });
});
