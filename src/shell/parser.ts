/**
 * The statement level of the shell parser, following bash's grammar (parse.y): lists,
 * pipelines, simple commands and redirections (compound commands are in compound.ts, `[[ ]]` in
 * cond.ts). It never throws: a syntax error is recorded and parsing resumes at the next token,
 * so the commands after a mistake are still found. Each simple command joins the flat command
 * list with its context, and `sh -c` strings are parsed as scripts of their own.
 */
import type {
  ArithmeticCommand,
  Assignment,
  Command,
  CompoundCommand,
  Connector,
  FunctionDefinition,
  HereDocument,
  Pipeline,
  Redirect,
  ShellDiagnostic,
  ShellWord,
  Statement,
} from './ast.js';
import { parseAssignment } from './assignment.js';
import { parseCase, parseCoproc, parseFor, parseFunction, parseFunctionKeyword, parseGroup, parseIf, parseSubshell, parseWhile } from './compound.js';
import { parseTest } from './cond.js';
import { ASSIGNMENT_BUILTINS, CMD, isCloser } from './grammar.js';
import { readHeredoc } from './heredoc.js';
import {
  F_ASSIGN,
  F_DUP_TARGET,
  F_SUBSCRIPT,
  Lexer,
  T_AMP,
  T_AND,
  T_DPAREN,
  T_DSEMI,
  T_DSEMI_AMP,
  T_EOF,
  T_LPAREN,
  T_NEWLINE,
  T_OR,
  T_PIPE,
  T_PIPE_AMP,
  T_REDIR,
  T_RPAREN,
  T_SEMI,
  T_SEMI_AMP,
  T_WORD,
} from './lexer.js';
import { enterScope, newContext, placePipeline } from './model.js';
import type { Mutable, MutableCommand, Scope } from './model.js';
import type { OffsetMap } from './offsets.js';
import { MAX_EMBEDDED_DEPTH } from './session.js';
import type { Session } from './session.js';
import { embeddedScriptSource, shellStringIndex } from './shell-string.js';
import { makeWord, removeQuotes } from './words.js';

export class Parser extends Lexer {
  scope: Scope;
  /** End offset of the last token taken. */
  lastEnd = 0;
  /** How many `$(…)`/`<(…)` enclose the parser's position (here-documents end differently inside them). */
  substitutions = 0;

  constructor(text: string, from: number, to: number, map: OffsetMap | null, session: Session, errorSink: ShellDiagnostic[], scope: Scope) {
    super(text, from, to, map, session, errorSink);
    this.scope = scope;
    this.lastEnd = from;
  }

  override take(): void {
    this.lastEnd = this.tokEnd;
    super.take();
  }

  parseScript(): Statement[] {
    const body: Statement[] = [];
    this.parseBody(body, false);
    if (this.pending.length > 0) this.readHeredocs();
    return body;
  }

  /** Lists up to the end (or the `)` of a substitution); a stray closing word is an error and is skipped. */
  private parseBody(out: Statement[], paren: boolean): boolean {
    for (;;) {
      this.parseList(out);
      const t = this.peek(CMD);
      if (t === T_EOF) return false;
      if (paren && t === T_RPAREN) {
        this.take();
        return true;
      }
      this.unexpected();
      this.take();
    }
  }

  parseNested(kind: 'command-substitution' | 'process-substitution', open: number): readonly Statement[] {
    const scope = this.scope;
    this.scope = enterScope(scope, kind);
    const body: Statement[] = [];
    this.substitutions++;
    const closed = this.parseBody(body, true);
    this.substitutions--;
    if (!closed) {
      this.error(`unterminated '${this.text.slice(open, open + 2)}': missing ')'`, open, this.end);
    }
    this.scope = scope;
    return body;
  }

  parseEmbedded(text: string, from: number, to: number, map: OffsetMap | null): readonly Statement[] {
    return this.embed(text, from, to, map, enterScope(this.scope, 'command-substitution'));
  }

  private embed(text: string, from: number, to: number, map: OffsetMap | null, scope: Scope): Statement[] {
    const s = this.session;
    if (s.embeddedDepth >= MAX_EMBEDDED_DEPTH || s.aborted) return [];
    s.embeddedDepth++;
    if (text !== this.text) s.rescanned += to - from;
    const body = new Parser(text, from, to, map, s, s.warnings, scope).parseScript();
    s.embeddedDepth--;
    return body;
  }

  // Lists

  private isListEnd(t: number): boolean {
    if (t === T_WORD) return this.tokPlain && isCloser((this.tokWord as ShellWord).value as string);
    return t === T_EOF || t === T_RPAREN || t === T_DSEMI || t === T_SEMI_AMP || t === T_DSEMI_AMP;
  }

  skipNewlines(): void {
    while (this.peek(CMD) === T_NEWLINE) this.take();
  }

