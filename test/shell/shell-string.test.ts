import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseShell } from '../../src/shell/index.js';
import { clean, commandLines, text } from './helpers.js';

describe('sh -c strings', () => {
  it('parses a single-quoted string in place: positions are exact', () => {
    const script = clean("sh -c 'apt-get update && apt-get install -y curl'");
    assert.deepEqual(commandLines(script), ['sh -c apt-get update && apt-get install -y curl', 'apt-get update', 'apt-get install -y curl']);
    const [host, update, install] = script.commands;
    assert.equal(text(script, update?.span ?? { start: 0, end: 0 }), 'apt-get update');
    assert.equal(text(script, install?.args[1]?.span ?? { start: 0, end: 0 }), '-y');
    assert.equal(update?.context.shellString, host);
    assert.deepEqual(update?.context.scopes, ['shell-string']);
    assert.deepEqual([update?.context.before, update?.context.after, install?.context.before], [null, '&&', '&&']);
  });

  it('maps an escaped double-quoted string back character by character', () => {
    const script = clean('bash -c "pip install \\"flask>=2\\" && echo \\$HOME"');
    assert.deepEqual(commandLines(script).slice(1), ['pip install flask>=2', 'echo <$HOME>']);
    const pip = script.commands[1];
    assert.equal(text(script, pip?.args[1]?.span ?? { start: 0, end: 0 }), '\\"flask>=2\\"');
    assert.equal(text(script, script.commands[2]?.args[0]?.span ?? { start: 0, end: 0 }), '\\$HOME');
    assert.equal(text(script, pip?.span ?? { start: 0, end: 0 }), 'pip install \\"flask>=2\\"');
  });

  it('maps a string with expansions to the whole word', () => {
    const script = clean('bash -c "apt-get install -y $PKGS && rm -rf /x"');
    const word = script.commands[0]?.args[1];
    assert.deepEqual(commandLines(script).slice(1), ['apt-get install -y <$PKGS>', 'rm -rf /x']);
    for (const c of script.commands.slice(1)) assert.deepEqual(c.span, word?.span);
  });

  it('finds the string behind shell options, wrappers and su', () => {
    const cases: readonly (readonly [string, string])[] = [
      ["/bin/sh -c 'a'", 'a'],
      ["bash -euxo pipefail -c 'a'", 'a'],
      ["bash -o pipefail -c 'a'", 'a'],
      ["bash -lc 'a'", 'a'],
      ["bash --login -c 'a'", 'a'],
      ["sudo -u app -E sh -c 'a'", 'a'],
      ["env -i PATH=/bin sh -c 'a'", 'a'],
      ["busybox sh -c 'a'", 'a'],
      ["su app -c 'a'", 'a'],
      ["su - app -s /bin/bash -c 'a'", 'a'],
      ["xargs -n1 sh -c 'a'", 'a'],
    ];
    for (const [source, inner] of cases) {
      const script = clean(source);
      assert.deepEqual(commandLines(script).slice(1), [inner], source);
      assert.equal(script.commands[1]?.context.shellString, script.commands[0], source);
    }
  });

  it('leaves other shell invocations alone', () => {
    for (const source of ['sh script.sh -c x', 'bash -c', 'echo sh -c x', 'sh -- -c x', 'python -c "import os"']) {
      assert.equal(clean(source).commands.length, 1, source);
    }
  });

  it('nests, and keeps the host context', () => {
    const script = clean("if sh -c \"bash -c 'id -u'\"; then :; fi");
    assert.deepEqual(commandLines(script), ["sh -c bash -c 'id -u'", 'bash -c id -u', 'id -u', ':']);
    const id = script.commands[2];
    assert.deepEqual(id?.context.scopes, ['condition', 'shell-string', 'shell-string']);
    assert.equal(id?.context.inCondition, true);
    assert.equal(id?.context.shellString, script.commands[1]);
    assert.equal(text(script, id?.span ?? { start: 0, end: 0 }), 'id -u');
  });

  it('reports errors inside the string as warnings', () => {
    const script = parseShell("sh -c 'if true; then echo'");
    assert.deepEqual(script.errors, []);
    assert.match(script.warnings[0]?.message ?? '', /missing 'fi'/);
    assert.equal(script.warnings[0]?.start, script.text.length - 1);
  });
});
