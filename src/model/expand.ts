/**
 * BuildKit's variable substitution (`frontend/dockerfile/shell/lex.go`): quote removal, escapes,
 * `$name`, `${name}` and every `${name<modifier>word}` form, with the same results, the same
 * errors and the same record of which variables were looked up (`ProcessWordWithMatches`).
 *
 * Written from the behaviour described in shared/research/buildkit.md §5 and BuildKit's tests; the
 * quirks are kept on purpose (each is noted where it happens), because a linter that disagrees
 * with the builder about a value is worse than no linter.
 *
 * Hot path: one linear scan over char codes that copies literal runs with `slice`; no regular
 * expressions, no exceptions for control flow (a failing step sets `error` and returns null).
 */
import type { EscapeChar } from '../parser/ast.js';
import { isAsciiDigit, isAsciiLetter, isGoSpace } from '../parser/chars.js';
import { compileGlob, globReplaceAll, globReplaceFirst, globTrimPrefix, reverseGlobPattern, reverseString } from './expand-glob.js';

/** Looks a variable up; `undefined` means unset (an empty string is set). */
export type EnvLookup = (name: string) => string | undefined;

export interface ExpandOptions {
  /** The escape token (`# escape=` directive); default `\`. */
  readonly escape?: EscapeChar;
  /** Keep the quote characters in the result (BuildKit's `RawQuotes`). */
  readonly rawQuotes?: boolean;
  /** Keep escape tokens in the result (BuildKit's `RawEscapes`). */
  readonly rawEscapes?: boolean;
  /** Leave `$X`, `${X}` and `${X<mod>word}` as text when X is unset (BuildKit's `SkipUnsetEnv`). */
  readonly skipUnsetEnv?: boolean;
  /**
   * Windows semantics: names compare case-insensitively. The lookup is then called with the name
   * upper-cased (BuildKit's `NormalizeEnvKey`), so it must be keyed by upper-cased names, as
   * {@link createEnvLookup} with `caseInsensitive` is. `matched`/`unmatched` keep the names as written.
   */
  readonly caseInsensitiveNames?: boolean;
}

export interface ExpandError {
  /** BuildKit's message (BuildKit prefixes it with `failed to process "<word>": `). */
  readonly message: string;
  /** UTF-16 offset in the word of the construct that failed: the `$` of a substitution or the opening quote. */
  readonly offset: number;
}

export interface ExpandFailure {
  readonly ok: false;
  readonly error: ExpandError;
}

export interface ExpandLookups {
  /** Names looked up and found, in order of first lookup (also those inside unused `${x:-word}` words). */
  readonly matched: readonly string[];
  /** Names looked up and not set, in order of first lookup. */
  readonly unmatched: readonly string[];
}

export interface WordExpansion extends ExpandLookups {
  readonly ok: true;
  readonly value: string;
}

export interface WordsExpansion extends ExpandLookups {
  readonly ok: true;
  readonly words: readonly string[];
}

export type WordResult = WordExpansion | ExpandFailure;
export type WordsResult = WordsExpansion | ExpandFailure;

const NONE: readonly string[] = Object.freeze([]);
const DEFAULTS: ExpandOptions = Object.freeze({});

const BACKSLASH = 92;
const BACKTICK = 96;
const DOLLAR = 36;
const SQUOTE = 39;
const DQUOTE = 34;
const LBRACE = 123;
const RBRACE = 125;
const COLON = 58;
const SLASH = 47;
const PLUS = 43;
const MINUS = 45;
const QUESTION = 63;
const HASH = 35;
const PERCENT = 37;
const UNDERSCORE = 95;
const BOM = 0xfeff;
const EOF = -1;

/** Go's `string(rune(-1))`, which is what BuildKit prints for "end of input" in a modifier. */
const REPLACEMENT_CHAR = '\uFFFD';
/** Guard against stack exhaustion on absurdly nested `${a:-${b:-${…}}}`; BuildKit has no limit. */
const MAX_NESTING = 500;

