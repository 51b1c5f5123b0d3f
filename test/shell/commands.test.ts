import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Command, CompoundCommand, Statement } from '../../src/shell/index.js';
import { parseShell } from '../../src/shell/index.js';
import { clean, commandLines, only, show, text } from './helpers.js';

function firstCommand(body: readonly Statement[]): Command | undefined {
  return body[0]?.pipelines[0]?.commands[0];
}

describe('shell lists and pipelines', () => {
  it('records the connector before and after each command', () => {
    const script = clean('a && b || c; d & e\nf | g');
    assert.deepEqual(
      script.commands.map((c) => [show(c.name), c.context.before, c.context.after]),
      [
        ['a', null, '&&'],
        ['b', '&&', '||'],
        ['c', '||', ';'],
        ['d', ';', '&'],
        ['e', '&', 'newline'],
        ['f', 'newline', null],
        ['g', 'newline', null],
      ],
    );
    assert.deepEqual(
      script.commands.map((c) => c.context.background),
      [false, false, false, true, false, false, false],
    );
  });

  it('gives the position in a pipeline, `!` and `time`', () => {
    const script = clean('! a | b |& c; time -p d');
    assert.deepEqual(
      script.commands.map((c) => [show(c.name), c.context.pipeline, c.context.negated]),
      [
        ['a', { index: 0, length: 3 }, true],
        ['b', { index: 1, length: 3 }, true],
        ['c', { index: 2, length: 3 }, true],
        ['d', null, false],
      ],
    );
    const pipelines = script.body.map((s) => s.pipelines[0]);
    assert.deepEqual(pipelines[0]?.operators, ['|', '|&']);
    assert.equal(pipelines[1]?.timed, true);
  });

  it('allows newlines and comments after `&&`, `||` and `|`', () => {
    const script = clean('a &&\n\n  # why\n  b |\n c');
    assert.deepEqual(commandLines(script), ['a', 'b', 'c']);
    assert.deepEqual(
      script.comments.map((c) => text(script, c)),
      ['# why'],
    );
  });

  it('marks every command of a backgrounded list', () => {
    const script = clean('{ a; b; } & c');
    assert.deepEqual(
      script.commands.map((c) => c.context.background),
      [true, true, false],
    );
  });

  it('treats `#` as a comment only at the start of a word', () => {
    const script = clean('echo a#b # c d\necho e');
    assert.deepEqual(commandLines(script), ['echo a#b', 'echo e']);
    assert.deepEqual(
      script.comments.map((c) => text(script, c)),
      ['# c d'],
    );
  });

  it('recognises reserved words only in command position', () => {
    assert.deepEqual(commandLines(clean('echo if then fi do done { } [[ ! esac')), ['echo if then fi do done { } [[ ! esac']);
  });

  it('numbers commands in source order, nested ones included', () => {
    const script = clean('a $(b) && if c; then d `e`; fi; f() { g; }; sh -c "h"');
    assert.deepEqual(
      script.commands.map((c) => [c.index, c.name?.raw]),
      [
        [0, 'a'],
        [1, 'b'],
        [2, 'c'],
        [3, 'd'],
        [4, 'e'],
        [5, 'g'],
        [6, 'sh'],
        [7, 'h'],
      ],
    );
  });

  it('gives statement and pipeline spans', () => {
    const script = clean('a b && c | d ; e');
    assert.deepEqual(
      script.body.map((s) => [text(script, s.span), s.terminator, s.operators]),
      [
        ['a b && c | d', ';', ['&&']],
        ['e', null, []],
      ],
    );
  });
});

