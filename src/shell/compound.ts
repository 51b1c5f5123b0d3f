/**
 * Compound commands (bash's shell_command): `( )`, `{ }`, if, while/until, for/select (and
 * `for ((…))`), case, function definitions and coproc. Each takes the parser positioned on its
 * first token and leaves it after the last one; lists inside are parsed by the parser itself.
 */
import type {
  ArithmeticForCommand,
  BraceGroup,
  CaseCommand,
  CaseItem,
  Command,
  CoprocCommand,
  ForCommand,
  FunctionDefinition,
  IfClause,
  IfCommand,
  ShellWord,
  Statement,
  Subshell,
  WhileCommand,
} from './ast.js';
import { CMD, COMPOUND_STARTERS, RESERVED } from './grammar.js';
import { F_ARITH_FOR, F_CMD, T_DPAREN, T_DSEMI, T_DSEMI_AMP, T_EOF, T_LPAREN, T_NEWLINE, T_PIPE, T_REDIR, T_RPAREN, T_SEMI, T_SEMI_AMP, T_WORD } from './lexer.js';
import { enterScope } from './model.js';
import type { Parser } from './parser.js';
import { makeWord } from './words.js';

export function parseFunction(p: Parser, name: ShellWord, start: number): FunctionDefinition {
  p.take();
  if (p.peek(0) === T_RPAREN) p.take();
  else p.unexpected();
  p.skipNewlines();
  const body = functionBody(p, name);
  return { type: 'function', span: p.span(start, p.lastEnd), name, keyword: false, body, redirects: [] };
}

function functionBody(p: Parser, name: ShellWord): Command | null {
  if (!startsCompound(p)) {
    p.unexpected();
    return null;
  }
  const scope = p.scope;
  p.scope = enterScope(scope, 'function', name.value ?? name.raw);
  const body = p.parseCommand();
  p.scope = scope;
  return body;
}

export function parseFunctionKeyword(p: Parser): FunctionDefinition {
  const start = p.tokStart;
  p.take();
  if (p.peek(0) !== T_WORD) {
    p.unexpected();
    const name = makeWord('', p.span(p.lastEnd, p.lastEnd), []);
    return { type: 'function', span: p.span(start, p.lastEnd), name, keyword: true, body: null, redirects: [] };
  }
  const name = p.tokWord as ShellWord;
  p.take();
  if (p.peek(CMD) === T_LPAREN) {
    p.take();
    if (p.peek(0) === T_RPAREN) p.take();
    else p.unexpected();
  }
  p.skipNewlines();
  const body = functionBody(p, name);
  return { type: 'function', span: p.span(start, p.lastEnd), name, keyword: true, body, redirects: [] };
}

export function parseCoproc(p: Parser): CoprocCommand {
  const start = p.tokStart;
  p.take();
  const scope = p.scope;
  p.scope = enterScope(scope, 'coproc');
  let name: ShellWord | null = null;
  let body: Command | null;
  const t = p.peek(CMD);
  if (startsCompound(p)) {
    body = p.parseCommand();
  } else if (t === T_REDIR) {
    body = p.withRedirects(p.parseSimple(null));
  } else if (t === T_WORD && !(p.tokPlain && RESERVED.has((p.tokWord as ShellWord).value as string))) {
    const word = p.tokWord as ShellWord;
    const wordStart = p.tokStart;
    p.take();
    if (startsCompound(p)) {
      name = word;
      body = p.parseCommand();
    } else {
      // After `coproc NAME` bash still reads reserved words, which cannot be arguments.
      if (p.tok === T_WORD && p.tokPlain && RESERVED.has((p.tokWord as ShellWord).value as string)) p.unexpected();
      body = p.withRedirects(p.parseSimple({ word, start: wordStart }));
    }
  } else {
    p.unexpected();
    body = null;
  }
  p.scope = scope;
  return { type: 'coproc', span: p.span(start, p.lastEnd), name, body, redirects: [] };
}