/**
 * Whether {@link processWord} could return anything but `word` itself: true when the word holds a
 * `$`, a quote or the escape token (or starts with a byte-order mark, which Go's scanner drops).
 * When false, `processWord(word)` is `word` with no lookups, and `processWords(word)` is the word
 * split on whitespace; most Dockerfile words are like that, so callers can skip the work.
 */
export function hasExpansion(word: string, escape: EscapeChar = '\\'): boolean {
  const esc = escape === '`' ? BACKTICK : BACKSLASH;
  const n = word.length;
  if (n > 0 && word.charCodeAt(0) === BOM) return true;
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    if (c === DOLLAR || c === SQUOTE || c === DQUOTE || c === esc) return true;
  }
  return false;
}

/** `ProcessWord`: expands one word (no splitting). Never throws. */
export function processWord(word: string, env: EnvLookup, options: ExpandOptions = DEFAULTS): WordResult {
  if (!hasExpansion(word, options.escape)) return { ok: true, value: word, matched: NONE, unmatched: NONE };
  const x = new Expander(word, env, options);
  const value = x.run(false);
  if (value === null) return x.failure();
  return { ok: true, value, matched: x.matchedNames(), unmatched: x.unmatchedNames() };
}

/**
 * `ProcessWords`: expands, then splits into words on whitespace that is neither quoted nor
 * escaped. Text produced by a `$` substitution is split too (even the quoted parts of a
 * `${x:-"a b"}` word, as in BuildKit); quoted text is not; empty words are dropped. Never throws.
 */
export function processWords(word: string, env: EnvLookup, options: ExpandOptions = DEFAULTS): WordsResult {
  if (!hasExpansion(word, options.escape)) return { ok: true, words: splitGoSpace(word), matched: NONE, unmatched: NONE };
  const x = new Expander(word, env, options);
  const value = x.run(true);
  if (value === null) return x.failure();
  return { ok: true, words: x.finishWords(), matched: x.matchedNames(), unmatched: x.unmatchedNames() };
}

export interface EnvLookupOptions {
  /** Windows: keys are stored upper-cased and looked up upper-cased (pair with `caseInsensitiveNames`). */
  readonly caseInsensitive?: boolean;
}

/**
 * A lookup over a map, a record, `[key, value]` pairs or Docker-style `KEY=value` strings (an
 * image config's `Env`; a string without `=` sets the key to the empty string). Later entries win.
 */
export function createEnvLookup(
  source: ReadonlyMap<string, string> | Readonly<Record<string, string>> | Iterable<string | readonly [string, string]>,
  options: EnvLookupOptions = {},
): EnvLookup {
  const fold = options.caseInsensitive === true;
  const map = new Map<string, string>();
  const put = (k: string, v: string): void => {
    map.set(fold ? normalizeEnvName(k) : k, v);
  };
  if (source instanceof Map) {
    for (const [k, v] of source as ReadonlyMap<string, string>) put(k, v);
  } else if (isIterable(source)) {
    for (const e of source) {
      if (typeof e === 'string') {
        const i = e.indexOf('=');
        if (i < 0) put(e, '');
        else put(e.slice(0, i), e.slice(i + 1));
      } else {
        put(e[0], e[1]);
      }
    }
  } else {
    for (const k of Object.keys(source)) {
      const v = source[k];
      if (v !== undefined) put(k, v);
    }
  }
  return fold ? (name) => map.get(normalizeEnvName(name)) : (name) => map.get(name);
}

function isIterable(x: object): x is Iterable<string | readonly [string, string]> {
  return typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
}

/**
 * Upper-cases a name the way Go's `strings.ToUpper` does (BuildKit's `NormalizeEnvKey` on
 * Windows): rune by rune with the simple mapping, so `ß` stays `ß` (JavaScript would give `SS`).
 */
