/**
 * The shell model: a bash-superset syntax tree for RUN scripts, and the flat list of simple
 * commands that rules query. Offsets are UTF-16 indexes into the text given to `parseShell`
 * (for a RUN, the joined shell-form text; map them to the Dockerfile with its LogicalLine).
 */
import type { Span } from '../parser/source.js';

export type { Span };

/** A syntax error bash reports for the script, or a warning about something that fails later. */
export interface ShellDiagnostic {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

// ---------------------------------------------------------------------------------------------
// Words

export interface ShellWord {
  readonly type: 'word';
  /** The source text of the word (for a re-parsed `sh -c` string or backquote body: its text). */
  readonly raw: string;
  /** The word after quote removal, or null when any part is an expansion. Globs, braces and `~` stay literal. */
  readonly value: string | null;
  readonly span: Span;
  readonly parts: readonly WordPart[];
}

/** Unquoted text (at the top level of a word) or plain text inside a quoted part; `value` has escapes removed. */
export interface LiteralPart {
  readonly type: 'literal';
  readonly span: Span;
  readonly value: string;
}

export interface SingleQuotedPart {
  readonly type: 'single-quoted';
  readonly span: Span;
  readonly value: string;
}

export interface DoubleQuotedPart {
  readonly type: 'double-quoted';
  readonly span: Span;
  readonly parts: readonly WordPart[];
}

/** `$'…'`, with C escapes decoded in `value`. */
export interface AnsiCQuotedPart {
  readonly type: 'ansi-c-quoted';
  readonly span: Span;
  readonly value: string;
}

/** `$"…"` (translated at run time; treated as a double-quoted string). */
export interface LocaleQuotedPart {
  readonly type: 'locale-quoted';
  readonly span: Span;
  readonly parts: readonly WordPart[];
}

export type ParameterOperator =
  | ':-' | '-' | ':=' | '=' | ':?' | '?' | ':+' | '+'
  | '#' | '##' | '%' | '%%' | '/' | '//' | '/#' | '/%'
  | '^' | '^^' | ',' | ',,' | ':' | '@'
  /** `${!prefix*}` / `${!prefix@}`. */
  | '*'
  /** Text bash does not accept at run time (`${x y}`): still matched at parse time. */
  | 'invalid';

/** `$name`, `$1`, `$@`, `${…}` with every modifier. */
export interface ParameterPart {
  readonly type: 'parameter';
  readonly span: Span;
  /** The parameter: a name, a positional number or one of `@ * # ? $ ! - 0`. */
  readonly name: string;
  readonly braced: boolean;
  /** `${#x}` (length) or `${!x}` (indirection). */
  readonly prefix: '#' | '!' | null;
  /** The text inside `[…]`, as written. */
  readonly subscript: string | null;
  readonly operator: ParameterOperator | null;
  /** Everything after the operator up to the closing brace (pattern, replacement, offset…). */
  readonly operand: ShellWord | null;
}

export interface CommandSubstitutionPart {
  readonly type: 'command-substitution';
  readonly span: Span;
  /** `$(…)` or `` `…` `` (a backquote body is parsed after removing its backslash escapes). */
  readonly syntax: 'dollar' | 'backquote';
  readonly body: readonly Statement[];
}

/** `$((…))` or the old `$[…]`; the expression is kept as a word (its expansions are parsed). */
export interface ArithmeticPart {
  readonly type: 'arithmetic';
  readonly span: Span;
  readonly expression: ShellWord;
}

export interface ProcessSubstitutionPart {
  readonly type: 'process-substitution';
  readonly span: Span;
  readonly operator: '<' | '>';
  readonly body: readonly Statement[];
}

/** The `(…)` of a compound assignment: `a=(x y)`, `declare -A m=([k]=v)`. */
export interface ArrayPart {
  readonly type: 'array';
  readonly span: Span;
  readonly elements: readonly ShellWord[];
}

export type WordPart =
  | LiteralPart
  | SingleQuotedPart
  | DoubleQuotedPart
  | AnsiCQuotedPart
  | LocaleQuotedPart
  | ParameterPart
  | CommandSubstitutionPart
  | ArithmeticPart
  | ProcessSubstitutionPart
  | ArrayPart;

// ---------------------------------------------------------------------------------------------
// Redirections and assignments

export type RedirectOperator = '<' | '>' | '>>' | '<>' | '>|' | '<&' | '>&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface HereDocument {
  /** The delimiter after quote removal. */
  readonly delimiter: string;
  /** Any part of the delimiter was quoted: the body is taken literally. */
  readonly quoted: boolean;
  /** `<<-`: leading tabs are removed from body lines and the terminator. */
  readonly stripTabs: boolean;
  /** The body as written, each line with its newline (tabs not stripped). */
  readonly body: string;
  readonly bodySpan: Span;
  /** The terminator line, or null when the body runs to the end of the script. */
  readonly terminatorSpan: Span | null;
  /** The body's expansions (`$x`, `$(…)`) when not quoted; one literal part when quoted. */
  readonly parts: readonly WordPart[];
}

