import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createEnvLookup, hasExpansion, normalizeEnvName, processWord, processWords, type EnvLookup, type ExpandOptions } from '../../src/model/expand.js';
import { readJsonl, readShared } from '../helpers/shared.js';

const DIR = ['conformance', 'buildkit-shell'] as const;

/** Go's strings.TrimSpace / TrimLeft(" ") as the harnesses use them. */
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;
const trimSpace = (s: string): string => s.replace(GO_SPACE, '');
const trimLeftSpaces = (s: string): string => s.replace(/^ +/, '');

/**
 * Cases we knowingly do not match: `source` -> reason. Empty: every case passes. (Windows-only
 * `W` lines are run separately below with case-insensitive names.)
 */
const KNOWN_DIFFERENCES: ReadonlyMap<string, string> = new Map();

describe('BuildKit envVarTest (TestShellParser4EnvVars, ProcessWord)', () => {
  const env = createEnvLookup(['PWD=/home', 'SHELL=bash', 'KOREAN=한국어', 'NULL=']);
  const lines = readShared(...DIR, 'envVarTest').split('\n');
  const cases: { line: number; platform: string; source: string; expected: string }[] = [];
  lines.forEach((raw, i) => {
    const line = trimSpace(raw);
    if (line === '' || line.startsWith('#')) return;
    const parts = raw.split('|');
    assert.equal(parts.length, 3, `line ${i + 1} has 3 fields`);
    cases.push({ line: i + 1, platform: trimSpace(parts[0] ?? ''), source: trimSpace(parts[1] ?? ''), expected: trimSpace(parts[2] ?? '') });
  });

  const unix = cases.filter((c) => c.platform === 'A' || c.platform === 'U');
  it('reads every case of the file (A and U platforms)', () => {
    assert.equal(cases.length, 230);
    assert.equal(unix.length, 228);
  });
  for (const c of unix) {
    const skip = KNOWN_DIFFERENCES.get(c.source);
    it(`line ${c.line}: ${c.source} -> ${c.expected === '' ? '(empty)' : c.expected}`, { skip: skip ?? false }, () => {
      const r = processWord(c.source, env);
      if (c.expected === 'error') {
        assert.equal(r.ok, false, `expected an error, got ${JSON.stringify(r)}`);
      } else {
        assert.ok(r.ok, `unexpected error ${JSON.stringify(r)}`);
        assert.equal(r.value, c.expected);
      }
    });
  }

  // Not required (BuildKit runs these on Windows only), but our Windows mode should agree too.
  const windowsEnv = createEnvLookup(['PWD=/home', 'SHELL=bash', 'KOREAN=한국어', 'NULL='], { caseInsensitive: true });
  const windows = cases.filter((c) => c.platform === 'A' || c.platform === 'W');
  it(`windows mode (case-insensitive names): all ${windows.length} A+W cases`, () => {
    for (const c of windows) {
      const r = processWord(c.source, windowsEnv, { caseInsensitiveNames: true });
      if (c.expected === 'error') assert.equal(r.ok, false, `line ${c.line}`);
      else assert.deepEqual(r.ok ? r.value : r.error, c.expected, `line ${c.line}: ${c.source}`);
    }
  });
});

describe('BuildKit wordsTest (TestShellParser4Words, ProcessWords)', () => {
  const envList: string[] = [];
  const cases: { line: number; input: string; expected: string[] | 'error'; env: EnvLookup }[] = [];
  readShared(...DIR, 'wordsTest')
    .split('\n')
    .forEach((raw, i) => {
      if (raw.startsWith('#') || trimSpace(raw) === '') return;
      if (raw.startsWith('ENV ')) {
        envList.push(trimLeftSpaces(raw.slice(4)));
        return;
      }
      const bar = raw.indexOf('|');
      assert.ok(bar > 0, `line ${i + 1} has a '|'`);
      const expected = trimLeftSpaces(raw.slice(bar + 1));
      cases.push({
        line: i + 1,
        input: trimSpace(raw.slice(0, bar)),
        expected: expected === 'error' ? 'error' : expected.split(','),
        env: createEnvLookup([...envList]),
      });
    });

  it('reads every case of the file', () => assert.equal(cases.length, 24));
  it('keeps the trailing spaces the file depends on', () => {
    assert.deepEqual(cases.find((c) => c.input === 'hel"lo${trailing}"')?.expected, ['helloab c   ']);
  });
  for (const c of cases) {
    it(`line ${c.line}: ${c.input} -> ${JSON.stringify(c.expected)}`, () => {
      const r = processWords(c.input, c.env);
      if (c.expected === 'error') {
        assert.equal(r.ok, false, `expected an error, got ${JSON.stringify(r)}`);
      } else {
        assert.ok(r.ok, `unexpected error ${JSON.stringify(r)}`);
        assert.deepEqual(r.words, c.expected);
      }
    });
  }
});

