/**
 * Everything inside a word that is not plain text: quotes, escapes, `$name` and `${…}` with
 * their operands, `$(…)`, backquotes, `$((…))`, `$[…]`, process substitutions, and the free
 * text of arithmetic, operands and here-document bodies. Nested command lists call back into
 * the parser. Where bash only matches brackets at parse time, so does this (see each method).
 */
import type {
  ArithmeticPart,
  CommandSubstitutionPart,
  DoubleQuotedPart,
  ParameterOperator,
  ParameterPart,
  ProcessSubstitutionPart,
  ShellWord,
  Span,
  Statement,
  WordPart,
} from './ast.js';
import { CHAR, DIGIT, DQ_SPECIAL, NAME, NAME_START, SPECIAL_PARAM, is } from './chars.js';
import { DerivedText } from './offsets.js';
import { Scanner, literal } from './scanner.js';
import { decodeAnsiC, makeWord } from './words.js';

// Free-text runs (arithmetic, `${…}` operands, here-document bodies).
export const RUN_HEREDOC = 0;
export const RUN_PAREN = 1;
export const RUN_PAREN_SEMI = 2;
export const RUN_BRACKET = 3;
export const RUN_BRACE = 4;
/** The `[…]` after a name in `${name[…]…}`: ends at `]`, and fails at a `}` (which would close the `${`). */
export const RUN_SUBSCRIPT = 5;
/** The `[…]` of `name[…]` at the start of a command word or of an array element. */
export const RUN_WORD_SUBSCRIPT = 6;


export abstract class Expansions extends Scanner {
  protected scanSingle(i: number): WordPart | null {
    const close = this.findQuote(i + 1);
    if (close < 0) {
      this.error("unterminated single-quoted string: missing \"'\"", i, this.end);
      return null;
    }
    this.pos = close + 1;
    return { type: 'single-quoted', span: this.span(i, close + 1), value: this.text.slice(i + 1, close) };
  }

  /** `"…"` at `i`. On a missing `"`, undoes its work and returns null so the quote reads as a character (recovery). */
  protected scanDouble(i: number): DoubleQuotedPart | null {
    const text = this.text;
    const end = this.end;
    const s = this.session;
    const mark = this.mark();
    const parts: WordPart[] = [];
    let j = i + 1;
    let litStart = j;
    let seg = j;
    let lit = '';
    for (;;) {
      if (j >= end) {
        if (s.canSpeculate) {
          this.restore(mark);
          s.rescanned += end - i;
          this.error('unterminated double-quoted string: missing \'"\'', i, end);
          return null;
        }
        this.error('unterminated double-quoted string: missing \'"\'', i, end);
        break;
      }
      const c = text.charCodeAt(j);
      if (c >= 128 || ((CHAR[c] as number) & DQ_SPECIAL) === 0) {
        j++;
        continue;
      }
      if (c === 34) break;
      if (c === 92) {
        const n = this.codeAt(j + 1);
        if (n === 36 || n === 96 || n === 34 || n === 92 || n === 10) {
          lit += text.slice(seg, j);
          if (n !== 10) lit += text.charAt(j + 1);
          j += 2;
          seg = j;
        } else j++;
        continue;
      }
      const part = c === 36 ? this.scanDollar(j, true) : this.scanBackquote(j, true);
      if (!part) {
        j++;
        continue;
      }
      if (j > litStart) parts.push(literal(this.span(litStart, j), lit + text.slice(seg, j)));
      lit = '';
      parts.push(part);
      j = this.pos;
      litStart = seg = j;
    }
    if (j > litStart) parts.push(literal(this.span(litStart, j), lit + text.slice(seg, j)));
    this.pos = j < end ? j + 1 : end;
    return { type: 'double-quoted', span: this.span(i, this.pos), parts };
  }

  /** A `$` construct at `i`, or null when the `$` is literal. */
  protected scanDollar(i: number, inDq: boolean): WordPart | null {
    const text = this.text;
    const n = this.codeAt(i + 1);
    if (n === 40) {
      if (this.codeAt(i + 2) === 40) return this.scanDollarDoubleParen(i);
      return this.scanCommandSubstitution(i);
    }
    if (n === 123) return this.scanBraceParameter(i);
    if (n === 91) return this.scanBracketArithmetic(i);
    if (n === 39 && !inDq) return this.scanAnsiC(i);
    if (n === 34 && !inDq) {
      const dq = this.scanDouble(i + 1);
      return dq ? { type: 'locale-quoted', span: this.span(i, this.pos), parts: dq.parts } : null;
    }
    if (n < 0 || n >= 128) return null;
    if (is(n, NAME_START)) {
      let j = i + 2;
      while (j < this.end && is(text.charCodeAt(j), NAME)) j++;
      this.pos = j;
      return parameter(this.span(i, j), text.slice(i + 1, j));
    }
    if (is(n, DIGIT) || is(n, SPECIAL_PARAM)) {
      this.pos = i + 2;
      return parameter(this.span(i, i + 2), text.charAt(i + 1));
    }
    return null;
  }