/** The next token starts a compound command (what a function body or a named coproc must be). */
function startsCompound(p: Parser): boolean {
  const t = p.peek(CMD);
  return t === T_LPAREN || t === T_DPAREN || (t === T_WORD && p.tokPlain && COMPOUND_STARTERS.has((p.tokWord as ShellWord).value as string));
}

/** Expects the reserved word `w` in command position. */
function expectWord(p: Parser, w: string): boolean {
  p.peek(CMD);
  if (p.isWord(w)) {
    p.take();
    return true;
  }
  if (p.tok === T_EOF) p.error(`syntax error: unexpected end of script (missing '${w}')`, p.tokStart, p.tokStart);
  else p.error(`syntax error near unexpected token '${p.tokenText()}' (expected '${w}')`, p.tokStart, p.tokEnd);
  return false;
}

/** A non-empty command list inside a compound command. */
function compoundList(p: Parser, kind: 'condition' | 'branch' | 'loop' | 'group' | 'subshell' | null): Statement[] {
  const scope = p.scope;
  if (kind !== null) p.scope = enterScope(scope, kind);
  const list: Statement[] = [];
  p.parseList(list);
  p.scope = scope;
  if (list.length === 0) p.unexpected();
  return list;
}

export function parseIf(p: Parser): IfCommand {
  const start = p.tokStart;
  p.take();
  const clauses: IfClause[] = [];
  let elseBody: Statement[] | null = null;
  for (;;) {
    const condition = compoundList(p, 'condition');
    if (!expectWord(p, 'then')) {
      clauses.push({ condition, body: [] });
      break;
    }
    const body = compoundList(p, 'branch');
    clauses.push({ condition, body });
    if (p.isWord('elif')) {
      p.take();
      continue;
    }
    if (p.isWord('else')) {
      p.take();
      elseBody = compoundList(p, 'branch');
    }
    expectWord(p, 'fi');
    break;
  }
  return { type: 'if', span: p.span(start, p.lastEnd), clauses, elseBody, redirects: [] };
}

export function parseWhile(p: Parser): WhileCommand {
  const start = p.tokStart;
  const type = (p.tokWord as ShellWord).value === 'until' ? 'until' : 'while';
  p.take();
  const condition = compoundList(p, 'condition');
  let body: Statement[] = [];
  if (expectWord(p, 'do')) {
    body = compoundList(p, 'loop');
    expectWord(p, 'done');
  }
  return { type, span: p.span(start, p.lastEnd), condition, body, redirects: [] };
}

/** `do … done`, or bash's `{ … }` form, after `for`/`select`. */
function loopBody(p: Parser): Statement[] {
  p.peek(CMD);
  const close = p.isWord('do') ? 'done' : p.isWord('{') ? '}' : null;
  if (close === null) {
    expectWord(p, 'do');
    return [];
  }
  p.take();
  const body = compoundList(p, 'loop');
  expectWord(p, close);
  return body;
}

export function parseFor(p: Parser): ForCommand | ArithmeticForCommand {
  const start = p.tokStart;
  const type = (p.tokWord as ShellWord).value === 'select' ? 'select' : 'for';
  p.take();
  const t = p.peek(type === 'for' ? F_CMD | F_ARITH_FOR : 0);
  if (t === T_DPAREN) {
    const [init, test, update] = p.tokArith;
    p.take();
    if (p.peek(CMD) === T_SEMI) p.take();
    p.skipNewlines();
    const body = loopBody(p);
    const empty = (): ShellWord => makeWord('', p.span(p.lastEnd, p.lastEnd), []);
    return {
      type: 'arithmetic-for',
      span: p.span(start, p.lastEnd),
      init: init ?? empty(),
      test: test ?? empty(),
      update: update ?? empty(),
      body,
      redirects: [],
    };
  }
  let variable: ShellWord;
  if (t === T_WORD) {
    variable = p.tokWord as ShellWord;
    p.take();
  } else {
    p.unexpected();
    variable = makeWord('', p.span(p.lastEnd, p.lastEnd), []);
  }
  let items: ShellWord[] | null = null;
  if (p.peek(CMD) === T_SEMI) {
    p.take();
    p.skipNewlines();
  } else {
    p.skipNewlines();
    if (p.isWord('in')) {
      p.take();
      items = [];
      let w = p.peek(0);
      while (w === T_WORD) {
        items.push(p.tokWord as ShellWord);
        p.take();
        w = p.peek(0);
      }
      if (w === T_SEMI || w === T_NEWLINE) p.take();
      else p.unexpected();
      p.skipNewlines();
    }
  }
  const body = loopBody(p);
  return { type, span: p.span(start, p.lastEnd), variable, items, body, redirects: [] };
}