interface MatchCase {
  readonly input: string;
  readonly env: Record<string, string>;
  readonly error?: true;
  readonly expected?: string;
  readonly matched?: string[];
  readonly unmatched?: string[];
}

describe('BuildKit TestProcessWithMatches (ProcessWordWithMatches)', () => {
  const cases = readJsonl<MatchCase>(...DIR, 'process_with_matches.jsonl');
  it('reads every case of the file', () => assert.equal(cases.length, 47));
  cases.forEach((c, i) => {
    it(`#${i + 1}: ${c.input} ${JSON.stringify(c.env)}`, () => {
      const r = processWord(c.input, createEnvLookup(c.env));
      if (c.error) {
        assert.equal(r.ok, false, `expected an error, got ${JSON.stringify(r)}`);
        return;
      }
      assert.ok(r.ok, `unexpected error ${JSON.stringify(r)}`);
      assert.equal(r.value, c.expected);
      assert.deepEqual([...r.matched].sort(), c.matched);
      assert.deepEqual([...r.unmatched].sort(), c.unmatched);
    });
  });
});

/** Exact results and messages beyond the upstream files (messages checked against lex.go). */
describe('expand: messages, offsets and edge cases', () => {
  const env = createEnvLookup({ PWD: '/home', EMPTY: '', V: 'a b  c', P: '/a/b/c.tar.gz', S: 'x\ny', K: '한국어😀z' });
  const value = (w: string, o?: ExpandOptions): string => {
    const r = processWord(w, env, o);
    assert.ok(r.ok, `${w}: ${JSON.stringify(r)}`);
    return r.value;
  };
  const error = (w: string, o?: ExpandOptions): { message: string; offset: number } => {
    const r = processWord(w, env, o);
    assert.equal(r.ok, false, `${w}: expected an error, got ${JSON.stringify(r)}`);
    return r.ok ? { message: '', offset: -1 } : { ...r.error };
  };

  it('reports BuildKit error messages with the offset of the construct', () => {
    assert.deepEqual(error('ab${'), { message: "syntax error: missing '}'", offset: 2 });
    assert.deepEqual(error('ab${}'), { message: 'syntax error: bad substitution', offset: 2 });
    assert.deepEqual(error('${{a}'), { message: 'syntax error: bad substitution', offset: 0 });
    assert.deepEqual(error('x ${:-a}'), { message: 'syntax error: bad substitution', offset: 2 });
    assert.deepEqual(error('${a:=b}'), { message: 'unsupported modifier (:=) in substitution', offset: 0 });
    assert.deepEqual(error('${a=b}'), { message: 'unsupported modifier (=) in substitution', offset: 0 });
    assert.deepEqual(error('${a:#b}'), { message: 'unsupported modifier (:#) in substitution', offset: 0 });
    assert.deepEqual(error('${a:%%b}'), { message: 'unsupported modifier (:%) in substitution', offset: 0 });
    assert.deepEqual(error('${a:1}'), { message: 'unsupported modifier (:1) in substitution', offset: 0 });
    assert.deepEqual(error('${a^^}'), { message: 'unsupported modifier (^) in substitution', offset: 0 });
    assert.deepEqual(error('${#a}'), { message: 'unsupported modifier (a) in substitution', offset: 0 });
    assert.deepEqual(error('${.}'), { message: 'unsupported modifier (.) in substitution', offset: 0 });
    // `${name` at the end: Go reads EOF as the modifier and prints it as U+FFFD.
    assert.deepEqual(error('x${PWD'), { message: 'unsupported modifier (\uFFFD) in substitution', offset: 1 });
    assert.deepEqual(error('${a:'), { message: "syntax error: missing '}'", offset: 0 });
    assert.deepEqual(error("a'bc"), { message: 'unexpected end of statement while looking for matching single-quote', offset: 1 });
    assert.deepEqual(error('ab"c'), { message: 'unexpected end of statement while looking for matching double-quote', offset: 2 });
    assert.deepEqual(error('${X?}'), { message: 'X: is not allowed to be unset', offset: 0 });
    assert.deepEqual(error('${EMPTY:?}'), { message: 'EMPTY: is not allowed to be empty', offset: 0 });
    assert.deepEqual(error('${X:?set X first}'), { message: 'X: set X first', offset: 0 });
    assert.deepEqual(error('${a/x}'), { message: "syntax error: missing '/' in ${}", offset: 0 });
    assert.deepEqual(error('${a/x/y'), { message: "syntax error: missing '}'", offset: 0 });
    assert.deepEqual(error('${PWD#\\a}'), { message: "invalid pattern (\\a) in substitution: invalid escape '\\a'", offset: 0 });
    // `%` reverses the pattern first, and the message names the reversed pattern.
    assert.deepEqual(error('${PWD%xy\\a}'), { message: "invalid pattern (\\ayx) in substitution: invalid escape '\\a'", offset: 0 });
    // A pattern ending in a lone backslash (only possible through a variable).
    const bs = processWord('${PWD#$B}', createEnvLookup({ PWD: 'x', B: '\\' }));
    assert.deepEqual(bs, { ok: false, error: { message: "invalid pattern (\\) in substitution: invalid escape '\\\uFFFD'", offset: 0 } });
  });

  it('replaces an inner error at the end of input by the outer missing brace, as BuildKit does', () => {
    assert.deepEqual(error('${a:-${b:?}'), { message: "syntax error: missing '}'", offset: 0 });
    assert.deepEqual(error('${a:-"x}'), { message: "syntax error: missing '}'", offset: 0 });
    assert.deepEqual(error('${a:-${b:?}}'), { message: 'b: is not allowed to be unset', offset: 5 });
    assert.deepEqual(error('${a:-${}}'), { message: 'syntax error: bad substitution', offset: 5 });
  });

  it('evaluates unused words: lookups count and errors fail', () => {
    const r = processWord('${PWD:-${A}${B:+$C}}', env);
    assert.deepEqual(r, { ok: true, value: '/home', matched: ['PWD'], unmatched: ['A', 'C', 'B'] }); // a word is read before its variable is looked up
    assert.equal(error('${PWD:-${X:?}}').message, 'X: is not allowed to be unset');
    // No lookup at all for escaped or single-quoted references.
    assert.deepEqual(processWord("\\$A '$B' \"\\$C\"", env), { ok: true, value: "$A $B $C", matched: [], unmatched: [] });
    // Matched/unmatched are in order of first lookup, without duplicates.
    const m = processWord('$Z $PWD $Y $Z $PWD', env);
    assert.ok(m.ok);
    assert.deepEqual([m.matched, m.unmatched], [['PWD'], ['Z', 'Y']]);
  });

  it('trims prefixes and suffixes with shortest/longest globs', () => {
    assert.equal(value('${P#*/}'), 'a/b/c.tar.gz');
    assert.equal(value('${P##*/}'), 'c.tar.gz');
    assert.equal(value('${P%.*}'), '/a/b/c.tar');
    assert.equal(value('${P%%.*}'), '/a/b/c');
    assert.equal(value('${P%/*}'), '/a/b');
    assert.equal(value('${P#/?/}'), 'b/c.tar.gz');
    assert.equal(value('${P#nomatch}'), '/a/b/c.tar.gz');
    assert.equal(value('${X#*}'), '');
    // Quotes inside a pattern are removed; `"\x"` keeps its backslash twice under raw escapes (BuildKit quirk).
    assert.equal(value('${P#"/a"}'), '/b/c.tar.gz');
    // `*` and `?` do not cross a newline (Go's `.`).
    assert.equal(value('${S#*y}'), 'x\ny');
    assert.equal(value('${S#x?y}'), 'x\ny');
    assert.equal(value('${S#x\ny}'), '');
    // Code points, not UTF-16 units.
    assert.equal(value('${K#???}'), '😀z');
    assert.equal(value('${K#????}'), 'z');
    assert.equal(value('${K%?}'), '한국어😀');
    assert.equal(value('${K%??}'), '한국어');
    assert.equal(value('${K%%*어}'), '한국어😀z');
    assert.equal(value('${K%😀*}'), '한국어');
    // `##` is recognised after expansion of the word (BuildKit quirk).
    assert.deepEqual(processWord('${P#$H}', createEnvLookup({ P: 'aXbXc', H: '#*X' })), { ok: true, value: 'c', matched: ['H', 'P'], unmatched: [] });
  });

  it('replaces with Go regexp semantics', () => {
    const e = createEnvLookup({ V: 'aaa', P: '/a/b', R: '<$0>', N: '$1', D: '$$', E: '' });
    const v = (w: string): string => {
      const r = processWord(w, e);
      assert.ok(r.ok, JSON.stringify(r));
      return r.value;
    };
    assert.equal(v('${V/a/b}'), 'baa');
    assert.equal(v('${V//a/b}'), 'bbb');
    assert.equal(v('${V//*/x}'), 'x');
    // An empty pattern matches at every position, but not right after a match (Go's ReplaceAll).
    assert.equal(v('${V//$E/-}'), '-a-a-a-');
    assert.equal(v('${V/$E/-}'), '-aaa');
    assert.equal(v('${V//?/<&>}'), '<&><&><&>');
    // Group references in the replace-all template: $0 is the match, others are empty, $$ is $.
    assert.equal(v('${V//a/$R}'), '<a><a><a>');
    assert.equal(v('${V//a/$N}'), '');
    assert.equal(v('${V//a/$D}'), '$$$');
    assert.equal(v("${V//a/'${0}x'}"), 'axaxax');
    assert.equal(v("${V//a/'$0x'}"), '');
    assert.equal(v("${V//a/'$ '}"), '$ $ $ ');
    // Replace-first splices the replacement in literally.
    assert.equal(v('${V/a/$R}'), '<$0>aa');
    assert.equal(v('${P//\\//-}'), '-a-b');
    assert.equal(v('${P/\\/a/}'), '/b');
    assert.equal(v('${P//[ab]/x}'), '/a/b');
  });

  it('handles names: digits, special parameters, unicode letters', () => {
    const e = createEnvLookup({ 'é': 'E', a1: 'A1', _x: 'X', '1': 'one' });
    const v = (w: string): string => {
      const r = processWord(w, e);
      assert.ok(r.ok, JSON.stringify(r));
      return r.value;
    };
    assert.equal(v('$é.'), 'E.');
    assert.equal(v('$a1b'), '');
    assert.equal(v('${a1}b'), 'A1b');
    assert.equal(v('$_x-'), 'X-');
    assert.equal(v('$1a'), 'onea');
    assert.equal(v('$@x$#x$?x$-x$$x$!x$0x'), 'xxxxxxx');
    assert.equal(v('$'), '$');
    assert.equal(v('a$ b'), 'a$ b');
    assert.equal(v('}}'), '}}');
  });

  it('keeps quotes and escapes with rawQuotes / rawEscapes', () => {
    assert.equal(value(`'a'"b"`, { rawQuotes: true }), `'a'"b"`);
    assert.equal(value(`"$PWD"`, { rawQuotes: true }), `"/home"`);
    assert.equal(value('a\\ b\\$PWD', { rawEscapes: true }), 'a\\ b\\$PWD');
    assert.equal(value('"a\\"b\\t"', { rawEscapes: true }), 'a\\"b\\\\t');
    assert.equal(value('x\\', { rawEscapes: true }), 'x\\');
  });

  it('leaves unset variables as written with skipUnsetEnv', () => {
    const o = { skipUnsetEnv: true } as const;
    assert.equal(value('$X ${X} $PWD', o), '$X ${X} /home');
    assert.equal(value('${X:-d} ${X+"a b"} ${X#p}', o), '${X:-d} ${X+a b} ${X#p}');
    assert.equal(value('${X//a/b}', o), '${X/a/b}');
    assert.equal(value('${X:=b}', o), '${X:=b}');
    assert.equal(error('${PWD:=b}', o).message, 'unsupported modifier (:=) in substitution');
  });

  it('supports the backtick escape token', () => {
    const o = { escape: '`' } as const;
    assert.equal(value('C:\\path`$PWD', o), 'C:\\path$PWD');
    assert.equal(value('"a`"b"', o), 'a"b');
    assert.equal(value('"a\\b"', o), 'a\\b');
    assert.equal(value('a`', o), 'a');
    assert.equal(value('\\$PWD', o), '\\/home');
    assert.equal(hasExpansion('C:\\x', '`'), false);
    assert.equal(hasExpansion('a`b', '`'), true);
  });

  it('splits words only where BuildKit does', () => {
    const w = (s: string): readonly string[] => {
      const r = processWords(s, env);
      assert.ok(r.ok, JSON.stringify(r));
      return r.words;
    };
    assert.deepEqual(w('80 443/tcp'), ['80', '443/tcp']);
    assert.deepEqual(w(' $V '), ['a', 'b', 'c']);
    assert.deepEqual(w('"$V"'), ['a b  c']);
    assert.deepEqual(w('x${X:-"1 2"}'), ['x1', '2']);
    assert.deepEqual(w('a\\ b'), ['a b']);
    assert.deepEqual(w('"" \'\' $EMPTY'), []);
    assert.deepEqual(w('a\u00a0b\u3000c'), ['a', 'b', 'c']);
    assert.deepEqual(processWords('a\u00a0b', env), { ok: true, words: ['a', 'b'], matched: [], unmatched: [] });
    assert.equal(processWords('"a', env).ok, false);
  });

  it('fast path: words without $, quotes or escape need no processing', () => {
    assert.equal(hasExpansion('/usr/local/bin'), false);
    assert.equal(hasExpansion('$X'), true);
    assert.equal(hasExpansion("it's"), true);
    assert.equal(hasExpansion('a\\b'), true);
    assert.equal(hasExpansion('\uFEFFx'), true);
    assert.equal(value('\uFEFFx'), 'x');
    const r = processWord('/usr/local/bin', () => assert.fail('no lookup'));
    assert.deepEqual(r, { ok: true, value: '/usr/local/bin', matched: [], unmatched: [] });
  });

  it('never throws', () => {
    const boom: EnvLookup = () => {
      throw new Error('lookup failed');
    };
    assert.deepEqual(processWord('a$X', boom), { ok: false, error: { message: 'lookup failed', offset: 3 } });
    const deep = '${a:-'.repeat(5000) + '}'.repeat(5000);
    const r = processWord(deep, env);
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.error.message, /nested more than/);
    const ok = processWord('${a:-'.repeat(400) + 'x' + '}'.repeat(400), env);
    assert.deepEqual(ok.ok && ok.value, 'x');
  });

  it('stays polynomial on patterns that make backtrackers explode', () => {
    const e = createEnvLookup({ V: 'a'.repeat(20000), P: '*a'.repeat(50) + 'b', Q: '?*'.repeat(50) + 'b' });
    const t = performance.now();
    for (const w of ['${V#$P}', '${V##$P}', '${V%$P}', '${V%%$Q}', '${V/$P/x}', '${V//$Q/x}']) {
      assert.deepEqual(processWord(w, e), { ok: true, value: 'a'.repeat(20000), matched: ['V', 'P', 'Q'].filter((n) => w.includes(n)).sort((a, b) => w.indexOf(a) - w.indexOf(b)).reverse(), unmatched: [] }, w);
    }
    assert.ok(performance.now() - t < 2000, `took ${performance.now() - t} ms`);
  });

  it('builds lookups from maps, records, pairs and KEY=value lists', () => {
    assert.equal(createEnvLookup(new Map([['A', '1']]))('A'), '1');
    assert.equal(createEnvLookup({ A: '1' })('constructor'), undefined);
    assert.equal(createEnvLookup([['A', '1'] as const, ['A', '2'] as const])('A'), '2');
    const l = createEnvLookup(['A=1=2', 'B', 'Path=/bin'], { caseInsensitive: true });
    assert.deepEqual([l('A'), l('B'), l('PATH'), l('path')], ['1=2', '', '/bin', '/bin']);
    assert.equal(normalizeEnvName('straße_x'), 'STRAßE_X');
    const r = processWord('$path ${Path}', l, { caseInsensitiveNames: true });
    assert.deepEqual(r, { ok: true, value: '/bin /bin', matched: ['path', 'Path'], unmatched: [] });
  });
});