  parseList(out: Statement[]): void {
    if (!this.enter()) {
      this.leave();
      return;
    }
    let before: Connector = null;
    for (;;) {
      let t = this.peek(CMD);
      if (t === T_NEWLINE) {
        this.take();
        continue;
      }
      if (this.isListEnd(t)) break;
      const statement = this.parseStatement(before);
      if (statement === null) {
        this.unexpected();
        this.take();
        continue;
      }
      out.push(statement);
      before = statement.terminator;
      if (statement.terminator === null) {
        t = this.peek(CMD);
        // A command right after a compound command needs a separator; the next round parses it.
        if (!this.isListEnd(t)) this.unexpected();
      }
    }
    this.leave();
  }

  private parseStatement(before: Connector): Statement | null {
    const commands = this.session.commands;
    const mark = commands.length;
    const first = this.parsePipeline();
    if (first === null) return null;
    const pipelines: Pipeline[] = [first];
    const operators: ('&&' | '||')[] = [];
    for (;;) {
      const t = this.peek(CMD);
      if (t !== T_AND && t !== T_OR) break;
      this.take();
      this.skipNewlines();
      const next = this.parsePipeline();
      if (next === null) {
        this.unexpected();
        break;
      }
      operators.push(t === T_AND ? '&&' : '||');
      pipelines.push(next);
    }
    let terminator: Statement['terminator'] = null;
    const t = this.peek(CMD);
    if (t === T_SEMI || t === T_AMP || t === T_NEWLINE) {
      terminator = t === T_SEMI ? ';' : t === T_AMP ? '&' : 'newline';
      this.take();
    }
    const last = pipelines.length - 1;
    for (let k = 0; k <= last; k++) {
      placePipeline(pipelines[k] as Pipeline, k === 0 ? before : (operators[k - 1] as Connector), k === last ? terminator : (operators[k] as Connector));
    }
    if (terminator === '&') for (let k = mark; k < commands.length; k++) (commands[k] as MutableCommand).context.background = true;
    return {
      type: 'statement',
      span: { start: first.span.start, end: (pipelines[last] as Pipeline).span.end },
      pipelines,
      operators,
      terminator,
    };
  }

  private parsePipeline(): Pipeline | null {
    let t = this.peek(CMD);
    const start = this.tokStart;
    let negated = false;
    let timed = false;
    let prefixed = false;
    for (;;) {
      if (this.isWord('!')) negated = !negated;
      else if (this.isWord('time')) timed = true;
      else break;
      prefixed = true;
      this.take();
      t = this.peek(CMD);
      if (timed && this.isWord('-p')) {
        this.take();
        t = this.peek(CMD);
      }
    }
    const first = this.parseCommand();
    if (first === null) {
      // `!` or `time` alone before a newline, `;` or the end is valid bash.
      if (prefixed && (t === T_NEWLINE || t === T_SEMI || t === T_EOF)) {
        return { type: 'pipeline', span: this.span(start, this.lastEnd), negated, timed, commands: [], operators: [] };
      }
      return null;
    }
    const commands: Command[] = [first];
    const operators: ('|' | '|&')[] = [];
    for (;;) {
      const p = this.peek(CMD);
      if (p !== T_PIPE && p !== T_PIPE_AMP) break;
      this.take();
      this.skipNewlines();
      const next = this.parseCommand();
      if (next === null) {
        this.unexpected();
        break;
      }
      operators.push(p === T_PIPE ? '|' : '|&');
      commands.push(next);
    }
    const span = this.span(start, this.lastEnd);
    return { type: 'pipeline', span, negated, timed, commands, operators };
  }

  // Commands

  parseCommand(): Command | null {
    const t = this.peek(CMD);
    let command: CompoundCommand | SimpleOrFunction | null;
    if (t === T_WORD) {
      if (!this.tokPlain) return this.withRedirects(this.parseSimple(null));
      switch ((this.tokWord as ShellWord).value) {
        case 'if':
          command = parseIf(this);
          break;
        case 'while':
        case 'until':
          command = parseWhile(this);
          break;
        case 'for':
        case 'select':
          command = parseFor(this);
          break;
        case 'case':
          command = parseCase(this);
          break;
        case '{':
          command = parseGroup(this);
          break;
        case '[[':
          command = parseTest(this);
          break;
        case 'function':
          command = parseFunctionKeyword(this);
          break;
        case 'coproc':
          command = parseCoproc(this);
          break;
        case '!':
        case 'in':
        case ']]':
        case 'then':
        case 'else':
        case 'elif':
        case 'fi':
        case 'do':
        case 'done':
        case 'esac':
        case '}':
          return null;
        default:
          command = this.parseSimple(null);
      }
    } else if (t === T_REDIR) {
      command = this.parseSimple(null);
    } else if (t === T_LPAREN) {
      command = parseSubshell(this);
    } else if (t === T_DPAREN) {
      const start = this.tokStart;
      const expression = this.tokArith[0] as ShellWord;
      this.take();
      command = { type: 'arithmetic', span: this.span(start, this.lastEnd), expression, redirects: [] } satisfies ArithmeticCommand;
    } else {
      return null;
    }
    return this.withRedirects(command);
  }