describe('shell simple commands', () => {
  it('splits assignments, name, arguments and redirections', () => {
    const script = clean('FOO=bar BAZ+=1 a[2]=x arr=(1 "2 3") cmd --x 2>&1 >>/log <in');
    const c = only(script);
    assert.equal(c.name?.value, 'cmd');
    assert.deepEqual(
      c.args.map((a) => a.value),
      ['--x'],
    );
    assert.deepEqual(
      c.assignments.map((a) => [a.name, a.append, a.subscript, a.value?.value ?? null, a.array?.map((e) => e.value) ?? null, text(script, a.nameSpan)]),
      [
        ['FOO', false, null, 'bar', null, 'FOO'],
        ['BAZ', true, null, '1', null, 'BAZ'],
        ['a', false, '2', 'x', null, 'a'],
        ['arr', false, null, null, ['1', '2 3'], 'arr'],
      ],
    );
    assert.deepEqual(
      c.redirects.map((r) => [r.fd, r.operator, r.target.value, text(script, r.span), text(script, r.operatorSpan)]),
      [
        [2, '>&', '1', '2>&1', '>&'],
        [null, '>>', '/log', '>>/log', '>>'],
        [null, '<', 'in', '<in', '<'],
      ],
    );
    assert.equal(text(script, c.span), script.text);
  });

  it('gives an assignment its value word and span', () => {
    const script = clean('A="x y" B= C=$(id -u) true');
    const [a, b, c] = script.commands[0]?.assignments ?? [];
    assert.equal(a?.value?.value, 'x y');
    assert.equal(text(script, a?.value?.span ?? { start: 0, end: 0 }), '"x y"');
    assert.equal(b?.value?.value, '');
    assert.equal(c?.value?.value, null);
    assert.deepEqual(commandLines(script), ['true', 'id -u']);
  });

  it('has no name for a command of assignments or redirections only', () => {
    const script = clean('X=1; > /tmp/x; 2>/dev/null');
    assert.deepEqual(
      script.commands.map((c) => [c.name, c.assignments.length, c.redirects.length]),
      [
        [null, 1, 0],
        [null, 0, 1],
        [null, 0, 1],
      ],
    );
  });

  it('reads every redirection operator', () => {
    const script = clean('c <a >b >>c <>d >|e 3<&0 4>&- &>f &>>g <<<h {fd}>i 2>&1>>j');
    assert.deepEqual(
      script.commands[0]?.redirects.map((r) => `${r.fd ?? r.fdVariable ?? ''}${r.operator}${r.target.raw}`),
      ['<a', '>b', '>>c', '<>d', '>|e', '3<&0', '4>&-', '&>f', '&>>g', '<<<h', 'fd>i', '2>&1', '>>j'],
    );
  });

  it('parses compound assignments where bash does: command prefixes and declare-like builtins', () => {
    assert.deepEqual(clean('declare -A m=([k]="v w" [x]=1) n=(a)').commands[0]?.args.map((a) => a.parts.at(-1)?.type), ['literal', 'array', 'array']);
    const array = clean('a=(\n  x # note\n  [k ey]=y\n)').commands[0]?.assignments[0]?.array;
    assert.deepEqual(
      array?.map((e) => e.raw),
      ['x', '[k ey]=y'],
    );
    assert.ok(parseShell('echo a=(b)').errors.length > 0);
  });

  it('reads a subscript in command position up to its `]`, blanks included', () => {
    assert.equal(clean('a[i + 1]=x').commands[0]?.assignments[0]?.subscript, 'i + 1');
    assert.ok(parseShell('e[cho hi').errors.length > 0);
  });
});