  private scanCommandSubstitution(i: number): CommandSubstitutionPart {
    this.pos = i + 2;
    const body = this.parseNested('command-substitution', i);
    return { type: 'command-substitution', span: this.span(i, this.pos), syntax: 'dollar', body };
  }

  protected scanProcessSubstitution(i: number): ProcessSubstitutionPart {
    this.pos = i + 2;
    const body = this.parseNested('process-substitution', i);
    return { type: 'process-substitution', span: this.span(i, this.pos), operator: this.text.charCodeAt(i) === 60 ? '<' : '>', body };
  }

  /**
   * `$((…))`, or else a command substitution starting with a subshell. Bash (5.2) only matches
   * the parentheses of the latter when it parses, so its body's syntax errors are warnings here.
   */
  private scanDollarDoubleParen(i: number): WordPart {
    const s = this.session;
    const mark = this.mark();
    this.pos = i + 3;
    const expression = this.scanRunWord(RUN_PAREN);
    let p = this.pos;
    if (p + 1 < this.end && this.text.charCodeAt(p) === 41 && this.text.charCodeAt(p + 1) === 41) {
      this.pos = p + 2;
      return { type: 'arithmetic', span: this.span(i, p + 2), expression } satisfies ArithmeticPart;
    }
    if (p < this.end) {
      // The first `)` closed the inner `(`; the substitution ends at the next one at this depth.
      this.pos = p + 1;
      this.scanRun(RUN_PAREN);
      p = this.pos;
    }
    if (p >= this.end) {
      this.error("unterminated '$((': missing ')'", i, this.end);
      return { type: 'arithmetic', span: this.span(i, this.end), expression };
    }
    let body: readonly Statement[] = [];
    if (s.canSpeculate) {
      // Errors found while matching (quotes, nested `$(…)`) are bash's too; the re-parse only adds warnings.
      const errors = s.errors.slice(mark.errors);
      this.restore(mark);
      for (const e of errors) s.errors.push(e);
      s.rescanned += p - i;
      body = this.parseEmbedded(this.text, i + 2, p, this.map);
    }
    this.pos = p + 1;
    return { type: 'command-substitution', span: this.span(i, p + 1), syntax: 'dollar', body };
  }

  private scanBracketArithmetic(i: number): ArithmeticPart {
    this.pos = i + 2;
    const expression = this.scanRunWord(RUN_BRACKET);
    if (this.codeAt(this.pos) === 93) this.pos++;
    else this.error("unterminated '$[': missing ']'", i, this.pos);
    return { type: 'arithmetic', span: this.span(i, this.pos), expression };
  }