export function normalizeEnvName(name: string): string {
  let ascii = true;
  for (let i = 0; i < name.length; i++) {
    if (name.charCodeAt(i) > 127) {
      ascii = false;
      break;
    }
  }
  if (ascii) return name.toUpperCase();
  let out = '';
  for (const ch of name) {
    const up = ch.toUpperCase();
    out += up.length === ch.length || [...up].length === 1 ? up : ch;
  }
  return out;
}

/** Splits on Go whitespace (`unicode.IsSpace`), dropping empty words. */
function splitGoSpace(s: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    if (isGoSpace(s.charCodeAt(i))) {
      if (start >= 0) {
        out.push(s.slice(start, i));
        start = -1;
      }
    } else if (start < 0) {
      start = i;
    }
  }
  if (start >= 0) out.push(s.slice(start));
  return out;
}

const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;

/** Go's `unicode.IsDigit` (category Nd). */
function isDigitCp(cp: number): boolean {
  if (cp < 128) return isAsciiDigit(cp);
  return DIGIT.test(String.fromCodePoint(cp));
}

/** Go's `unicode.IsLetter` (category L). */
function isLetterCp(cp: number): boolean {
  if (cp < 128) return isAsciiLetter(cp);
  return LETTER.test(String.fromCodePoint(cp));
}

function isSpecialParam(c: number): boolean {
  // @ * # ? - $ ! 0
  return c === 64 || c === 42 || c === HASH || c === QUESTION || c === MINUS || c === DOLLAR || c === 33 || c === 48;
}

/** One expansion: the scanner state, the lookups and the error (at most one). */
class Expander {
  private readonly src: string;
  private readonly len: number;
  private pos = 0;
  private readonly env: EnvLookup;
  private readonly esc: number;
  private readonly escStr: string;
  private readonly rawQuotes: boolean;
  private readonly rawEscapesTop: boolean;
  private readonly skipUnset: boolean;
  private readonly fold: boolean;
  private depth = 0;
  private error: ExpandError | null = null;
  private matched: Set<string> | null = null;
  private unmatched: Set<string> | null = null;
  // Word splitting (top level of processWords only).
  private words: string[] = [];
  private cur = '';

  constructor(src: string, env: EnvLookup, o: ExpandOptions) {
    this.src = src;
    this.len = src.length;
    this.env = env;
    this.escStr = o.escape === '`' ? '`' : '\\';
    this.esc = this.escStr.charCodeAt(0);
    this.rawQuotes = o.rawQuotes === true;
    this.rawEscapesTop = o.rawEscapes === true;
    this.skipUnset = o.skipUnsetEnv === true;
    this.fold = o.caseInsensitiveNames === true;
  }

  run(split: boolean): string | null {
    // Go's text/scanner skips a byte-order mark at the very start of its input.
    if (this.len > 0 && this.src.charCodeAt(0) === BOM) this.pos = 1;
    try {
      return this.stopOn(EOF, this.rawEscapesTop, split);
    } catch (e) {
      // Only a throwing lookup (or an engine limit) gets here; the contract is "never throws".
      this.error = { message: e instanceof Error ? e.message : String(e), offset: this.pos };
      return null;
    }
  }

  failure(): ExpandFailure {
    return { ok: false, error: this.error ?? { message: 'expansion failed', offset: 0 } };
  }

  matchedNames(): readonly string[] {
    return this.matched === null ? NONE : [...this.matched];
  }

  unmatchedNames(): readonly string[] {
    return this.unmatched === null ? NONE : [...this.unmatched];
  }

  finishWords(): string[] {
    if (this.cur !== '') {
      this.words.push(this.cur);
      this.cur = '';
    }
    return this.words;
  }

  private fail(message: string, offset: number): null {
    this.error = { message, offset };
    return null;
  }

  /** Text subject to splitting (unquoted literals and `$` results): whitespace ends a word. */
  private addSplit(s: string): void {
    let start = 0;
    const n = s.length;
    for (let i = 0; i < n; i++) {
      if (isGoSpace(s.charCodeAt(i))) {
        if (i > start) this.cur += s.slice(start, i);
        if (this.cur !== '') {
          this.words.push(this.cur);
          this.cur = '';
        }
        start = i + 1;
      }
    }
    if (start === 0) this.cur += s;
    else if (start < n) this.cur += s.slice(start);
  }

