/**
 * Tokens and words. Bash's tokenizer depends on where the parser is (command position, `[[ ]]`,
 * after `=~`, a redirection target), so the parser asks for each token with flags and the lexer
 * scans it on demand. Hot paths walk char codes over a table and slice the text once per part;
 * what is inside a word beyond plain text is read by the Expansions layer below.
 */
import type { ArrayPart, RedirectOperator, ShellWord, WordPart } from './ast.js';
import { BREAK, CHAR, DIGIT, NAME, NAME_START, SPECIAL, is } from './chars.js';
import { Expansions, RUN_PAREN, RUN_PAREN_SEMI, RUN_WORD_SUBSCRIPT } from './expansions.js';
import { literal } from './scanner.js';
import { makeWord } from './words.js';

// Token kinds.
export const T_EOF = 0;
export const T_NEWLINE = 1;
export const T_WORD = 2;
export const T_REDIR = 3;
export const T_SEMI = 4;
export const T_AMP = 5;
export const T_AND = 6;
export const T_OR = 7;
export const T_PIPE = 8;
export const T_PIPE_AMP = 9;
export const T_DSEMI = 10;
export const T_SEMI_AMP = 11;
export const T_DSEMI_AMP = 12;
export const T_LPAREN = 13;
export const T_RPAREN = 14;
/** `(( … ))` (or the `((…))` of `for`). */
export const T_DPAREN = 15;
/** `<` or `>` inside `[[ ]]`. */
export const T_COND_OP = 16;

// Scan flags.
/** Command position: `((` starts an arithmetic command. */
export const F_CMD = 1;
/** `name=(` starts an array (command prefix, or the arguments of declare-like builtins). */
export const F_ASSIGN = 2;
/** Inside `[[ ]]`: `<` and `>` compare strings. */
export const F_COND = 4;
/** The right side of `=~`: `(`, `)` groups and `|` belong to the word. */
export const F_REGEX = 8;
/** The right side of `==`/`!=` in `[[ ]]`: extended glob groups `@(…)` belong to the word. */
export const F_EXTGLOB = 16;
/** `for ((a; b; c))`: the arithmetic is three expressions. */
export const F_ARITH_FOR = 32;
/** Command position: after a leading name, `[` opens a subscript read up to its `]`, blanks included (`a[i + 1]=x`). */
export const F_SUBSCRIPT = 64;
/** An element of `a=(…)`: a leading `[` opens a subscript (`[k ey]=v`). */
export const F_ELEMENT = 128;
/** The target of `>&`/`<&`: a number glued to the next operator is the target (`2>&1>>log`), not an fd. */
export const F_DUP_TARGET = 256;


const TOKEN_TEXT: readonly string[] = ['end of script', 'newline', 'word', 'redirection', ';', '&', '&&', '||', '|', '|&', ';;', ';&', ';;&', '(', ')', '((', 'operator'];

export abstract class Lexer extends Expansions {
  tok = T_EOF;
  tokStart = 0;
  tokEnd = 0;
  tokWord: ShellWord | null = null;
  /** The word is unquoted literal text, so it may be a reserved word. */
  tokPlain = false;
  tokOp: RedirectOperator = '<';
  tokFd: number | null = null;
  tokFdVariable: string | null = null;
  tokArith: ShellWord[] = [];
  private wordPlain = false;

  /** Describes the current token for an error message. */
  tokenText(): string {
    if (this.tok === T_WORD || this.tok === T_REDIR || this.tok === T_COND_OP) return this.text.slice(this.tokStart, this.tokEnd);
    return TOKEN_TEXT[this.tok] ?? 'token';
  }

  unexpected(): void {
    if (this.tok === T_EOF) this.error('syntax error: unexpected end of script', this.tokStart, this.tokStart);
    else this.error(`syntax error near unexpected token '${this.tokenText()}'`, this.tokStart, this.tokEnd);
  }

  peek(flags: number): number {
    if (!this.peeked) {
      this.scanToken(flags);
      this.peeked = true;
    }
    return this.tok;
  }

  take(): void {
    this.peeked = false;
    if (this.tok === T_NEWLINE && this.pending.length > 0) this.readHeredocs();
  }