export function parseCase(p: Parser): CaseCommand {
  const start = p.tokStart;
  p.take();
  let word: ShellWord;
  if (p.peek(0) === T_WORD) {
    word = p.tokWord as ShellWord;
    p.take();
  } else {
    p.unexpected();
    word = makeWord('', p.span(p.lastEnd, p.lastEnd), []);
  }
  const items: CaseItem[] = [];
  p.skipNewlines();
  if (!expectWord(p, 'in')) return { type: 'case', span: p.span(start, p.lastEnd), word, items, redirects: [] };
  for (;;) {
    let t = p.peek(0);
    while (t === T_NEWLINE) {
      p.take();
      t = p.peek(0);
    }
    if (p.isWord('esac')) {
      p.take();
      break;
    }
    const itemStart = p.tokStart;
    if (t === T_LPAREN) {
      p.take();
      t = p.peek(0);
    }
    const patterns: ShellWord[] = [];
    let ok = true;
    for (;;) {
      if (t !== T_WORD) {
        ok = false;
        break;
      }
      patterns.push(p.tokWord as ShellWord);
      p.take();
      t = p.peek(0);
      if (t !== T_PIPE) break;
      p.take();
      t = p.peek(0);
    }
    if (!ok || t !== T_RPAREN) {
      if (p.tok === T_EOF) p.error("syntax error: unexpected end of script (missing 'esac')", p.tokStart, p.tokStart);
      else p.unexpected();
      break;
    }
    p.take();
    const scope = p.scope;
    p.scope = enterScope(scope, 'branch');
    const body: Statement[] = [];
    p.parseList(body);
    p.scope = scope;
    const end = p.peek(CMD);
    let terminator: CaseItem['terminator'] = null;
    if (end === T_DSEMI || end === T_SEMI_AMP || end === T_DSEMI_AMP) {
      terminator = end === T_DSEMI ? ';;' : end === T_SEMI_AMP ? ';&' : ';;&';
      p.take();
    } else if (!p.isWord('esac')) {
      expectWord(p, 'esac');
      items.push({ span: p.span(itemStart, p.lastEnd), patterns, body, terminator });
      break;
    }
    items.push({ span: p.span(itemStart, p.lastEnd), patterns, body, terminator });
  }
  return { type: 'case', span: p.span(start, p.lastEnd), word, items, redirects: [] };
}

export function parseGroup(p: Parser): BraceGroup {
  const start = p.tokStart;
  p.take();
  const body = compoundList(p, 'group');
  expectWord(p, '}');
  return { type: 'group', span: p.span(start, p.lastEnd), body, redirects: [] };
}

export function parseSubshell(p: Parser): Subshell {
  const start = p.tokStart;
  p.take();
  const body = compoundList(p, 'subshell');
  if (p.peek(CMD) === T_RPAREN) p.take();
  else if (p.tok === T_EOF) p.error("syntax error: unexpected end of script (missing ')')", p.tokStart, p.tokStart);
  else p.unexpected();
  return { type: 'subshell', span: p.span(start, p.lastEnd), body, redirects: [] };
}
