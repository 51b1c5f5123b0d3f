import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParameterPart, WordPart } from '../../src/shell/index.js';
import { parseShell } from '../../src/shell/index.js';
import { clean, commandLines, firstArg, only, text } from './helpers.js';

describe('shell words: quoting and values', () => {
  const cases: readonly (readonly [string, string | null, readonly string[]])[] = [
    // word, value, part types
    ['abc', 'abc', ['literal']],
    ["'a b'", 'a b', ['single-quoted']],
    ['"a b"', 'a b', ['double-quoted']],
    ['a"b"\'c\'d', 'abcd', ['literal', 'double-quoted', 'single-quoted', 'literal']],
    ['a\\ b', 'a b', ['literal']],
    ['\\$HOME', '$HOME', ['literal']],
    ['"a \\"b\\" \\$c \\x"', 'a "b" $c \\x', ['double-quoted']],
    ["$'a\\tb\\x41\\u00e9\\n'", 'a\tbAé\n', ['ansi-c-quoted']],
    ["$'it\\'s'", "it's", ['ansi-c-quoted']],
    ['$"hello"', 'hello', ['locale-quoted']],
    ['"a $x b"', null, ['double-quoted']],
    ['$x', null, ['parameter']],
    ['pre$x.post', null, ['literal', 'parameter', 'literal']],
    ['{a,b}', '{a,b}', ['literal']],
    ['*.txt', '*.txt', ['literal']],
    ['~/x', '~/x', ['literal']],
    ['/var/lib/apt/lists/*', '/var/lib/apt/lists/*', ['literal']],
    ['a$', 'a$', ['literal']],
    ['$%', '$%', ['literal']],
    ['a#b', 'a#b', ['literal']],
  ];
  for (const [word, value, types] of cases) {
    it(`${word} → ${JSON.stringify(value)}`, () => {
      const w = firstArg(`echo ${word}`);
      assert.equal(w.raw, word);
      assert.equal(w.value, value);
      assert.deepEqual(
        w.parts.map((p) => p.type),
        types,
      );
      assert.deepEqual(w.span, { start: 5, end: 5 + word.length });
    });
  }

  it('removes a line continuation inside a word', () => {
    const w = firstArg('echo ab\\\ncd');
    assert.equal(w.value, 'abcd');
    assert.equal(w.raw, 'ab\\\ncd');
  });

  it('keeps the parts of a double-quoted string with their spans', () => {
    const script = clean('echo "a $x b"');
    const dq = only(script).args[0]?.parts[0];
    assert.equal(dq?.type, 'double-quoted');
    if (dq?.type !== 'double-quoted') return;
    assert.deepEqual(
      dq.parts.map((p) => [p.type, text(script, p.span)]),
      [
        ['literal', 'a '],
        ['parameter', '$x'],
        ['literal', ' b'],
      ],
    );
  });
});

