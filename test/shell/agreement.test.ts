/**
 * The parser accepts exactly what bash accepts: every RUN script of the corpus, a table of tricky
 * constructs, and seeded mutations of both are checked against `bash -n` (see oracle.ts). `dash -n`
 * only counts the scripts that need bash.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { parseShell } from '../../src/shell/index.js';
import { corpusScripts } from './corpus.js';
import type { CorpusScript } from './corpus.js';
import { mutate, random, soup } from './mutate.js';
import { oracle } from './oracle.js';
import type { OracleInput } from './oracle.js';

/** Scripts (by text) where we disagree with bash on purpose, and why. */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {
  '[[ ]]': 'bash -n exits 0 without a message, but bash then runs nothing of the script: we report it',
  '[[ a && ]]': 'same: bash silently drops the whole command line',
  '[[ a || ]]': 'same: bash silently drops the whole command line',
  '[[ ! ]]': 'same: bash silently drops the whole command line',
  '[[ -f a && ]]': 'same: bash silently drops the whole command line',
};

/** Constructs worth pinning down, with what bash says (checked against bash too). */
const ACCEPTED: readonly string[] = [
  'echo `if`', 'cat <<EOF\n$(if)\nEOF', 'cat <<EOF\nfoo', '((a) )', '((echo a); echo b)', 'declare a=(b)', 'local a=(b)', 'export a=(b)',
  'readonly a=(b)', 'typeset -A a=([x]=1)', 'eval a=(1)', 'declare "x=(1)"', 'a=1 b=(2 3) cmd', 'a=(1 2)=3', '! ! true', 'time ! true', '! time true',
  'f() { :; }', 'function f { :; }', 'function f () ( : )', 'foo.bar-baz() { :; }', 'f() if :; then :; fi', 'f() ((1))', 'f() [[ a ]]',
  'echo a &&\n\n b', 'echo a |\n# c\n b', '[[ a =~ ^(a|b c)$ ]]', '[[ ( a ) ]]', '[[ ! a ]]', '[[ a < b ]]', '[[ $x == a && ( -f b || ! -d c ) ]]',
  '[[ a == b ]]&&echo', '[[ a == @(x|y) ]]', '[[ a =~ x\\ y ]]', 'echo ]]', 'echo a2>x', 'echo {a}>x', 'echo a<(ls)', 'cat <(ls) >(wc)', 'echo }', 'echo {',
  'case a in esac', 'case a in (a) ;; esac', 'case a in a) ;& b) ;;& esac', 'case a in a|b) echo;; *) ;; esac', 'case a in a) echo; esac',
  'case x\nin a) ;; esac', 'x=$(case a in a) echo;; esac)', 'cat <(case x in a) ;; esac)', 'echo $((1 + $(case x in a) echo 1;; esac)))',
  'echo $[1+2]', 'for x; do :; done', 'for x do :; done', 'for x\ndo :; done', 'for x in; do :; done', 'for ((i=0;i<3;i++)); do :; done',
  'for ((i=0;i<3;i++)) { :; }', 'for x in a b; { :; }', 'select x in a b; do :; done', 'if :; then :; elif :; then :; else :; fi', 'echo a |& b',
  'echo >& 2', 'echo &>/dev/null', 'echo &>>/dev/null', 'echo <<<x', 'exec {fd}>x', 'echo >|x', 'echo <>x', 'echo 1>&2 3<&- 4>&-', 'exec 3<> /dev/tcp/x/80',
  'echo 2>&1>> x', '3<&-x y', 'echo a &\\\n& echo b', 'if true; then :; f\\\ni', 'echo a # comment \\\n echo b', 'cat <<EOF\nfoo\\\nEOF\nEOF\n',
  'cat <<-EOF\n\tfoo\n\tEOF\n', 'x=$(cat <<EOF\nfoo\nEOF\n)', 'x=$(cat <<EOF\nfoo\nEOF)', 'cat $(\n<<E\nE*)', "cat <<'E\nx'\ny", 'cat <<\\EOF\nx\nEOF',
  'echo `echo \\`date\\``', 'echo $(( (1+2) ))', 'echo $((echo a); echo b)', 'echo $((a) b)', 'l$((s )-b/b=(a -al /b/l /b/&&))b', 'echo $(( a $[ b ))',
  'echo ${x:-{a}}', 'echo ${x:-{}', 'echo "${x:-"a b"}"', "echo ${x '} '}", 'echo ${x "}"}', 'echo ${x y}', '${x[ |  esac ]}', 'a[1]=x', 'a[1+2]+=x',
  'a+=(x)', 'a=(x [1]=y # c\nz)', 'a[1 + 2]=3', 'x[ ( ]=1', 'a=1 <x b[', 'time -p ls', 'time', '!', 'echo a | !b', 'echo a && ! b', 'coproc foo',
  'coproc x { :; }', 'coproc > fi ! "q" -f >fi', '{ :; } > x', 'if :; then :; fi > x 2>&1', '> x echo', '2>&1', "echo $'a\\'b'",
  'echo ${#x} ${!x} ${x[@]} ${x:1:2} ${x@Q}', 'echo ~ ~/x ~user', 'echo $(echo ")")', 'echo $(echo \\))', 'echo $(# comment )\n)',
  // The pitfalls other parsers fell into (research/peers-npm.md §3): Go and Jinja templates, nesting, patterns, arrays.
  '{{ .packager }} install -y foo', '{% if x %} echo {% endif %}', 'apt-get install {{ range .Packages }}{{ . }} {{ end }}',
  'if a; then\n\tif b; then\n\t\tc\n\tfi\nfi', 'echo ${V%%[a-z]*} ${v#*/}', 'declare -A m=([a]=1 [b]=2)', 'PYTHON_IDENTITIES=([3.7]=x [3.8]=y)',
  'python3 - <<PY\nimport os\nprint(os.getcwd())\nPY',
];