  /** Redirections after a compound command or function definition belong to it. */
  withRedirects(command: CompoundCommand | SimpleOrFunction): Command {
    if (command.type === 'simple') return command as Command;
    let redirects: Redirect[] | null = null;
    while (this.peek(CMD) === T_REDIR) (redirects ??= []).push(this.parseRedirect());
    if (redirects === null) return command;
    const node = command as Mutable<CompoundCommand>;
    node.redirects = redirects;
    node.span = { start: node.span.start, end: this.span(this.lastEnd, this.lastEnd).end };
    return command;
  }

  /** A simple command, or a `name () …` function definition (told apart by the `(`). */
  parseSimple(first: { readonly word: ShellWord; readonly start: number } | null): SimpleOrFunction {
    const start = first ? first.start : this.tokStart;
    let assignments: Assignment[] | null = null;
    let redirects: Redirect[] | null = null;
    const args: ShellWord[] = [];
    // Offsets of the arguments in this text, for `sh -c`; in the script's own text they are the spans.
    const argStarts: number[] | null = this.map === null ? null : [];
    let name: ShellWord | null = first ? first.word : null;
    let flags = first ? 0 : F_ASSIGN | F_SUBSCRIPT;
    let assignmentsFirst = false;
    for (;;) {
      const t = this.peek(flags);
      if (t === T_REDIR) {
        // Bash stops reading `name=(` and `name[` specially once a redirection follows an assignment.
        if (name === null && assignments !== null && (redirects === null || assignmentsFirst)) {
          assignmentsFirst = true;
          flags = 0;
        }
        (redirects ??= []).push(this.parseRedirect());
        continue;
      }
      if (t !== T_WORD) break;
      const word = this.tokWord as ShellWord;
      const wordStart = this.tokStart;
      this.take();
      if (name === null) {
        const assignment = parseAssignment(word, this.map === null);
        if (assignment !== null) {
          (assignments ??= []).push(assignment);
          continue;
        }
        name = word;
        flags = word.value !== null && word.value.length <= 8 && ASSIGNMENT_BUILTINS.has(word.value) ? F_ASSIGN : 0;
        if (assignments === null && redirects === null && this.peek(flags) === T_LPAREN && this.closesAt(this.tokEnd)) return parseFunction(this, word, start);
        continue;
      }
      args.push(word);
      argStarts?.push(wordStart);
    }
    const command: MutableCommand = {
      type: 'simple',
      index: 0,
      span: this.span(start, this.lastEnd),
      assignments: assignments ?? NO_ASSIGNMENTS,
      name,
      args,
      redirects: redirects ?? NO_REDIRECTS,
      context: newContext(this.scope),
    };
    this.session.commands.push(command);
    if (name !== null && args.length > 0) this.parseShellString(command, argStarts);
    return command;
  }

  /** `sh -c '…'` and friends: the string is a script too. */
  private parseShellString(command: MutableCommand, argStarts: readonly number[] | null): void {
    const k = shellStringIndex(command);
    if (k < 0) return;
    const word = command.args[k] as ShellWord;
    const source = embeddedScriptSource(word, argStarts ? (argStarts[k] as number) : word.span.start, this.text);
    const scope = enterScope(this.scope, 'shell-string', null, command);
    if (source.kind === 'in-place') this.embed(this.text, source.from, source.to, this.map, scope);
    else this.embed(source.text, 0, source.text.length, source.map(this.map), scope);
  }

  /** True when a `)` follows `i` after blanks: `name ( )` defines a function, `echo (a)` is an error after `echo`. */
  private closesAt(i: number): boolean {
    const text = this.text;
    while (i < this.end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    return i < this.end && text.charCodeAt(i) === 41;
  }

  // Redirections and here-documents

  private parseRedirect(): Redirect {
    const start = this.tokStart;
    const operator = this.tokOp;
    const fd = this.tokFd;
    const fdVariable = this.tokFdVariable;
    const opEnd = this.tokEnd;
    this.take();
    let target: ShellWord;
    if (this.peek(operator === '>&' || operator === '<&' ? F_DUP_TARGET : 0) === T_WORD) {
      target = this.tokWord as ShellWord;
      this.take();
    } else {
      this.unexpected();
      target = makeWord('', this.span(opEnd, opEnd), []);
    }
    let heredoc: HereDocument | null = null;
    if ((operator === '<<' || operator === '<<-') && target.raw !== '') {
      const delimiter = removeQuotes(target.raw);
      const doc: Mutable<HereDocument> = {
        delimiter: delimiter.text,
        quoted: delimiter.quoted,
        stripTabs: operator === '<<-',
        body: '',
        bodySpan: this.span(this.end, this.end),
        terminatorSpan: null,
        parts: [],
      };
      heredoc = doc;
      this.pending.push(doc);
    }
    return {
      type: 'redirect',
      span: this.span(start, this.lastEnd),
      operator,
      operatorSpan: this.span(Math.max(start, opEnd - operator.length), opEnd),
      fd,
      fdVariable,
      target,
      heredoc,
    };
  }

  readHeredocs(): void {
    const list = this.pending;
    this.pending = [];
    for (const doc of list) readHeredoc(this, doc);
  }
}

type SimpleOrFunction = MutableCommand | FunctionDefinition;


const NO_ASSIGNMENTS: readonly Assignment[] = [];
const NO_REDIRECTS: readonly Redirect[] = [];


