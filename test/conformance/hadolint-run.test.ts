/**
 * hadolint's own test cases for the rules that look inside RUN scripts (shared/conformance/hadolint),
 * run through dockwise with only the rule answering to the case's DL code selected. A case agrees
 * when dockwise reports the code (catch) or stays quiet (pass), with the exact count where upstream
 * asserts one. Every intended disagreement is listed, with its reason, in KNOWN_DIFFERENCES.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from '../../src/engine/lint.js';
import { RULES } from '../../src/rules/index.js';
import { HADOLINT_RUN_RULES } from '../../src/rules/hadolint-run/index.js';
import { readJsonl } from '../helpers/shared.js';

interface Case {
  readonly id: string;
  readonly rule: string;
  readonly expect: 'catch' | 'pass';
  readonly count?: number;
  readonly dockerfile: string;
  readonly onbuild?: boolean;
  readonly it?: string;
}

const CODES: readonly string[] = [...new Set(HADOLINT_RUN_RULES.flatMap((r) => r.aliases.filter((a) => /^DL\d{4}$/.test(a))))].sort();

/** Case id → why dockwise answers differently on purpose. */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {};

/**
 * Intended differences no upstream case exercises, kept executable here: what hadolint answers,
 * what dockwise answers, and why.
 */
const EXTRA_DIFFERENCES: readonly { code: string; dockerfile: string; hadolint: 'catch' | 'pass'; dockwise: 'catch' | 'pass'; reason: string }[] = [
  {
    code: 'DL4006',
    dockerfile: 'FROM debian:12\nRUN set -o pipefail && wget -O - https://some.site | wc -l > /number\n',
    hadolint: 'catch',
    dockwise: 'pass',
    reason: 'hadolint#522: `set -o pipefail` earlier in the same RUN turns pipefail on; hadolint only credits SHELL',
  },
  {
    code: 'DL4006',
    dockerfile: 'FROM alpine:3.20\nRUN set -euo pipefail; curl -fsSL https://example.com/x.tgz | tar -xz\n',
    hadolint: 'catch',
    dockwise: 'pass',
    reason: 'hadolint#522: `set -euo pipefail` (combined letters) earlier in the same RUN',
  },
  {
    code: 'DL4006',
    dockerfile: 'FROM debian:12\nRUN bash -c "curl -fsSL https://example.com/x.tgz | tar -xz"\n',
    hadolint: 'pass',
    dockwise: 'catch',
    reason: 'the pipe inside a `bash -c` string is seen; hadolint does not parse inside the string',
  },
  {
    code: 'DL3060',
    dockerfile: 'FROM node:22 AS base\nRUN yarn install\nFROM base AS build\nRUN yarn build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
    hadolint: 'catch',
    dockwise: 'pass',
    reason: 'only stages whose layers ship in the final image count; hadolint counts any stage used as a base',
  },
  {
    code: 'DL3040',
    dockerfile: 'FROM fedora:42 AS build\nRUN dnf install -y gcc\nFROM fedora:42\nCOPY --from=build /out /out\n',
    hadolint: 'catch',
    dockwise: 'pass',
    reason: 'a builder stage whose files are copied selectively ships no cache (also DL3032, DL3036)',
  },
  {
    code: 'DL3010',
    dockerfile: 'FROM debian:12\nCOPY data.gz /tmp/\nRUN gunzip /tmp/data.gz\n',
    hadolint: 'catch',
    dockwise: 'pass',
    reason: 'ADD unpacks tar archives only: a plain gzip file gains nothing from ADD',
  },
  {
    code: 'DL3010',
    dockerfile: 'FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar xzf /tmp/app.tar.gz\n',
    hadolint: 'pass',
    dockwise: 'catch',
    reason: 'old-style bundled `tar xzf` (no dash) is an extraction too',
  },
  {
    code: 'DL4005',
    dockerfile: 'FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/posix-sh\n',
    hadolint: 'catch',
    dockwise: 'pass',
    reason: 'only a link named /bin/sh replaces the shell; /bin/sh as the link target is harmless',
  },
  {
    code: 'DL3001',
    dockerfile: 'FROM debian:12\nRUN server & sleep 5; kill $!\n',
    hadolint: 'catch',
    dockwise: 'pass',
    reason: 'killing a job the same RUN started in the background is legitimate',
  },
  {
    code: 'DL3030',
    dockerfile: 'FROM centos:7\nRUN yum update && yum clean all\n',
    hadolint: 'pass',
    dockwise: 'catch',
    reason: 'every yum action that asks for confirmation needs -y, not only install/groupinstall/localinstall (also DL3038, DL3034)',
  },
  {
    code: 'DL3016',
    dockerfile: 'FROM node:22\nRUN npm i -g pnpm@latest\n',
    hadolint: 'pass',
    dockwise: 'catch',
    reason: '`npm i` is `npm install`, and `@latest` is a moving tag, not a version',
  },
];