const REJECTED: readonly string[] = [
  'echo $(if)', 'echo "${x:-$(if)}"', 'cat <(if)', 'a=$(if)', 'echo ((a))', 'echo @(a)', 'echo !(a)', 'echo a=(b)', 'echo x+=(1)', 'echo a[1]=(x)',
  'builtin declare x=(1)', 'command declare x=(1)', 'a=1 <x b=(1)', 'a=(x) () { :; }', 'a=(x;y)', 'a=(x|y)', 'a=( [a b=1 )', 'a=1 if true; then :; fi',
  'f() echo hi', 'function f', 'function', 'function f echo', 'echo a &;', 'echo a & ;', 'echo a;;', 'echo a;; echo b', '; echo', 'echo a &&',
  'if true; then fi', '{ }', '{ ; }', '()', 'while true; do done', 'while :; { :; }', '{echo a;}', 'echo a (b)', 'for x in a b do :; done', 'in', ']]',
  '! &&', 'echo a | | b', 'echo a | ! b', 'cat <<', 'echo >', 'echo >&', 'echo > 2>x', 'echo >& {a}>x', 'f\\\ni true', 'echo ${', 'echo ${x', 'echo $(',
  'echo "a', "echo 'a", 'echo `a', 'echo ${x:-"a}', 'echo "${x:-"a}"', 'echo "${x:-\'a}"', "echo ${x:-'a}", 'echo ${x "}', "echo ${x '}",
  'echo ${x $(})}', 'echo "${N<(x}"', 'echo ${N<(x}', 'echo ${$(x}', 'echo $((1+2)', '((1+2)', 'echo $((1 + (2))', 'echo $(( ( ))',
  'echo $(( a $[ ) b', 'echo $( a $[ b )', 'echo $[ a $( b ]', 'echo $(echo a) )', 'cat $(\n<<E\nfoo)', 'i[d', 'x=1 i[d', '> x i[d', 'x[ $[ ]',
  '<&-x[ y', 'case x in a) ;; b)', 'case x in a b) ;; esac', 'case x in a|) ;; esac', 'case x in a) echo)', 'case x in ((a)) ;; esac', '[[ a',
  '[[ a ]] ]]', '[[ a == b ]] x', '[[ a b ]]', '[[ -f ]]', '[[ a ) ]]', '[[ a == (b) ]]', '[[ a == b|c ]]', '[[ a =~ b c ]]', '[[ a -eq ]]',
  '[[\na\n]]', '[[ a\n== a ]]', '[[ && a ]]', '[[ ( ) ]]', '[[ a; ]]', '[[ -zz a ]]', '[[ a =~ ( ]]', '[[ (a)b ]]', '[[ -d ( ]]', '[[ a = ]]',
];