  /** True when the current token is the unquoted word `w`. */
  isWord(w: string): boolean {
    return this.tok === T_WORD && this.tokPlain && (this.tokWord as ShellWord).value === w;
  }

  /** Skips line continuations, which bash removes before it tokenizes. */
  private skipContinuations(i: number): number {
    while (i + 1 < this.end && this.text.charCodeAt(i) === 92 && this.text.charCodeAt(i + 1) === 10) i += 2;
    return i;
  }

  private set(tok: number, end: number): void {
    this.tok = tok;
    this.tokEnd = end;
    this.pos = end;
  }

  private scanToken(flags: number): void {
    const text = this.text;
    const end = this.end;
    this.session.tokens++;
    let i = this.pos;
    for (;;) {
      while (i < end) {
        const c = text.charCodeAt(i);
        if (c === 32 || c === 9) i++;
        else if (c === 92 && i + 1 < end && text.charCodeAt(i + 1) === 10) i += 2;
        else break;
      }
      if (i >= end || text.charCodeAt(i) !== 35) break;
      i = this.skipComment(i);
    }
    this.tokStart = i;
    this.tokWord = null;
    this.tokPlain = false;
    if (i >= end || this.session.aborted) {
      this.set(T_EOF, Math.min(i, end));
      return;
    }
    const c = text.charCodeAt(i);
    // Operators, and words that may start a redirection (`2>`, `{fd}>`) or be a lone `-`, go the long way.
    if ((c < 128 && ((CHAR[c] as number) & BREAK) !== 0) || (c >= 48 && c <= 57) || c === 123 || c === 45) {
      if (this.scanOperator(i, c, flags)) return;
    }
    this.pos = i;
    const word = this.scanWord(flags);
    // Substitutions inside the word scanned tokens of their own.
    this.tokStart = i;
    this.tok = T_WORD;
    this.tokWord = word;
    this.tokPlain = this.wordPlain;
    this.tokEnd = this.pos;
  }

  /** A comment from `#` at `i` to the end of its line (the newline stays); returns where it ends. */
  private skipComment(i: number): number {
    let nl = this.text.indexOf('\n', i);
    if (nl < 0 || nl > this.end) nl = this.end;
    this.session.comments.push(this.span(i, nl));
    return nl;
  }

  /** The operator token at `i`, or false when the text there is a word after all. */
  private scanOperator(i: number, c: number, flags: number): boolean {
    switch (c) {
      case 10:
        this.set(T_NEWLINE, i + 1);
        return true;
      case 59: {
        const j = this.skipContinuations(i + 1);
        if (this.codeAt(j) === 59) {
          const k = this.skipContinuations(j + 1);
          if (this.codeAt(k) === 38) this.set(T_DSEMI_AMP, k + 1);
          else this.set(T_DSEMI, j + 1);
        } else if (this.codeAt(j) === 38) this.set(T_SEMI_AMP, j + 1);
        else this.set(T_SEMI, i + 1);
        return true;
      }
      case 38: {
        const j = this.skipContinuations(i + 1);
        const n = this.codeAt(j);
        if (n === 38) this.set(T_AND, j + 1);
        else if (n === 62 && !(flags & F_COND)) {
          const k = this.skipContinuations(j + 1);
          if (this.codeAt(k) === 62) this.redirect('&>>', null, null, k + 1);
          else this.redirect('&>', null, null, j + 1);
        } else this.set(T_AMP, i + 1);
        return true;
      }
      case 124: {
        const j = this.skipContinuations(i + 1);
        const n = this.codeAt(j);
        if (n === 124) this.set(T_OR, j + 1);
        else if (n === 38) this.set(T_PIPE_AMP, j + 1);
        else this.set(T_PIPE, i + 1);
        return true;
      }
      case 40:
        if (flags & F_CMD && this.codeAt(i + 1) === 40) this.scanDoubleParen(i, flags);
        else this.set(T_LPAREN, i + 1);
        return true;
      case 41:
        this.set(T_RPAREN, i + 1);
        return true;
      case 60:
      case 62:
        if (this.codeAt(i + 1) === 40) return false;
        if (flags & F_COND) this.set(T_COND_OP, i + 1);
        else this.redirectAt(i, null, null);
        return true;
      case 45: {
        // `<&-` closes the fd: bash ends the target after the `-` (`<&-x` is `<&-` then `x`).
        if (!(flags & F_DUP_TARGET)) return false;
        const span = this.span(i, i + 1);
        this.tokWord = { type: 'word', raw: '-', value: '-', span, parts: [{ type: 'literal', span, value: '-' }] };
        this.tokPlain = true;
        this.set(T_WORD, i + 1);
        return true;
      }
      default:
        return !(flags & F_COND) && this.scanRedirectPrefix(i, c, flags);
    }
  }

