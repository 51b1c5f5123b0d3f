import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseShell } from '../../src/shell/index.js';
import { commandLines } from './helpers.js';

describe('shell syntax errors', () => {
  // script, the first error's message (a substring) and the text it covers, the command names found
  const cases: readonly (readonly [string, string, string, readonly (string | null)[]])[] = [
    ['echo "x && apt-get install y', 'unterminated double-quoted string', '"x && apt-get install y', ['echo', 'apt-get']],
    ["echo 'x && apt-get install y", 'unterminated single-quoted string', "'x && apt-get install y", ['echo', 'apt-get']],
    ['echo `x && apt-get install y', 'unterminated backquote', '`x && apt-get install y', ['echo', 'apt-get']],
    ['echo $(x && apt-get install y', "unterminated '$('", '$(x && apt-get install y', ['echo', 'x', 'apt-get']],
    ['echo ${x && apt-get install y', "unterminated '${'", '${x && apt-get install y', ['echo', 'apt-get']],
    ['echo $((1+2)', "unterminated '$(('", '$((1+2)', ['echo']],
    ['echo $[1', "unterminated '$['", '$[1', ['echo']],
    ['if true; then echo', "missing 'fi'", '', ['true', 'echo']],
    ['if true; echo; fi', "unexpected token 'fi' (expected 'then')", 'fi', ['true', 'echo']],
    ['fi; apt-get update', "unexpected token 'fi'", 'fi', ['apt-get']],
    ['echo a ) ; apt-get update', "unexpected token ')'", ')', ['echo', 'apt-get']],
    ['echo a;; b', "unexpected token ';;'", ';;', ['echo', 'b']],
    ['; echo', "unexpected token ';'", ';', ['echo']],
    ['echo a &&', 'unexpected end of script', '', ['echo']],
    ['echo a &;', "unexpected token ';'", ';', ['echo']],
    ['echo a | | b', "unexpected token '|'", '|', ['echo', 'b']],
    ['echo a | ! b', "unexpected token '!'", '!', ['echo', 'b']],
    ['cat <<', 'unexpected end of script', '', ['cat']],
    ['echo >', 'unexpected end of script', '', ['echo']],
    ['while true; do done', "unexpected token 'done'", 'done', ['true']],
    ['{ }', "unexpected token '}'", '}', []],
    ['()', "unexpected token ')'", ')', []],
    ['for x in a b do :; done', "unexpected token 'done' (expected 'do')", 'done', []],
    ['case x in a) echo)', "unexpected token ')'", ')', ['echo']],
    ['function', 'unexpected end of script', '', []],
    ['f() echo', "unexpected token 'echo'", 'echo', ['echo']],
    ['{ :; } echo', "unexpected token 'echo'", 'echo', [':', 'echo']],
    ['echo (a)', "unexpected token '('", '(', ['echo', 'a']],
    ['echo a=(b)', "unexpected token '('", '(', ['echo', 'b']],
    ['a=(x;y)', "unexpected token ';' in array", ';', [null]],
    ['e[cho hi', "unterminated subscript: missing ']'", '[cho hi', ['e[cho']],
    ['[[ a b ]]', 'conditional binary operator expected', 'b', []],
    ['[[ -f ]]', 'to conditional unary operator', ']]', []],
    ['[[ a == ]]', 'to conditional binary operator', ']]', []],
    ['[[ ( a ]]', "expected ')'", ']]', []],
    ['[[ a', 'unexpected token end of script, conditional binary operator expected', '', []],
    ['coproc fi', "unexpected token 'fi'", 'fi', []],
    ['((1+2)', "missing ')'", '', ['1+2']],
  ];
  for (const [source, message, covered, names] of cases) {
    it(JSON.stringify(source), () => {
      const script = parseShell(source);
      const error = script.errors[0];
      assert.ok(error, 'an error');
      assert.ok(error.message.includes(message), `${error.message} includes ${message}`);
      assert.equal(source.slice(error.start, error.end), covered);
      assert.deepEqual(
        script.commands.map((c) => c.name?.raw ?? null),
        names,
      );
    });
  }

  it('rejects an empty [[ ]], which bash skips silently without running anything', () => {
    assert.match(parseShell('[[ ]]').errors[0]?.message ?? '', /empty conditional expression/);
    assert.ok(parseShell('[[ a && ]]').errors.length > 0);
  });

  it('keeps going after an error, so a fixer still finds the commands', () => {
    const script = parseShell('apt-get update && echo "oops; apt-get install -y curl && rm -rf /var/lib/apt/lists/*');
    assert.deepEqual(commandLines(script), ['apt-get update', 'echo "oops', 'apt-get install -y curl', 'rm -rf /var/lib/apt/lists/*']);
  });

  it('reports code bash parses only when it runs as warnings', () => {
    for (const source of ['echo `if`', 'sh -c "if"', 'cat <<EOF\n$(fi)\nEOF', 'echo $((a) b)']) {
      const script = parseShell(source);
      assert.deepEqual(script.errors, [], source);
      assert.ok(script.warnings.length > 0, source);
    }
  });

  it('never throws, and reports each problem once', () => {
    for (const source of ['', ' ', '\n', '\\', '"', "'", '`', '$', '${', '$(', '$((', '((', '[[', ']]', '}', ')', ';;', '<<', '<<<', '&', '|', '!', '\0', '\ud800', '#']) {
      const script = parseShell(source);
      const seen = new Set(script.errors.map((e) => `${e.start}:${e.end}`));
      assert.equal(seen.size, script.errors.length, JSON.stringify(source));
    }
  });
});