function input(text: string): OracleInput {
  return { hash: createHash('sha256').update(text).digest('hex'), text };
}

interface Tally {
  checked: number;
  agree: number;
  disagreements: string[];
  bashRejects: number;
  bashOnly: number;
}

async function compare(scripts: readonly OracleInput[], describeScript: (s: OracleInput) => string, withDash = false): Promise<Tally> {
  const verdicts = await oracle(scripts, withDash);
  const tally: Tally = { checked: 0, agree: 0, disagreements: [], bashRejects: 0, bashOnly: 0 };
  for (const s of scripts) {
    const verdict = verdicts.get(s.hash);
    if (!verdict) continue;
    tally.checked++;
    if (!verdict.bash) tally.bashRejects++;
    if (verdict.bash && verdict.dash === false) tally.bashOnly++;
    const ours = parseShell(s.text).errors.length === 0;
    if (ours === verdict.bash || KNOWN_DIFFERENCES[s.text] !== undefined) tally.agree++;
    else tally.disagreements.push(`${describeScript(s)}: bash ${verdict.bash ? 'accepts' : 'rejects'}, we ${ours ? 'accept' : 'reject'}: ${JSON.stringify(s.text.slice(0, 300))}`);
  }
  return tally;
}

describe('agreement with bash -n', () => {
  const corpus: CorpusScript[] = corpusScripts();

  it('on every RUN script of the corpus', async (t) => {
    const tally = await compare(
      corpus,
      (s) => {
        const c = s as CorpusScript;
        return `${c.file}:${c.line} (${c.hash.slice(0, 12)})`;
      },
      true,
    );
    const summary = `corpus RUN scripts: ${corpus.length} distinct (${corpus.reduce((n, s) => n + s.count, 0)} RUNs), checked ${tally.checked}, agree ${tally.agree}, disagree ${tally.disagreements.length}; bash rejects ${tally.bashRejects}; bash-only (dash -n rejects) ${tally.bashOnly}`;
    t.diagnostic(summary);
    console.log(summary);
    assert.equal(tally.checked, corpus.length, 'every script has a verdict');
    assert.deepEqual(tally.disagreements, []);
  });

  it('on tricky constructs (and bash agrees with the table)', async (t) => {
    const table = [...ACCEPTED.map((s) => [s, true] as const), ...REJECTED.map((s) => [s, false] as const), ...Object.keys(KNOWN_DIFFERENCES).map((s) => [s, false] as const)];
    const verdicts = await oracle(table.map(([s]) => input(s)));
    const wrongTable: string[] = [];
    const wrongParser: string[] = [];
    for (const [s, accepted] of table) {
      const known = KNOWN_DIFFERENCES[s] !== undefined;
      if (verdicts.get(input(s).hash)?.bash !== (known ? true : accepted)) wrongTable.push(s);
      if ((parseShell(s).errors.length === 0) !== accepted) wrongParser.push(s);
    }
    t.diagnostic(`tricky constructs: ${table.length} (${ACCEPTED.length} accepted, ${REJECTED.length} rejected, ${Object.keys(KNOWN_DIFFERENCES).length} known differences)`);
    assert.deepEqual(wrongTable, [], 'bash verdicts differ from the table');
    assert.deepEqual(wrongParser, []);
  });

  it('on seeded mutations of corpus scripts and on token soups', async (t) => {
    const rnd = random(20261123);
    const sources = corpus.filter((s) => s.text.length < 1500);
    const scripts: OracleInput[] = [];
    for (let i = 0; i < 600; i++) scripts.push(input(mutate((sources[Math.floor(rnd() * sources.length)] as CorpusScript).text, rnd, 1 + Math.floor(rnd() * 6))));
    for (let i = 0; i < 600; i++) scripts.push(input(soup(rnd)));
    const tally = await compare(scripts, (s) => s.hash.slice(0, 12));
    t.diagnostic(`mutations: checked ${tally.checked}, agree ${tally.agree}, disagree ${tally.disagreements.length}; bash rejects ${tally.bashRejects}`);
    assert.deepEqual(tally.disagreements, []);
  });
});