describe('shell compound commands', () => {
  const type = (source: string): CompoundCommand['type'] | 'simple' | undefined => firstCommand(clean(source).body)?.type;

  it('parses each compound command', () => {
    assert.equal(type('( a; b )'), 'subshell');
    assert.equal(type('{ a; b; }'), 'group');
    assert.equal(type('if a; then b; elif c; then d; else e; fi'), 'if');
    assert.equal(type('for x in 1 2; do a; done'), 'for');
    assert.equal(type('for x; do a; done'), 'for');
    assert.equal(type('for x do a; done'), 'for');
    assert.equal(type('for x in a b; { c; }'), 'for');
    assert.equal(type('for ((i=0; i<3; i++)); do a; done'), 'arithmetic-for');
    assert.equal(type('select x in a b; do c; done'), 'select');
    assert.equal(type('while a; do b; done'), 'while');
    assert.equal(type('until a; do b; done'), 'until');
    assert.equal(type('case $x in a|b) c;; (d) ;& *) e ;;& esac'), 'case');
    assert.equal(type('f() { a; }'), 'function');
    assert.equal(type('function f { a; }'), 'function');
    assert.equal(type('function f() ( a )'), 'function');
    assert.equal(type('[[ -f x && ( $a == b* || ! -d y ) ]]'), 'test');
    assert.equal(type('(( i++ ))'), 'arithmetic');
    assert.equal(type('coproc x { a; }'), 'coproc');
  });

  it('builds the if, case and for nodes', () => {
    const script = clean('if a; then b; elif c; then d; else e; fi');
    const node = firstCommand(script.body);
    assert.equal(node?.type, 'if');
    if (node?.type !== 'if') return;
    assert.equal(node.clauses.length, 2);
    assert.equal(node.elseBody?.length, 1);
    const kase = firstCommand(clean('case "$1" in start|run) go ;; *) help ;; esac').body);
    assert.equal(kase?.type, 'case');
    if (kase?.type !== 'case') return;
    assert.deepEqual(
      kase.items.map((i) => [i.patterns.map((p) => p.value), i.terminator]),
      [
        [['start', 'run'], ';;'],
        [['*'], ';;'],
      ],
    );
    const loop = firstCommand(clean('for f in *.py "a b"; do python "$f"; done').body);
    assert.equal(loop?.type, 'for');
    if (loop?.type !== 'for') return;
    assert.equal(loop.variable.value, 'f');
    assert.deepEqual(
      loop.items?.map((i) => i.value),
      ['*.py', 'a b'],
    );
    const arith = firstCommand(clean('for ((i=0; i<3; i++)); do :; done').body);
    assert.deepEqual(arith?.type === 'arithmetic-for' && [arith.init.raw, arith.test.raw, arith.update.raw], ['i=0', ' i<3', ' i++']);
  });

  it('builds the [[ ]] expression', () => {
    const node = firstCommand(clean('[[ -f x && ( $a == b* || ! $c =~ ^(x|y)$ ) ]]').body);
    assert.equal(node?.type, 'test');
    if (node?.type !== 'test') return;
    assert.equal(node.expression?.type, 'test-and');
    if (node.expression?.type !== 'test-and') return;
    assert.equal(node.expression.left.type, 'test-unary');
    assert.equal(node.expression.right.type, 'test-group');
  });

  it('tells ((…)) arithmetic from nested subshells the way bash does', () => {
    assert.equal(type('((echo a); echo b)'), 'subshell');
    assert.deepEqual(commandLines(clean('((echo a); echo b)')), ['echo a', 'echo b']);
    assert.equal(type('((a) )'), 'subshell');
  });

  it('gives commands their scopes', () => {
    const script = clean(
      'if a; then b; fi; while c; do d; done; (e); { f; }; g() { h; }; case x in y) i;; esac; for j in 1; do k; done; coproc l; x=$(m); cat <(n)',
    );
    const scopes = Object.fromEntries(script.commands.map((c) => [c.name?.raw ?? '', c.context.scopes.join('/')]));
    assert.deepEqual(scopes, {
      a: 'condition',
      b: 'branch',
      c: 'condition',
      d: 'loop',
      e: 'subshell',
      f: 'group',
      h: 'function/group',
      i: 'branch',
      k: 'loop',
      l: 'coproc',
      '': '',
      m: 'command-substitution',
      cat: '',
      n: 'process-substitution',
    });
    const h = script.commands.find((c) => c.name?.raw === 'h');
    assert.equal(h?.context.inFunction, 'g');
    const a = script.commands[0];
    assert.deepEqual([a?.context.inCondition, a?.context.inLoop, a?.context.inSubshell], [true, false, false]);
  });

  it('attaches redirections to compound commands', () => {
    const script = clean('{ a; } > /dev/null 2>&1');
    const group = firstCommand(script.body);
    assert.deepEqual(
      group?.type === 'group' && group.redirects.map((r) => r.operator),
      ['>', '>&'],
    );
    assert.equal(text(script, group?.span ?? { start: 0, end: 0 }), script.text);
  });

  it('handles tabs, nested ifs and deep nesting', () => {
    const script = clean('if a; then\n\tif b; then\n\t\tif c; then d; fi\n\tfi\nfi');
    assert.deepEqual(commandLines(script), ['a', 'b', 'c', 'd']);
    const d = script.commands[3];
    assert.deepEqual(d?.context.scopes, ['branch', 'branch', 'branch']);
  });
});
