import type { Span } from './source.js';
import type { LogicalLine } from './logical-line.js';

export type EscapeChar = '\\' | '`';

/** A `# key=value` parser directive at the top of the file. */
export interface Directive {
  readonly kind: 'directive';
  readonly name: 'syntax' | 'escape' | 'check';
  /** The key as written (directive names are case-insensitive). */
  readonly nameText: string;
  readonly value: string;
  readonly span: Span;
  readonly nameSpan: Span;
  readonly valueSpan: Span;
  readonly line: number;
}

export interface Comment {
  readonly kind: 'comment';
  /** Text after `#`, trimmed. */
  readonly text: string;
  /** From `#` to the end of the line's content. */
  readonly span: Span;
  readonly line: number;
}

export interface BlankLine {
  readonly kind: 'blank';
  readonly span: Span;
  readonly line: number;
}

/** A word of an instruction, as written (quotes and escapes kept), with its source span. */
export interface Word {
  readonly text: string;
  readonly span: Span;
}

/** A `--name[=value]` flag, with quotes and escapes already removed the way BuildKit removes them. */
export interface Flag {
  readonly name: string;
  readonly value: string | null;
  /** The flag as BuildKit's dump shows it, e.g. `--mount=type=cache,target=/root/.cache`. */
  readonly text: string;
  readonly span: Span;
  readonly nameSpan: Span;
  readonly valueSpan: Span | null;
}

/** One string element of a JSON (exec form) array; `span` includes the quotes. */
export interface JsonString {
  readonly value: string;
  readonly span: Span;
}

export interface JsonArray {
  readonly elements: readonly JsonString[];
  readonly span: Span;
}

/** The command of RUN / CMD / ENTRYPOINT / SHELL / HEALTHCHECK CMD. */
export type CommandArgs =
  | { readonly form: 'exec'; readonly json: JsonArray; readonly span: Span }
  | {
      readonly form: 'shell';
      readonly text: string;
      readonly span: Span;
      /** Where `text` starts in the instruction's joined line (`instruction.logical`). */
      readonly offset: number;
    };

export interface Heredoc {
  readonly name: string;
  readonly expand: boolean;
  readonly chomp: boolean;
  readonly fileDescriptor: number;
  /** The `<<EOF` word on the instruction line. */
  readonly marker: Word;
  /** The raw body (each line with its line ending), as BuildKit hands it on. */
  readonly content: string;
  readonly bodySpan: Span;
  /** The terminator line's content, or null when the heredoc runs to the end of the file. */
  readonly terminatorSpan: Span | null;
  readonly bodyStartLine: number;
}

export interface KeyValue {
  readonly key: Word;
  readonly value: Word;
  /** `ENV key value` (no `=`): the value is the raw rest of the line. */
  readonly legacy: boolean;
  readonly span: Span;
}

export interface ArgDeclaration {
  readonly word: Word;
  readonly name: string;
  readonly nameSpan: Span;
  /** The default as written (quotes kept until expansion), or null for `ARG name`. */
  readonly value: string | null;
  readonly valueSpan: Span | null;
}

export interface ListArgs {
  readonly json: boolean;
  /** For JSON arrays `text` is the decoded string and `span` covers the quoted element. */
  readonly items: readonly Word[];
}

interface InstructionBase {
  readonly kind: 'instruction';
  /** The keyword as written (`from`, `From`, `FROM`). */
  readonly keyword: Word;
  readonly flags: readonly Flag[];
  /** The instruction's arguments after the flags (trimmed), or null when there are none. */
  readonly argsSpan: Span | null;
  readonly heredocs: readonly Heredoc[];
  /** Comment lines directly above the instruction (BuildKit's PrevComment). */
  readonly leadingComments: readonly Comment[];
  /** From the keyword to the end of the last line (heredoc terminators included). */
  readonly span: Span;
  readonly startLine: number;
  readonly endLine: number;
  /** The physical lines joined the BuildKit way, with a map back to source offsets. */
  readonly logical: LogicalLine;
  /** Each line continuation: the escape character through the end of that line's content. */
  readonly continuations: readonly Span[];
  readonly innerComments: readonly Comment[];
  /** Empty or whitespace-only lines inside the continuation. */
  readonly emptyContinuationLines: readonly Span[];
  /** Set on an ONBUILD trigger. */
  readonly onbuild: boolean;
}

export interface FromInstruction extends InstructionBase {
  readonly name: 'FROM';
  readonly args: readonly Word[];
}
export interface ExposeInstruction extends InstructionBase {
  readonly name: 'EXPOSE';
  readonly args: readonly Word[];
}
export interface CommandInstruction extends InstructionBase {
  readonly name: 'RUN' | 'CMD' | 'ENTRYPOINT' | 'SHELL';
  readonly command: CommandArgs | null;
}
export interface HealthcheckInstruction extends InstructionBase {
  readonly name: 'HEALTHCHECK';
  readonly type: Word | null;
  readonly command: CommandArgs | null;
}
export interface ListInstruction extends InstructionBase {
  readonly name: 'COPY' | 'ADD' | 'VOLUME';
  readonly list: ListArgs | null;
}
export interface KeyValueInstruction extends InstructionBase {
  readonly name: 'ENV' | 'LABEL';
  readonly pairs: readonly KeyValue[];
}
export interface ArgInstruction extends InstructionBase {
  readonly name: 'ARG';
  readonly args: readonly ArgDeclaration[];
}
export interface StringInstruction extends InstructionBase {
  readonly name: 'MAINTAINER' | 'USER' | 'WORKDIR' | 'STOPSIGNAL';
  readonly value: Word | null;
}
export interface OnbuildInstruction extends InstructionBase {
  readonly name: 'ONBUILD';
  readonly trigger: Instruction | null;
}
export interface UnknownInstruction extends InstructionBase {
  readonly name: 'UNKNOWN';
}

export type Instruction =
  | FromInstruction
  | ExposeInstruction
  | CommandInstruction
  | HealthcheckInstruction
  | ListInstruction
  | KeyValueInstruction
  | ArgInstruction
  | StringInstruction
  | OnbuildInstruction
  | UnknownInstruction;

export type InstructionName = Instruction['name'];

export const KNOWN_INSTRUCTIONS: readonly Exclude<InstructionName, 'UNKNOWN'>[] = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
];

/** A top-level piece of the file. Items are contiguous: together they cover every byte. */
export type Item =
  | { readonly kind: 'bom'; readonly span: Span }
  | Directive
  | Comment
  | BlankLine
  | Instruction;

export interface ParseError {
  readonly message: string;
  readonly span: Span;
  /** 1-based physical line where BuildKit reports the error. */
  readonly line: number;
}

export interface Dockerfile {
  readonly text: string;
  readonly bom: boolean;
  readonly escapeChar: EscapeChar;
  readonly directives: readonly Directive[];
  readonly items: readonly Item[];
  /** Each item's extent, including its line terminator (items[i] owns text[extents[i].start, extents[i].end)). */
  readonly extents: readonly Span[];
  readonly instructions: readonly Instruction[];
  /** Every comment line of the file, also those inside continuations (directives excluded). */
  readonly comments: readonly Comment[];
  readonly errors: readonly ParseError[];
}