describe('shell words: parameters', () => {
  const param = (word: string): ParameterPart => {
    const w = firstArg(`echo ${word}`);
    const p = w.parts[0] as WordPart;
    assert.equal(p.type, 'parameter', word);
    return p as ParameterPart;
  };
  const cases: readonly (readonly [string, Partial<ParameterPart> & { operandRaw?: string | null }])[] = [
    ['$name', { name: 'name', braced: false }],
    ['$1', { name: '1' }],
    ['$10', { name: '1' }],
    ['${10}', { name: '10', braced: true }],
    ['$@', { name: '@' }],
    ['$*', { name: '*' }],
    ['$#', { name: '#' }],
    ['$?', { name: '?' }],
    ['$$', { name: '$' }],
    ['$!', { name: '!' }],
    ['$-', { name: '-' }],
    ['$0', { name: '0' }],
    ['${x}', { name: 'x', operator: null, operandRaw: null }],
    ['${#x}', { name: 'x', prefix: '#' }],
    ['${#}', { name: '#', prefix: null }],
    ['${!ref}', { name: 'ref', prefix: '!' }],
    ['${!pre*}', { name: 'pre', prefix: '!', operator: '*' }],
    ['${x[@]}', { name: 'x', subscript: '@' }],
    ['${#x[@]}', { name: 'x', subscript: '@', prefix: '#' }],
    ['${x[$i+1]}', { name: 'x', subscript: '$i+1' }],
    ['${x:-default}', { operator: ':-', operandRaw: 'default' }],
    ['${x-default}', { operator: '-', operandRaw: 'default' }],
    ['${x:=v}', { operator: ':=', operandRaw: 'v' }],
    ['${x:?no x}', { operator: ':?', operandRaw: 'no x' }],
    ['${x:+set}', { operator: ':+', operandRaw: 'set' }],
    ['${v%%[a-z]*}', { operator: '%%', operandRaw: '[a-z]*' }],
    ['${v%.*}', { operator: '%', operandRaw: '.*' }],
    ['${v##*/}', { operator: '##', operandRaw: '*/' }],
    ['${v#./}', { operator: '#', operandRaw: './' }],
    ['${v//a/b}', { operator: '//', operandRaw: 'a/b' }],
    ['${v/#a/b}', { operator: '/#', operandRaw: 'a/b' }],
    ['${v/%a/b}', { operator: '/%', operandRaw: 'a/b' }],
    ['${v^^}', { operator: '^^', operandRaw: '' }],
    ['${v,}', { operator: ',', operandRaw: '' }],
    ['${v:1:2}', { operator: ':', operandRaw: '1:2' }],
    ['${v@Q}', { operator: '@', operandRaw: 'Q' }],
    ['${x:-{a}', { operator: ':-', operandRaw: '{a' }],
  ];
  for (const [word, expected] of cases) {
    it(word, () => {
      const p = param(word);
      const { operandRaw, ...rest } = expected;
      for (const [k, v] of Object.entries(rest)) assert.deepEqual(p[k as keyof ParameterPart], v, `${word}: ${k}`);
      if (operandRaw !== undefined) assert.equal(p.operand?.raw ?? null, operandRaw);
    });
  }

  it('parses words nested in an operand', () => {
    const script = clean('echo ${x:-"$(id -u) b"}');
    assert.deepEqual(commandLines(script), ['echo <${x:-"$(id -u) b"}>', 'id -u']);
    const p = only(parseShell('echo ${x:-a\'}\'b}')).args[0]?.parts[0];
    assert.equal(p?.type === 'parameter' ? p.operand?.value : '', 'a}b');
  });

  it('warns about a substitution bash cannot expand, without failing the parse', () => {
    const script = parseShell('echo ${x y}');
    assert.deepEqual(script.errors, []);
    assert.equal(script.warnings.length, 1);
    assert.match(script.warnings[0]?.message ?? '', /bad substitution/);
  });
});

describe('shell words: substitutions and arithmetic', () => {
  it('parses $(…) as a script', () => {
    const script = clean('echo "v=$(cat /etc/os-release | grep VERSION)"');
    assert.deepEqual(commandLines(script), ['echo <"v=$(cat /etc/os-release | grep VERSION)">', 'cat /etc/os-release', 'grep VERSION']);
    const sub = script.commands[1];
    assert.equal(sub?.context.inCommandSubstitution, true);
    assert.deepEqual(sub?.context.pipeline, { index: 0, length: 2 });
    assert.equal(text(script, sub?.span ?? { start: 0, end: 0 }), 'cat /etc/os-release');
  });

  it('parses backquotes, nested ones after unescaping, with positions in the original text', () => {
    const script = clean('echo `ls \\`pwd\\``');
    assert.deepEqual(commandLines(script), ['echo <`ls \\`pwd\\``>', 'ls <`pwd`>', 'pwd']);
    assert.equal(text(script, script.commands[2]?.span ?? { start: 0, end: 0 }), 'pwd');
    const part = clean('echo `date`').commands[0]?.args[0]?.parts[0];
    assert.equal(part?.type === 'command-substitution' && part.syntax, 'backquote');
  });

  it('parses $((…)) and $[…] as arithmetic with their expansions', () => {
    const script = clean('echo $(( (x + $(nproc)) * 2 )) $[1+2]');
    const [a, b] = script.commands[0]?.args ?? [];
    assert.equal(a?.parts[0]?.type, 'arithmetic');
    assert.equal(b?.parts[0]?.type, 'arithmetic');
    assert.deepEqual(commandLines(script).slice(1), ['nproc']);
    const arith = a?.parts[0];
    assert.equal(arith?.type === 'arithmetic' && arith.expression.raw, ' (x + $(nproc)) * 2 ');
  });

  it('reads $((…) …) that does not close as "))" as a command substitution', () => {
    const script = clean('echo $((echo a) | tr a b)');
    assert.equal(script.commands[0]?.args[0]?.parts[0]?.type, 'command-substitution');
    assert.deepEqual(commandLines(script).slice(1), ['echo a', 'tr a b']);
  });

  it('parses process substitutions', () => {
    const script = clean('diff <(sort a) >(cat)');
    assert.deepEqual(
      script.commands[0]?.args.map((a) => a.parts[0]?.type === 'process-substitution' && a.parts[0].operator),
      ['<', '>'],
    );
    assert.deepEqual(commandLines(script).slice(1), ['sort a', 'cat']);
  });
});