export interface Redirect {
  readonly type: 'redirect';
  /** From the fd (or operator) to the end of the target word. */
  readonly span: Span;
  readonly operator: RedirectOperator;
  readonly operatorSpan: Span;
  /** The explicit file descriptor (`2>`), or null. */
  readonly fd: number | null;
  /** `{name}>`: the variable that receives the file descriptor. */
  readonly fdVariable: string | null;
  /** The file, fd or here-string; for a here-document, the delimiter word. */
  readonly target: ShellWord;
  readonly heredoc: HereDocument | null;
}

export interface Assignment {
  readonly type: 'assignment';
  readonly span: Span;
  readonly name: string;
  readonly nameSpan: Span;
  /** The `[…]` subscript text of `a[i]=x`, or null. */
  readonly subscript: string | null;
  /** `+=` */
  readonly append: boolean;
  /** The value word (possibly empty), or null for an array assignment. */
  readonly value: ShellWord | null;
  readonly array: readonly ShellWord[] | null;
  /** The whole `name=value` word. */
  readonly word: ShellWord;
}

// ---------------------------------------------------------------------------------------------
// Commands

/** What separates a pipeline from its neighbour in a list: `newline` is a line break, null the start or end of a list. */
export type Connector = '&&' | '||' | ';' | '&' | 'newline' | null;

/** An enclosing construct, from the outside in. */
export type ScopeKind =
  /** `( … )` */
  | 'subshell'
  /** `{ …; }` */
  | 'group'
  /** The condition of `if`, `elif`, `while` or `until`. */
  | 'condition'
  /** `then`/`elif`/`else` bodies and `case` items: run on some paths only. */
  | 'branch'
  /** The body of `for`, `select`, `while`, `until`. */
  | 'loop'
  | 'function'
  /** `$(…)`, `` `…` `` (also inside here-document bodies). */
  | 'command-substitution'
  /** `<(…)`, `>(…)` */
  | 'process-substitution'
  | 'coproc'
  /** The string of `sh -c '…'` (and `bash -c`, `su -c`…), parsed as a script. */
  | 'shell-string';

export interface CommandContext {
  /** The connector before this command's pipeline. */
  readonly before: Connector;
  /** The connector after this command's pipeline. */
  readonly after: Connector;
  /** The position in a pipeline of two or more commands, else null. */
  readonly pipeline: { readonly index: number; readonly length: number } | null;
  /** The pipeline starts with `!`. */
  readonly negated: boolean;
  /** The command (or an enclosing list) ends with `&`. */
  readonly background: boolean;
  readonly scopes: readonly ScopeKind[];
  readonly inCondition: boolean;
  readonly inSubshell: boolean;
  /** Inside `$(…)`, backquotes or `<(…)`. */
  readonly inCommandSubstitution: boolean;
  readonly inLoop: boolean;
  readonly inBranch: boolean;
  /** The name of the enclosing function, if any. */
  readonly inFunction: string | null;
  /** The `sh -c` (or `bash -c`, `su -c`…) command whose string this command comes from, innermost first. */
  readonly shellString: SimpleCommand | null;
}

export interface SimpleCommand {
  readonly type: 'simple';
  /** Position in `ShellScript.commands` (source order). */
  readonly index: number;
  readonly span: Span;
  readonly assignments: readonly Assignment[];
  /** The command word after leading assignments and redirects, or null (`FOO=1`, `> file`). */
  readonly name: ShellWord | null;
  readonly args: readonly ShellWord[];
  readonly redirects: readonly Redirect[];
  readonly context: CommandContext;
}

export interface Subshell {
  readonly type: 'subshell';
  readonly span: Span;
  readonly body: readonly Statement[];
  readonly redirects: readonly Redirect[];
}

export interface BraceGroup {
  readonly type: 'group';
  readonly span: Span;
  readonly body: readonly Statement[];
  readonly redirects: readonly Redirect[];
}

export interface IfClause {
  readonly condition: readonly Statement[];
  readonly body: readonly Statement[];
}

export interface IfCommand {
  readonly type: 'if';
  readonly span: Span;
  /** `if … then …` followed by each `elif … then …`. */
  readonly clauses: readonly IfClause[];
  readonly elseBody: readonly Statement[] | null;
  readonly redirects: readonly Redirect[];
}

