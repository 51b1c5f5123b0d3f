/**
 * The fix loop over every corpus file with safe and unsafe fixes: it converges, every output
 * parses, a second run changes nothing, and no fixed file keeps a fixable diagnostic of a rule
 * that fixed it. Safe fixes alone must not change the image: the BuildKit dump of the fixed
 * file equals the original's, apart from the casing/format changes the rules document.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from '../../src/engine/lint.js';
import { fixText } from '../../src/fix/loop.js';
import { decodeDockerfile, dump, parse } from '../../src/parser/index.js';
import { RULES } from '../../src/rules/index.js';
import { corpusFiles } from '../helpers/shared.js';

const linter = new Linter(RULES);
const settings = { today: '2026-11-23' };
const config = [{ select: ['all'] }];

/**
 * A dump normalised for the format-only changes safe fixes may make: the dump already lowercases
 * keywords; `AS` casing, the legacy `ENV k v` separator and EXPOSE protocol casing are spelling.
 */
function normalisedDump(text: string): string {
  return dump(parse(text))
    .replace(/^(\(from (?:\[[^\]]*\] )?"[^"]*") "as" /gim, '$1 "as" ')
    .replace(/ ""\)/g, ' "=")')
    .replace(/\/(TCP|UDP|SCTP)"/gi, (m) => m.toLowerCase())
    // legacy-key-value-format wraps a legacy value with blanks in double quotes (the AST keeps
    // quotes; the expanded value is the same).
    .replace(/"\\"((?:[^"\\]|\\\\)*)\\""/g, '"$1"')
    // platform-target-redundant removes `--platform=$TARGETPLATFORM`, the default.
    .replace(/^\(from \["--platform=\$\{?TARGETPLATFORM\}?"\] /gim, '(from ');
}

describe('fix loop over the corpus', () => {
  const files = corpusFiles().map((f) => ({ name: f.name, text: decodeDockerfile(f.bytes).text }));

  it('--fix --unsafe-fixes converges, parses, is idempotent and leaves no fixable diagnostic of the rules that fixed', () => {
    let changed = 0;
    const perRule = new Map<string, number>();
    const stops = new Map<string, number>();
    for (const f of files) {
      const before = parse(f.text).errors.length;
      const out = fixText(linter, f.text, { config, settings, unsafe: true });
      stops.set(out.stopped, (stops.get(out.stopped) ?? 0) + 1);
      assert.notEqual(out.stopped, 'cycle', `${f.name}: fix cycle`);
      assert.notEqual(out.stopped, 'max-passes', `${f.name}: did not converge`);
      assert.ok(parse(out.text).errors.length <= before, `${f.name}: fixed text does not parse`);
      if (out.text !== f.text) changed++;
      for (const a of out.applied) perRule.set(a.rule, (perRule.get(a.rule) ?? 0) + 1);
      const again = fixText(linter, out.text, { config, settings, unsafe: true });
      assert.equal(again.text, out.text, `${f.name}: a second run changed the file`);
      const fixedRules = new Set(out.applied.map((a) => a.rule));
      const left = out.result.diagnostics.filter((d) => fixedRules.has(d.rule) && d.fix && d.fix.safety !== 'suggestion' && d.fix.edits.length > 0);
      assert.deepEqual(left.map((d) => `${d.rule} ${d.line}:${d.column}`), [], `${f.name}: fixable diagnostics remain`);
      assert.deepEqual(out.result.diagnostics.filter((d) => d.rule === 'internal-error').map((d) => d.message), [], f.name);
    }
    console.log(`# fix corpus: ${files.length} files, ${changed} changed, stops ${JSON.stringify(Object.fromEntries(stops))}`);
    console.log(`# fixes applied per rule: ${JSON.stringify(Object.fromEntries([...perRule].sort((a, b) => b[1] - a[1])))}`);
  });

  it('safe fixes do not change the BuildKit dump (the image), apart from documented format-only changes', () => {
    for (const f of files) {
      if (parse(f.text).errors.length > 0) continue;
      const out = fixText(linter, f.text, { config, settings, unsafe: false });
      if (out.text === f.text) continue;
      const a = normalisedDump(out.text).split('\n');
      const b = normalisedDump(f.text).split('\n');
      assert.equal(a.length, b.length, `${f.name}: instruction count changed`);
      a.forEach((line, i) => {
        let orig = b[i] ?? '';
        // add-instead-of-copy documents its only change: the keyword.
        if (line.startsWith('(copy') && orig.startsWith('(add')) orig = '(copy' + orig.slice(4);
        if (line.startsWith('(onbuild (copy') && orig.startsWith('(onbuild (add')) orig = '(onbuild (copy' + orig.slice(13);
        assert.equal(line, orig, `${f.name}: ${out.applied.map((x) => x.rule).join(', ')}`);
      });
    }
  });
});
