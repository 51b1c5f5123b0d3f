/**
 * Seeded fuzzing: the parser never throws, never hangs, and its work stays linear in the input
 * (tokens scanned plus characters re-scanned after a failed guess or re-parsed as derived text).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ShellScript, Span } from '../../src/shell/index.js';
import { INTERNAL_ERROR, parseWithSession } from '../../src/shell/parse.js';
import { corpusScripts } from './corpus.js';
import { mutate, random, soup } from './mutate.js';

/** Work allowed per input character (plus a constant for tiny inputs). */
const WORK_PER_CHAR = 8;
const WORK_CONSTANT = 8192;

function check(source: string): void {
  let parsed: ReturnType<typeof parseWithSession>;
  try {
    parsed = parseWithSession(source);
  } catch (e) {
    assert.fail(`threw on ${JSON.stringify(source.slice(0, 200))}: ${String(e)}`);
  }
  const { script, session } = parsed;
  const where = JSON.stringify(source.slice(0, 200));
  assert.ok(!script.errors.some((e) => e.message.startsWith(INTERNAL_ERROR)), `internal error on ${where}: ${JSON.stringify(script.errors)}`);
  const work = session.tokens + session.rescanned;
  assert.ok(work <= WORK_PER_CHAR * (source.length + 1) + WORK_CONSTANT, `work ${work} for ${source.length} chars on ${where}`);
  checkSpans(script, where);
}

function inText(script: ShellScript, span: Span, where: string): void {
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= script.text.length, `span ${JSON.stringify(span)} outside ${where}`);
}

function checkSpans(script: ShellScript, where: string): void {
  for (const d of [...script.errors, ...script.warnings]) inText(script, d, where);
  for (const c of script.comments) inText(script, c, where);
  script.commands.forEach((c, i) => {
    assert.equal(c.index, i, where);
    if (i > 0) assert.ok((script.commands[i - 1]?.span.start ?? 0) <= c.span.start, `commands out of order on ${where}`);
    inText(script, c.span, where);
    for (const w of [...(c.name ? [c.name] : []), ...c.args]) inText(script, w.span, where);
    for (const r of c.redirects) inText(script, r.span, where);
  });
}

const SHELL_ALPHABET = ' \t\n\\\'"`$(){}[]<>|&;#!=*?~-+@%^,.:/0123456789abcxyzEOF';

function randomText(rnd: () => number): string {
  const length = Math.floor(rnd() * 400);
  let s = '';
  const shellish = rnd() < 0.7;
  for (let i = 0; i < length; i++) {
    s += shellish ? SHELL_ALPHABET.charAt(Math.floor(rnd() * SHELL_ALPHABET.length)) : String.fromCharCode(Math.floor(rnd() * 0x10000));
  }
  return s;
}

describe('shell parser fuzzing', () => {
  it('survives 2,500 random texts', () => {
    const rnd = random(1);
    for (let i = 0; i < 2500; i++) check(randomText(rnd));
  });

  it('survives 3,000 mutated corpus scripts and 1,000 token soups', () => {
    const rnd = random(2);
    const sources = corpusScripts().map((s) => s.text);
    for (let i = 0; i < 3000; i++) check(mutate(sources[Math.floor(rnd() * sources.length)] as string, rnd, 1 + Math.floor(rnd() * 12)));
    for (let i = 0; i < 1000; i++) check(soup(rnd));
  });

  it('stays linear and within the stack on pathological input', () => {
    const n = 10000;
    const cases: Record<string, string> = {
      'nested (': '('.repeat(n) + 'a' + ')'.repeat(n),
      'open (': '('.repeat(n),
      'nested $(': '$('.repeat(n) + 'a' + ')'.repeat(n),
      'open "$(': 'echo "$('.repeat(n),
      'open ${x:-': 'echo ' + '${x:-'.repeat(n),
      'open $((': 'echo $((' + '('.repeat(n),
      '((': '(('.repeat(n),
      'nested if': 'if a; then '.repeat(n) + 'b' + '; fi'.repeat(n),
      'nested [[ (': '[[ ' + '( '.repeat(n),
      'nested case': 'case x in a) '.repeat(n),
      'unclosed quotes': 'a"b'.repeat(n),
      'unclosed single quotes': "a'b ".repeat(n),
      'backquotes': 'a`b '.repeat(n),
      'escaped backquotes': 'echo ' + '\\`'.repeat(n) + '`',
      'heredocs': 'cat <<EOF\n'.repeat(n),
      'subscripts': 'a['.repeat(n),
      'arrays': 'a=('.repeat(n),
      'sh -c': "sh -c 'sh -c \"sh -c x\"' ".repeat(n / 10),
      'mixed': '$(("${`'.repeat(n),
      '1 MB script': 'apt-get update && apt-get install -y "foo" \'bar\' $(echo x) ${y:-z} | grep a; '.repeat(12000),
    };
    for (const [name, source] of Object.entries(cases)) {
      const started = performance.now();
      check(source);
      // Generous: linear parsing of these takes milliseconds; a quadratic one would take minutes.
      assert.ok(performance.now() - started < 10000, `${name} took too long`);
    }
  });
});