export interface ForCommand {
  readonly type: 'for' | 'select';
  readonly span: Span;
  readonly variable: ShellWord;
  /** The words after `in`, or null when there is no `in` (the positional parameters). */
  readonly items: readonly ShellWord[] | null;
  readonly body: readonly Statement[];
  readonly redirects: readonly Redirect[];
}

/** `for ((init; test; update))` */
export interface ArithmeticForCommand {
  readonly type: 'arithmetic-for';
  readonly span: Span;
  readonly init: ShellWord;
  readonly test: ShellWord;
  readonly update: ShellWord;
  readonly body: readonly Statement[];
  readonly redirects: readonly Redirect[];
}

export interface WhileCommand {
  readonly type: 'while' | 'until';
  readonly span: Span;
  readonly condition: readonly Statement[];
  readonly body: readonly Statement[];
  readonly redirects: readonly Redirect[];
}

export interface CaseItem {
  readonly span: Span;
  readonly patterns: readonly ShellWord[];
  readonly body: readonly Statement[];
  readonly terminator: ';;' | ';&' | ';;&' | null;
}

export interface CaseCommand {
  readonly type: 'case';
  readonly span: Span;
  readonly word: ShellWord;
  readonly items: readonly CaseItem[];
  readonly redirects: readonly Redirect[];
}

export interface FunctionDefinition {
  readonly type: 'function';
  readonly span: Span;
  readonly name: ShellWord;
  /** Written with the `function` keyword. */
  readonly keyword: boolean;
  readonly body: Command | null;
  readonly redirects: readonly Redirect[];
}

export type TestExpression =
  | { readonly type: 'test-word'; readonly span: Span; readonly word: ShellWord }
  | { readonly type: 'test-unary'; readonly span: Span; readonly operator: string; readonly operand: ShellWord }
  | { readonly type: 'test-binary'; readonly span: Span; readonly operator: string; readonly left: ShellWord; readonly right: ShellWord }
  | { readonly type: 'test-not'; readonly span: Span; readonly operand: TestExpression }
  | { readonly type: 'test-and' | 'test-or'; readonly span: Span; readonly left: TestExpression; readonly right: TestExpression }
  | { readonly type: 'test-group'; readonly span: Span; readonly expression: TestExpression };

/** `[[ … ]]`; `expression` is null when it is empty or broken. */
export interface TestCommand {
  readonly type: 'test';
  readonly span: Span;
  readonly expression: TestExpression | null;
  readonly redirects: readonly Redirect[];
}

/** `(( … ))` */
export interface ArithmeticCommand {
  readonly type: 'arithmetic';
  readonly span: Span;
  readonly expression: ShellWord;
  readonly redirects: readonly Redirect[];
}

export interface CoprocCommand {
  readonly type: 'coproc';
  readonly span: Span;
  readonly name: ShellWord | null;
  readonly body: Command | null;
  readonly redirects: readonly Redirect[];
}

export type CompoundCommand =
  | Subshell
  | BraceGroup
  | IfCommand
  | ForCommand
  | ArithmeticForCommand
  | WhileCommand
  | CaseCommand
  | FunctionDefinition
  | TestCommand
  | ArithmeticCommand
  | CoprocCommand;

export type Command = SimpleCommand | CompoundCommand;

export interface Pipeline {
  readonly type: 'pipeline';
  readonly span: Span;
  /** `! …` */
  readonly negated: boolean;
  /** `time …` (`-p` included). */
  readonly timed: boolean;
  /** Empty only for a bare `!` or `time`. */
  readonly commands: readonly Command[];
  /** `operators[i]` joins `commands[i]` and `commands[i + 1]`. */
  readonly operators: readonly ('|' | '|&')[];
}

/** One element of a list: pipelines joined by `&&`/`||`, with its terminator. */
export interface Statement {
  readonly type: 'statement';
  readonly span: Span;
  readonly pipelines: readonly Pipeline[];
  /** `operators[i]` joins `pipelines[i]` and `pipelines[i + 1]`. */
  readonly operators: readonly ('&&' | '||')[];
  readonly terminator: ';' | '&' | 'newline' | null;
}

export interface ShellScript {
  readonly text: string;
  /** The syntax tree. */
  readonly body: readonly Statement[];
  /** Every simple command in source order, also those nested in compound commands, substitutions and `sh -c` strings. */
  readonly commands: readonly SimpleCommand[];
  /** What `bash -n` rejects. */
  readonly errors: readonly ShellDiagnostic[];
  /**
   * Problems bash only finds when the code runs: syntax errors inside backquotes, here-document
   * bodies and `sh -c` strings, unterminated here-documents, bad substitutions.
   */
  readonly warnings: readonly ShellDiagnostic[];
  /** Every `# comment`, from `#` to the end of its line. */
  readonly comments: readonly Span[];
}