  private lookup(name: string): string | undefined {
    const v = this.env(this.fold ? normalizeEnvName(name) : name);
    if (v === undefined) (this.unmatched ??= new Set()).add(name);
    else (this.matched ??= new Set()).add(name);
    return v;
  }

  /** Reads one code point (Go's `scanner.Next`): EOF at the end, without advancing. */
  private next(): number {
    if (this.pos >= this.len) return EOF;
    const cp = this.src.codePointAt(this.pos) ?? EOF;
    this.pos += cp > 0xffff ? 2 : 1;
    return cp;
  }

  /**
   * BuildKit's `processStopOn`: processes up to `stop` (consumed) or the end of input. `raw`
   * keeps escape tokens (patterns and replacements are read that way); `split` feeds the words.
   */
  private stopOn(stop: number, raw: boolean, split: boolean): string | null {
    const src = this.src;
    const len = this.len;
    const esc = this.esc;
    let out = '';
    let pos = this.pos;
    let run = pos;
    while (pos < len) {
      const c = src.charCodeAt(pos);
      if (c === stop) {
        if (run < pos) out += src.slice(run, pos);
        this.pos = pos + 1;
        return out;
      }
      if (c !== DOLLAR && c !== SQUOTE && c !== DQUOTE && c !== esc) {
        pos++;
        continue;
      }
      if (run < pos) {
        const lit = src.slice(run, pos);
        out += lit;
        if (split) this.addSplit(lit);
      }
      this.pos = pos;
      if (c === DOLLAR) {
        const v = this.dollar();
        if (v === null) return null;
        out += v;
        if (split) this.addSplit(v);
      } else if (c === SQUOTE) {
        const v = this.singleQuote();
        if (v === null) return null;
        out += v;
        if (split) this.cur += v;
      } else if (c === DQUOTE) {
        const v = this.doubleQuote(raw);
        if (v === null) return null;
        out += v;
        if (split) this.cur += v;
      } else {
        // The escape token: the next character is literal (and never splits); at the end it is dropped.
        this.pos = pos + 1;
        if (raw) {
          out += this.escStr;
          if (split) this.cur += this.escStr;
        }
        if (this.pos >= len) {
          pos = run = this.pos;
          break;
        }
        const start = this.pos;
        this.next();
        const ch = src.slice(start, this.pos);
        out += ch;
        if (split) this.cur += ch;
      }
      pos = run = this.pos;
    }
    if (run < pos) {
      const lit = src.slice(run, pos);
      out += lit;
      if (split) this.addSplit(lit);
    }
    this.pos = pos;
    if (stop !== EOF) {
      // Never surfaces: every caller replaces it ("missing '}'", "missing '/' in ${}").
      return this.fail(`unexpected end of statement while looking for matching ${String.fromCharCode(stop)}`, pos);
    }
    return out;
  }

  /** `'…'`: everything literal up to the next `'` (which cannot be escaped). */
  private singleQuote(): string | null {
    const start = this.pos;
    const close = this.src.indexOf("'", start + 1);
    if (close < 0) {
      this.pos = this.len;
      return this.fail('unexpected end of statement while looking for matching single-quote', start);
    }
    this.pos = close + 1;
    return this.rawQuotes ? this.src.slice(start, close + 1) : this.src.slice(start + 1, close);
  }