  /** `2>`, `{fd}>`: a file descriptor number or variable glued to a redirection operator. */
  private scanRedirectPrefix(i: number, c: number, flags: number): boolean {
    const text = this.text;
    if (c >= 48 && c <= 57) {
      if (flags & F_DUP_TARGET) return false;
      let j = i + 1;
      while (j < this.end && is(text.charCodeAt(j), DIGIT)) j++;
      const n = this.codeAt(j);
      if ((n === 60 || n === 62) && this.codeAt(j + 1) !== 40) {
        this.redirectAt(j, Number(text.slice(i, j)), null);
        return true;
      }
      return false;
    }
    if (c === 123 && is(this.codeAt(i + 1), NAME_START)) {
      let j = i + 2;
      while (j < this.end && is(text.charCodeAt(j), NAME)) j++;
      if (this.codeAt(j) !== 125) return false;
      const n = this.codeAt(j + 1);
      if ((n === 60 || n === 62) && this.codeAt(j + 2) !== 40) {
        this.redirectAt(j + 1, null, text.slice(i + 1, j));
        return true;
      }
    }
    return false;
  }

  private redirectAt(i: number, fd: number | null, fdVariable: string | null): void {
    const c = this.text.charCodeAt(i);
    const j = this.skipContinuations(i + 1);
    const n = this.codeAt(j);
    if (c === 60) {
      if (n === 60) {
        const k = this.skipContinuations(j + 1);
        const m = this.codeAt(k);
        if (m === 60) this.redirect('<<<', fd, fdVariable, k + 1);
        else if (m === 45) this.redirect('<<-', fd, fdVariable, k + 1);
        else this.redirect('<<', fd, fdVariable, j + 1);
      } else if (n === 38) this.redirect('<&', fd, fdVariable, j + 1);
      else if (n === 62) this.redirect('<>', fd, fdVariable, j + 1);
      else this.redirect('<', fd, fdVariable, i + 1);
    } else if (n === 62) this.redirect('>>', fd, fdVariable, j + 1);
    else if (n === 38) this.redirect('>&', fd, fdVariable, j + 1);
    else if (n === 124) this.redirect('>|', fd, fdVariable, j + 1);
    else this.redirect('>', fd, fdVariable, i + 1);
  }

  private redirect(op: RedirectOperator, fd: number | null, fdVariable: string | null, end: number): void {
    this.tokOp = op;
    this.tokFd = fd;
    this.tokFdVariable = fdVariable;
    this.set(T_REDIR, end);
  }

  /**
   * `((` in command position: an arithmetic command when its matching `)` is followed by `)`,
   * otherwise two nested subshells (bash decides the same way).
   */
  private scanDoubleParen(i: number, flags: number): void {
    const s = this.session;
    const mark = this.mark();
    this.pos = i + 2;
    const words: ShellWord[] = [];
    if (flags & F_ARITH_FOR) {
      for (let k = 0; k < 3; k++) {
        words.push(this.scanRunWord(k < 2 ? RUN_PAREN_SEMI : RUN_PAREN));
        if (k < 2 && this.codeAt(this.pos) === 59) this.pos++;
        else break;
      }
    } else {
      words.push(this.scanRunWord(RUN_PAREN));
    }
    const p = this.pos;
    this.tokStart = i;
    if (p + 1 < this.end && this.text.charCodeAt(p) === 41 && this.text.charCodeAt(p + 1) === 41) {
      this.tokArith = words;
      this.set(T_DPAREN, p + 2);
      return;
    }
    if (p < this.end && !(flags & F_ARITH_FOR) && s.canSpeculate) {
      this.restore(mark);
      s.rescanned += p - i;
      this.set(T_LPAREN, i + 1);
      return;
    }
    this.error(flags & F_ARITH_FOR ? "syntax error in 'for ((…))': expected three expressions and '))'" : "unterminated '((': expected '))'", i, p);
    this.tokArith = words;
    this.set(T_DPAREN, Math.min(p + 1, this.end));
  }


