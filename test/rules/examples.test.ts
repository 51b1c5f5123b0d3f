/**
 * Every rule's documented examples, executed: each `bad` example fires (the given number of
 * times), each `good` one stays quiet, each `fixed` one is produced by the fix loop. The docs are
 * generated from the same examples, so nothing is documented that is not run.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from '../../src/engine/lint.js';
import type { LintSettings, Rule } from '../../src/engine/rule.js';
import { fixText } from '../../src/fix/loop.js';
import { isPracticeId } from '../../src/practices/ids.js';
import { RULES } from '../../src/rules/index.js';

const linter = new Linter(RULES);
const TODAY = '2026-11-23';

function run(rule: Rule, code: string, settings: Partial<LintSettings> | undefined, options?: Readonly<Record<string, unknown>>) {
  return linter.lint(code, {
    config: [{ extendSelect: [rule.name], ...(options ? { rules: { [rule.name]: { options } } } : {}) }],
    settings: { today: TODAY, ...settings },
  });
}

describe('rule metadata', () => {
  it('names are unique kebab-case; practices exist; docs and examples are present', () => {
    const names = new Set<string>();
    for (const rule of RULES) {
      assert.match(rule.name, /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, rule.name);
      assert.ok(!names.has(rule.name), `duplicate ${rule.name}`);
      names.add(rule.name);
      for (const p of rule.practices) assert.ok(isPracticeId(p), `${rule.name}: unknown practice ${p}`);
      assert.ok(rule.summary.length > 10 && rule.docs.what.length > 10 && rule.docs.why.length > 20, `${rule.name}: docs`);
      assert.ok(rule.examples.bad.length > 0 && rule.examples.good.length > 0, `${rule.name}: examples`);
      if (rule.fixable === 'safe' || rule.fixable === 'unsafe') assert.ok((rule.examples.fixed ?? []).length > 0, `${rule.name}: fixes need a fixed example`);
      if (rule.fixable) assert.ok(rule.docs.fixSafety, `${rule.name}: fix safety documented`);
    }
  });
  it('aliases are not shared between rules except BuildKit check families', () => {
    const seen = new Map<string, string>();
    for (const rule of RULES) {
      for (const a of rule.aliases) {
        const prev = seen.get(a.toLowerCase());
        if (prev && !/^[A-Z][a-zA-Z]+$/.test(a)) assert.fail(`${a} is an alias of both ${prev} and ${rule.name}`);
        seen.set(a.toLowerCase(), rule.name);
      }
    }
  });
});

describe('rule examples', () => {
  for (const rule of RULES) {
    describe(rule.name, () => {
      rule.examples.bad.forEach((ex, i) => {
        // Rules that read the build context cannot fire until the project layer hands it to rules.
        const skip = rule.needsContext ? 'needs the build context, which rules do not receive yet' : false;
        it(`bad #${i + 1} fires`, { skip }, () => {
          const r = run(rule, ex.code, ex.settings, ex.options);
          const mine = r.diagnostics.filter((d) => d.rule === rule.name);
          if (ex.count !== undefined) assert.equal(mine.length, ex.count, JSON.stringify(r.diagnostics, null, 1));
          else assert.ok(mine.length > 0, `expected ${rule.name} on:\n${ex.code}\ngot ${JSON.stringify(r.diagnostics.map((d) => d.rule))}`);
          for (const d of mine) {
            assert.ok(d.span.end >= d.span.start && d.span.end <= ex.code.length);
            assert.ok(d.message.length > 0);
          }
          assert.deepEqual(r.diagnostics.filter((d) => d.rule === 'internal-error'), []);
        });
      });
      rule.examples.good.forEach((ex, i) => {
        it(`good #${i + 1} stays quiet`, () => {
          const r = run(rule, ex.code, ex.settings, ex.options);
          assert.deepEqual(r.diagnostics.filter((d) => d.rule === rule.name || d.rule === 'internal-error').map((d) => `${d.line}:${d.column} ${d.message}`), []);
        });
      });
      (rule.examples.fixed ?? []).forEach((ex, i) => {
        it(`fixed #${i + 1} is what the fix loop writes`, () => {
          const out = fixText(linter, ex.input, {
            config: [{ select: [rule.name] }],
            settings: { today: TODAY, ...ex.settings },
            unsafe: ex.unsafe ?? false,
          });
          assert.equal(out.text, ex.output);
          const left = out.result.diagnostics.filter((d) => d.rule === rule.name && d.fix && (d.fix.safety === 'safe' || (ex.unsafe && d.fix.safety === 'unsafe')));
          assert.deepEqual(left, [], 'no fixable diagnostic of the rule remains');
        });
      });
    });
  }
});