  /** `"…"`: `$` expands; the escape token escapes only `"`, `$` and itself, otherwise it stays. */
  private doubleQuote(raw: boolean): string | null {
    const src = this.src;
    const len = this.len;
    const esc = this.esc;
    const start = this.pos;
    let out = this.rawQuotes ? '"' : '';
    let pos = start + 1;
    let run = pos;
    for (;;) {
      if (pos >= len) {
        this.pos = len;
        return this.fail('unexpected end of statement while looking for matching double-quote', start);
      }
      const c = src.charCodeAt(pos);
      if (c === DQUOTE) {
        if (run < pos) out += src.slice(run, pos);
        this.pos = pos + 1;
        return this.rawQuotes ? out + '"' : out;
      }
      if (c === DOLLAR) {
        if (run < pos) out += src.slice(run, pos);
        this.pos = pos;
        const v = this.dollar();
        if (v === null) return null;
        out += v;
        pos = run = this.pos;
      } else if (c === esc) {
        if (run < pos) out += src.slice(run, pos);
        pos++;
        if (raw) out += this.escStr;
        if (pos < len) {
          const n = src.charCodeAt(pos);
          if (n === DQUOTE || n === DOLLAR || n === esc) {
            out += src[pos];
            pos++;
          } else {
            // Kept as is; with raw escapes BuildKit writes it twice (`\t` -> `\\t`), kept for fidelity.
            out += this.escStr;
          }
        }
        run = pos;
      } else {
        pos++;
      }
    }
  }

  /** `processName`: a run of digits, one special parameter, or letters/digits/underscores. */
  private readName(): string {
    const src = this.src;
    const start = this.pos;
    if (start >= this.len) return '';
    const first = src.codePointAt(start) ?? EOF;
    if (isDigitCp(first)) {
      let cp = first;
      while (this.pos < this.len && isDigitCp(cp)) {
        this.pos += cp > 0xffff ? 2 : 1;
        cp = src.codePointAt(this.pos) ?? EOF;
      }
      return src.slice(start, this.pos);
    }
    if (isSpecialParam(first)) {
      this.pos++;
      return src[start] ?? '';
    }
    while (this.pos < this.len) {
      const c = src.charCodeAt(this.pos);
      if (c < 128) {
        if (isAsciiLetter(c) || isAsciiDigit(c) || c === UNDERSCORE) {
          this.pos++;
          continue;
        }
        break;
      }
      const cp = src.codePointAt(this.pos) ?? EOF;
      if (!isLetterCp(cp) && !isDigitCp(cp)) break;
      this.pos += cp > 0xffff ? 2 : 1;
    }
    return src.slice(start, this.pos);
  }

  private dollar(): string | null {
    if (this.depth >= MAX_NESTING) return this.fail(`substitutions nested more than ${MAX_NESTING} levels deep`, this.pos);
    this.depth++;
    const v = this.dollarInner();
    this.depth--;
    return v;
  }

  /** `processDollar`, entered on the `$`. */
  private dollarInner(): string | null {
    const src = this.src;
    const start = this.pos;
    this.pos++;
    if (this.pos >= this.len || src.charCodeAt(this.pos) !== LBRACE) {
      const name = this.readName();
      if (name === '') return '$';
      const v = this.lookup(name);
      if (v === undefined) return this.skipUnset ? '$' + name : '';
      return v;
    }
    this.pos++;
    if (this.pos >= this.len) return this.fail("syntax error: missing '}'", start);
    const c0 = src.charCodeAt(this.pos);
    if (c0 === LBRACE || c0 === RBRACE || c0 === COLON) return this.fail('syntax error: bad substitution', start);
    const name = this.readName();
    let modifier = this.next();
    let chs = modifier === EOF ? REPLACEMENT_CHAR : String.fromCodePoint(modifier);

    if (modifier === RBRACE) {
      const v = this.lookup(name);
      if (v === undefined) return this.skipUnset ? '${' + name + '}' : '';
      return v;
    }
    if (modifier === SLASH) return this.replace(name, start);

    let nullIsUnset = false;
    if (modifier === COLON) {
      nullIsUnset = true;
      modifier = this.next();
      chs += modifier === EOF ? REPLACEMENT_CHAR : String.fromCodePoint(modifier);
      // Any character may follow ':' here; unsupported ones fail only after the word is read.
    } else if (modifier !== PLUS && modifier !== MINUS && modifier !== QUESTION && modifier !== HASH && modifier !== PERCENT) {
      return this.fail(`unsupported modifier (${chs}) in substitution`, start);
    }

    const isTrim = modifier === HASH || modifier === PERCENT;
    if (nullIsUnset && isTrim) return this.fail(`unsupported modifier (${chs}) in substitution`, start);
    // The word is read (and its own variables looked up) whether or not it ends up used.
    const word = this.stopOn(RBRACE, isTrim, false);
    if (word === null) {
      if (this.pos >= this.len) this.error = { message: "syntax error: missing '}'", offset: start };
      return null;
    }
    const value = this.lookup(name);
    if (value === undefined && this.skipUnset) return '${' + name + chs + word + '}';

    switch (modifier) {
      case MINUS:
        return value === undefined || (nullIsUnset && value === '') ? word : value;
      case PLUS:
        return value === undefined || (nullIsUnset && value === '') ? '' : word;
      case QUESTION:
        if (value === undefined) return this.fail(`${name}: ${word === '' ? 'is not allowed to be unset' : word}`, start);
        if (nullIsUnset && value === '') return this.fail(`${name}: ${word === '' ? 'is not allowed to be empty' : word}`, start);
        return value;
      case HASH:
      case PERCENT:
        return this.trim(modifier, word, value ?? '', start);
      default:
        return this.fail(`unsupported modifier (${chs}) in substitution`, start);
    }
  }

