/**
 * What the rules that look inside RUN scripts (the hadolint-compatible family) share: the script
 * of a RUN, the span of "the command" in a report, the text of package words that may hold
 * variables, and the two fixes they offer (a word inserted after another, a command appended).
 */
import type { FixDescriptor, RuleContext } from '../../engine/rule.js';
import type { TextEdit } from '../../engine/types.js';
import type { InstructionInfo } from '../../model/model.js';
import type { RunScript } from '../../model/run-script.js';
import type { Span } from '../../parser/source.js';
import { effectiveCommand, type ShellWord, type WordPart } from '../../shell/index.js';
import { wordSpan, type ProgramUse } from '../commands.js';

/** The script of a RUN (plain or ONBUILD trigger) run by a POSIX shell; null otherwise. */
export function runScript(ctx: RuleContext, info: InstructionInfo): RunScript | null {
  return info.instruction.name === 'RUN' ? ctx.script(info) : null;
}

/** The word naming the program that runs (`apt-get` in `sudo apt-get install`). */
export function programWord(use: ProgramUse): ShellWord | null {
  return effectiveCommand(use.command).name ?? use.command.name;
}

/** From the program's name to `last` (`yum install`), or the program's name alone. */
export function commandSpan(script: RunScript, use: ProgramUse, last?: ShellWord | null): Span {
  const first = programWord(use) ?? last;
  if (!first) return wordSpan(script, use.command);
  const start = wordSpan(script, first).start;
  const end = wordSpan(script, last ?? first).end;
  return { start: Math.min(start, end), end: Math.max(start, end) };
}

/** How a variable in a word resolves: its text, or null when it is declared but its value is unknown. */
export type Resolve = (name: string) => string | null;

export interface WordText {
  /** The text, with unknown variables replaced by `placeholder`. */
  readonly text: string;
  /** Some of the text is written literally (not only variables). */
  readonly literal: boolean;
  /** A variable with an unknown value was used. */
  readonly unknown: boolean;
}

/**
 * The text a word has at run time, as far as it can be known: literal parts as written,
 * variables through `resolve`. Null for command substitutions and arithmetic, whose value is
 * anyone's guess.
 */
export function wordText(word: ShellWord, resolve: Resolve = () => null, placeholder = ''): WordText | null {
  if (word.value !== null) return { text: word.value, literal: word.value !== '', unknown: false };
  let text = '';
  let literal = false;
  let unknown = false;
  const walk = (parts: readonly WordPart[]): boolean => {
    for (const p of parts) {
      switch (p.type) {
        case 'literal':
        case 'single-quoted':
        case 'ansi-c-quoted':
          text += p.value;
          if (p.value !== '') literal = true;
          break;
        case 'double-quoted':
        case 'locale-quoted':
          if (!walk(p.parts)) return false;
          break;
        case 'parameter': {
          const v = resolve(p.name);
          if (v === null) {
            unknown = true;
            text += placeholder;
          } else text += v;
          break;
        }
        case 'command-substitution':
        case 'arithmetic':
        case 'process-substitution':
        case 'array':
          return false;
      }
    }
    return true;
  };
  return walk(word.parts) ? { text, literal, unknown } : null;
}

/**
 * The text a package word is judged by: its value, or, when it also holds variables, its literal
 * parts with `0` for each variable (`curl=${CURL_VERSION}` reads `curl=0`: a version is given).
 * Null when nothing of it is literal (`$PACKAGES`): what it expands to is unknown.
 */
export function literalText(word: ShellWord): string | null {
  const t = wordText(word, () => null, '0');
  return t && t.literal ? t.text : null;
}

/** The word as it appears in messages: its value, or its source text when it holds expansions. */
export function shown(word: ShellWord): string {
  return word.value ?? word.raw;
}

/** An edit inserting `text` right after `word`, when the word is written plainly in the Dockerfile. */
export function insertAfter(ctx: RuleContext, script: RunScript, word: ShellWord | null, text: string): TextEdit | null {
  if (!word || word.value === null) return null;
  const at = wordSpan(script, word);
  if (ctx.file.text.slice(at.start, at.end) !== word.value) return null;
  return { start: at.end, end: at.end, text };
}

/**
 * An unsafe fix appending ` && <command>` to a shell-form RUN. Offered only when the script is a
 * plain command list whose last command runs at the top level, with no comment or heredoc that
 * would swallow or split the addition.
 */
export function appendCommand(info: InstructionInfo, script: RunScript, command: string): FixDescriptor | null {
  const ins = info.instruction;
  if (ins.name !== 'RUN' || ins.command?.form !== 'shell' || ins.heredocs.length > 0) return null;
  const shell = script.shell;
  if (shell.errors.length > 0 || shell.comments.length > 0) return null;
  const last = shell.commands.at(-1);
  if (!last || last.context.scopes.length > 0 || last.context.after !== null || last.context.background) return null;
  if (shell.text.slice(last.span.end).trim() !== '') return null;
  const end = ins.command.span.end;
  return { safety: 'unsafe', title: `Append \`&& ${command}\` to the RUN`, edits: [{ start: end, end, text: ` && ${command}` }] };
}

/** The 1-based line of a Dockerfile offset. */
export function lineOf(ctx: RuleContext, offset: number): number {
  return ctx.source.positionAt(offset).line;
}