const TODAY = '2026-11-23';
const linter = new Linter(RULES);

function found(code: string, dockerfile: string): number {
  const result = linter.lint(dockerfile, { config: [{ select: [code] }], settings: { today: TODAY } });
  const internal = result.diagnostics.filter((d) => d.rule === 'internal-error');
  assert.deepEqual(internal.map((d) => d.message), [], `internal error on:\n${dockerfile}`);
  return result.diagnostics.filter((d) => d.aliases.includes(code)).length;
}

function agrees(c: Case, n: number): boolean {
  if (c.expect === 'pass') return n === 0;
  return c.count === undefined ? n > 0 : n === c.count;
}

const cases = readJsonl<Case>('conformance', 'hadolint', 'cases.jsonl').filter((c) => CODES.includes(c.rule));

describe('hadolint conformance: rules inside RUN scripts', () => {
  it('covers every DL code of these rules', () => {
    assert.ok(CODES.length >= 25, CODES.join(' '));
    for (const code of CODES) assert.ok(cases.some((c) => c.rule === code), `no upstream case for ${code}`);
  });

  const results = cases.map((c) => {
    // The upstream helpers parse the text with a newline appended.
    const n = found(c.rule, c.dockerfile + '\n');
    return { c, n, ok: agrees(c, n) };
  });

  it('agrees with hadolint on each case, except the known differences', () => {
    const rows: string[] = [];
    let agreeing = 0;
    for (const code of CODES) {
      const mine = results.filter((r) => r.c.rule === code);
      const ok = mine.filter((r) => r.ok).length;
      agreeing += ok;
      rows.push(`${code}  ${String(ok).padStart(3)}/${String(mine.length).padEnd(3)} ${((100 * ok) / mine.length).toFixed(1)}%`);
    }
    console.log(`hadolint RUN-script rules: ${agreeing}/${results.length} cases agree (${((100 * agreeing) / results.length).toFixed(1)}%)\n${rows.join('\n')}`);
    const unexpected = results.filter((r) => !r.ok && !(r.c.id in KNOWN_DIFFERENCES));
    assert.deepEqual(
      unexpected.map((r) => `${r.c.id} expected ${r.c.expect}${r.c.count === undefined ? '' : ` ×${r.c.count}`}, got ${r.n}: ${JSON.stringify(r.c.dockerfile)}`),
      [],
    );
  });

  it('agreement is at least 97% for each code and overall', () => {
    for (const code of CODES) {
      const mine = results.filter((r) => r.c.rule === code);
      const ok = mine.filter((r) => r.ok).length;
      assert.ok(ok / mine.length >= 0.97, `${code}: ${ok}/${mine.length}`);
    }
    assert.ok(results.filter((r) => r.ok).length / results.length >= 0.97);
  });

  it('every known difference is a real, current disagreement', () => {
    for (const id of Object.keys(KNOWN_DIFFERENCES)) {
      const r = results.find((x) => x.c.id === id);
      assert.ok(r, `${id} is not a case of these rules`);
      assert.equal(r.ok, false, `${id} now agrees: remove it from KNOWN_DIFFERENCES`);
    }
  });

  for (const d of EXTRA_DIFFERENCES) {
    it(`intended difference (${d.code}): ${d.reason}`, () => {
      const n = found(d.code, d.dockerfile);
      assert.equal(n > 0 ? 'catch' : 'pass', d.dockwise);
      assert.notEqual(d.dockwise, d.hadolint);
    });
  }
});
