import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from '../../src/engine/lint.js';
import { adjustSafety, hazards } from '../../src/fix/safety.js';
import { parse } from '../../src/parser/index.js';
import { RULES } from '../../src/rules/index.js';

describe('fix safety downgrade', () => {
  const text = 'FROM a\nRUN apt-get install \\\n  # a comment\n  curl\nENV X=$HOME\n';
  const file = parse(text);
  const spans = (): ReturnType<typeof hazards> => hazards(file);
  const at = (s: string): number => text.indexOf(s);
  it('keeps the safety of edits that cross nothing', () => {
    const fix = { safety: 'safe' as const, title: 't', edits: [{ start: at('apt-get'), end: at('apt-get') + 7, text: 'apt' }] };
    assert.equal(adjustSafety(fix, text, spans).safety, 'safe');
  });
  it('lowers an edit across a continuation and a comment one level', () => {
    const fix = { safety: 'safe' as const, title: 't', edits: [{ start: at('install'), end: at('curl'), text: 'install ' }] };
    assert.equal(adjustSafety(fix, text, spans).safety, 'unsafe');
    assert.equal(adjustSafety({ ...fix, safety: 'unsafe' }, text, spans).safety, 'suggestion');
  });
  it('lowers an edit that replaces a variable reference, unless the rule vouches for it', () => {
    const fix = { safety: 'safe' as const, title: 't', edits: [{ start: at('$HOME'), end: at('$HOME') + 5, text: '/root' }] };
    assert.equal(adjustSafety(fix, text, spans).safety, 'unsafe');
    assert.equal(adjustSafety(fix, text, spans, true).safety, 'safe');
  });
  it('applies in the engine: a fix over a continuation is not applied by --fix', () => {
    const linter = new Linter(RULES);
    const r = linter.lint('FROM debian:12\nRUN apt-get install -y \\\n    curl\n', { config: [{ select: ['apt-missing-no-install-recommends'] }] });
    assert.equal(r.diagnostics[0]?.fix?.safety, 'unsafe', 'insertion does not cross: keeps its level');
  });
});