/**
 * The glob matcher against JavaScript's RegExp built the way BuildKit builds its Go regexp
 * (`*` -> `[^\n]*` or `[^\n]*?`, `?` -> `[^\n]`): both engines are leftmost-first with the same
 * priorities, so on random patterns and values they must find the same matches.
 */
describe('expand: glob matcher agrees with a leftmost-first regexp engine', () => {
  let seed = 0x2545f491;
  const rand = (n: number): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  const pick = (alphabet: readonly string[], max: number): string => {
    let s = '';
    for (let i = rand(max + 1); i > 0; i--) s += alphabet[rand(alphabet.length)];
    return s;
  };
  const toRegExp = (pattern: string, greedy: boolean, anchored: boolean): RegExp => {
    let src = anchored ? '^' : '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i] ?? '';
      if (c === '*') src += greedy ? '[^\\n]*' : '[^\\n]*?';
      else if (c === '?') src += '[^\\n]';
      else if (c === '\\') src += '\\' + (pattern[++i] ?? '');
      else src += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
    return new RegExp(src, 'u');
  };
  /** Go's ReplaceAllString loop over a JS regexp (no `$` in the replacement here). */
  const goReplaceAll = (re: RegExp, s: string, repl: string): string => {
    const sticky = new RegExp(re.source, 'gu');
    let out = '';
    let last = 0;
    let pos = 0;
    while (pos <= s.length) {
      sticky.lastIndex = pos;
      const m = sticky.exec(s);
      if (!m) break;
      const a0 = m.index;
      const a1 = a0 + m[0].length;
      out += s.slice(last, a0);
      if (a1 > last || a0 === 0) out += repl;
      last = a1;
      const w = pos < s.length ? (s.codePointAt(pos) ?? 0) > 0xffff ? 2 : 1 : 0;
      if (pos + w > a1) pos += w;
      else if (pos + 1 > a1) pos++;
      else pos = a1;
    }
    return out + s.slice(last);
  };

  it('on 3000 random patterns and values', () => {
    const patAlphabet = ['a', 'b', '*', '?', '\\*', '\\?', '\n', '😀', '.', '('];
    const valAlphabet = ['a', 'b', '*', '?', '\n', '😀', '.', '('];
    for (let n = 0; n < 3000; n++) {
      const pattern = pick(patAlphabet, 6);
      const val = pick(valAlphabet, 10);
      const env = createEnvLookup({ V: val, P: pattern });
      for (const greedy of [false, true]) {
        const re = toRegExp(pattern, greedy, true);
        const m = re.exec(val);
        const want = m ? val.slice(m[0].length) : val;
        const r = processWord(greedy ? '${V##$P}' : '${V#$P}', env);
        assert.ok(r.ok);
        assert.equal(r.value, want, `${JSON.stringify(val)} #${greedy ? '#' : ''} ${JSON.stringify(pattern)}`);
      }
      const re = toRegExp(pattern, true, false);
      const first = re.exec(val);
      const wantFirst = first ? val.slice(0, first.index) + '<>' + val.slice(first.index + first[0].length) : val;
      const r1 = processWord('${V/$P/<>}', env);
      assert.ok(r1.ok);
      assert.equal(r1.value, wantFirst, `${JSON.stringify(val)} / ${JSON.stringify(pattern)}`);
      const r2 = processWord('${V//$P/<>}', env);
      assert.ok(r2.ok);
      assert.equal(r2.value, goReplaceAll(re, val, '<>'), `${JSON.stringify(val)} // ${JSON.stringify(pattern)}`);
    }
  });
});