  private scanAnsiC(i: number): WordPart | null {
    const text = this.text;
    let j = i + 2;
    while (j < this.end) {
      const c = text.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === 39) break;
      else j++;
    }
    if (j >= this.end) {
      this.error("unterminated $'…' string: missing \"'\"", i, this.end);
      return null;
    }
    this.pos = j + 1;
    return { type: 'ansi-c-quoted', span: this.span(i, j + 1), value: decodeAnsiC(text.slice(i + 2, j)) };
  }

  /** `${…}`: bash only matches the braces when it parses, so anything it cannot expand is a warning here. */
  private scanBraceParameter(i: number): ParameterPart | null {
    const text = this.text;
    const end = this.end;
    const s = this.session;
    const mark = this.mark();
    let j = i + 2;
    let prefix: '#' | '!' | null = null;
    let name = '';
    const c = this.codeAt(j);
    if (c === 35 || c === 33) {
      const n = this.codeAt(j + 1);
      if (n !== 125 && (is(n, NAME) || is(n, SPECIAL_PARAM))) {
        prefix = c === 35 ? '#' : '!';
        j++;
      } else {
        name = text.charAt(j);
        j++;
      }
    }
    if (name === '') {
      const d = this.codeAt(j);
      if (is(d, NAME_START)) {
        const k = j;
        j++;
        while (j < end && is(text.charCodeAt(j), NAME)) j++;
        name = text.slice(k, j);
      } else if (is(d, DIGIT)) {
        const k = j;
        while (j < end && is(text.charCodeAt(j), DIGIT)) j++;
        name = text.slice(k, j);
      } else if (is(d, SPECIAL_PARAM) && !(d === 36 && (this.codeAt(j + 1) === 40 || this.codeAt(j + 1) === 123))) {
        name = text.charAt(j);
        j++;
      }
    }
    let subscript: string | null = null;
    if (name !== '' && this.codeAt(j) === 91) {
      const before = this.mark();
      this.pos = j + 1;
      this.scanRun(RUN_SUBSCRIPT);
      if (this.codeAt(this.pos) === 93) {
        subscript = text.slice(j + 1, this.pos);
        j = this.pos + 1;
      } else {
        // Not a subscript after all: the text is read again as the operand.
        this.restore(before);
        s.rescanned += this.pos - j;
      }
    }
    let operator: ParameterOperator | null = null;
    let operand: ShellWord | null = null;
    const d = this.codeAt(j);
    if (d !== 125) {
      operator = name === '' ? 'invalid' : readOperator(text, j, end, prefix);
      j += operator === 'invalid' ? 0 : operator.length;
      this.pos = j;
      operand = operator === '*' ? null : this.scanRunWord(RUN_BRACE);
      j = this.pos;
      if (operator === 'invalid' && j < end) this.warn(`bad substitution: '${text.slice(i, j + 1)}'`, i, j + 1);
    }
    if (name === '' && operator === null) this.warn("bad substitution: '${}'", i, j + 1);
    if (this.codeAt(j) !== 125) {
      if (s.canSpeculate) {
        this.restore(mark);
        s.rescanned += end - i;
        this.error("unterminated '${': missing '}'", i, end);
        return null;
      }
      this.error("unterminated '${': missing '}'", i, end);
      this.pos = end;
      return { type: 'parameter', span: this.span(i, end), name, braced: true, prefix, subscript, operator, operand };
    }
    this.pos = j + 1;
    return { type: 'parameter', span: this.span(i, j + 1), name, braced: true, prefix, subscript, operator, operand };
  }

  /** `` `…` ``: bash finds the closing backquote now and parses the body when it runs, so body errors are warnings. */
  protected scanBackquote(i: number, inDq: boolean): CommandSubstitutionPart | null {
    const text = this.text;
    const end = this.end;
    let j = i + 1;
    let escaped = false;
    while (j < end) {
      const c = text.charCodeAt(j);
      if (c === 96) break;
      if (c === 92) {
        escaped = true;
        j += 2;
      } else j++;
    }
    if (j >= end) {
      this.error('unterminated backquote: missing \'`\'', i, end);
      if (this.session.canSpeculate) {
        this.session.rescanned += end - i;
        return null;
      }
      this.pos = end;
      return { type: 'command-substitution', span: this.span(i, end), syntax: 'backquote', body: [] };
    }
    let body: readonly Statement[];
    if (!escaped) {
      body = this.parseEmbedded(text, i + 1, j, this.map);
    } else {
      const b = new DerivedText();
      let k = i + 1;
      while (k < j) {
        const c = text.charCodeAt(k);
        if (c === 92 && k + 1 < j) {
          const n = text.charCodeAt(k + 1);
          if (n === 36 || n === 96 || n === 92 || (inDq && n === 34)) {
            b.appendEscaped(text.charAt(k + 1), k, k + 2);
            k += 2;
            continue;
          }
          if (n === 10) {
            k += 2;
            continue;
          }
        }
        b.append(text.charAt(k), k);
        k++;
      }
      body = this.parseEmbedded(b.text, 0, b.text.length, b.build(this.map, i + 1));
    }
    this.pos = j + 1;
    return { type: 'command-substitution', span: this.span(i, j + 1), syntax: 'backquote', body };
  }

  scanRunWord(mode: number): ShellWord {
    const start = this.pos;
    const parts = this.scanRun(mode);
    return makeWord(this.text.slice(start, this.pos), this.span(start, this.pos), parts);
  }

  /**
   * Free text up to a closing character at depth 0 (arithmetic, `${…}` operands) or to the end
   * (here-document bodies): blanks are literal; expansions, escapes and (except in here-documents)
   * quotes are parsed. Leaves `pos` on the closing character.
   */
  protected scanRun(mode: number): WordPart[] {
    const text = this.text;
    const end = this.end;
    const parts: WordPart[] = [];
    const brackets = mode === RUN_BRACKET || mode === RUN_SUBSCRIPT || mode === RUN_WORD_SUBSCRIPT;
    const close = brackets ? 93 : mode === RUN_BRACE ? 125 : mode === RUN_HEREDOC ? -2 : 41;
    // Bash closes `${` at the first unquoted `}`: a bare `{` does not nest.
    const open = brackets ? 91 : mode === RUN_BRACE || mode === RUN_HEREDOC ? -2 : 40;
    const processSubstitutions = mode === RUN_BRACE || mode === RUN_SUBSCRIPT || mode === RUN_WORD_SUBSCRIPT;
    const quotes = mode !== RUN_HEREDOC;
    let depth = 0;
    let i = this.pos;
    let litStart = i;
    let seg = i;
    let lit = '';
    if (!this.enter()) return parts;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c === close) {
        if (depth === 0) break;
        depth--;
        i++;
        continue;
      }
      if (c === open) {
        depth++;
        i++;
        continue;
      }
      if (c === 59 && mode === RUN_PAREN_SEMI && depth === 0) break;
      if (c === 125 && mode === RUN_SUBSCRIPT) break;
      if ((c === 60 || c === 62) && processSubstitutions && this.codeAt(i + 1) === 40) {
        if (i > litStart) parts.push(literal(this.span(litStart, i), lit + text.slice(seg, i)));
        lit = '';
        parts.push(this.scanProcessSubstitution(i));
        i = this.pos;
        litStart = seg = i;
        continue;
      }
      if (c === 92) {
        if (i + 1 >= end) {
          i++;
          continue;
        }
        const n = text.charCodeAt(i + 1);
        if (n === 10) {
          lit += text.slice(seg, i);
          i += 2;
          seg = i;
          continue;
        }
        if (!quotes && n !== 36 && n !== 96 && n !== 92) {
          i++;
          continue;
        }
        lit += text.slice(seg, i) + text.charAt(i + 1);
        i += 2;
        seg = i;
        continue;
      }
      if (c === 36 && (mode === RUN_PAREN || mode === RUN_PAREN_SEMI || mode === RUN_BRACKET) && !this.arithmeticDollar(i)) {
        i++;
        continue;
      }
      if (c === 36 || c === 96 || (quotes && (c === 39 || c === 34))) {
        const part =
          c === 36 ? this.scanDollar(i, !quotes) : c === 96 ? this.scanBackquote(i, false) : c === 39 ? this.scanSingle(i) : this.scanDouble(i);
        if (!part) {
          i++;
          continue;
        }
        if (i > litStart) parts.push(literal(this.span(litStart, i), lit + text.slice(seg, i)));
        lit = '';
        parts.push(part);
        i = this.pos;
        litStart = seg = i;
        continue;
      }
      i++;
    }
    this.leave();
    if (i > litStart) parts.push(literal(this.span(litStart, i), lit + text.slice(seg, i)));
    this.pos = i;
    return parts;
  }

  /**
   * Inside `$((…))` and `$[…]` bash matches only parentheses, brackets and quotes, parsing nested
   * `$(…)` but not `${…}` or `$[…]`; a `${…}` is still read as a parameter when nothing in it
   * could change that matching.
   */
  private arithmeticDollar(i: number): boolean {
    const n = this.codeAt(i + 1);
    if (n === 91) return false;
    if (n !== 123) return true;
    const text = this.text;
    for (let j = i + 2; j < this.end; j++) {
      const c = text.charCodeAt(j);
      if (c === 125) return true;
      if (c === 40 || c === 41 || c === 91 || c === 93 || c === 39 || c === 34 || c === 96 || c === 36 || c === 92 || c === 10) return false;
    }
    return false;
  }

  /** The parts of a here-document body in [from, to) (expansions parsed; errors in them are bash's run-time errors). */
  scanHeredocBody(from: number, to: number): WordPart[] {
    const pos = this.pos;
    const end = this.end;
    const sink = this.errorSink;
    this.pos = from;
    this.end = to;
    this.errorSink = this.session.warnings;
    const parts = this.scanRun(RUN_HEREDOC);
    this.pos = pos;
    this.end = end;
    this.errorSink = sink;
    // A substitution in the body may have peeked at the body's end.
    this.peeked = false;
    return parts;
  }
}

function parameter(span: Span, name: string): ParameterPart {
  return { type: 'parameter', span, name, braced: false, prefix: null, subscript: null, operator: null, operand: null };
}

/** The operator after the name in `${name…}`. */
function readOperator(text: string, j: number, end: number, prefix: '#' | '!' | null): ParameterOperator {
  const c = text.charAt(j);
  const n = j + 1 < end ? text.charAt(j + 1) : '';
  switch (c) {
    case ':':
      return n === '-' || n === '=' || n === '?' || n === '+' ? (`:${n}` as ParameterOperator) : ':';
    case '-':
    case '=':
    case '?':
    case '+':
      return c;
    case '#':
      return n === '#' ? '##' : '#';
    case '%':
      return n === '%' ? '%%' : '%';
    case '/':
      return n === '/' ? '//' : n === '#' ? '/#' : n === '%' ? '/%' : '/';
    case '^':
      return n === '^' ? '^^' : '^';
    case ',':
      return n === ',' ? ',,' : ',';
    case '@':
      return prefix === '!' && n === '}' ? '*' : '@';
    case '*':
      return prefix === '!' && n === '}' ? '*' : 'invalid';
    default:
      return 'invalid';
  }
}