  /** Scans an unquoted word at `this.pos` (not at a break character). */
  scanWord(flags: number): ShellWord {
    const text = this.text;
    const end = this.end;
    const start = this.pos;
    if (flags & (F_SUBSCRIPT | F_ELEMENT)) {
      const open = this.subscriptStart(start, flags);
      if (open >= 0) return this.scanWordSlow(start, open, flags, open);
    }
    let i = start;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c < 128 && ((CHAR[c] as number) & (BREAK | SPECIAL)) !== 0) break;
      i++;
    }
    if (i >= end || this.plainStop(i, flags)) {
      // The common case: one literal run, value === raw.
      this.pos = i;
      this.wordPlain = true;
      const raw = text.slice(start, i);
      const span = this.span(start, i);
      const parts: WordPart[] = [{ type: 'literal', span, value: raw }];
      return { type: 'word', raw, value: raw, span, parts };
    }
    return this.scanWordSlow(start, i, flags, -1);
  }

  /** The `[` bash reads as the start of a subscript in this word, or -1. */
  private subscriptStart(start: number, flags: number): number {
    const text = this.text;
    let j = start;
    if (flags & F_SUBSCRIPT && is(this.codeAt(j), NAME_START)) {
      j++;
      while (j < this.end && is(text.charCodeAt(j), NAME)) j++;
    } else if (!(flags & F_ELEMENT)) return -1;
    return this.codeAt(j) === 91 ? j : -1;
  }

  /** True when the break character at `i` really ends the word. */
  private plainStop(i: number, flags: number): boolean {
    const c = this.text.charCodeAt(i);
    if (c >= 128 || ((CHAR[c] as number) & BREAK) === 0) return false;
    if (c === 60 || c === 62) return this.codeAt(i + 1) !== 40;
    if (c === 40) return (flags & (F_ASSIGN | F_REGEX | F_EXTGLOB)) === 0;
    if (c === 124) return (flags & F_REGEX) === 0;
    return true;
  }

  private scanWordSlow(start: number, from: number, flags: number, subscript: number): ShellWord {
    const text = this.text;
    const end = this.end;
    const parts: WordPart[] = [];
    let plain = true;
    // The pending literal run: it starts at litStart; text[seg, i) is not yet appended to lit.
    let litStart = start;
    let seg = start;
    let lit = '';
    let i = from;
    if (subscript >= 0) {
      // Like bash, read `name[…]` up to the matching `]`; without one the word is an error.
      const s = this.session;
      const mark = this.mark();
      this.pos = subscript + 1;
      const inner = this.scanRun(RUN_WORD_SUBSCRIPT);
      if (this.codeAt(this.pos) === 93) {
        parts.push(literal(this.span(start, subscript + 1), text.slice(start, subscript + 1)));
        for (const part of inner) parts.push(part);
        plain = false;
        i = this.pos;
        litStart = seg = i;
      } else {
        if (s.canSpeculate) {
          this.restore(mark);
          s.rescanned += this.pos - subscript;
        } else {
          i = this.pos;
        }
        this.error("unterminated subscript: missing ']'", subscript, this.end);
      }
    }
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c >= 128 || ((CHAR[c] as number) & (BREAK | SPECIAL)) === 0) {
        i++;
        continue;
      }
      let part: WordPart | null;
      if ((CHAR[c] as number) & BREAK) {
        if ((c === 60 || c === 62) && this.codeAt(i + 1) === 40) {
          part = this.scanProcessSubstitution(i);
        } else if (c === 40 && flags & F_ASSIGN && isArrayPrefix(text, start, i)) {
          part = this.scanArray(i);
        } else if (c === 40 && (flags & F_REGEX || (flags & F_EXTGLOB && i > start && '?*+@!'.includes(text.charAt(i - 1))))) {
          plain = false;
          i = this.skipGroup(i);
          continue;
        } else if (c === 124 && flags & F_REGEX) {
          plain = false;
          i++;
          continue;
        } else break;
      } else if (c === 92) {
        if (i + 1 < end) {
          lit += text.slice(seg, i);
          if (text.charCodeAt(i + 1) !== 10) {
            lit += text.charAt(i + 1);
            plain = false;
          }
          i++;
          seg = i + 1;
        }
        i++;
        continue;
      } else {
        part = c === 39 ? this.scanSingle(i) : c === 34 ? this.scanDouble(i) : c === 36 ? this.scanDollar(i, false) : this.scanBackquote(i, false);
        if (part === null) {
          i++;
          continue;
        }
      }
      if (i > litStart) {
        lit += text.slice(seg, i);
        // A run of nothing but line continuations adds no part.
        if (lit !== '') parts.push(literal(this.span(litStart, i), lit));
      }
      lit = '';
      parts.push(part);
      plain = false;
      i = this.pos;
      litStart = seg = i;
    }
    if (i > litStart) {
      lit += text.slice(seg, i);
      if (lit !== '') parts.push(literal(this.span(litStart, i), lit));
    }
    this.pos = i;
    this.wordPlain = plain;
    return makeWord(text.slice(start, i), this.span(start, i), parts);
  }

  /** Skips a parenthesised group inside a word (`=~` regex, extended glob); returns the offset after it. */
  private skipGroup(i: number): number {
    const text = this.text;
    const end = this.end;
    let depth = 0;
    let j = i;
    while (j < end) {
      const c = text.charCodeAt(j);
      if (c === 92) j += 2;
      else if (c === 39) {
        const close = this.findQuote(j + 1);
        j = close < 0 ? end : close + 1;
      } else if (c === 40) {
        depth++;
        j++;
      } else if (c === 41) {
        j++;
        if (--depth === 0) return j;
      } else j++;
    }
    this.error("unterminated '(' in pattern", i, end);
    return end;
  }

  /** `name=(…)` at the `(`. */
  private scanArray(i: number): ArrayPart {
    const text = this.text;
    const end = this.end;
    const elements: ShellWord[] = [];
    let j = i + 1;
    for (;;) {
      while (j < end) {
        const c = text.charCodeAt(j);
        if (c === 32 || c === 9 || c === 10) j++;
        else if (c === 92 && this.codeAt(j + 1) === 10) j += 2;
        else if (c === 35) {
          let nl = text.indexOf('\n', j);
          if (nl < 0 || nl > end) nl = end;
          this.session.comments.push(this.span(j, nl));
          j = nl;
        } else break;
      }
      if (j >= end) {
        this.error("unterminated array: missing ')'", i, end);
        break;
      }
      const c = text.charCodeAt(j);
      if (c === 41) {
        j++;
        break;
      }
      if (c < 128 && (CHAR[c] as number) & BREAK && !((c === 60 || c === 62) && this.codeAt(j + 1) === 40)) {
        this.error(`syntax error near unexpected token '${text.charAt(j)}' in array`, j, j + 1);
        j++;
        continue;
      }
      this.pos = j;
      elements.push(this.scanWord(F_ELEMENT));
      j = this.pos;
    }
    this.pos = j;
    return { type: 'array', span: this.span(i, j), elements };
  }
}

/** True when text[start, paren) is `name=`, `name+=`, `name[…]=` or `name[…]+=` (a compound assignment follows). */
function isArrayPrefix(text: string, start: number, paren: number): boolean {
  if (paren - start < 2 || text.charCodeAt(paren - 1) !== 61) return false;
  let i = start;
  if (!is(text.charCodeAt(i), NAME_START)) return false;
  i++;
  while (i < paren && is(text.charCodeAt(i), NAME)) i++;
  if (text.charCodeAt(i) === 91) {
    const close = text.indexOf(']', i);
    if (close < 0 || close >= paren) return false;
    i = close + 1;
  }
  if (text.charCodeAt(i) === 43) i++;
  return i === paren - 1;
}
