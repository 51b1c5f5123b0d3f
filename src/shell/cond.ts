/**
 * `[[ … ]]`, parsed with bash's own grammar (cond_or / cond_and / cond_term in parse.y) so that
 * the same expressions are accepted and rejected. Bash reports some of these errors without
 * failing `bash -n`, but the command never runs; here every one is an error.
 */
import type { ShellWord, TestCommand, TestExpression } from './ast.js';
import { F_COND, F_EXTGLOB, F_REGEX, T_AMP, T_AND, T_COND_OP, T_EOF, T_LPAREN, T_NEWLINE, T_OR, T_RPAREN, T_SEMI, T_WORD } from './lexer.js';
import type { Parser } from './parser.js';

const UNARY = new Set('abcdefghknoprstuvwxzGLNORS'.split('').map((c) => `-${c}`));
const BINARY = new Set(['=', '==', '!=', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

interface State {
  failed: boolean;
}

function isEnd(p: Parser): boolean {
  return p.isWord(']]');
}

function skipNewlines(p: Parser): void {
  while (p.peek(F_COND) === T_NEWLINE) p.take();
}

function fail(p: Parser, state: State, message: string): null {
  if (!state.failed) p.error(message, p.tokStart, p.tokEnd);
  state.failed = true;
  return null;
}

function near(p: Parser): string {
  return p.tok === T_EOF ? 'end of script' : `'${p.tokenText()}'`;
}

function condOr(p: Parser, state: State): TestExpression | null {
  let left = condAnd(p, state);
  while (!state.failed && p.peek(F_COND) === T_OR) {
    p.take();
    const right = condAnd(p, state);
    if (left === null || right === null) return null;
    left = { type: 'test-or', span: { start: left.span.start, end: right.span.end }, left, right };
  }
  return left;
}

function condAnd(p: Parser, state: State): TestExpression | null {
  let left = condTerm(p, state);
  while (!state.failed && p.peek(F_COND) === T_AND) {
    p.take();
    const right = condTerm(p, state);
    if (left === null || right === null) return null;
    left = { type: 'test-and', span: { start: left.span.start, end: right.span.end }, left, right };
  }
  return left;
}

function condTerm(p: Parser, state: State): TestExpression | null {
  if (!p.enter()) {
    p.leave();
    state.failed = true;
    return null;
  }
  const term = condTermInner(p, state);
  p.leave();
  return term;
}

function condTermInner(p: Parser, state: State): TestExpression | null {
  skipNewlines(p);
  const t = p.peek(F_COND);
  const start = p.tokStart;
  if (t === T_LPAREN) {
    p.take();
    const inner = condOr(p, state);
    if (state.failed) return null;
    if (p.peek(F_COND) !== T_RPAREN) return fail(p, state, `syntax error in conditional expression: unexpected token ${near(p)}, expected ')'`);
    p.take();
    skipNewlines(p);
    if (inner === null) return null;
    return { type: 'test-group', span: p.span(start, p.lastEnd), expression: inner };
  }
  if (t !== T_WORD || isEnd(p)) {
    // Bash gives up silently on `[[ ]]` and `[[ a && ]]`, which then never run.
    return fail(p, state, isEnd(p) ? 'syntax error: empty conditional expression' : `syntax error: unexpected token ${near(p)} in conditional command`);
  }
  const word = p.tokWord as ShellWord;
  if (p.isWord('!')) {
    p.take();
    const operand = condTerm(p, state);
    if (operand === null) return null;
    return { type: 'test-not', span: p.span(start, p.lastEnd), operand };
  }
  if (UNARY.has(word.raw)) {
    p.take();
    if (p.peek(F_COND) !== T_WORD || isEnd(p)) return fail(p, state, `syntax error: unexpected argument ${near(p)} to conditional unary operator`);
    const operand = p.tokWord as ShellWord;
    p.take();
    skipNewlines(p);
    return { type: 'test-unary', span: p.span(start, p.lastEnd), operator: word.raw, operand };
  }
  p.take();
  const next = p.peek(F_COND);
  let operator: string;
  let flags = F_COND;
  if (next === T_WORD && BINARY.has((p.tokWord as ShellWord).raw)) {
    operator = (p.tokWord as ShellWord).raw;
    if (operator === '=~') flags |= F_REGEX;
    else if (operator === '=' || operator === '==' || operator === '!=') flags |= F_EXTGLOB;
  } else if (next === T_COND_OP) {
    operator = p.tokenText();
  } else if (isEnd(p) || next === T_AND || next === T_OR || next === T_RPAREN) {
    return { type: 'test-word', span: word.span, word };
  } else {
    return fail(p, state, `syntax error: unexpected token ${near(p)}, conditional binary operator expected`);
  }
  p.take();
  if (p.peek(flags) !== T_WORD || isEnd(p)) return fail(p, state, `syntax error: unexpected argument ${near(p)} to conditional binary operator`);
  const right = p.tokWord as ShellWord;
  p.take();
  skipNewlines(p);
  return { type: 'test-binary', span: p.span(start, p.lastEnd), operator, left: word, right };
}

/** `[[ … ]]` at the current token. */
export function parseTest(p: Parser): TestCommand {
  const start = p.tokStart;
  p.take();
  const state: State = { failed: false };
  const expression = condOr(p, state);
  if (!state.failed) {
    p.peek(F_COND);
    if (isEnd(p)) {
      p.take();
      return { type: 'test', span: p.span(start, p.lastEnd), expression, redirects: [] };
    }
    fail(p, state, p.tok === T_EOF ? "syntax error: unexpected end of script (missing ']]')" : `syntax error in conditional expression near ${near(p)}`);
  }
  // Skip to the closing `]]` (or the end of the line) so the next command is parsed normally.
  for (;;) {
    const t = p.peek(F_COND);
    if (isEnd(p)) {
      p.take();
      break;
    }
    if (t === T_EOF || t === T_NEWLINE || t === T_SEMI || t === T_AMP) break;
    p.take();
  }
  return { type: 'test', span: p.span(start, p.lastEnd), expression: null, redirects: [] };
}