  /** `${a#p}` `${a##p}` `${a%p}` `${a%%p}`. */
  private trim(modifier: number, word: string, value: string, start: number): string | null {
    // `##`/`%%` is recognised on the processed word, so `${a#$P}` with P='#x' is greedy (as in BuildKit).
    let pattern = word;
    const greedy = pattern.charCodeAt(0) === modifier;
    if (greedy) pattern = pattern.slice(1);
    if (modifier === HASH) {
      const glob = compileGlob(pattern);
      if (typeof glob === 'string') return this.fail(`invalid pattern (${pattern}) in substitution: ${glob}`, start);
      const end = globTrimPrefix(glob, value, greedy);
      return end < 0 ? value : value.slice(end);
    }
    // The shortest/longest suffix is found as a prefix of the reversed value (the error names the reversed pattern).
    const reversed = reverseGlobPattern(pattern);
    const glob = compileGlob(reversed);
    if (typeof glob === 'string') return this.fail(`invalid pattern (${reversed}) in substitution: ${glob}`, start);
    const rv = reverseString(value);
    const end = globTrimPrefix(glob, rv, greedy);
    return end < 0 ? value : reverseString(rv.slice(end));
  }

  /** `${a/p/r}` and `${a//p/r}`, entered after the first `/`. */
  private replace(name: string, start: number): string | null {
    let all = false;
    if (this.pos < this.len && this.src.charCodeAt(this.pos) === SLASH) {
      all = true;
      this.pos++;
    }
    const pattern = this.stopOn(SLASH, true, false);
    if (pattern === null) {
      // Note: BuildKit looks for the second '/' past the closing '}' (`${a/x}` fails here).
      if (this.pos >= this.len) this.error = { message: "syntax error: missing '/' in ${}", offset: start };
      return null;
    }
    const replacement = this.stopOn(RBRACE, true, false);
    if (replacement === null) {
      if (this.pos >= this.len) this.error = { message: "syntax error: missing '}'", offset: start };
      return null;
    }
    const value = this.lookup(name);
    // BuildKit prints a single '/' here even for '//'.
    if (value === undefined && this.skipUnset) return '${' + name + '/' + pattern + '/' + replacement + '}';
    const glob = compileGlob(pattern);
    if (typeof glob === 'string') return this.fail(`invalid pattern (${pattern}) in substitution: ${glob}`, start);
    // replace-all goes through Go's ReplaceAllString ($0/${n} are group references); replace-first
    // splices the replacement in literally.
    return all ? globReplaceAll(glob, value ?? '', replacement) : globReplaceFirst(glob, value ?? '', replacement);
  }
}
